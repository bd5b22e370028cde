"""Tests of infolib.joint: hand values, mpmath references, the identities as properties, bad input.

Every expected value comes from somewhere other than the code under test: a derivation written
beside it, or the defining sums evaluated by mpmath at 50 digits on the exact float inputs.
"""

from __future__ import annotations

import inspect
import math
import warnings

import hypothesis.extra.numpy as hnp
import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolib import (
    conditional_entropy,
    entropy,
    joint_entropy,
    kl_divergence,
    marginals,
    mutual_information,
)

PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, database=None)
mpmath.mp.dps = 50


def reference(table: np.ndarray) -> dict[str, float]:
    """H(X, Y), H(Y | X) and I(X; Y) in bits from their defining sums, by mpmath at 50 digits."""
    p = [[mpmath.mpf(float(c)) for c in row] for row in table]
    px = [mpmath.fsum(row) for row in p]
    py = [mpmath.fsum(col) for col in zip(*p, strict=True)]
    cells = [(i, j, c) for i, row in enumerate(p) for j, c in enumerate(row) if c > 0]
    h_xy = -mpmath.fsum(c * mpmath.log(c, 2) for _, _, c in cells)
    h_y_x = -mpmath.fsum(c * mpmath.log(c / px[i], 2) for i, _, c in cells)
    total = mpmath.fsum(px)
    mi = mpmath.fsum(
        c / total * mpmath.log((c / total) / (px[i] / total * py[j] / total), 2)
        for i, j, c in cells
    )
    return {"h_xy": float(h_xy), "h_y_x": float(h_y_x), "mi": float(mi)}


def tables(max_side: int = 5):
    """Joint tables of 1 to ``max_side`` rows and columns, some cells 0, summing to 1."""

    def build(weights: np.ndarray) -> np.ndarray:
        return weights / weights.sum()

    shapes = st.tuples(st.integers(1, max_side), st.integers(1, max_side))
    weights = shapes.flatmap(
        lambda s: hnp.arrays(np.float64, s, elements=st.one_of(st.just(0.0), st.floats(1e-6, 1.0)))
    )
    return weights.filter(lambda w: w.sum() > 0).map(build)


def test_hand_values_in_bits() -> None:
    two_coins = np.full((2, 2), 0.25)  # independent fair coins
    assert joint_entropy(two_coins) == 2.0
    assert conditional_entropy(two_coins) == 1.0
    assert mutual_information(two_coins) == 0.0
    copy = np.diag([0.5, 0.5])  # Y = X, a fair coin
    assert joint_entropy(copy) == 1.0
    assert conditional_entropy(copy) == 0.0
    assert mutual_information(copy) == 1.0
    # X = 0 (prob 1/2): Y fair; X = 1 (prob 1/2): Y = 0. H(Y|X) = 1/2 bit; p(y) = (3/4, 1/4),
    # H(Y) = 2 - (3/4) log2 3; I = H(Y) - H(Y|X) = 3/2 - (3/4) log2 3.
    half = [[0.25, 0.25], [0.5, 0.0]]
    assert conditional_entropy(half) == 0.5
    assert joint_entropy(half) == 1.5  # H(X) + H(Y|X) = 1 + 1/2
    assert mutual_information(half) == pytest.approx(1.5 - 0.75 * math.log2(3), rel=1e-15)


def test_hand_values_in_nats() -> None:
    assert joint_entropy(np.full((2, 2), 0.25), base=np.e) == pytest.approx(math.log(4), rel=1e-15)
    assert mutual_information(np.diag([0.5, 0.5]), base=math.e) == pytest.approx(
        math.log(2), rel=1e-15
    )
    assert conditional_entropy([[0.25, 0.25], [0.5, 0.0]], base=10) == pytest.approx(
        0.5 * math.log10(2), rel=1e-15
    )


def test_marginals_are_row_and_column_sums() -> None:
    px, py = marginals([[0.5, 0.25], [0.0, 0.25]])
    assert px.tolist() == [0.75, 0.25] and py.tolist() == [0.5, 0.5]


