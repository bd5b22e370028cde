"""Readouts and claim checks of the MisconceptionExplorer (chapter 10) against hand values, scipy.

Hand values for p = (1/2, 1/2), q = (1/4, 3/4): H(p, q) = 1/2 log2 4 + 1/2 log2(4/3)
= 2 - log2(3)/2, H(q, p) = 1 bit, D(q || p) = 1/4 log2(1/2) + 3/4 log2(3/2) = 3/4 log2(3) - 1,
and with m = (3/8, 5/8), D(p || m) + D(m || q) = 1/2 log2(16/15) + 3/8 log2(3/2) + 5/8 log2(5/6).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats

from infolib.readouts.misconception import CLAIMS, check_claims, misconception_readout

HALF_QUARTER = {
    "p.0": 0.5,
    "p.1": 0.5,
    "q.0": 0.25,
    "q.1": 0.75,
    "entropy_p": 1.0,
    "entropy_q": 2 - 0.75 * math.log2(3),
    "cross_entropy_pq": 2 - 0.5 * math.log2(3),
    "cross_entropy_qp": 1.0,
    "kl_pq": 1 - 0.5 * math.log2(3),
    "kl_qp": 0.75 * math.log2(3) - 1,
    "kl_through_mixture": 0.5 * math.log2(16 / 15)
    + 0.375 * math.log2(1.5)
    + 0.625 * math.log2(5 / 6),
}


def test_readout_of_the_hand_pair() -> None:
    r = misconception_readout([1, 1], [1, 3])
    assert set(r) == set(HALF_QUARTER)
    for key, value in HALF_QUARTER.items():
        assert r[key] == pytest.approx(value, rel=1e-12, abs=1e-15), key


def test_verdicts_of_the_hand_pair() -> None:
    # 0.2075 bits direct, 0.1016 bits through m: the triangle inequality fails.
    assert HALF_QUARTER["kl_pq"] > HALF_QUARTER["kl_through_mixture"]
    assert check_claims([0.5, 0.5], [0.25, 0.75]) == {
        "perfect_model_scores_zero": False,
        "kl_symmetric": False,
        "names_interchangeable": False,
        "triangle_inequality": False,
        "finite_cost": True,
        "decomposition": True,
    }
    assert list(check_claims([0.5, 0.5], [0.25, 0.75])) == [k for k, _ in CLAIMS]


def test_q_missing_part_of_the_support() -> None:
    r = misconception_readout([1, 1], [0, 1])
    assert r["kl_pq"] == math.inf and r["cross_entropy_pq"] == math.inf
    assert r["kl_qp"] == 1.0 and r["cross_entropy_qp"] == 1.0  # log2(1 / (1/2))
    assert r["kl_through_mixture"] == math.inf  # m puts mass where q has none
    claims = check_claims([0.5, 0.5], [0.0, 1.0])
    assert claims["finite_cost"] is False
    assert claims["decomposition"] is True  # inf = 1 + inf
    # inf <= inf must not count as the triangle inequality holding: no distance is infinite.
    assert claims["triangle_inequality"] is False
    assert claims["kl_symmetric"] is False  # inf against 1 bit


def test_disjoint_one_hots_are_infinite_both_ways() -> None:
    # Both divergences infinite: numpy.isclose calls inf and inf equal, so the symmetry claim
    # "holds" for this pair, as the explorer in widgets.py decided too.
    claims = check_claims([1.0, 0.0], [0.0, 1.0])
    assert claims["kl_symmetric"] and claims["names_interchangeable"]
    assert claims["perfect_model_scores_zero"]  # H(p) = 0 for a one-hot p
    assert not claims["finite_cost"] and not claims["triangle_inequality"]


@pytest.mark.parametrize(
    ("p_weights", "q_weights"),
    [((6, 3, 1), (2, 3, 5)), ((1, 1, 1), (1, 1, 2)), ((10, 0.5, 0), (0.5, 10, 0.5))],
)
def test_triangle_check_never_holds_for_distinct_pairs(p_weights, q_weights) -> None:
    # By convexity, D(p || m) and D(m || q) are each at most D(p || q) / 2 for m = (p + q) / 2,
    # so the detour through m is never longer. Expected values from scipy, in bits.
    p = np.array(p_weights) / sum(p_weights)
    q = np.array(q_weights) / sum(q_weights)
    m = (p + q) / 2
    r = misconception_readout(p_weights, q_weights)
    direct = scipy.stats.entropy(p, q, base=2)
    halves = scipy.stats.entropy(p, m, base=2), scipy.stats.entropy(m, q, base=2)
    assert r["kl_pq"] == pytest.approx(direct, rel=1e-12)
    assert r["kl_qp"] == pytest.approx(scipy.stats.entropy(q, p, base=2), rel=1e-12)
    assert r["entropy_q"] == pytest.approx(scipy.stats.entropy(q, base=2), rel=1e-12)
    assert r["kl_through_mixture"] == pytest.approx(sum(halves), rel=1e-12)
    assert max(halves) <= direct / 2
    assert check_claims(p, q)["triangle_inequality"] is False


def test_equal_and_one_hot_pairs() -> None:
    claims = check_claims([0.5, 0.5], [0.5, 0.5])
    assert claims["kl_symmetric"] and claims["triangle_inequality"]  # 0 <= 0 + 0
    assert claims["perfect_model_scores_zero"] is False  # H(p, p) = H(p) = 1 bit
    assert misconception_readout([1, 1], [1, 1])["cross_entropy_pq"] == 1.0
    r = misconception_readout([0, 1], [1, 1])
    assert r["entropy_p"] == 0.0 and r["kl_pq"] == pytest.approx(1.0)
    assert check_claims([0.0, 1.0], [0.5, 0.5])["perfect_model_scores_zero"] is True


def test_mirror_pairs_are_symmetric_within_the_tolerance() -> None:
    # p = (3/4, 1/4), q = (1/4, 3/4): D(p||q) = D(q||p) = 1/2 log2 3 by symmetry of the pair.
    claims = check_claims([0.75, 0.25], [0.25, 0.75])
    assert claims["kl_symmetric"] and claims["names_interchangeable"]
    r = misconception_readout([3, 1], [1, 3])
    assert r["kl_pq"] == pytest.approx(0.5 * math.log2(3), rel=1e-12)


def test_no_pair_when_either_side_is_all_zero() -> None:
    assert misconception_readout([0, 0, 0], [1, 2, 3]) == {}
    assert misconception_readout([1, 2, 3], [0, 0, 0]) == {}


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        (([1, 2.2], [1, 1]), ValueError, r"^p_weights\[1\] must be a multiple of 0.5"),
        (([1, 1], [1, 10.5]), ValueError, r"^q_weights\[1\] must be a multiple of 0.5"),
        (
            ([1, 1], [1, 1, 1]),
            ValueError,
            "^p_weights and q_weights must have the same length, got 2 and 3",
        ),
        (
            ("ab", [1, 1]),
            TypeError,
            "^p_weights must be a list, tuple or array of numbers, got a string",
        ),
        (([1, True], [1, 1]), TypeError, r"^p_weights\[1\] must be a real number, got True"),
        (([1, np.nan], [1, 1]), ValueError, r"^p_weights\[1\] must be a finite number, got nan"),
    ],
)
def test_readout_refuses_bad_input(args, error, words) -> None:
    with pytest.raises(error, match=words):
        misconception_readout(*args)
