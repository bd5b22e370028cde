"""Tests of infolib.measures: known values, mathematical properties, references, bad input.

Every expected value comes from somewhere other than infolib: a derivation written beside it,
a closed form, scipy on ordinary inputs, or mpmath at 50 digits on the hard ones.
"""

import math
import sys
import warnings
from fractions import Fraction

import hypothesis.extra.numpy as hnp
import mpmath
import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import special, stats
from scipy.spatial import distance

from infolib import (
    binary_entropy,
    cross_entropy,
    entropy,
    information_content,
    js_divergence,
    kl_divergence,
    normalize,
    perplexity,
)

LOG2_3 = math.log2(3)
LN2 = math.log(2)

# derandomize: Hypothesis draws the same examples on every run (seeded randomness only).
PROPERTY = settings(max_examples=120, deadline=None, derandomize=True, database=None)


def bits(x):
    """An mpmath number in nats, as bits."""
    return x / mpmath.log(2)


def mp_values(a):
    """The exact values of a float64 array, as mpmath numbers."""
    return [mpmath.mpf(float(x)) for x in np.asarray(a, dtype=np.float64).ravel()]


def rel_error(value, reference):
    return float(abs((mpmath.mpf(value) - reference) / reference))


# ---------------------------------------------------------------------------------------------
# Known values, derived by hand
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        pytest.param([0.5, 0.5], 1.0, id="fair coin: 2 * (1/2 log2 2) = 1"),
        pytest.param([1 / 8] * 8, 3.0, id="uniform over 8: log2 8 = 3"),
        pytest.param([0.25] * 4, 2.0, id="uniform over 4: log2 4 = 2"),
        pytest.param([1, 0, 0], 0.0, id="certain outcome: 1 log 1 + 0 log 0 + 0 log 0 = 0"),
        pytest.param([0, 1], 0.0, id="certain outcome, integers"),
        pytest.param([0.5, 0.25, 0.25], 1.5, id="1/2 * 1 + 2 * (1/4 * 2) = 1.5"),
        pytest.param([0.5, 0.25, 0.125, 0.125], 1.75, id="1/2 + 2/4 + 2 * 3/8 = 1.75"),
        pytest.param([0.5, 0.5, 0.0], 1.0, id="a zero adds nothing (0 log 0 = 0)"),
    ],
)
def test_entropy_dyadic_values_are_exact(p, expected):
    # log2 of a power of two is exact, so these sums carry no rounding at all.
    assert entropy(p) == expected


def test_entropy_of_certain_outcome_is_positive_zero():
    assert math.copysign(1.0, entropy([1.0, 0.0, 0.0])) == 1.0


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        pytest.param([1 / 3] * 3, LOG2_3, id="uniform over 3 = log2 3"),
        # -1/4 log2(1/4) - 3/4 log2(3/4) = 1/2 + 3/4 (2 - log2 3) = 2 - 3/4 log2 3
        pytest.param([0.25, 0.75], 2 - 0.75 * LOG2_3, id="[1/4, 3/4] = 2 - 3/4 log2 3"),
        # -1/6 log2(1/6) * 3 - 1/2 log2(1/2) = 1/2 log2 6 + 1/2 = 1 + 1/2 log2 3
        pytest.param([1 / 6, 1 / 6, 1 / 6, 0.5], 1 + 0.5 * LOG2_3, id="1 + 1/2 log2 3"),
    ],
)
def test_entropy_closed_forms(p, expected):
    assert entropy(p) == pytest.approx(expected, rel=1e-15, abs=0)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 7, 10, 100, 1000])
def test_entropy_of_uniform_over_n_is_log2_n(n):
    assert entropy(np.full(n, 1.0 / n)) == pytest.approx(math.log2(n), rel=1e-14, abs=1e-300)


@pytest.mark.parametrize(
    ("p", "base", "expected"),
    [
        pytest.param([0.5, 0.5], np.e, LN2, id="fair coin in nats = ln 2"),
        pytest.param([0.1] * 10, 10, 1.0, id="uniform over 10 in hartleys = 1"),
        pytest.param([1 / 9] * 9, 3, 2.0, id="uniform over 9, base 3 = 2"),
        pytest.param([0.25] * 4, 4, 1.0, id="uniform over 4, base 4 = 1"),
        pytest.param([0.5, 0.5], 0.5, -1.0, id="base 1/2 flips the sign: log_(1/2) 2 = -1"),
    ],
)
def test_entropy_in_other_bases(p, base, expected):
    assert entropy(p, base=base) == pytest.approx(expected, rel=1e-15, abs=0)


@pytest.mark.parametrize(
    ("p", "base", "expected"),
    [
        pytest.param(1 / 1024, 2, 10.0, id="1/1024 = 2^-10: 10 bits"),
        pytest.param(0.5, 2, 1.0, id="1/2: 1 bit"),
        pytest.param(0.25, 4, 1.0, id="1/4 in base 4: 1"),
        pytest.param(0.5, np.e, LN2, id="1/2 in nats: ln 2"),
        pytest.param(0, 2, math.inf, id="impossible event: inf"),
        pytest.param(0.0, np.e, math.inf, id="impossible event in nats: inf"),
    ],
)
def test_information_content_values(p, base, expected):
    assert information_content(p, base=base) == pytest.approx(expected, rel=1e-15, abs=0)


@pytest.mark.parametrize("base", [2, np.e, 10, 0.5])
def test_information_content_of_certain_event_is_positive_zero(base):
    value = information_content(1, base=base)
    assert value == 0.0
    assert math.copysign(1.0, value) == 1.0  # 0.0, not -0.0


def test_information_content_elementwise():
    out = information_content([[1, 0.5], [0.25, 0]])
    np.testing.assert_array_equal(out, [[0.0, 1.0], [2.0, np.inf]])
    assert math.copysign(1.0, out[0, 0]) == 1.0


def test_information_content_adds_over_independent_events():
    # I(p1 p2) = I(p1) + I(p2) with exact powers of two.
    assert information_content(2.0**-3 * 2.0**-7) == information_content(2.0**-3) + 10 - 3


@pytest.mark.parametrize(
    ("p", "q", "expected"),
    [
        pytest.param([1, 0], [0.5, 0.5], 1.0, id="-1 log2 1/2 = 1"),
        pytest.param([0.5, 0.5], [0.5, 0.5], 1.0, id="q = p gives H(p) = 1"),
        # -1/2 log2(1/4) - 1/2 log2(3/4) = 1 + 1/2 (2 - log2 3) = 2 - 1/2 log2 3
        pytest.param([0.5, 0.5], [0.25, 0.75], 2 - 0.5 * LOG2_3, id="2 - 1/2 log2 3"),
        pytest.param([0.5, 0.5, 0], [0.5, 0.5, 0], 1.0, id="0 log 0 where both are 0"),
        pytest.param([0, 1], [0.5, 0.5], 1.0, id="p = 0 ignores q there"),
        pytest.param([1, 0], [1, 0], 0.0, id="one-hot on itself: 0"),
        pytest.param([0.5, 0.5], [1, 0], math.inf, id="q = 0 where p > 0: inf"),
        pytest.param([0, 1], [1, 0], math.inf, id="disjoint supports: inf"),
    ],
)
def test_cross_entropy_values(p, q, expected):
    assert cross_entropy(p, q) == pytest.approx(expected, rel=1e-15, abs=0)


