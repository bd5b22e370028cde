"""The CrossEntropyExplorer's readout (and the shared "q rules out" logic) against oracles."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from infolib.readouts.cross_entropy import cross_entropy_readout, cross_entropy_ruled_out
from infolib.readouts.support import ruled_out

P = (0.5, 0.25, 0.125, 0.125)
LABELS = ("sunny", "cloudy", "rain", "snow")


def test_uniform_model_costs_two_bits_a_quarter_bit_above_the_entropy() -> None:
    # Hand values: H(p) = 0.5*1 + 0.25*2 + 2*0.125*3 = 1.75; a uniform q costs 2 bits each.
    r = cross_entropy_readout(P, (1, 1, 1, 1))
    assert (r["entropy"], r["cross_entropy"]) == (1.75, 2.0)
    assert r["gap"] == pytest.approx(0.25, rel=1e-15, abs=0)  # D(p || q) = 2 - 1.75
    assert [r[f"q.{i}"] for i in range(4)] == [0.25] * 4
    assert r["total"] == 4.0
    assert [r[f"p.{i}"] for i in range(4)] == list(P)
    assert [r[f"weight.{i}"] for i in range(4)] == [1.0] * 4


def test_the_truth_as_model_closes_the_gap() -> None:
    r = cross_entropy_readout(P, (4, 2, 1, 1))
    assert r["cross_entropy"] == pytest.approx(1.75, abs=1e-15)
    assert r["gap"] == pytest.approx(0.0, abs=1e-15)


def test_a_model_that_rules_out_rain_costs_infinitely_much() -> None:
    r = cross_entropy_readout(P, (1, 1, 0, 1))
    assert r["q.2"] == 0.0
    assert math.isinf(r["cross_entropy"]) and r["cross_entropy"] > 0
    assert math.isinf(r["gap"]) and r["gap"] > 0
    assert cross_entropy_ruled_out(P, (1, 1, 0, 1), LABELS) == ["rain"]
    assert cross_entropy_ruled_out(P, (0, 1, 0, 1), LABELS) == ["sunny", "rain"]


def test_an_outcome_the_truth_never_produces_costs_nothing() -> None:
    # 0 log q = 0: p(c) = 0, so q(c) = 0 is harmless; H(p, q) = 1 bit by hand.
    r = cross_entropy_readout((0.5, 0.5, 0.0), (1, 1, 0))
    assert r["cross_entropy"] == 1.0 and r["entropy"] == 1.0 and r["gap"] == 0.0
    assert cross_entropy_ruled_out((0.5, 0.5, 0.0), (1, 1, 0), "abc") == []


def test_no_model_while_every_weight_is_zero() -> None:
    r = cross_entropy_readout(P, (0, 0, 0, 0))
    assert set(r) == {f"p.{i}" for i in range(4)} | {f"weight.{i}" for i in range(4)} | {"entropy"}
    assert r["entropy"] == 1.75
    assert cross_entropy_ruled_out(P, (0, 0, 0, 0), LABELS) == []


@pytest.mark.parametrize("seed", range(12))
def test_random_models_match_scipy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    weights = tuple(rng.integers(0, 101, 4) / 10)
    r = cross_entropy_readout(P, weights)
    if not any(weights):
        pytest.skip("no model")
    q = np.array(weights) / sum(weights)
    h = stats.entropy(P, base=2)
    d = stats.entropy(P, q, base=2)  # KL, inf where q rules out what p allows
    assert r["entropy"] == pytest.approx(h, rel=1e-13)
    assert r["cross_entropy"] == pytest.approx(h + d, rel=1e-12)
    assert r["gap"] == pytest.approx(d, rel=1e-9, abs=1e-12)
    assert r["total"] == pytest.approx(sum(weights), rel=1e-15)
    for i in range(4):
        assert r[f"q.{i}"] == pytest.approx(q[i], rel=1e-15)


def test_ends_of_the_weight_range() -> None:
    r = cross_entropy_readout(P, (10, 0.1, 0.1, 0.1))
    q = np.array([10, 0.1, 0.1, 0.1]) / 10.3
    assert r["cross_entropy"] == pytest.approx(-(np.array(P) * np.log2(q)).sum(), rel=1e-13)


@pytest.mark.parametrize(
    ("p", "weights", "error", "match"),
    [
        (P, (1, 1, 1, 0.05), ValueError, r"^weights\[3\] must be a multiple of 0.1"),
        (P, (1, 1, 1, 10.1), ValueError, r"^weights\[3\] must be .* in \[0, 10\]"),
        (P, (1, 1, 1, np.nan), ValueError, r"^weights\[3\] must be a finite number, got nan"),
        (P, (1, 1, 1), ValueError, "^weights and p must have the same length, got 3 and 4"),
        ((0.5, 0.6), (1, 1), ValueError, "^p must sum to 1"),
        ((1.0,), (1,), ValueError, "^p must have 2 to 6 entries, got 1"),
        ([[0.5, 0.5]], (1, 1), ValueError, r"^p must be 1-D \(one distribution\)"),
        (P, (1, 1, 1, "1"), TypeError, r"^weights\[3\] must be a real number, got '1'"),
        (P, (1, 1, 1, True), TypeError, r"^weights\[3\] must be a real number, got True"),
        (P, "1111", TypeError, "^weights must be a list, tuple or array of numbers, got a string"),
        (("0.5", "0.5"), (1, 1), TypeError, "^p must be numeric"),
    ],
)
def test_bad_input_is_refused(p, weights, error, match) -> None:
    with pytest.raises(error, match=match):
        cross_entropy_readout(p, weights)


def test_ruled_out_finds_what_the_truth_allows_and_the_model_forbids() -> None:
    assert ruled_out([0.5, 0.5, 0.0], [1.0, 0.0, 0.0]) == [1]
    assert ruled_out([0.2, 0.3, 0.5], [0.0, 0.0, 1.0]) == [0, 1]
    assert ruled_out([0.0, 1.0], [1.0, 0.0]) == [1]
    assert ruled_out([1.0, 0.0], [0.5, 0.5]) == []  # the model may allow more than the truth
    with pytest.raises(ValueError, match=r"^a and b must have the same length, got 1 and 2"):
        ruled_out([1.0], [0.5, 0.5])


def test_for_display_shortens_only_where_the_print_is_unchanged() -> None:
    from infolib.readouts.support import for_display

    assert for_display(0.8412339877654321, 3) == 0.841234
    # Rounded to 6 places, 0.0004999999 becomes 0.0005, which prints 0.001: kept whole.
    assert f"{0.0005:.3f}" == "0.001" and f"{0.0004999999:.3f}" == "0.000"
    assert for_display(0.0004999999, 3) == 0.0004999999
    assert for_display(float("inf"), 3) == float("inf")
