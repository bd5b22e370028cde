"""The DivergenceExplorer's readout against hand values and scipy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats
from scipy.spatial.distance import jensenshannon

from infolib.readouts.divergence import divergence_readout, divergence_ruled_out

LABELS = ("sunny", "cloudy", "rain", "snow")


def test_a_fair_coin_against_a_biased_one_by_hand() -> None:
    # p = (1/2, 1/2), q = (1/4, 3/4):
    # D(p||q) = 1/2 log2 2 + 1/2 log2(2/3) = 1 - log2(3)/2;
    # D(q||p) = 1/4 log2(1/2) + 3/4 log2(3/2) = 3/4 log2 3 - 1.
    r = divergence_readout((1, 1), (1, 3))
    assert r["kl_pq"] == pytest.approx(1 - math.log2(3) / 2, rel=1e-14)
    assert r["kl_qp"] == pytest.approx(0.75 * math.log2(3) - 1, rel=1e-14)
    assert (r["p.0"], r["p.1"], r["q.0"], r["q.1"]) == (0.5, 0.5, 0.25, 0.75)
    # JS by hand: m = (3/8, 5/8).
    m = np.array([3 / 8, 5 / 8])
    js = (
        0.5 * (0.5 * np.log2(0.5 / m)).sum()
        + 0.5 * (np.array([0.25, 0.75]) * np.log2([0.25, 0.75] / m)).sum()
    )
    assert r["js"] == pytest.approx(js, rel=1e-12)


def test_equal_distributions_diverge_by_nothing() -> None:
    r = divergence_readout((2, 1, 1), (4, 2, 2))
    assert r["kl_pq"] == 0.0 and r["kl_qp"] == 0.0 and r["js"] == 0.0


def test_p_zero_where_q_is_not_keeps_the_forward_direction_finite() -> None:
    # p rules out snow, q allows it: D(p||q) = log2(4/3) (hand), D(q||p) infinite.
    r = divergence_readout((1, 1, 1, 0), (1, 1, 1, 1))
    assert r["kl_pq"] == pytest.approx(math.log2(4 / 3), rel=1e-14)
    assert math.isinf(r["kl_qp"])
    assert divergence_ruled_out((1, 1, 1, 0), (1, 1, 1, 1), LABELS) == {
        "p||q": [],
        "q||p": ["snow"],
    }


def test_disjoint_supports_reach_the_js_ceiling() -> None:
    r = divergence_readout((1, 1, 0, 0), (0, 0, 1, 1))
    assert math.isinf(r["kl_pq"]) and math.isinf(r["kl_qp"])
    assert r["js"] == pytest.approx(1.0, abs=1e-15) and r["js"] <= 1.0
    assert divergence_ruled_out((1, 1, 0, 0), (0, 0, 1, 1), LABELS) == {
        "p||q": ["sunny", "cloudy"],
        "q||p": ["rain", "snow"],
    }


def test_one_weighting_all_zero_leaves_only_the_other_distribution() -> None:
    assert divergence_readout((0, 0), (1, 3)) == {"q.0": 0.25, "q.1": 0.75}
    assert divergence_readout((1, 3), (0, 0)) == {"p.0": 0.25, "p.1": 0.75}
    assert divergence_readout((0, 0), (0, 0)) == {}
    assert divergence_ruled_out((0, 0), (1, 0), "ab") == {"p||q": [], "q||p": []}


@pytest.mark.parametrize("seed", range(12))
def test_random_weights_match_scipy(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    a, b = rng.integers(0, 21, 4) / 2, rng.integers(0, 21, 4) / 2
    if not a.any() or not b.any():
        pytest.skip("no distribution")
    r = divergence_readout(tuple(a), tuple(b))
    p, q = a / a.sum(), b / b.sum()
    assert r["kl_pq"] == pytest.approx(stats.entropy(p, q, base=2), rel=1e-12, abs=1e-15)
    assert r["kl_qp"] == pytest.approx(stats.entropy(q, p, base=2), rel=1e-12, abs=1e-15)
    assert r["js"] == pytest.approx(jensenshannon(p, q, base=2) ** 2, rel=1e-9, abs=1e-15)
    assert [r[f"p.{i}"] for i in range(4)] == pytest.approx(p, rel=1e-15)


@pytest.mark.parametrize(
    ("p_weights", "q_weights", "error", "match"),
    [
        ((1, 1.2), (1, 1), ValueError, r"^p_weights\[1\] must be a multiple of 0.5"),
        ((1, 1), (1, 10.5), ValueError, r"^q_weights\[1\] must be a multiple of 0.5"),
        ((1, 1), (1, 1, 1), ValueError, "^p_weights and q_weights must have the same length"),
        ((1,), (1,), ValueError, "^p_weights must have 2 to 6 entries, got 1"),
        ((1, None), (1, 1), TypeError, r"^p_weights\[1\] must be a real number, got None"),
        ((1, 1), (1, False), TypeError, r"^q_weights\[1\] must be a real number, got False"),
        ((1, 1), (1, np.inf), ValueError, r"^q_weights\[1\] must be a finite number, got inf"),
    ],
)
def test_bad_input_is_refused(p_weights, q_weights, error, match) -> None:
    with pytest.raises(error, match=match):
        divergence_readout(p_weights, q_weights)
    with pytest.raises(error, match=match):
        divergence_ruled_out(p_weights, q_weights, ["a"] * len(p_weights))


def test_ruled_out_needs_one_label_per_outcome() -> None:
    with pytest.raises(ValueError, match=r"^labels and p_weights must have the same length"):
        divergence_ruled_out((1, 1), (1, 1), ["a"])