@pytest.mark.parametrize(
    ("p", "q", "expected"),
    [
        # 1/2 log2(1/2 / 1/4) + 1/2 log2(1/2 / 3/4) = 1/2 + 1/2 (1 - log2 3) = 1 - 1/2 log2 3
        pytest.param([0.5, 0.5], [0.25, 0.75], 1 - 0.5 * LOG2_3, id="1 - 1/2 log2 3"),
        # 1/4 log2(1/2) + 3/4 log2(3/2) = -1/4 + 3/4 (log2 3 - 1) = 3/4 log2 3 - 1
        pytest.param([0.25, 0.75], [0.5, 0.5], 0.75 * LOG2_3 - 1, id="3/4 log2 3 - 1"),
        pytest.param([1, 0], [0.5, 0.5], 1.0, id="1 log2(1 / 1/2) = 1"),
        pytest.param([0.5, 0.5, 0], [0.25, 0.25, 0.5], 1.0, id="2 * 1/2 log2 2 = 1"),
        pytest.param([0.5, 0.5], [1, 0], math.inf, id="support mismatch: inf"),
        pytest.param([1, 0, 0], [0, 0.5, 0.5], math.inf, id="disjoint: inf"),
    ],
)
def test_kl_divergence_values(p, q, expected):
    assert kl_divergence(p, q) == pytest.approx(expected, rel=1e-15, abs=0)


@pytest.mark.parametrize(
    "p",
    [[0.5, 0.5], [1, 0, 0], [0.2, 0.3, 0.5], [1 / 3] * 3, [0.1, 0.0, 0.9], [1e-300, 1.0]],
)
def test_kl_divergence_of_equal_distributions_is_exactly_zero(p):
    value = kl_divergence(p, list(p))
    assert value == 0.0
    assert math.copysign(1.0, value) == 1.0


@pytest.mark.parametrize(
    ("p", "q", "expected"),
    [
        pytest.param([1, 0], [0, 1], 1.0, id="disjoint: 1 bit"),
        pytest.param([1, 0, 0], [0, 0.5, 0.5], 1.0, id="disjoint, 3 outcomes: 1 bit"),
        pytest.param([0.3, 0.7], [0.3, 0.7], 0.0, id="equal: 0"),
        # m = [3/4, 1/4]; 1/2 log2(4/3) + 1/2 [1/2 log2(2/3) + 1/2 log2 2] = 3/2 - 3/4 log2 3
        pytest.param([1, 0], [0.5, 0.5], 1.5 - 0.75 * LOG2_3, id="3/2 - 3/4 log2 3"),
    ],
)
def test_js_divergence_values(p, q, expected):
    assert js_divergence(p, q) == pytest.approx(expected, rel=1e-15, abs=0)


def test_js_divergence_of_disjoint_distributions_is_exactly_one_bit_or_ln2_nats():
    assert js_divergence([1, 0], [0, 1]) == 1.0
    assert js_divergence([0, 0.25, 0.75], [1, 0, 0], base=np.e) == pytest.approx(LN2, rel=1e-15)


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        pytest.param(0.5, 1.0, id="fair coin: 1"),
        pytest.param(0, 0.0, id="h(0) = 0"),
        pytest.param(1, 0.0, id="h(1) = 0"),
        pytest.param(0.25, 2 - 0.75 * LOG2_3, id="h(1/4) = 2 - 3/4 log2 3"),
        pytest.param(0.75, 2 - 0.75 * LOG2_3, id="h(3/4) = h(1/4)"),
    ],
)
def test_binary_entropy_values(p, expected):
    assert binary_entropy(p) == pytest.approx(expected, rel=1e-15, abs=0)


def test_binary_entropy_elementwise_and_in_nats():
    out = binary_entropy([[0, 0.5], [1, 0.25]], base=np.e)
    # h(1/4) in nats: -1/4 ln(1/4) - 3/4 ln(3/4) = ln 4 - 3/4 ln 3
    expected = [[0.0, LN2], [0.0, math.log(4) - 0.75 * math.log(3)]]
    np.testing.assert_allclose(out, expected, rtol=1e-15, atol=0)


@given(st.floats(min_value=0.5, max_value=1.0))
@PROPERTY
def test_binary_entropy_is_symmetric(p):
    # For p in [1/2, 1], both 1 - p and 1 - (1 - p) are exact, so this compares h at p and 1 - p.
    assert binary_entropy(1 - p) == pytest.approx(binary_entropy(p), rel=1e-14, abs=1e-300)


@given(st.floats(min_value=0.0, max_value=1.0))
@PROPERTY
def test_binary_entropy_against_mpmath_anywhere_in_0_1(p):
    with mpmath.workdps(50):
        x = mpmath.mpf(p)
        reference = bits(-x * mpmath.log(x) - (1 - x) * mpmath.log1p(-x)) if 0 < p < 1 else 0
    value = binary_entropy(p)
    if reference < sys.float_info.min:  # exact zeros, or a subnormal result
        assert abs(value - float(reference)) <= 20 * 5e-324
    else:
        assert rel_error(value, reference) <= 1e-14


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        pytest.param([0.5, 0.5], 2.0, id="fair coin: 2"),
        pytest.param([1 / 8] * 8, 8.0, id="uniform over 8: 8"),
        pytest.param([1, 0, 0], 1.0, id="certain: 1"),
        pytest.param([0.5, 0.25, 0.25], 2**1.5, id="2^1.5 = 2 sqrt 2"),
        pytest.param([1 / 3] * 3, 3.0, id="uniform over 3: 3"),
        pytest.param([0.1] * 10, 10.0, id="uniform over 10: 10"),
        pytest.param([0.001] * 1000, 1000.0, id="uniform over 1000: 1000"),
    ],
)
def test_perplexity_values(p, expected):
    assert perplexity(p) == pytest.approx(expected, rel=1e-14, abs=0)


def test_perplexity_of_powers_of_two_is_exact():
    assert perplexity([0.25] * 4) == 4.0
    assert perplexity([[0.5, 0.5], [1, 0]], axis=-1).tolist() == [2.0, 1.0]


@pytest.mark.parametrize(
    ("counts", "axis", "expected"),
    [
        pytest.param([2, 1, 1], -1, [0.5, 0.25, 0.25], id="2/4, 1/4, 1/4"),
        pytest.param((3, 0, 1), -1, [0.75, 0.0, 0.25], id="tuple, with a zero"),
        pytest.param([[1, 3], [5, 5]], -1, [[0.25, 0.75], [0.5, 0.5]], id="rows"),
        pytest.param([[1, 5], [3, 5]], 0, [[0.25, 0.5], [0.75, 0.5]], id="columns"),
        pytest.param([0.2, 0.2], -1, [0.5, 0.5], id="weights"),
        pytest.param([7], -1, [1.0], id="one outcome"),
    ],
)
def test_normalize_values(counts, axis, expected):
    out = normalize(counts, axis=axis)
    assert type(out) is np.ndarray
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, expected)


@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.int64, np.float16, np.float32])
def test_normalize_accepts_any_real_dtype(dtype):
    out = normalize(np.array([2, 1, 1], dtype=dtype))
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, [0.5, 0.25, 0.25])


def test_normalize_of_huge_counts_does_not_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = normalize([1e308, 1e308, 0.0])
    np.testing.assert_array_equal(out, [0.5, 0.5, 0.0])


# ---------------------------------------------------------------------------------------------
# Properties (Hypothesis)
# ---------------------------------------------------------------------------------------------

# Weights from 1e-100 to 1 give ratios q/p up to ~1e100: far from, and very near, each other.
POSITIVE = st.floats(min_value=1e-100, max_value=1.0)
WITH_ZEROS = st.one_of(st.just(0.0), POSITIVE)


@st.composite
def distributions(draw, n=None, *, zeros=None, shape=None):
    """A float64 distribution along the last axis: positive weights (some exact zeros)
    divided by their sum with NumPy, so each sums to 1 within a few ulps."""
    if shape is None:
        shape = (draw(st.integers(1, 20)) if n is None else n,)
    if zeros is None:
        zeros = draw(st.booleans())
    w = draw(hnp.arrays(np.float64, shape, elements=WITH_ZEROS if zeros else POSITIVE))
    # At least one positive weight per distribution.
    w[..., draw(st.integers(0, shape[-1] - 1))] += draw(st.floats(1e-3, 1.0))
    return w / w.sum(axis=-1, keepdims=True)


