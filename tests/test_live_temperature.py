"""The TemperatureExplorer on the chapter 8 page, moved in the browser, checked against infolib."""

from __future__ import annotations

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts

from infolib import softmax_at_temperature
from infolib.readouts.temperature import temperature_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/08_cross_entropy_in_practice.html", "temperature")
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
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        chosen = live.sample(states(), first=4)
        live.shows(temperature_readout(TEACHER, STUDENT, START), "saved state")
        alts = set()
        for t in chosen:
            live.set({"temperature": t})
            shown = live.shows(temperature_readout(TEACHER, STUDENT, t), f"T = {t}")
            p = softmax_at_temperature(TEACHER, t)
            assert f"T = {t:.2f}" in shown["alt"][0] and f"cat {p[0]:.3f}" in shown["alt"][0]
            alts.add(shown["alt"][0])
        assert len(alts) == len(set(chosen)), "the text alternative does not follow the state"
        live.assert_layout()
        live.screenshot()


def test_keyboard_moves_the_temperature(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("temperature")
        live.press("ArrowRight", times=4)
        live.shows(temperature_readout(TEACHER, STUDENT, 2.0), "4 ArrowRight")
        live.press("End")
        live.shows(temperature_readout(TEACHER, STUDENT, 10.0), "after End")
        live.assert_announces('[data-key="scaled"]')
