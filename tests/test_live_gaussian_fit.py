"""The GaussianFitExplorer on the chapter 5 page, moved in the browser, checked with infolib."""

from __future__ import annotations

import itertools

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

from infolib.readouts.gaussian_fit import gaussian_fit_readout
from infolib.readouts.support import printed

pytestmark = pytest.mark.browser
PAGE = "book/05_kl_divergence.html"
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
    desktop_light = (viewport, theme) == ("desktop", "light")
    chosen = states() if desktop_light else states()[:6]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 1)
        first = read(tab, root)
        assert_shows(first, gaussian_fit_readout(*START), "saved state")
        assert "precomputed" in tab.evaluate(
            "(r) => r.querySelector('.ix-precomputed').textContent", root
        )
        alts = {first["alt"][0]}
        for d, w in chosen:
            set_state(tab, root, as_controls((d, w)))
            shown = read(tab, root)
            context = f"{viewport} {theme} d = {d}, w = {w}"
            expected = gaussian_fit_readout(d, w)
            assert_shows(shown, expected, context)
            alt = shown["alt"][0]
            left = printed(-d / 2, 2)  # "0.00" when d = 0, never "-0.00"
            assert f"bumps at {left} and +{d / 2:.2f} and left weight {w:.2f}" in alt, context
            for fit in ("forward", "reverse"):
                mean, std = expected[f"{fit}.mean"], expected[f"{fit}.std"]
                assert f"mean {printed(mean, 2)} and standard deviation {printed(std, 2)}" in alt, (
                    context
                )
            # The three curves are drawn, and none leaves the plot.
            paths = tab.evaluate("(r) => [...r.querySelectorAll('svg path')].length", root)
            assert paths == 3, context
            alts.add(alt)
            assert_layout(tab, root, context)
        assert len(alts) == len(set(chosen) | {START}), "the alt text does not follow the state"
        set_state(tab, root, as_controls((6.0, 0.3)))
        screenshot(root, f"gaussian_fit-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 1)
        control = root.query_selector('[data-control="weight"]')
        control.focus()
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus ring"
        for _ in range(3):
            tab.keyboard.press("ArrowRight")
        assert_shows(read(tab, root), gaussian_fit_readout(6.0, 0.75), "3 ArrowRight")
        tab.keyboard.press("End")
        assert_shows(read(tab, root), gaussian_fit_readout(6.0, 0.9), "after End")
        root.query_selector('[data-control="separation"]').focus()
        tab.keyboard.press("Home")
        assert_shows(read(tab, root), gaussian_fit_readout(0.0, 0.9), "after Home")
        labels = tab.evaluate(
            "(r) => [...r.querySelectorAll('input')].map((i) => i.labels[0].textContent)", root
        )
        assert labels == ["separation d", "left weight w"]
        # Two explorers share this page: their ids (label targets, patterns) must not clash.
        clashes = tab.evaluate(
            "() => { const ids = [...document.querySelectorAll('.infolib-explorer [id]')]"
            ".map((e) => e.id); return ids.length - new Set(ids).size; }"
        )
        assert clashes == 0
        assert not tab.problems, tab.problems


def test_states_cover_every_corner() -> None:
    corners = set(itertools.product((0.0, 8.0), (0.1, 0.9)))
    assert corners <= set(states())