# Hard cases that random draws may miss: q far below p (q/p - 1 rounds to -1), p subnormal
# (q/p overflows), zeros in both.
HARD_PAIRS = [
    (np.array([2 / 3, 1 / 3]), np.array([1.0, 1e-100])),
    (np.array([0.5, 0.5]), np.array([1.0 - 1e-20, 1e-20])),
    (np.array([1e-310, 1.0]), np.array([0.5, 0.5])),
    (np.array([0.5, 0.0, 0.5]), np.array([0.0, 1e-300, 1.0])),
]


def with_hard_pairs(test):
    for pq in HARD_PAIRS:
        test = example(pq)(test)
    return test


@st.composite
def pairs(draw, shape=None):
    """Two distributions of the same shape: p (maybe with zeros) and q."""
    if shape is None:
        shape = (draw(st.integers(1, 20)),)
    return draw(distributions(shape=shape)), draw(distributions(shape=shape))


@given(distributions())
@PROPERTY
def test_entropy_is_between_zero_and_log2_n(p):
    h = entropy(p)
    assert h >= 0.0
    assert h <= math.log2(p.size) * (1 + 1e-12)


@given(pairs())
@with_hard_pairs
@PROPERTY
def test_gibbs_inequality_kl_is_never_negative(pq):
    p, q = pq
    assert kl_divergence(p, q) >= 0.0
    assert kl_divergence(q, p) >= 0.0
    assert kl_divergence(p, q, base=np.e) >= 0.0


@given(distributions())
@PROPERTY
def test_kl_of_a_distribution_with_itself_is_exactly_zero(p):
    value = kl_divergence(p, p.copy())
    assert value == 0.0
    assert math.copysign(1.0, value) == 1.0


@given(pairs())
@with_hard_pairs
@PROPERTY
def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    expected = entropy(p) + kl_divergence(p, q)
    assert cross_entropy(p, q) == pytest.approx(expected, rel=1e-12, abs=1e-12)


@given(pairs())
@with_hard_pairs
@PROPERTY
def test_cross_entropy_is_at_least_entropy(pq):
    p, q = pq
    # Equality is reached at q = p, where both sums round alike; allow their rounding only.
    h = entropy(p)
    assert cross_entropy(p, q) >= h - 1e-13 * (1 + h)


@given(pairs().flatmap(lambda pq: st.tuples(st.just(pq), st.permutations(range(pq[0].size)))))
@PROPERTY
def test_measures_are_invariant_under_permutation(args):
    (p, q), perm = args
    pp, qp = p[list(perm)], q[list(perm)]
    for f in (cross_entropy, kl_divergence, js_divergence):
        assert f(pp, qp) == pytest.approx(f(p, q), rel=1e-13, abs=1e-15)
    assert entropy(pp) == pytest.approx(entropy(p), rel=1e-13, abs=1e-15)


@given(distributions(), distributions())
@PROPERTY
def test_entropy_adds_over_independent_components(p1, p2):
    joint = np.outer(p1, p2).ravel()
    assert entropy(joint) == pytest.approx(entropy(p1) + entropy(p2), rel=1e-12, abs=1e-13)


@given(pairs(), pairs())
@example(HARD_PAIRS[0], HARD_PAIRS[2])
@example(HARD_PAIRS[1], HARD_PAIRS[3])
@PROPERTY
def test_kl_adds_over_independent_components(pq1, pq2):
    (p1, q1), (p2, q2) = pq1, pq2
    joint = kl_divergence(np.outer(p1, p2).ravel(), np.outer(q1, q2).ravel())
    expected = kl_divergence(p1, q1) + kl_divergence(p2, q2)
    assert joint == pytest.approx(expected, rel=1e-12, abs=1e-13)


@given(pairs())
@with_hard_pairs
@PROPERTY
def test_js_is_symmetric_bounded_and_finite(pq):
    p, q = pq
    js = js_divergence(p, q)
    assert js == js_divergence(q, p)
    assert 0.0 <= js <= 1.0
    assert 0.0 <= js_divergence(p, q, base=np.e) <= LN2


@given(pairs(), st.sampled_from([np.e, 10, 3, 0.5, 1.5, 1e3]))
@PROPERTY
def test_base_change_divides_nats_by_ln_base(pq, base):
    p, q = pq
    ln_b = math.log(base)
    for f, args in [
        (entropy, (p,)),
        (cross_entropy, (p, q)),
        (kl_divergence, (p, q)),
        (js_divergence, (p, q)),
    ]:
        in_nats = f(*args, base=np.e)
        assert f(*args, base=base) == pytest.approx(in_nats / ln_b, rel=1e-13, abs=1e-300)
        assert f(*args) == pytest.approx(in_nats / LN2, rel=1e-13, abs=1e-300)