@pytest.mark.parametrize(
    "table",
    [
        [[0.7, 0.1], [0.1, 0.1]],
        [[0.3, 0.0, 0.2], [0.0, 0.4, 0.1]],
        [[1.0]],
        [[0.0, 0.0], [0.2, 0.8]],  # a value of X that never occurs
        [[0.1, 0.2, 0.3, 0.4]],  # X is constant
    ],
)
def test_against_mpmath_on_fixed_tables(table) -> None:
    ref = reference(np.array(table))
    assert joint_entropy(table) == pytest.approx(ref["h_xy"], rel=1e-14, abs=1e-300)
    assert conditional_entropy(table) == pytest.approx(ref["h_y_x"], rel=1e-14, abs=1e-300)
    assert mutual_information(table) == pytest.approx(ref["mi"], rel=1e-13, abs=1e-300)


def test_a_tiny_dependence_keeps_its_digits() -> None:
    # Independent marginals (1/2, 1/2) x (1/4, 3/4), pushed off independence by 2^-30: the
    # three-entropy formula H(X) + H(Y) - H(X, Y) would lose every digit of I(X; Y).
    d = 2.0**-30
    table = np.array([[0.125 + d, 0.375 - d], [0.125 - d, 0.375 + d]])
    ref = reference(table)
    assert ref["mi"] > 0
    assert mutual_information(table) == pytest.approx(ref["mi"], rel=1e-12)


def test_marginals_too_small_to_multiply() -> None:
    # p(x) p(y) = 1e-400 underflows to 0 in float64; I(X; Y) is still finite: Y copies X, so
    # I = H(X) = -1e-200 log2(1e-200) - 1 log2(1) = 200 log2(10) 1e-200 bits.
    table = np.array([[1e-200, 0.0], [0.0, 1.0]])
    ref = reference(table)
    assert ref["mi"] == pytest.approx(200 * math.log2(10) * 1e-200, rel=1e-12)
    assert mutual_information(table) == pytest.approx(ref["mi"], rel=1e-13)
    assert mutual_information(table, base=math.e) == pytest.approx(200 * math.log(10) * 1e-200)


@PROPERTY
@given(tables())
def test_matches_mpmath(table) -> None:
    ref = reference(table)
    assert joint_entropy(table) == pytest.approx(ref["h_xy"], rel=1e-13, abs=1e-15)
    assert conditional_entropy(table) == pytest.approx(ref["h_y_x"], rel=1e-13, abs=1e-15)
    assert mutual_information(table) == pytest.approx(ref["mi"], rel=1e-9, abs=1e-15)


@PROPERTY
@given(tables())
def test_chain_rule_both_ways(table) -> None:
    px, py = table.sum(axis=1), table.sum(axis=0)
    h_xy = joint_entropy(table)
    assert h_xy == pytest.approx(entropy(px / px.sum()) + conditional_entropy(table), abs=1e-12)
    assert h_xy == pytest.approx(entropy(py / py.sum()) + conditional_entropy(table.T), abs=1e-12)


@PROPERTY
@given(tables())
def test_mutual_information_is_the_kl_from_the_product_of_marginals(table) -> None:
    px, py = table.sum(axis=1), table.sum(axis=0)
    product = np.outer(px, py)
    kl = kl_divergence(table.ravel(), (product / product.sum()).ravel())
    assert mutual_information(table) == pytest.approx(kl, rel=1e-12, abs=1e-15)


@PROPERTY
@given(tables())
def test_mutual_information_is_symmetric_and_bounded(table) -> None:
    mi = mutual_information(table)
    assert mi == pytest.approx(mutual_information(table.T), rel=1e-12, abs=1e-15)
    px, py = table.sum(axis=1), table.sum(axis=0)
    h_x, h_y = entropy(px / px.sum()), entropy(py / py.sum())
    assert -1e-15 <= mi <= min(h_x, h_y) + 1e-12
    # I = H(Y) - H(Y|X) = H(X) - H(X|Y): conditioning reduces entropy on average.
    assert mi == pytest.approx(h_y - conditional_entropy(table), abs=1e-12)
    assert mi == pytest.approx(h_x - conditional_entropy(table.T), abs=1e-12)
    assert conditional_entropy(table) <= h_y + 1e-12


