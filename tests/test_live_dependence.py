"""The DependenceExplorer on the chapter 6 page, moved in a browser and checked against infolib."""

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

from infolib import conditional_entropy, mutual_information
from infolib.readouts.dependence import dependence_readout

pytestmark = pytest.mark.browser
PAGE = "book/06_dependence.html"
START = (7.0, 1.0, 1.0, 1.0)


def states() -> list[tuple[float, ...]]:
    """Ends of the range, zeros, rows and columns that never happen, ties, random ones."""
    rng = np.random.default_rng(6)
    picked = [
        (2.0, 6.0, 1.0, 3.0),  # an outer product: I = 0
        (10.0, 0.0, 0.0, 10.0),  # Y is a copy of X: I = 1 bit
        (0.0, 10.0, 10.0, 0.0),
        (10.0, 10.0, 10.0, 10.0),  # independent fair coins: H(X, Y) = 2 bits
        (3.0, 1.0, 0.0, 0.0),  # X never takes its second value: no H(Y | X = low)
        (0.0, 0.0, 0.5, 0.0),  # one cell: every entropy 0
        (7.5, 0.5, 0.0, 0.0),  # p = 0.0625: a tie at 3 decimals
        (0.0, 0.0, 0.0, 0.0),  # no distribution
        (9.0, 1.0, 1.0, 1.0),
    ]
    picked += [tuple(rng.integers(0, 21, 4) / 2) for _ in range(10)]
    return picked


def as_controls(weights: tuple[float, ...]) -> dict[str, float]:
    return {f"weights.{i}": w for i, w in enumerate(weights)}


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    chosen = states() if (viewport, theme) == ("desktop", "light") else states()[:9]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        assert_shows(read(tab, root), dependence_readout(START), "saved state")
        for weights in chosen:
            set_state(tab, root, as_controls(weights))
            shown = read(tab, root)
            assert_shows(shown, dependence_readout(weights), f"weights {weights}")
            if any(weights):
                table = (np.array(weights) / sum(weights)).reshape(2, 2)
                alt = shown["alt"][0]
                assert f"I(X; Y) = {mutual_information(table):.3f}" in alt
                assert f"H(Y | X) = {conditional_entropy(table):.3f}" in alt
            else:
                assert "raise at least one weight" in shown["text"]
                assert "No distribution" in shown["message"]
        assert_layout(tab, root, f"{viewport} {theme}")
        screenshot(root, f"dependence-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_the_pointwise_sentence_names_the_row(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        assert "Learning X = low leaves Y more uncertain" in read(tab, root)["text"]
        set_state(tab, root, as_controls((2.0, 6.0, 1.0, 3.0)))
        assert "No row leaves Y more uncertain" in read(tab, root)["text"]
        assert not tab.problems, tab.problems


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        first = root.query_selector('[data-control="weights.3"]')
        first.focus()
        assert tab.evaluate("document.activeElement.dataset.control") == "weights.3"
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus ring"
        for _ in range(3):
            tab.keyboard.press("ArrowRight")
        assert_shows(read(tab, root), dependence_readout((7, 1, 1, 2.5)), "after 3 ArrowRight")
        tab.keyboard.press("Home")
        assert_shows(read(tab, root), dependence_readout((7, 1, 1, 0)), "after Home")
        labels = tab.evaluate(
            "(r) => [...r.querySelectorAll('input')].map((i) => i.labels[0].textContent)", root
        )
        assert labels == ["high and dry", "high and rain", "low and dry", "low and rain"]
        assert root.query_selector('[aria-live="polite"] [data-key="mi"]')
        assert not tab.problems, tab.problems


def test_states_cover_every_weight_end_and_the_empty_case() -> None:
    seen = set(itertools.chain.from_iterable(states()))
    assert {0.0, 10.0} <= seen and (0.0,) * 4 in states()