@given(st.tuples(st.integers(1, 6), st.integers(1, 8)).flatmap(lambda s: pairs(shape=s)))
@PROPERTY
def test_batch_equals_row_by_row(pq):
    p, q = pq
    for f in (cross_entropy, kl_divergence, js_divergence):
        rows = [f(pi, qi) for pi, qi in zip(p, q, strict=True)]
        np.testing.assert_allclose(f(p, q), rows, rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(f(p.T, q.T, axis=0), rows, rtol=1e-14, atol=1e-15)
    for f in (entropy, perplexity):
        rows = [f(pi) for pi in p]
        np.testing.assert_allclose(f(p), rows, rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(f(p.T, axis=0), rows, rtol=1e-14, atol=1e-15)


@given(distributions())
@PROPERTY
def test_perplexity_is_two_to_the_entropy_and_between_1_and_n(p):
    pp = perplexity(p)
    assert pp == pytest.approx(2.0 ** entropy(p), rel=1e-14)
    assert 1.0 - 1e-14 <= pp <= p.size * (1 + 1e-12)


@given(hnp.arrays(np.float64, st.integers(1, 20), elements=st.floats(0.0, 1e300)))
@PROPERTY
def test_normalize_gives_a_distribution_proportional_to_counts(counts):
    counts[0] += 1.0  # a positive total
    p = normalize(counts)
    assert abs(math.fsum(p) - 1.0) <= 1e-14
    np.testing.assert_allclose(p, counts / math.fsum(counts), rtol=1e-14, atol=0)


# ---------------------------------------------------------------------------------------------
# Agreement with scipy on ordinary inputs
# ---------------------------------------------------------------------------------------------


def ordinary_pair(n, seed):
    rng = np.random.default_rng(seed)
    return rng.dirichlet(np.ones(n)), rng.dirichlet(np.ones(n))


ORDINARY = [pytest.param(n, seed, id=f"n={n}, seed={seed}") for n in (2, 5, 50) for seed in (0, 1)]


@pytest.mark.parametrize(("n", "seed"), ORDINARY)
def test_entropy_matches_scipy(n, seed):
    p, _ = ordinary_pair(n, seed)
    assert entropy(p) == pytest.approx(stats.entropy(p, base=2), rel=1e-12)
    assert entropy(p, base=np.e) == pytest.approx(stats.entropy(p), rel=1e-12)


@pytest.mark.parametrize(("n", "seed"), ORDINARY)
def test_cross_entropy_matches_scipy_xlogy(n, seed):
    p, q = ordinary_pair(n, seed)
    assert cross_entropy(p, q, base=np.e) == pytest.approx(-special.xlogy(p, q).sum(), rel=1e-12)


@pytest.mark.parametrize(("n", "seed"), ORDINARY)
def test_kl_divergence_matches_scipy_rel_entr(n, seed):
    p, q = ordinary_pair(n, seed)
    expected = special.rel_entr(p, q).sum()
    assert kl_divergence(p, q, base=np.e) == pytest.approx(expected, rel=1e-12)
    assert kl_divergence(p, q) == pytest.approx(expected / LN2, rel=1e-12)


@pytest.mark.parametrize(("n", "seed"), ORDINARY)
def test_js_divergence_matches_scipy_jensenshannon_squared(n, seed):
    p, q = ordinary_pair(n, seed)
    # scipy returns the Jensen-Shannon *distance*, the square root of the divergence.
    assert js_divergence(p, q) == pytest.approx(distance.jensenshannon(p, q, base=2) ** 2, 1e-12)
    expected_nats = distance.jensenshannon(p, q) ** 2
    assert js_divergence(p, q, base=np.e) == pytest.approx(expected_nats, rel=1e-12)


def test_batch_along_either_axis_matches_scipy():
    rng = np.random.default_rng(7)
    p, q = rng.dirichlet(np.ones(6), size=4), rng.dirichlet(np.ones(6), size=4)
    np.testing.assert_allclose(entropy(p), stats.entropy(p, base=2, axis=1), rtol=1e-12)
    np.testing.assert_allclose(entropy(p.T, axis=0), stats.entropy(p.T, base=2), rtol=1e-12)
    expected_kl = special.rel_entr(p, q).sum(axis=1) / LN2
    np.testing.assert_allclose(kl_divergence(p, q), expected_kl, rtol=1e-12)
    np.testing.assert_allclose(kl_divergence(p.T, q.T, axis=0), expected_kl, rtol=1e-12)
    expected_js = distance.jensenshannon(p, q, base=2, axis=1) ** 2
    np.testing.assert_allclose(js_divergence(p, q), expected_js, rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# Accuracy against mpmath on the hard cases
# ---------------------------------------------------------------------------------------------

GRID = 2.0**-52


def on_grid(x):
    """Round to multiples of 2**-52 and make the sum exactly 1.

    On that grid every partial sum is exact, so p and q both sum to exactly 1 and
    sum p log(p/q) is the KL divergence of the inputs themselves (with float sums one ulp
    apart, that textbook sum can be slightly negative; see the test of that case below).
    """
    x = np.round(x / GRID) * GRID
    x[np.argmax(x)] += 1.0 - x.sum()
    return x


def nearly_equal_pair(n, eps, seed):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(n))
    q = p * (1 + eps * rng.standard_normal(n))
    return on_grid(p), on_grid(q / q.sum())


def mp_kl(p, q):
    with mpmath.workdps(50):
        return bits(mpmath.fsum(a * mpmath.log(a / b) for a, b in zip(p, q, strict=True) if a))


def mp_js(p, q):
    with mpmath.workdps(50):
        terms = []
        for a, b in zip(p, q, strict=True):
            m = (a + b) / 2
            terms += [a * mpmath.log(a / m) / 2 if a else 0, b * mpmath.log(b / m) / 2 if b else 0]
        return bits(mpmath.fsum(terms))


NEARLY_EQUAL = [
    pytest.param(n, eps, id=f"n={n}, eps={eps:g}")
    for n in (3, 10, 1000)
    for eps in (1e-4, 1e-6, 1e-8)
]


@pytest.mark.parametrize(("n", "eps"), NEARLY_EQUAL)
def test_kl_of_nearly_equal_distributions_keeps_its_digits(n, eps):
    p, q = nearly_equal_pair(n, eps, seed=n)
    assert math.fsum(p) == 1.0 and math.fsum(q) == 1.0
    reference = mp_kl(mp_values(p), mp_values(q))
    assert rel_error(kl_divergence(p, q), reference) <= 1e-14


@pytest.mark.parametrize(("n", "eps"), NEARLY_EQUAL)
def test_js_of_nearly_equal_distributions_keeps_its_digits(n, eps):
    p, q = nearly_equal_pair(n, eps, seed=n)
    reference = mp_js(mp_values(p), mp_values(q))
    assert rel_error(js_divergence(p, q), reference) <= 1e-14


def test_the_textbook_formula_loses_digits_on_nearly_equal_distributions():
    # Documents that the comparison above is real: scipy sums p log(p/q) and, for the
    # Jensen-Shannon distance, takes a square root of a cancelling difference.
    p, q = nearly_equal_pair(3, 1e-8, seed=3)
    kl_reference = mp_kl(mp_values(p), mp_values(q))
    assert rel_error(special.rel_entr(p, q).sum() / LN2, kl_reference) > 1e-8
    assert rel_error(kl_divergence(p, q), kl_reference) <= 1e-14
    js_reference = mp_js(mp_values(p), mp_values(q))
    assert rel_error(distance.jensenshannon(p, q, base=2) ** 2, js_reference) > 1e-8
    assert rel_error(js_divergence(p, q), js_reference) <= 1e-14


def mp_kl_normalised(p, q):
    """KL of p / sum(p) and q / sum(q), to 50 digits even for entries down to 1e-330.

    The sums are exact at 700 digits, however far apart the entries' magnitudes."""
    with mpmath.workdps(700):
        p_sum, q_sum = mpmath.fsum(p), mpmath.fsum(q)
        terms = [
            (a / p_sum) * mpmath.log((a / p_sum) / (b / q_sum))
            for a, b in zip(p, q, strict=True)
            if a
        ]
        return bits(mpmath.fsum(terms))


def test_kl_when_the_sums_differ_by_more_than_the_divergence():
    # Renormalised in float64 (not on the grid), p and q sum to 1 only within an ulp or two,
    # and here the textbook sum of p log(p/q) of these inputs is negative (-1.5e-16 nats;
    # checked below). The docstring says the divergence of the inputs divided by their sums
    # is returned: 4e-17 bits here, which the textbook sum misses entirely.
    rng = np.random.default_rng(2)
    p = rng.dirichlet(np.ones(10))
    q = p * (1 + 1e-8 * rng.standard_normal(10))
    q /= q.sum()
    mp_p, mp_q = mp_values(p), mp_values(q)
    assert mp_kl(mp_p, mp_q) < 0
    reference = mp_kl_normalised(mp_p, mp_q)
    assert rel_error(kl_divergence(p, q), reference) <= 1e-14
    assert rel_error(kl_divergence(np.tile(p, (3, 1)), np.tile(q, (3, 1)))[2], reference) <= 1e-14


@pytest.mark.parametrize("n", [5, 100], ids=["n=5 (Python floats)", "n=100 (NumPy)"])
def test_kl_below_1e_16_of_float_normalised_inputs_does_not_flip_with_the_rounding(n):
    # q = p (1 + 1e-11 noise), both divided by their float sums: the divergence of these
    # distributions is about 1e-21, but their float sums differ from 1 by about 1e-16, with
    # either sign. Before, the result was ~1e-17 (that rounding) or ~1e-21 depending on the
    # sign; now it is always the divergence of the normalised inputs.
    rng = np.random.default_rng(12)
    for _ in range(20):
        p = rng.dirichlet(np.ones(n))
        q = p * (1 + 1e-11 * rng.standard_normal(n))
        q /= q.sum()
        reference = mp_kl_normalised(mp_values(p), mp_values(q))
        assert reference < 1e-19
        assert rel_error(kl_divergence(p, q), reference) <= 1e-13


def test_kl_with_mass_far_below_the_ulp_of_one():
    # The example: the correction sum(p) - sum(q) was rounded away, giving 0.0.
    # By hand: D = sum p' log(p'/q') with p' = p / sum(p), q' = q / sum(q); the first term is
    # log(sum q / sum p) ~ 1e-100 nats, the second 1e-200 log 2, the third 0.
    p, q = [1, 1e-200, 0], [1, 5e-201, 1e-100]
    reference = mp_kl_normalised(mp_values(p), mp_values(q))
    assert rel_error(reference, bits(mpmath.mpf(1e-100))) < 1e-15
    assert rel_error(kl_divergence(p, q), reference) <= 1e-14
    # A random search over entries far below 2**-51, as one distribution each and as a batch.
    rng = np.random.default_rng(1)
    n = 5
    ps, qs = np.ones((300, n)), np.ones((300, n))
    for rows in (ps, qs):
        rows[:, 1:] = 10.0 ** rng.uniform(-300, -17, size=(300, n - 1))
        rows[rng.random((300, n)) < 0.2] = 0.0
        rows[:, 0] = 1.0
    values, batch = [], kl_divergence(ps, qs)
    for p, q, in_batch in zip(ps, qs, batch, strict=True):
        if any(b == 0 < a for a, b in zip(p, q, strict=True)):
            assert in_batch == math.inf
            continue
        reference = mp_kl_normalised(mp_values(p), mp_values(q))
        values.append(kl_divergence(p, q))
        assert rel_error(values[-1], reference) <= 1e-13
        assert rel_error(in_batch, reference) <= 1e-13
    assert len(values) > 100


@pytest.mark.parametrize(
    "r", [1e-5, 1e-10, 1e-15, 1e-17, 1e-20, 1e-300, 5e-324], ids=lambda r: f"q={r:g}"
)
def test_kl_when_q_is_far_below_p(r):
    # q/p - 1 rounds towards -1 here; the answer must still be right, and finite.
    p, q = [0.5, 0.5], [1.0 - r, r]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = kl_divergence(p, q)
    assert rel_error(value, mp_kl(mp_values(p), mp_values(q))) <= 1e-14


@pytest.mark.parametrize("tiny", [1e-300, 1e-310, 5e-324], ids=lambda r: f"p={r:g}")
def test_kl_when_p_is_far_below_q(tiny):
    # q/p overflows for subnormal p; the term p log(p/q) is then negligible, not NaN.
    p, q = [tiny, 1.0], [0.5, 0.5]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = kl_divergence(p, q)
    assert rel_error(value, mp_kl(mp_values(p), mp_values(q))) <= 1e-14


@pytest.mark.parametrize("r", [1e-10, 1e-20, 1e-300], ids=lambda r: f"q={r:g}")
def test_js_and_cross_entropy_when_q_is_far_below_p(r):
    p, q = [0.5, 0.5], [1.0 - r, r]
    mp_p, mp_q = mp_values(p), mp_values(q)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        js, ce = js_divergence(p, q), cross_entropy(p, q)
    assert rel_error(js, mp_js(mp_p, mp_q)) <= 1e-14
    with mpmath.workdps(50):
        ce_reference = bits(
            -mpmath.fsum(a * mpmath.log(b) for a, b in zip(mp_p, mp_q, strict=True))
        )
    assert rel_error(ce, ce_reference) <= 1e-14


def test_entropy_of_a_sparse_dirichlet_sample():
    # Dirichlet(0.1) over 1000 outcomes: entries spread over tens of orders of magnitude.
    p = np.random.default_rng(1).dirichlet(np.full(1000, 0.1))
    with mpmath.workdps(50):
        reference = bits(-mpmath.fsum(x * mpmath.log(x) for x in mp_values(p) if x))
    assert rel_error(entropy(p), reference) <= 1e-14


@pytest.mark.parametrize("p", [1e-300, 1e-10, 0.3, 1 - 1e-10, 5e-324])
def test_binary_entropy_against_mpmath(p):
    with mpmath.workdps(50):
        x = mpmath.mpf(p)
        # log1p: at 50 digits, 1 - 1e-300 would round to 1 and lose the second term.
        reference = bits(-x * mpmath.log(x) - (1 - x) * mpmath.log1p(-x))
    # h(5e-324) = 5.3e-321 is subnormal: its spacing, 5e-324, is 1e-3 of it.
    tolerance = 1e-14 if p > 1e-300 / 2 else 1e-3
    assert rel_error(binary_entropy(p), reference) <= tolerance


def test_float32_input_is_computed_in_float64():
    # Exact in float32 and in float64; in float32 arithmetic the answer would keep ~7 digits.
    p = np.array([0.5, 0.5], dtype=np.float32)
    q = np.array([0.5 + 2.0**-12, 0.5 - 2.0**-12], dtype=np.float32)
    value = kl_divergence(p, q)
    assert type(value) is float
    assert rel_error(value, mp_kl(mp_values(p), mp_values(q))) <= 1e-14
    assert entropy(np.array([0.5, 0.25, 0.25], dtype=np.float32)) == 1.5
    with mpmath.workdps(50):
        reference = bits(
            -mpmath.fsum(a * mpmath.log(b) for a, b in zip(mp_values(p), mp_values(q), strict=True))
        )
    assert rel_error(cross_entropy(p, q), reference) <= 1e-14


# ---------------------------------------------------------------------------------------------
# Zeros, infinities and warnings
# ---------------------------------------------------------------------------------------------


def test_many_zeros_with_q_zero_at_the_same_places_warn_nothing():
    n = 1_000_000
    p, q = np.zeros(n), np.zeros(n)
    p[[3, 500_000]] = 0.5
    q[[3, 500_000, 7]] = [0.25, 0.5, 0.25]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert entropy(p) == 1.0
        assert perplexity(p) == 2.0
        # -1/2 log2(1/4) - 1/2 log2(1/2) = 3/2
        assert cross_entropy(p, q) == 1.5
        # H(p, q) - H(p) = 1/2
        assert kl_divergence(p, q) == pytest.approx(0.5, rel=1e-15)
        # q puts mass where p has none:
        assert kl_divergence(q, p) == math.inf
        assert cross_entropy(q, p) == math.inf
        # m = [3/8, 1/2, 1/8]; JS = 1/2 (1 - 1/2 log2 3) + 1/2 (1/2 - 1/4 log2 3)
        assert js_divergence(p, q) == pytest.approx(0.75 - 0.375 * LOG2_3, rel=1e-14)
        assert kl_divergence(p, p) == 0.0
        assert js_divergence(p, p) == 0.0
        np.testing.assert_array_equal(information_content(p[:5]), [np.inf] * 3 + [1.0, np.inf])
        np.testing.assert_array_equal(binary_entropy([0, 1, 0, 1]), [0.0] * 4)


def test_batch_with_infinite_and_finite_rows_warns_nothing():
    p = [[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [1.0, 0.0, 0.0]]
    q = [[0.5, 0.0, 0.5], [0.0, 0.5, 0.5], [0.0, 0.5, 0.5]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(kl_divergence(p, q), [np.inf, 0.0, np.inf])
        np.testing.assert_array_equal(cross_entropy(p, q), [np.inf, 1.0, np.inf])
        # Row 1: m = [1/2, 1/4, 1/4], JS = 1/2 (1/2 * 0 + 1/2 * 1) + 1/2 (1/2 * 0 + 1/2 * 1) = 1/2
        np.testing.assert_allclose(js_divergence(p, q), [0.5, 0.0, 1.0], rtol=1e-15)


# ---------------------------------------------------------------------------------------------
# The base keyword
# ---------------------------------------------------------------------------------------------

# Each call gives ln 4 / ln(base): H(uniform over 4) = I(1/4) = H([1, 0, 0, 0], uniform over 4)
# = KL(same) = log_b 4, and 2 JS(disjoint) = 2 h(1/2) = 2 log_b 2.
BASE_CALLS = {
    "information_content": lambda base: information_content(0.25, base=base),
    "entropy": lambda base: entropy([0.25] * 4, base=base),
    "cross_entropy": lambda base: cross_entropy([1, 0, 0, 0], [0.25] * 4, base=base),
    "kl_divergence": lambda base: kl_divergence([1, 0, 0, 0], [0.25] * 4, base=base),
    "js_divergence": lambda base: 2 * js_divergence([1, 0], [0, 1], base=base),
    "binary_entropy": lambda base: 2 * binary_entropy(0.5, base=base),
}


@pytest.mark.parametrize("name", BASE_CALLS)
@pytest.mark.parametrize(
    "base",
    [2, 2.0, np.float32(2), np.int64(2), np.e, 10, 3, 0.5, 1.5, Fraction(1, 3), 1e300],
    ids=repr,
)
def test_any_finite_positive_base_other_than_one(name, base):
    value = BASE_CALLS[name](base)
    assert type(value) is float
    assert value == pytest.approx(math.log(4) / math.log(float(base)), rel=1e-15)


def test_a_base_below_one_flips_every_sign_including_infinities():
    # log_(1/2) x = -log2 x, so every measure in base 1/2 is minus the measure in bits.
    assert information_content(0.25, base=0.5) == -2.0
    assert information_content(0, base=0.5) == -math.inf
    assert entropy([0.25] * 4, base=0.5) == -2.0
    assert cross_entropy([0.5, 0.5], [1, 0], base=0.5) == -math.inf
    assert kl_divergence([0.5, 0.5], [1, 0], base=0.5) == -math.inf
    np.testing.assert_array_equal(
        kl_divergence([[0.5, 0.5], [1, 0]], [[1, 0], [0.5, 0.5]], base=0.5), [-np.inf, -1.0]
    )
    assert js_divergence([1, 0], [0, 1], base=0.5) == -1.0


BAD_BASES = [0, 0.0, 1, 1.0, -2, -0.5, math.inf, -math.inf, math.nan, 10**400]
WRONG_TYPE_BASES = ["2", None, True, False, 2 + 0j, np.array([2.0, 3.0])]


@pytest.mark.parametrize("name", BASE_CALLS)
@pytest.mark.parametrize("base", BAD_BASES, ids=lambda b: repr(b)[:12])
def test_bad_base_raises_value_error(name, base):
    with pytest.raises(ValueError, match=r"^base must be a finite positive number other than 1"):
        BASE_CALLS[name](base)


@pytest.mark.parametrize("name", BASE_CALLS)
@pytest.mark.parametrize("base", WRONG_TYPE_BASES, ids=repr)
def test_base_of_the_wrong_type_raises_type_error(name, base):
    # Like every other argument: a wrong type is a TypeError, a wrong value a ValueError.
    with pytest.raises(TypeError, match=r"^base must be a finite positive number other than 1"):
        BASE_CALLS[name](base)


# ---------------------------------------------------------------------------------------------
# Bad input: each argument, each problem
# ---------------------------------------------------------------------------------------------

P3 = [0.5, 0.25, 0.25]

# name -> (callable taking the bad value, the argument's name in messages)
DISTRIBUTION_ARGS = {
    "entropy(p)": (lambda x: entropy(x), "p"),
    "perplexity(p)": (lambda x: perplexity(x), "p"),
    "cross_entropy(p)": (lambda x: cross_entropy(x, P3), "p"),
    "cross_entropy(q)": (lambda x: cross_entropy(P3, x), "q"),
    "kl_divergence(p)": (lambda x: kl_divergence(x, P3), "p"),
    "kl_divergence(q)": (lambda x: kl_divergence(P3, x), "q"),
    "js_divergence(p)": (lambda x: js_divergence(x, P3), "p"),
    "js_divergence(q)": (lambda x: js_divergence(P3, x), "q"),
}
ELEMENTWISE_ARGS = {
    "information_content(p)": (lambda x: information_content(x), "p"),
    "binary_entropy(p)": (lambda x: binary_entropy(x), "p"),
}
COUNTS_ARGS = {"normalize(counts)": (lambda x: normalize(x), "counts")}
ALL_ARGS = {**DISTRIBUTION_ARGS, **ELEMENTWISE_ARGS, **COUNTS_ARGS}


def raises_naming(exc, arg, problem):
    return pytest.raises(exc, match=rf"^{arg} must.*{problem}")


@pytest.mark.parametrize("case", DISTRIBUTION_ARGS)
@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        pytest.param([1.5, -0.25, -0.25], "negative", id="negative"),
        pytest.param([0.5, np.nan, 0.5], "NaN", id="NaN"),
        pytest.param([np.inf, 0.0, 0.0], "infinite", id="inf"),
        pytest.param([-np.inf, 1.0, 1.0], "infinite", id="-inf"),
        pytest.param([0.5, 0.25, 0.2], r"sum to 1.*infolib\.normalize", id="sum 0.95"),
        pytest.param([2, 1, 1], r"sum to 1.*infolib\.normalize", id="counts"),
        pytest.param([[0.5, 0.5, 0], [0.6, 0.6, 0]], "sum to 1", id="one bad row"),
        pytest.param([1e308, 1e308, 0], r"sum to 1.*overflows", id="sum overflows"),
        pytest.param([], "empty", id="empty"),
        pytest.param(np.zeros((2, 0)), "empty", id="empty rows"),
        pytest.param(1.0, "one-dimensional", id="scalar"),
    ],
)
def test_bad_distribution_raises_value_error_naming_it(case, bad, problem):
    call, arg = DISTRIBUTION_ARGS[case]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with raises_naming(ValueError, arg, problem):
            call(bad)


@pytest.mark.parametrize("case", ELEMENTWISE_ARGS)
@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        pytest.param(-0.1, r"be a probability in \[0, 1\], got -0\.1$", id="negative"),
        pytest.param(
            [0.5, 1.0000001],
            r"contain only probabilities in \[0, 1\], found 1\.0000001 at index 1$",
            id="above 1",
        ),
        pytest.param(
            [[0.5], [2.0]], r"probabilities in \[0, 1\], found 2\.0 at index \(1, 0\)", id="2-D"
        ),
        pytest.param([0.5, np.nan], "found NaN at index 1", id="NaN"),
        pytest.param(np.inf, "be a finite number, got inf$", id="inf"),
        pytest.param([], "empty", id="empty"),
    ],
)
def test_bad_probability_raises_value_error_naming_it(case, bad, problem):
    call, arg = ELEMENTWISE_ARGS[case]
    with raises_naming(ValueError, arg, problem):
        call(bad)


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        pytest.param([2, -1, 1], "negative", id="negative"),
        pytest.param([1, np.nan], "NaN", id="NaN"),
        pytest.param([1, np.inf], "infinite", id="inf"),
        pytest.param([0, 0, 0], "positive total", id="all zero"),
        pytest.param([[1, 2], [0, 0]], "positive total", id="one row of zeros"),
        pytest.param([], "empty", id="empty"),
        pytest.param(3, "one-dimensional", id="scalar"),
    ],
)
def test_bad_counts_raise_value_error_naming_them(bad, problem):
    with raises_naming(ValueError, "counts", problem):
        normalize(bad)


