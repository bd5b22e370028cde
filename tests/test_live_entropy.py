"""The EntropyExplorer on the chapter 3 page, moved in the browser and checked against infolib."""

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

from infolib import entropy
from infolib.readouts.entropy import entropy_readout

pytestmark = pytest.mark.browser
PAGE = "book/03_entropy.html"
START = (4.0, 3.0, 2.0, 1.0)


def states() -> list[tuple[float, ...]]:
    """Ends of every range, zeros, ties, exact halves (0.0625 rounds to even), random ones."""
    rng = np.random.default_rng(3)
    picked = [
        (10.0, 10.0, 10.0, 10.0),  # uniform: H = log2 4
        (10.0, 0.0, 0.0, 0.0),  # one outcome: H = 0
        (0.5, 0.0, 0.0, 0.0),
        (7.5, 0.5, 0.0, 0.0),  # p = 0.0625: a tie at 3 decimals
        (0.5, 0.5, 0.5, 10.0),
        (0.0, 0.0, 0.0, 0.0),  # no distribution
        (3.0, 3.0, 0.0, 1.5),
    ]
    picked += [tuple(rng.integers(0, 21, 4) / 2) for _ in range(12)]
    return picked


def as_controls(weights: tuple[float, ...]) -> dict[str, float]:
    return {f"weights.{i}": w for i, w in enumerate(weights)}


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    chosen = states() if (viewport, theme) == ("desktop", "light") else states()[:6]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        assert_shows(read(tab, root), entropy_readout(START), "saved state")
        for weights in chosen:
            set_state(tab, root, as_controls(weights))
            shown = read(tab, root)
            assert_shows(shown, entropy_readout(weights), f"weights {weights}")
            if any(weights):
                h = entropy(np.array(weights) / sum(weights))
                assert f"H = {h:.3f} bits" in shown["alt"][0]
            else:
                assert "raise at least one weight" in shown["text"]
        assert_layout(tab, root, f"{viewport} {theme}")
        screenshot(root, f"entropy-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        first = root.query_selector('[data-control="weights.0"]')
        first.focus()
        assert tab.evaluate("document.activeElement.dataset.control") == "weights.0"
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus ring"
        for _ in range(3):
            tab.keyboard.press("ArrowRight")
        assert_shows(read(tab, root), entropy_readout((5.5, 3, 2, 1)), "after 3 ArrowRight")
        tab.keyboard.press("End")
        assert_shows(read(tab, root), entropy_readout((10, 3, 2, 1)), "after End")
        labels = tab.evaluate(
            "(r) => [...r.querySelectorAll('input')].map((i) => i.labels[0].textContent)", root
        )
        assert labels == [f"weight of {s}" for s in ("sunny", "cloudy", "rain", "snow")]
        assert root.query_selector('[aria-live="polite"] [data-key="entropy"]')
        assert not tab.problems, tab.problems


def test_states_cover_every_weight_end_and_the_empty_case() -> None:
    seen = set(itertools.chain.from_iterable(states()))
    assert {0.0, 10.0} <= seen and (0.0,) * 4 in states()
