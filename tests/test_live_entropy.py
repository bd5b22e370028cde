"""The EntropyExplorer on the chapter 3 page, moved in the browser and checked against infolib."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts, indexed

from infolib import entropy
from infolib.readouts.entropy import entropy_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/03_entropy.html", "entropy")
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


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        live.shows(entropy_readout(START), "saved state")
        for weights in live.sample(states(), first=6):
            live.set(indexed("weights", weights))
            shown = live.shows(entropy_readout(weights), f"weights {weights}")
            if any(weights):
                h = entropy(np.array(weights) / sum(weights))
                assert f"H = {h:.3f} bits" in shown["alt"][0]
            else:
                assert "raise at least one weight" in shown["text"]
        live.assert_layout()
        live.screenshot()


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("weights.0")
        live.press("ArrowRight", times=3)
        live.shows(entropy_readout((5.5, 3, 2, 1)), "after 3 ArrowRight")
        live.press("End")
        live.shows(entropy_readout((10, 3, 2, 1)), "after End")
        assert live.labels() == [f"weight of {s}" for s in ("sunny", "cloudy", "rain", "snow")]
        live.assert_announces('[data-key="entropy"]')


def test_states_cover_every_weight_end_and_the_empty_case() -> None:
    seen = set(itertools.chain.from_iterable(states()))
    assert {0.0, 10.0} <= seen and (0.0,) * 4 in states()