@pytest.mark.parametrize("case", ALL_ARGS)
@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        pytest.param("0.5", "string", id="string"),
        pytest.param(b"0.5", "string", id="bytes"),
        pytest.param(["0.5", "0.5"], "numeric", id="list of strings"),
        pytest.param([0.5, "a"], "numeric", id="number and string"),
        pytest.param(None, "None", id="None"),
        pytest.param([0.5 + 0j, 0.5], "complex", id="complex list"),
        pytest.param(np.array([0.5, 0.5], dtype=np.complex128), "complex", id="complex array"),
        pytest.param([True, False], "boolean", id="bool list"),
        pytest.param(np.array([True, False]), "boolean", id="bool array"),
        pytest.param(True, "boolean", id="bool"),
        pytest.param([0.5, None], "None", id="list with None"),
        pytest.param(np.array([0.5, None], dtype=object), "None", id="object array with None"),
        pytest.param(np.array(["2024-01-01"], dtype="datetime64[D]"), "numeric", id="dates"),
    ],
)
def test_non_numeric_input_raises_type_error_naming_it(case, bad, problem):
    call, arg = ALL_ARGS[case]
    with raises_naming(TypeError, arg, problem):
        call(bad)


@pytest.mark.parametrize(
    "f", [cross_entropy, kl_divergence, js_divergence], ids=lambda f: f.__name__
)
@pytest.mark.parametrize(
    ("p", "q"),
    [
        pytest.param([0.5, 0.5], [0.5, 0.25, 0.25], id="2 vs 3"),
        pytest.param([[0.5, 0.5]], [[0.5, 0.5], [1, 0]], id="(1, 2) vs (2, 2): would broadcast"),
        pytest.param([0.5, 0.5], [[0.5, 0.5]], id="(2,) vs (1, 2): would broadcast"),
        pytest.param(np.full((2, 3), 1 / 3), np.full((3, 2), 0.5), id="transposed"),
    ],
)
def test_shape_mismatch_raises_without_broadcasting(f, p, q):
    with pytest.raises(ValueError, match=r"^p and q must have the same shape"):
        f(p, q)


