"""Readouts of the FrequencyExplorer (chapter 1) against counts made here, roll by roll."""

from __future__ import annotations

import collections

import numpy as np
import pytest

from infolib.readouts.frequency import SIZES, frequency_counts, frequency_readout

#: The dice by hand: a fair die, and a die whose six comes up 3 times in 8 (weights 1,1,1,1,1,3).
HAND_P = {"fair": [1 / 6] * 6, "loaded": [1 / 8] * 5 + [3 / 8]}


def rolls_by_hand(die: str, seed: int) -> list[int]:
    """The seeded sequence the book documents: 10,000 draws of a fresh default_rng(seed)."""
    return np.random.default_rng(seed).choice(6, size=10_000, p=HAND_P[die]).tolist()


@pytest.mark.parametrize("die", ["fair", "loaded"])
@pytest.mark.parametrize("seed", [1, 7])
def test_counts_are_the_first_n_rolls_counted_one_by_one(die, seed) -> None:
    rolls = rolls_by_hand(die, seed)
    table = frequency_counts(seed)[die]
    assert len(table) == len(SIZES)
    for n, counts in zip(SIZES, table, strict=True):
        tally = collections.Counter(rolls[:n])
        assert counts == [tally[x] for x in range(6)], n
    # A larger n extends the same sequence: no count ever goes down.
    assert (np.diff(np.array(table), axis=0) >= 0).all()


def test_readout_of_one_state_by_hand() -> None:
    rolls = rolls_by_hand("loaded", 1)[:20]
    counts = [rolls.count(x) for x in range(6)]
    r = frequency_readout(20, "loaded", seed=1)
    assert r["n"] == 20
    assert [r[f"p.{x}"] for x in range(6)] == [0.125] * 5 + [0.375]
    assert [r[f"count.{x}"] for x in range(6)] == counts
    assert [r[f"frequency.{x}"] for x in range(6)] == [c / 20 for c in counts]
    gaps = [abs(c / 20 - p) for c, p in zip(counts, HAND_P["loaded"], strict=True)]
    assert r["largest_gap"] == pytest.approx(max(gaps), abs=1e-15)
    per_face = {f"{k}.{x}" for k in ("p", "count", "frequency") for x in range(6)}
    assert set(r) == {"n", "largest_gap"} | per_face


def test_fair_die_probabilities_and_the_law_of_large_numbers() -> None:
    r = frequency_readout(10, "fair")
    assert [r[f"p.{x}"] for x in range(6)] == pytest.approx([1 / 6] * 6, rel=1e-15)
    # 10 rolls: each frequency is a multiple of 1/10, so some face misses 1/6 by at least 1/15.
    assert r["largest_gap"] >= 1 / 15 - 1e-15
    # 10,000 rolls: the standard error of a frequency is sqrt(p(1-p)/n) < 0.004; 0.02 is 5 of them.
    for die in ("fair", "loaded"):
        assert frequency_readout(10_000, die)["largest_gap"] < 0.02


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        ((15, "fair"), ValueError, "^n must be one of 10, 20, 50"),
        ((True, "fair"), TypeError, "^n must be an integer, got True"),
        ((20.0, "fair"), TypeError, "^n must be an integer, got 20.0"),
        ((20, "biased"), ValueError, "^die must be 'fair' or 'loaded', got 'biased'"),
        ((20, 1), TypeError, "^die must be 'fair' or 'loaded', got 1"),
        ((20, "fair", -1), ValueError, "^seed must be at least 0, got -1"),
        ((20, "fair", 1.0), TypeError, "^seed must be an integer, got 1.0"),
    ],
)
def test_readout_refuses_bad_input(args, error, words) -> None:
    with pytest.raises(error, match=words):
        frequency_readout(*args)
