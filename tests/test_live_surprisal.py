"""The SurprisalExplorer on the chapter 2 page, moved in the browser and checked against infolib."""

from __future__ import annotations

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts

from infolib import information_content
from infolib.readouts.surprisal import surprisal_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/02_information_content.html", "surprisal")


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
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        chosen = live.sample(states(), first=5)
        live.shows(surprisal_readout(0.25, "bits"), "saved state")
        alts = set()
        for p, unit in chosen:
            live.set({"unit": unit, "p": p})
            shown = live.shows(surprisal_readout(p, unit), f"p = {p} in {unit}")
            base = 2 if unit == "bits" else np.e
            assert f"I = {information_content(p, base=base):.3f} {unit}" in shown["alt"][0]
            alts.add(shown["alt"][0])
        assert len(alts) == len(set(chosen)), "the text alternative does not follow the state"
        live.assert_layout()
        live.screenshot()


def test_keyboard_moves_p_and_switches_the_unit(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url, "phone", "light") as live:
        live.focus("p")
        live.press("Home")
        live.shows(surprisal_readout(0.001, "bits"), "after Home")
        live.press("ArrowRight")
        live.shows(surprisal_readout(0.002, "bits"), "after ArrowRight")
        live.press("Tab")  # to the unit radios
        live.press("ArrowRight")  # radio groups move with the arrow keys
        assert live.tab.evaluate("document.activeElement.value") == "nats"
        live.shows(surprisal_readout(0.002, "nats"), "after choosing nats")