@pytest.mark.parametrize(
    "call",
    [
        lambda axis: entropy(np.full((2, 2), 0.5), axis=axis),
        lambda axis: perplexity(np.full((2, 2), 0.5), axis=axis),
        lambda axis: cross_entropy(np.full((2, 2), 0.5), np.full((2, 2), 0.5), axis=axis),
        lambda axis: kl_divergence(np.full((2, 2), 0.5), np.full((2, 2), 0.5), axis=axis),
        lambda axis: js_divergence(np.full((2, 2), 0.5), np.full((2, 2), 0.5), axis=axis),
        lambda axis: normalize(np.ones((2, 2)), axis=axis),
    ],
    ids=["entropy", "perplexity", "cross_entropy", "kl_divergence", "js_divergence", "normalize"],
)
def test_bad_axis(call):
    np.testing.assert_array_equal(call(-2), call(0))  # negative axes count from the end
    with pytest.raises(ValueError, match=r"^axis 2 is out of range .* 2 dimension"):
        call(2)
    with pytest.raises(ValueError, match=r"^axis -3 is out of range"):
        call(-3)
    for bad in (1.0, None, "0", True):
        with pytest.raises(TypeError, match=r"^axis must be an integer"):
            call(bad)


@pytest.mark.parametrize("case", DISTRIBUTION_ARGS)
def test_sum_tolerance_is_1e_9(case):
    call, _ = DISTRIBUTION_ARGS[case]
    assert math.isfinite(call([0.5 + 0.9e-9, 0.25, 0.25]))
    assert math.isfinite(call([0.5 - 0.9e-9, 0.25, 0.25]))
    with pytest.raises(ValueError, match=r"within 1e-09"):
        call([0.5 + 1.1e-9, 0.25, 0.25])
    with pytest.raises(ValueError, match=r"within 1e-09"):
        call([0.5 - 1.1e-9, 0.25, 0.25])


