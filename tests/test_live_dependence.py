"""The DependenceExplorer on the chapter 6 page, moved in a browser and checked against infolib."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts, indexed

from infolib import conditional_entropy, mutual_information
from infolib.readouts.dependence import dependence_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/06_dependence.html", "dependence")
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


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        live.shows(dependence_readout(START), "saved state")
        for weights in live.sample(states(), first=9):
            live.set(indexed("weights", weights))
            shown = live.shows(dependence_readout(weights), f"weights {weights}")
            if any(weights):
                table = (np.array(weights) / sum(weights)).reshape(2, 2)
                alt = shown["alt"][0]
                assert f"I(X; Y) = {mutual_information(table):.3f}" in alt
                assert f"H(Y | X) = {conditional_entropy(table):.3f}" in alt
            else:
                assert "raise at least one weight" in shown["text"]
                assert "No distribution" in shown["message"]
        live.assert_layout()
        live.screenshot()


def test_the_pointwise_sentence_names_the_row(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        assert "Learning X = low leaves Y more uncertain" in live.read()["text"]
        live.set(indexed("weights", (2.0, 6.0, 1.0, 3.0)))
        assert "No row leaves Y more uncertain" in live.read()["text"]


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("weights.3")
        live.press("ArrowRight", times=3)
        live.shows(dependence_readout((7, 1, 1, 2.5)), "after 3 ArrowRight")
        live.press("Home")
        live.shows(dependence_readout((7, 1, 1, 0)), "after Home")
        assert live.labels() == ["high and dry", "high and rain", "low and dry", "low and rain"]
        live.assert_announces('[data-key="mi"]')


def test_states_cover_every_weight_end_and_the_empty_case() -> None:
    seen = set(itertools.chain.from_iterable(states()))
    assert {0.0, 10.0} <= seen and (0.0,) * 4 in states()
