"""The TemperatureExplorer on the chapter 8 page, moved in the browser, checked against infolib."""

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

from infolib import softmax_at_temperature
from infolib.readouts.temperature import temperature_readout

pytestmark = pytest.mark.browser
PAGE = "book/08_cross_entropy_in_practice.html"
TEACHER = (6.0, 4.0, 1.0, -2.0)
STUDENT = (2.0, 2.5, 1.5, 0.0)
START = 1.0


def states() -> list[float]:
    """Both ends of the slider, the start, and seeded random positions."""
    rng = np.random.default_rng(8)
    picked = [0.25, 10.0, 1.0, 0.5, 2.0, 4.0]
    picked += [0.25 * int(k) for k in rng.integers(1, 41, 10)]
    return picked


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    chosen = states() if (viewport, theme) == ("desktop", "light") else states()[:4]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        assert_shows(read(tab, root), temperature_readout(TEACHER, STUDENT, START), "saved state")
        alts = set()
        for t in chosen:
            set_state(tab, root, {"temperature": t})
            shown = read(tab, root)
            assert_shows(shown, temperature_readout(TEACHER, STUDENT, t), f"T = {t}")
            p = softmax_at_temperature(TEACHER, t)
            assert f"T = {t:.2f}" in shown["alt"][0] and f"cat {p[0]:.3f}" in shown["alt"][0]
            alts.add(shown["alt"][0])
        assert len(alts) == len(set(chosen)), "the text alternative does not follow the state"
        assert_layout(tab, root, f"{viewport} {theme}")
        screenshot(root, f"temperature-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_the_temperature(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        control = root.query_selector('[data-control="temperature"]')
        control.focus()
        for _ in range(4):
            tab.keyboard.press("ArrowRight")
        assert_shows(read(tab, root), temperature_readout(TEACHER, STUDENT, 2.0), "4 ArrowRight")
        tab.keyboard.press("End")
        assert_shows(read(tab, root), temperature_readout(TEACHER, STUDENT, 10.0), "after End")
        assert root.query_selector('[aria-live="polite"] [data-key="scaled"]')
        assert not tab.problems, tab.problems