# ---------------------------------------------------------------------------------------------
# Accepted input types, return types, no mutation
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "p",
    [
        [0.5, 0.25, 0.25],
        (0.5, 0.25, 0.25),
        np.array([0.5, 0.25, 0.25]),
        np.array([0.5, 0.25, 0.25], dtype=np.float32),
        np.array([0.5, 0.25, 0.25], dtype=np.float16),
        [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)],
        np.array([Fraction(1, 2), 0.25, 0.25], dtype=object),
    ],
    ids=["list", "tuple", "float64", "float32", "float16", "Fractions", "object array"],
)
def test_accepted_input_types(p):
    assert entropy(p) == 1.5
    assert cross_entropy(p, [0.5, 0.5, 0.0]) == math.inf
    assert kl_divergence(p, p) == 0.0
    assert js_divergence(p, [0.5, 0.25, 0.25]) == 0.0
    assert perplexity(p) == pytest.approx(2**1.5, rel=1e-15)
    np.testing.assert_array_equal(information_content(p), [1.0, 2.0, 2.0])
    np.testing.assert_array_equal(normalize(p), [0.5, 0.25, 0.25])


def test_integer_inputs():
    assert entropy([1, 0]) == 0.0
    assert kl_divergence([1, 0], [1, 0]) == 0.0
    assert js_divergence(np.array([1, 0], dtype=np.uint8), [0, 1]) == 1.0
    assert information_content(np.int64(1)) == 0.0
    assert binary_entropy(0) == 0.0


P2D = np.array([[0.5, 0.5, 0.0], [0.25, 0.25, 0.5]])
Q2D = np.array([[0.25, 0.75, 0.0], [0.5, 0.25, 0.25]])

# (call, expected type, expected shape of an ndarray result)
RETURN_TYPES = {
    "information_content scalar": (lambda: information_content(0.5), float, None),
    "information_content 0-d array": (lambda: information_content(np.array(0.5)), float, None),
    "information_content numpy scalar": (lambda: information_content(np.float64(0.5)), float, None),
    "information_content list": (lambda: information_content([0.5]), np.ndarray, (1,)),
    "binary_entropy scalar": (lambda: binary_entropy(0.5), float, None),
    "binary_entropy 2-D": (lambda: binary_entropy([[0.5], [0.1]]), np.ndarray, (2, 1)),
    "entropy 1-D": (lambda: entropy([0.5, 0.5]), float, None),
    "entropy 2-D": (lambda: entropy(P2D), np.ndarray, (2,)),
    "entropy (1, n)": (lambda: entropy(P2D[:1]), np.ndarray, (1,)),
    "entropy axis=0": (lambda: entropy(P2D.T, axis=0), np.ndarray, (2,)),
    "entropy 3-D": (lambda: entropy(np.full((2, 3, 4), 0.25)), np.ndarray, (2, 3)),
    "entropy 3-D axis=1": (lambda: entropy(np.full((2, 4, 3), 0.25), axis=1), np.ndarray, (2, 3)),
    "perplexity 1-D": (lambda: perplexity([0.5, 0.5]), float, None),
    "perplexity 2-D": (lambda: perplexity(P2D), np.ndarray, (2,)),
    "cross_entropy 1-D": (lambda: cross_entropy([1, 0], [0.5, 0.5]), float, None),
    "cross_entropy 2-D": (lambda: cross_entropy(P2D, Q2D), np.ndarray, (2,)),
    "kl_divergence 1-D": (lambda: kl_divergence([1, 0], [0.5, 0.5]), float, None),
    "kl_divergence inf": (lambda: kl_divergence([0.5, 0.5], [1, 0]), float, None),
    "kl_divergence 2-D": (lambda: kl_divergence(P2D, Q2D), np.ndarray, (2,)),
    "kl_divergence axis=0": (lambda: kl_divergence(P2D.T, Q2D.T, axis=0), np.ndarray, (2,)),
    "js_divergence 1-D": (lambda: js_divergence([1, 0], [0.5, 0.5]), float, None),
    "js_divergence 2-D": (lambda: js_divergence(P2D, Q2D), np.ndarray, (2,)),
    "normalize 1-D": (lambda: normalize([1, 1]), np.ndarray, (2,)),
    "normalize 2-D": (lambda: normalize([[1, 1]]), np.ndarray, (1, 2)),
}


@pytest.mark.parametrize("case", RETURN_TYPES)
def test_return_types(case):
    call, expected_type, shape = RETURN_TYPES[case]
    out = call()
    assert type(out) is expected_type
    if expected_type is np.ndarray:
        assert out.dtype == np.float64
        assert out.shape == shape


# Each case calls with arrays containing zeros, so the masking paths run too.
MUTATION_CALLS = {
    "information_content": lambda a, b: information_content(a),
    "binary_entropy": lambda a, b: binary_entropy(a),
    "entropy": lambda a, b: entropy(a),
    "entropy axis=0": lambda a, b: entropy(a.T, axis=0),
    "perplexity": lambda a, b: perplexity(a),
    "cross_entropy": lambda a, b: cross_entropy(a, b),
    "kl_divergence": lambda a, b: kl_divergence(a, b),
    "kl_divergence axis=0": lambda a, b: kl_divergence(a.T, b.T, axis=0),
    "js_divergence": lambda a, b: js_divergence(a, b),
    "normalize": lambda a, b: normalize(a),
}