@PROPERTY
@given(
    hnp.arrays(np.float64, st.integers(1, 6), elements=st.floats(0, 1)),
    hnp.arrays(np.float64, st.integers(1, 6), elements=st.floats(0, 1)),
)
def test_outer_products_share_no_information(a, b) -> None:
    if a.sum() == 0 or b.sum() == 0:
        return
    px, py = a / a.sum(), b / b.sum()
    table = np.outer(px, py)
    table = table / table.sum()
    # The float table is independent only up to rounding: its MI is of the order of eps^2.
    assert 0.0 <= mutual_information(table) <= 1e-15
    assert conditional_entropy(table) == pytest.approx(entropy(py / py.sum()), abs=1e-12)


def test_dyadic_outer_product_is_exactly_independent() -> None:
    table = np.outer([0.5, 0.25, 0.25], [0.125, 0.875])  # every product is exact in binary
    assert mutual_information(table) == 0.0
    assert mutual_information(table.T) == 0.0


def test_zeros_raise_no_warnings_and_float32_is_accepted() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = [[0.0, 0.0], [0.0, 1.0]]
        assert joint_entropy(table) == 0.0
        assert conditional_entropy(table) == 0.0
        assert mutual_information(table) == 0.0
        f32 = np.array([[0.7, 0.1], [0.1, 0.1]], dtype=np.float32)  # sums to 1 within 1e-7
        assert conditional_entropy(f32) == pytest.approx(
            reference(f32.astype(np.float64))["h_y_x"], rel=1e-12
        )


@pytest.mark.parametrize("fn", [joint_entropy, conditional_entropy, mutual_information, marginals])
@pytest.mark.parametrize(
    ("pxy", "error", "words"),
    [
        ([0.5, 0.5], ValueError, "pxy must be 2-D (a table of joint probabilities p(x, y)"),
        (np.full((2, 2, 2), 0.125), ValueError, "one column per value of y), got shape (2, 2, 2)"),
        (np.zeros((0, 3)), ValueError, "pxy must not be empty"),
        ([[0.5, 0.5], [0.5, 0.5]], ValueError, "pxy must sum to 1 over all its cells"),
        ([[0.5, 0.5], [0.5, 0.5]], ValueError, "looks like a table of conditional distributions"),
        ([[0.6, -0.1], [0.25, 0.25]], ValueError, "pxy must not contain negative entries"),
        ([[0.5, float("nan")], [0.25, 0.25]], ValueError, "found NaN at index (0, 1)"),
        ([[True, False], [False, False]], TypeError, "got booleans"),
        ([[1.0, False], [0.0, 0.0]], TypeError, "found a boolean"),
        ("0.5", TypeError, "pxy must be numeric"),
        (None, TypeError, "pxy must be numeric"),
    ],
)
def test_bad_tables_are_refused_with_the_argument_named(fn, pxy, error, words) -> None:
    with pytest.raises(error) as info:
        fn(pxy)
    assert words in str(info.value)


def test_a_table_of_counts_is_not_normalised_silently() -> None:
    with pytest.raises(ValueError, match="divide it by its total") as info:
        joint_entropy([[3, 1], [1, 5]])
    assert "conditional" not in str(info.value)


@pytest.mark.parametrize("fn", [joint_entropy, conditional_entropy, mutual_information])
def test_bad_base_is_refused(fn) -> None:
    with pytest.raises(ValueError, match="base must be a finite positive number other than 1"):
        fn([[0.5, 0.5]], base=1)
    with pytest.raises(TypeError, match="base must be"):
        fn([[0.5, 0.5]], base="2")


@pytest.mark.parametrize("fn", [joint_entropy, conditional_entropy, mutual_information])
def test_signatures_follow_the_measures(fn) -> None:
    # One 2-D table, so one number: base is keyword-only, as in infolib.measures.
    sig = inspect.signature(fn)
    assert list(sig.parameters) == ["pxy", "base"]
    assert sig.parameters["base"].kind is inspect.Parameter.KEYWORD_ONLY
    assert sig.parameters["base"].default == 2 and sig.return_annotation == "float"
