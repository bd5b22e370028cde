"""The GaussianFitExplorer on the chapter 5 page, moved in the browser, checked with infolib."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts

from infolib.readouts.gaussian_fit import gaussian_fit_readout
from infolib.readouts.support import printed

pytestmark = pytest.mark.browser
#: The second explorer on the chapter 5 page, after the DivergenceExplorer.
EXPLORER = LiveExplorer("book/05_kl_divergence.html", "gaussian_fit", index=1)
START = (6.0, 0.6)


def states() -> list[tuple[float, float]]:
    """Corners and edges of both ranges, one bump (d = 0), equal weights, random states."""
    rng = np.random.default_rng(6)
    picked = [
        (0.0, 0.1),
        (8.0, 0.9),
        (8.0, 0.1),
        (0.0, 0.9),
        (0.25, 0.5),
        (4.0, 0.5),  # equal bumps: the reverse fit picks one
        (8.0, 0.5),
        (3.0, 0.35),
    ]
    picked += [
        (float(rng.integers(0, 33)) / 4, round(0.1 + 0.05 * int(rng.integers(0, 17)), 2))
        for _ in range(12)
    ]
    return picked


def as_controls(state: tuple[float, float]) -> dict[str, float]:
    return {"separation": state[0], "weight": state[1]}


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        chosen = live.sample(states(), first=6)
        first = live.shows(gaussian_fit_readout(*START), "saved state")
        assert "precomputed" in live.tab.evaluate(
            "(r) => r.querySelector('.ix-precomputed').textContent", live.root
        )
        alts = {first["alt"][0]}
        for d, w in chosen:
            live.set(as_controls((d, w)))
            state = f"d = {d}, w = {w}"
            expected = gaussian_fit_readout(d, w)
            alt = live.shows(expected, state)["alt"][0]
            context = f"{live.where} {state}"
            left = printed(-d / 2, 2)  # "0.00" when d = 0, never "-0.00"
            assert f"bumps at {left} and +{d / 2:.2f} and left weight {w:.2f}" in alt, context
            for fit in ("forward", "reverse"):
                mean, std = expected[f"{fit}.mean"], expected[f"{fit}.std"]
                assert f"mean {printed(mean, 2)} and standard deviation {printed(std, 2)}" in alt, (
                    context
                )
            # The three curves are drawn, and none leaves the plot.
            paths = live.root.query_selector_all("svg path")
            assert len(paths) == 3, context
            alts.add(alt)
            live.assert_layout(state)
        assert len(alts) == len(set(chosen) | {START}), "the alt text does not follow the state"
        live.set(as_controls((6.0, 0.3)))
        live.screenshot()


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("weight")
        live.press("ArrowRight", times=3)
        live.shows(gaussian_fit_readout(6.0, 0.75), "3 ArrowRight")
        live.press("End")
        live.shows(gaussian_fit_readout(6.0, 0.9), "after End")
        live.focus("separation")
        live.press("Home")
        live.shows(gaussian_fit_readout(0.0, 0.9), "after Home")
        assert live.labels() == ["separation d", "left weight w"]
        # Two explorers share this page: their ids (label targets, patterns) must not clash.
        clashes = live.tab.evaluate(
            "() => { const ids = [...document.querySelectorAll('.infolib-explorer [id]')]"
            ".map((e) => e.id); return ids.length - new Set(ids).size; }"
        )
        assert clashes == 0


def test_states_cover_every_corner() -> None:
    corners = set(itertools.product((0.0, 8.0), (0.1, 0.9)))
    assert corners <= set(states())