@pytest.mark.parametrize("case", MUTATION_CALLS)
@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_input_is_not_mutated(case, read_only, dtype):
    a, b = P2D.astype(dtype), Q2D.astype(dtype)
    a_before, b_before = a.copy(), b.copy()
    if read_only:
        a.setflags(write=False)
        b.setflags(write=False)
    MUTATION_CALLS[case](a, b)
    np.testing.assert_array_equal(a, a_before)
    np.testing.assert_array_equal(b, b_before)
    assert a.dtype == dtype and b.dtype == dtype


def test_results_do_not_alias_the_input():
    p = np.array([0.5, 0.5])
    out = normalize(p)
    out[0] = 7.0
    np.testing.assert_array_equal(p, [0.5, 0.5])
    probs = np.array([0.5, 0.25])
    ic = information_content(probs)
    ic[:] = 0.0
    np.testing.assert_array_equal(probs, [0.5, 0.25])


def test_list_input_is_not_mutated():
    p, q = [0.5, 0.5, 0], [0.25, 0.75, 0]
    kl_divergence(p, q)
    js_divergence(p, q)
    assert p == [0.5, 0.5, 0] and q == [0.25, 0.75, 0]


# ---------------------------------------------------------------------------------------------
# Floating-point traps, numbers beyond float64, and the documented bounds at rounding level
# ---------------------------------------------------------------------------------------------

TINY_P = np.array([5e-324, 1e-310, 1e-300, *[0.0] * 37, 1.0 - 1e-300])
TINY_Q = np.array([1e-300, 5e-324, 1e-310, *[0.0] * 36, 1e-200, 1.0 - 1e-200])
UNDERFLOW_CALLS = {
    "entropy": lambda: entropy(TINY_P),
    "entropy, short": lambda: entropy(TINY_P[[0, 1, 2, -1]]),
    "cross_entropy": lambda: cross_entropy(TINY_P, TINY_Q),
    "kl_divergence": lambda: kl_divergence(TINY_P, TINY_Q),
    "kl_divergence, reversed": lambda: kl_divergence(TINY_Q, TINY_P),
    "js_divergence": lambda: js_divergence(TINY_P, TINY_Q),
    "binary_entropy": lambda: binary_entropy([5e-324, 1e-310, 0.5]),
    "information_content": lambda: information_content([5e-324, 0.0, 1.0]),
    "perplexity": lambda: perplexity(TINY_P),
    "normalize": lambda: normalize([5e-324, 1e300]),
}


@pytest.mark.parametrize("name", UNDERFLOW_CALLS)
def test_intentional_underflow_is_silent_under_errstate_raise(name):
    # np.errstate(all="raise") is a common debugging setting; products such as p log p of a
    # subnormal p underflow by design, and the result is right.
    expected = UNDERFLOW_CALLS[name]()
    with np.errstate(all="raise"):
        np.testing.assert_array_equal(UNDERFLOW_CALLS[name](), expected)


@pytest.mark.parametrize(
    "call",
    [
        lambda: entropy([2**1100, 1]),
        lambda: kl_divergence([0.5, 0.5], [2**1100, 1]),
        lambda: normalize([2**1100, 1]),
        lambda: information_content(2**1100),
    ],
    ids=["entropy", "kl_divergence q", "normalize", "information_content"],
)
def test_integers_beyond_float64_raise_value_error_not_overflow_error(call):
    with pytest.raises(ValueError, match=r"must contain numbers within the float64 range"):
        call()


def test_perplexity_of_uniform_over_11_is_the_true_value_of_its_float_input():
    # 1/11 rounds up in binary, so np.full(11, 1/11) sums to 1 + 2.8e-17 and its perplexity
    # is truly above 11 (mpmath, 50 digits: 11.0000000000000004); the documented bound n is a
    # theorem about exact distributions. The computed value is within 2 ulps of the truth.
    p = np.full(11, 1 / 11)
    with mpmath.workdps(50):
        x = mpmath.mpf(1 / 11)
        reference = 2 ** (-11 * x * mpmath.log(x, 2))
    assert reference > 11
    value = perplexity(p)
    assert abs(value - reference) <= 2 * math.ulp(11.0)


def test_cross_entropy_below_entropy_only_at_rounding_level():
    # For float inputs that sum to 1 only within an ulp, H(p, q) - H(p) = sum p log(p/q) can be
    # truly negative by ~1e-16 when q is within rounding of p; each sum also carries a few
    # ulps of rounding. The docstrings promise H(p, q) >= H(p) to that level, no more.
    rng = np.random.default_rng(8)
    below = 0
    for _ in range(400):
        p = rng.dirichlet(np.ones(8))
        q = p * (1 + 1e-9 * rng.standard_normal(8))
        q /= q.sum()
        h, ce = entropy(p), cross_entropy(p, q)
        below += ce < h
        assert ce >= h - 8 * 8 * np.finfo(float).eps * h
    assert below > 0  # the rounding-level excursion is real, hence documented


# ---------------------------------------------------------------------------------------------
# Inputs larger than one block (16,384 entries): validated from minima and sums taken while
# computing, block by block. Same answers and the same errors as smaller inputs.
# ---------------------------------------------------------------------------------------------

LARGE = 40_000


def large_bad(kind):
    p = np.full(LARGE, 1.0 / LARGE)
    if kind == "NaN":
        p[30_000] = np.nan
    elif kind == "negative":
        p[20_000] = -1e-12
    elif kind == "inf":
        p[25_000] = np.inf
    elif kind == "sum":
        p *= 1.001
    return p


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("NaN", "NaN at index 30000"),
        ("negative", "negative entries, found -1e-12 at index 20000"),
        ("inf", "infinite at index 25000"),
        ("sum", r"sum to 1 along axis -1 \(within 1e-09\), got a sum of 1.001"),
    ],
)
@pytest.mark.parametrize("name", ["entropy", "cross_entropy p", "cross_entropy q", "kl p", "kl q"])
def test_large_inputs_are_validated_like_small_ones(kind, problem, name):
    bad, good = large_bad(kind), np.full(LARGE, 1.0 / LARGE)
    call, arg = {
        "entropy": (lambda: entropy(bad), "p"),
        "cross_entropy p": (lambda: cross_entropy(bad, good), "p"),
        "cross_entropy q": (lambda: cross_entropy(good, bad), "q"),
        "kl p": (lambda: kl_divergence(bad, good), "p"),
        "kl q": (lambda: kl_divergence(good, bad), "q"),
    }[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=rf"^{arg} must.*{problem}"):
            call()


def test_large_inputs_match_scipy_and_their_batch_form():
    rng = np.random.default_rng(40)
    p, q = rng.dirichlet(np.full(LARGE, 0.3)), rng.dirichlet(np.full(LARGE, 0.3))
    p[::7] = 0.0
    p /= p.sum()
    assert entropy(p, base=np.e) == pytest.approx(stats.entropy(p), rel=1e-13)
    assert cross_entropy(p, q, base=np.e) == pytest.approx(-special.xlogy(p, q).sum(), rel=1e-13)
    assert kl_divergence(p, q, base=np.e) == pytest.approx(special.rel_entr(p, q).sum(), rel=1e-12)
    # The same numbers as 40 rows of 1,000 (several rows to a block):
    rows_p = np.tile(p[:1000] / p[:1000].sum(), (40, 1))
    rows_q = np.tile(q[:1000] / q[:1000].sum(), (40, 1))
    np.testing.assert_allclose(entropy(rows_p), entropy(rows_p[0]), rtol=1e-14)
    np.testing.assert_allclose(
        cross_entropy(rows_p, rows_q), cross_entropy(rows_p[0], rows_q[0]), rtol=1e-14
    )
    np.testing.assert_allclose(
        kl_divergence(rows_p, rows_q), kl_divergence(rows_p[0], rows_q[0]), rtol=1e-14
    )
