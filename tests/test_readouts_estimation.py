"""Readouts of the EstimationExplorer (chapter 9) against estimates computed here, sample by sample.

The samples are redrawn with the documented generator and each estimate is computed by a loop
over the counts (scipy for the plug-in entropy, the Miller-Madow term added by hand); the true
entropy of the skewed distribution is written out from its weights 64, 32, 16, 8, 4, 2, 1, 1.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats

from infolib.readouts.estimation import (
    REPEATS,
    SIZES,
    estimation_probabilities,
    estimation_readout,
    estimation_table,
)

# 1/2, 1/4, 1/8, 1/16, 1/32, 1/64 and twice 1/128: sum of p log2(1/p) by hand.
SKEWED_H = 1 / 2 + 2 / 4 + 3 / 8 + 4 / 16 + 5 / 32 + 6 / 64 + 2 * 7 / 128


def estimates_by_hand(name: str, seed: int, k: int) -> tuple[list[float], list[float], list[int]]:
    rng = np.random.default_rng(seed)
    p = estimation_probabilities(name)
    for j in range(k + 1):
        counts = rng.multinomial(SIZES[j], p, size=REPEATS)
    plug, mm, seen = [], [], []
    for c in counts.tolist():
        h = float(scipy.stats.entropy(c, base=2))
        m_hat = sum(1 for x in c if x > 0)
        plug.append(h)
        mm.append(h + (m_hat - 1) / (2 * SIZES[k] * math.log(2)))
        seen.append(m_hat)
    return plug, mm, seen


@pytest.mark.parametrize("name", ["uniform", "skewed"])
@pytest.mark.parametrize("k", [0, 3, 8])
def test_table_summarises_the_seeded_estimates(name, k) -> None:
    plug, mm, seen = estimates_by_hand(name, 1, k)
    row = estimation_table(1)[name][k]
    expected = [np.mean(plug), np.std(plug), np.mean(mm), np.std(mm), np.mean(seen)]
    assert row == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_readout_closed_forms() -> None:
    r = estimation_readout(16, "skewed")
    assert r["entropy"] == pytest.approx(SKEWED_H, rel=1e-15)
    assert r["first_order_bias"] == pytest.approx(-7 / (32 * math.log(2)), rel=1e-15)
    assert r["plugin.bias"] == r["plugin.mean"] - r["entropy"]
    assert estimation_readout(64, "uniform")["entropy"] == 3.0


def test_the_bias_shrinks_and_miller_madow_removes_most_of_it_at_large_n() -> None:
    for name in ("uniform", "skewed"):
        biases = [estimation_readout(n, name)["plugin.bias"] for n in SIZES]
        assert all(b < 0 for b in biases)
        assert biases == sorted(biases)
        big = estimation_readout(1024, name)
        assert abs(big["miller_madow.bias"]) < abs(big["plugin.bias"]) / 3


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((10, "uniform"), "n must be one of"),
        ((16, "flat"), "distribution must be 'uniform' or 'skewed'"),
        ((16, "uniform", -1), "^seed must be at least 0, got -1"),
    ],
)
def test_bad_input(args, words) -> None:
    with pytest.raises(ValueError, match=words):
        estimation_readout(*args)
