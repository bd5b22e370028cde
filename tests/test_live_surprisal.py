"""The SurprisalExplorer on the chapter 2 page, moved in the browser and checked against infolib."""

from __future__ import annotations

import numpy as np
import pytest
from live_harness import (
    assert_layout,
    assert_shows,
    contexts,
    explorer,
    open_page,
    read,
    screenshot,
    set_state,
)

from infolib import information_content
from infolib.readouts.surprisal import surprisal_readout

pytestmark = pytest.mark.browser
PAGE = "book/02_information_content.html"


def states() -> list[tuple[float, str]]:
    """Both ends of the slider, the dyadic points, ties at 2 decimals, seeded random ones."""
    rng = np.random.default_rng(2)
    picked = [(0.001, "bits"), (1.0, "bits"), (0.5, "bits"), (0.125, "nats"), (1.0, "nats")]
    picked += [(0.001, "nats"), (0.25, "bits"), (0.999, "bits"), (0.177, "bits")]
    picked += [
        (round(int(k) / 1000, 3), str(u))
        for k, u in zip(rng.integers(1, 1001, 12), rng.choice(["bits", "nats"], 12), strict=True)
    ]
    return picked


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    chosen = states() if (viewport, theme) == ("desktop", "light") else states()[:5]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        assert_shows(read(tab, root), surprisal_readout(0.25, "bits"), "saved state")
        alts = set()
        for p, unit in chosen:
            set_state(tab, root, {"unit": unit, "p": p})
            shown = read(tab, root)
            assert_shows(shown, surprisal_readout(p, unit), f"p = {p} in {unit}")
            base = 2 if unit == "bits" else np.e
            assert f"I = {information_content(p, base=base):.3f} {unit}" in shown["alt"][0]
            alts.add(shown["alt"][0])
        assert len(alts) == len(set(chosen)), "the text alternative does not follow the state"
        assert_layout(tab, root, f"{viewport} {theme}")
        screenshot(root, f"surprisal-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_p_and_switches_the_unit(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="phone", theme="light") as tab:
        root = explorer(tab, 0)
        root.query_selector('[data-control="p"]').focus()
        tab.keyboard.press("Home")
        assert_shows(read(tab, root), surprisal_readout(0.001, "bits"), "after Home")
        tab.keyboard.press("ArrowRight")
        assert_shows(read(tab, root), surprisal_readout(0.002, "bits"), "after ArrowRight")
        tab.keyboard.press("Tab")  # to the unit radios
        tab.keyboard.press("ArrowRight")  # radio groups move with the arrow keys
        assert tab.evaluate("document.activeElement.value") == "nats"
        assert_shows(read(tab, root), surprisal_readout(0.002, "nats"), "after choosing nats")
        assert not tab.problems, tab.problems
