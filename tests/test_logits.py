"""Tests of infolib.logits: softmax, log_softmax and the classification loss from logits.

References are scipy.special (softmax, log_softmax, logsumexp), mpmath at 50 digits for the
confident predictions where the naive formula rounds to 0, and the deep-learning formula
written out here (mean over the batch of -log_softmax(z)[y], in nats).
"""

import math
import warnings

import hypothesis.extra.numpy as hnp
import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from infolib import cross_entropy_from_logits, entropy, log_softmax, softmax

LN2 = math.log(2)
PROPERTY = settings(max_examples=120, deadline=None, derandomize=True, database=None)

# Logits anywhere in the finite range, and ordinary ones for comparisons with scipy.
ANY_LOGITS = hnp.arrays(
    np.float64,
    st.integers(1, 12),
    elements=st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False),
)
ORDINARY_LOGITS = hnp.arrays(np.float64, st.integers(1, 12), elements=st.floats(-30, 30))


def rel_error(value, reference):
    return float(abs((mpmath.mpf(value) - reference) / reference))


def framework_loss(z, y):
    """What a deep-learning library's cross-entropy loss computes: the mean over the batch
    of -log_softmax(z)[y] in nats, with log_softmax as z - max - log(sum(exp(z - max)))."""
    z = np.asarray(z, dtype=np.float64)
    shifted = z - z.max(axis=1, keepdims=True)
    log_q = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(np.mean(-log_q[np.arange(len(y)), y]))


# ---------------------------------------------------------------------------------------------
# softmax and log_softmax
# ---------------------------------------------------------------------------------------------


@given(ANY_LOGITS)
@PROPERTY
def test_softmax_is_a_distribution(z):
    q = softmax(z)
    assert q.dtype == np.float64 and q.shape == z.shape
    assert (q >= 0).all() and (q <= 1).all()
    assert abs(math.fsum(q) - 1.0) <= 1e-15 * z.size
    assert q[np.argmax(z)] >= 1.0 / z.size * (1 - 1e-15)


@given(
    hnp.arrays(
        np.float64, st.integers(1, 10), elements=st.integers(-400, 400).map(lambda k: k / 8)
    ),
    st.integers(-1000, 1000),
)
@PROPERTY
def test_softmax_is_invariant_to_adding_a_constant(z, c):
    # Multiples of 1/8 plus an integer stay exact, so z + c - max(z + c) == z - max(z) and the
    # results must be identical, not just close.
    np.testing.assert_array_equal(softmax(z + c), softmax(z))
    np.testing.assert_array_equal(log_softmax(z + c), log_softmax(z))


@given(ORDINARY_LOGITS, st.floats(-1e3, 1e3))
@PROPERTY
def test_softmax_is_invariant_to_adding_any_constant_up_to_rounding(z, c):
    np.testing.assert_allclose(softmax(z + c), softmax(z), rtol=1e-9, atol=1e-300)


@given(ORDINARY_LOGITS)
@PROPERTY
def test_softmax_and_log_softmax_match_scipy(z):
    np.testing.assert_allclose(softmax(z), special.softmax(z), rtol=1e-13, atol=0)
    np.testing.assert_allclose(log_softmax(z), special.log_softmax(z), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(log_softmax(z), z - special.logsumexp(z), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("axis", [0, 1, -1, -2])
def test_softmax_along_an_axis_matches_scipy(axis):
    z = np.random.default_rng(3).normal(scale=5, size=(4, 6))
    np.testing.assert_allclose(softmax(z, axis=axis), special.softmax(z, axis=axis), rtol=1e-13)
    np.testing.assert_allclose(
        log_softmax(z, axis=axis), special.log_softmax(z, axis=axis), rtol=1e-12, atol=1e-15
    )
    np.testing.assert_allclose(softmax(z, axis=axis).sum(axis=axis), 1.0, rtol=1e-15)


def test_softmax_of_3d_logits_along_the_middle_axis():
    z = np.random.default_rng(4).normal(size=(2, 5, 3))
    np.testing.assert_allclose(softmax(z, axis=1), special.softmax(z, axis=1), rtol=1e-13)


@pytest.mark.parametrize(
    ("z", "expected"),
    [
        pytest.param([0.0, 0.0], [-LN2, -LN2], id="two equal: log 1/2"),
        pytest.param([0, 0, 0, 0], [-math.log(4)] * 4, id="integers, four equal"),
        pytest.param([1000.0, 0.0], [0.0, -1000.0], id="[1000, 0]: exp(-1000) is below an ulp"),
        pytest.param([-1000.0, 0.0], [-1000.0, 0.0], id="[-1000, 0]"),
        pytest.param([1e308, 0.0], [0.0, -1e308], id="[1e308, 0]: finite"),
        pytest.param([0.0, 1e308], [-1e308, 0.0], id="[0, 1e308]"),
        pytest.param([1e308, 1e308], [-LN2, -LN2], id="[1e308, 1e308]: sum would overflow"),
        pytest.param([-1e308, -1e308], [-LN2, -LN2], id="[-1e308, -1e308]"),
        pytest.param(
            [710.0, 710.0, -710.0], [-LN2, -LN2, -1420.0 - LN2], id="exp(710) would overflow"
        ),
    ],
)
def test_log_softmax_of_extreme_logits(z, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = log_softmax(z)
        q = softmax(z)
    np.testing.assert_allclose(out, expected, rtol=1e-15, atol=0)
    assert np.isfinite(out).all()
    np.testing.assert_allclose(q, np.exp(expected), rtol=1e-15, atol=0)


def test_logits_further_apart_than_the_largest_float_warn_nothing():
    # The true log-probability, -2e308, is not a float; -inf is its rounding.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = log_softmax([1e308, -1e308])
        q = softmax([-1e308, 1e308])
        loss_right = cross_entropy_from_logits([1e308, -1e308], 0)
        loss_wrong = cross_entropy_from_logits([1e308, -1e308], 1)
        loss_soft = cross_entropy_from_logits([1e308, -1e308], [1.0, 0.0])
    assert out[0] == 0.0 and out[1] < -1e308
    np.testing.assert_array_equal(q, [0.0, 1.0])
    assert loss_right == 0.0 and loss_soft == 0.0
    assert loss_wrong > 1e308


def mp_log_softmax(z):
    """log_softmax of the float logits z, to 50 digits (log1p keeps a top entry's tiny
    log-probability, which log(1 + 1e-304) at 50 digits would round to 0)."""
    with mpmath.workdps(50):
        zs = [mpmath.mpf(float(x)) for x in z]
        k = zs.index(max(zs))
        rest = mpmath.fsum(mpmath.exp(x - zs[k]) for j, x in enumerate(zs) if j != k)
        return [(x - zs[k]) - mpmath.log1p(rest) for x in zs]


DIFFERENCE_ROUNDS = [
    pytest.param([1000.0, 300.3], id="[1000, 300.3]: 300.3 - 1000 rounds by 5.7e-14"),
    pytest.param([0.1, -600.7, 3.3], id="[0.1, -600.7, 3.3]"),
    pytest.param([1e3 + 0.1, 1e3 + 0.2, 1e3 - 345.6789], id="near 1000"),
    pytest.param(list(np.random.default_rng(5).normal(0, 200, 6)), id="normal(0, 200)"),
]


@pytest.mark.parametrize("z", DIFFERENCE_ROUNDS)
def test_softmax_keeps_the_digits_that_z_minus_max_rounds_away(z):
    # z_k - max(z) is rounded before exp; exp turns its absolute error (up to 5.7e-14 for a
    # difference near 700) into a relative one. The module promises a few ulps.
    reference = mp_log_softmax(z)
    out_log, out_q = log_softmax(z), softmax(z)
    for k in range(len(z)):
        assert rel_error(out_log[k], reference[k]) <= 4e-16
        with mpmath.workdps(50):
            q_ref = mpmath.exp(reference[k])
        assert rel_error(out_q[k], q_ref) <= 1e-15
        assert rel_error(cross_entropy_from_logits(z, k, base=np.e), -reference[k]) <= 4e-16
    with mpmath.workdps(50):
        soft = [mpmath.mpf(1) / len(z)] * len(z)
        soft_ref = -mpmath.fsum(a * b for a, b in zip(soft, reference, strict=True))
    target = np.full(len(z), 1 / len(z))
    assert rel_error(cross_entropy_from_logits(z, target, base=np.e), soft_ref) <= 1e-15


@pytest.mark.parametrize(
    ("z", "target", "nats"),
    [
        pytest.param([1e308, -1e308], 1, 2 * mpmath.mpf(1e308), id="[1e308, -1e308], label 1"),
        pytest.param([1.7e308, -1.7e308], 1, 2 * mpmath.mpf(1.7e308), id="[1.7e308, -1.7e308]"),
        pytest.param([1e308, -1e308], [0.5, 0.5], mpmath.mpf(1e308), id="soft [1/2, 1/2]"),
        pytest.param([1.7e308, -1.7e308], [0.5, 0.5], mpmath.mpf(1.7e308), id="soft, 1.7e308"),
    ],
)
def test_a_loss_beyond_the_largest_float_in_nats_is_finite_in_larger_bases(z, target, nats):
    # By hand: the loss is max(z) - z[y] (plus exp(-2e308), nothing), i.e. 2e308 nats for
    # label 1, beyond the largest float; in hartleys it is 2e308 / ln 10 = 8.7e307. With the
    # soft target, half of it.
    largest = mpmath.mpf(float(np.finfo(np.float64).max))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for base in (np.e, 10, 2, 1000):
            with mpmath.workdps(50):
                reference = nats / mpmath.log(base)
            value = cross_entropy_from_logits(z, target, base=base)
            if reference > largest:
                assert value == math.inf
            else:
                assert rel_error(value, reference) <= 1e-15


@pytest.mark.parametrize(
    "call",
    [
        lambda: softmax([0.0, -1000.0]),
        lambda: log_softmax([0.0, -1000.0]),
        lambda: cross_entropy_from_logits([0.0, -1000.0], 1),
        lambda: cross_entropy_from_logits([[0.0, -1000.0]] * 3, [[0.5, 0.5]] * 3),
        lambda: cross_entropy_from_logits([1e308, -1e308], 1, base=10),
    ],
    ids=["softmax", "log_softmax", "label loss", "soft loss", "beyond the largest float"],
)
def test_intentional_underflow_is_silent_under_errstate_raise(call):
    expected = call()
    with np.errstate(all="raise"):
        np.testing.assert_array_equal(call(), expected)


@given(ANY_LOGITS)
@PROPERTY
def test_log_softmax_never_overflows_or_warns(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = log_softmax(z)
    assert (out <= 0).all()
    assert out[np.argmax(z)] >= -math.log(z.size) * (1 + 1e-15)
    assert not np.isnan(out).any()


@pytest.mark.parametrize("t", [10.0, 30.0, 50.0, 100.0, 700.0])
@pytest.mark.parametrize("k", [2, 3, 10])
def test_log_softmax_of_a_confident_prediction_against_mpmath(t, k):
    # z = [t, 0, ..., 0]: log q_0 = -log(1 + (k - 1) e^-t), below an ulp of 1 for t > 37.
    z = np.zeros(k)
    z[0] = t
    with mpmath.workdps(50):
        mass = (k - 1) * mpmath.exp(-mpmath.mpf(t))
        reference_top = -mpmath.log1p(mass)
        reference_rest = -mpmath.mpf(t) + reference_top
    out = log_softmax(z)
    assert rel_error(out[0], reference_top) <= 1e-14
    assert rel_error(out[1], reference_rest) <= 1e-15
    assert rel_error(cross_entropy_from_logits(z, 0, base=np.e), -reference_top) <= 1e-14


def test_loss_of_a_confident_right_prediction_is_not_rounded_to_zero():
    z = np.array([50.0, 0.0, 0.0])
    with mpmath.workdps(50):
        reference = mpmath.log1p(2 * mpmath.exp(-50))  # log(1 + 2 e^-50) = 3.857e-22
    value = cross_entropy_from_logits(z, 0, base=np.e)
    assert rel_error(value, reference) <= 1e-14
    assert 3.8574e-22 < value < 3.8576e-22
    # The naive formula rounds it to exactly 0: logsumexp(z) = 50 + 3.9e-22 is 50.0 in float.
    assert special.logsumexp(z) - z[0] == 0.0


@pytest.mark.parametrize("dtype", [np.float32, np.float16, np.int64, np.int8])
def test_logits_of_other_dtypes_are_computed_in_float64(dtype):
    z = np.array([3, 1, 0], dtype=dtype)
    expected = special.log_softmax(np.array([3.0, 1.0, 0.0]))
    for out in (log_softmax(z), softmax(z)):
        assert out.dtype == np.float64
    np.testing.assert_allclose(log_softmax(z), expected, rtol=1e-15)
    value = cross_entropy_from_logits(z, 1, base=np.e)
    assert type(value) is float
    assert value == pytest.approx(-expected[1], rel=1e-15)


# ---------------------------------------------------------------------------------------------
# cross_entropy_from_logits
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("z", "target", "expected"),
    [
        pytest.param([0.0, 0.0], 1, 1.0, id="two equal logits: 1 bit"),
        pytest.param([0.0] * 8, 5, 3.0, id="eight equal logits: 3 bits"),
        pytest.param([0, 0, 0, 0], 0, 2.0, id="integer logits: 2 bits"),
        pytest.param([0.0, 0.0], [0.5, 0.5], 1.0, id="soft target on equal logits"),
        pytest.param([math.log(3), 0.0], 1, 2.0, id="q = [3/4, 1/4], y = 1: 2 bits"),
        pytest.param([math.log(3), 0.0], 0, 2 - math.log2(3), id="q = [3/4, 1/4], y = 0"),
        pytest.param([math.log(3), 0.0], 0.0, 2 - math.log2(3), id="whole-number float label"),
    ],
)
def test_cross_entropy_from_logits_values(z, target, expected):
    assert cross_entropy_from_logits(z, target) == pytest.approx(expected, rel=1e-15, abs=1e-16)


@given(ORDINARY_LOGITS.flatmap(lambda z: st.tuples(st.just(z), st.integers(0, z.size - 1))))
@PROPERTY
def test_label_loss_in_nats_is_minus_log_softmax_at_the_label(args):
    z, y = args
    expected = -special.log_softmax(z)[y]
    value = cross_entropy_from_logits(z, y, base=np.e)
    assert value >= 0.0
    assert value == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert cross_entropy_from_logits(z, y) == pytest.approx(expected / LN2, rel=1e-12, abs=1e-15)


@given(ORDINARY_LOGITS.flatmap(lambda z: st.tuples(st.just(z), st.integers(0, z.size - 1))))
@PROPERTY
def test_labels_and_one_hot_distributions_give_the_same_loss(args):
    z, y = args
    one_hot = np.eye(z.size)[y]
    assert cross_entropy_from_logits(z, one_hot) == pytest.approx(
        cross_entropy_from_logits(z, y), rel=1e-15, abs=1e-300
    )


@given(
    ORDINARY_LOGITS.filter(lambda z: z.size >= 2).flatmap(
        lambda z: st.tuples(st.just(z), st.integers(0, z.size - 1), st.floats(0.0, 1.0))
    )
)
@PROPERTY
def test_label_smoothing_loss_is_the_cross_entropy_and_at_least_the_targets_entropy(args):
    z, y, alpha = args
    k = z.size
    p = (1 - alpha) * np.eye(k)[y] + alpha / k
    value = cross_entropy_from_logits(z, p)
    expected = -(p * special.log_softmax(z)).sum() / LN2
    assert value == pytest.approx(expected, rel=1e-12, abs=1e-14)
    h = -sum(x * math.log2(x) for x in p if x > 0)  # independent of infolib.entropy
    assert value >= h - 1e-13 * (1 + h)  # Gibbs: H(p, q) >= H(p), up to rounding
    assert entropy(p) == pytest.approx(h, rel=1e-13, abs=1e-15)


def test_batch_with_labels_along_either_axis():
    rng = np.random.default_rng(5)
    z = rng.normal(scale=3, size=(6, 4))
    y = rng.integers(0, 4, size=6)
    expected = -special.log_softmax(z, axis=1)[np.arange(6), y] / LN2
    rows = cross_entropy_from_logits(z, y)
    assert type(rows) is np.ndarray and rows.shape == (6,) and rows.dtype == np.float64
    np.testing.assert_allclose(rows, expected, rtol=1e-12)
    np.testing.assert_allclose(cross_entropy_from_logits(z.T, y, axis=0), expected, rtol=1e-12)
    np.testing.assert_allclose(cross_entropy_from_logits(z, y, axis=-1), expected, rtol=1e-12)
    np.testing.assert_allclose(cross_entropy_from_logits(z, list(y)), expected, rtol=1e-12)


def test_batch_with_distributions_along_either_axis():
    rng = np.random.default_rng(6)
    z = rng.normal(scale=3, size=(5, 3))
    p = rng.dirichlet(np.ones(3), size=5)
    expected = -(p * special.log_softmax(z, axis=1)).sum(axis=1) / LN2
    np.testing.assert_allclose(cross_entropy_from_logits(z, p), expected, rtol=1e-12)
    np.testing.assert_allclose(cross_entropy_from_logits(z.T, p.T, axis=0), expected, rtol=1e-12)


def test_3d_logits_with_the_class_axis_in_the_middle():
    rng = np.random.default_rng(7)
    z = rng.normal(size=(2, 4, 3))  # batch 2 x 3 positions, 4 classes on axis 1
    y = rng.integers(0, 4, size=(2, 3))
    log_q = special.log_softmax(z, axis=1)
    expected = -np.take_along_axis(log_q, y[:, None, :], axis=1)[:, 0, :]
    out = cross_entropy_from_logits(z, y, axis=1, base=np.e)
    assert out.shape == (2, 3)
    np.testing.assert_allclose(out, expected, rtol=1e-12)


def test_single_example_in_a_batch_of_one_is_an_array():
    out = cross_entropy_from_logits([[0.0, 0.0]], [1])
    assert type(out) is np.ndarray and out.shape == (1,)
    assert out[0] == 1.0


def test_mean_over_the_batch_is_what_a_framework_reports():
    rng = np.random.default_rng(8)
    z = rng.normal(scale=4, size=(32, 10))
    y = rng.integers(0, 10, size=32)
    per_example = cross_entropy_from_logits(z, y, base=np.e)
    assert float(np.mean(per_example)) == pytest.approx(framework_loss(z, y), rel=1e-13)
    # Equal logits over 10 classes: ln 10 nats for every example.
    assert framework_loss(np.zeros((3, 10)), [0, 4, 9]) == pytest.approx(math.log(10), rel=1e-15)
    np.testing.assert_allclose(
        cross_entropy_from_logits(np.zeros((3, 10)), [0, 4, 9], base=np.e), math.log(10)
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("soft", [False, True], ids=["label", "soft target"])
def test_gradient_of_the_loss_is_softmax_minus_target(seed, soft):
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=2, size=5)
    if soft:
        target = rng.dirichlet(np.ones(5))
        p = target
    else:
        target = int(rng.integers(0, 5))
        p = np.eye(5)[target]
    h = 1e-6
    numeric = np.empty(5)
    for k in range(5):
        step = np.zeros(5)
        step[k] = h
        numeric[k] = (
            cross_entropy_from_logits(z + step, target, base=np.e)
            - cross_entropy_from_logits(z - step, target, base=np.e)
        ) / (2 * h)
    np.testing.assert_allclose(numeric, special.softmax(z) - p, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("base", [np.e, 10, 3, 0.5, 2.0], ids=["e", "10", "3", "0.5", "2.0"])
def test_base_divides_the_nats_by_ln_base(base):
    z = [2.0, -1.0, 0.5]
    expected = -special.log_softmax(z)[2] / math.log(base)
    assert cross_entropy_from_logits(z, 2, base=base) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize(
    ("base", "exc"),
    [
        *[(b, ValueError) for b in (0, 1, -2, math.inf, math.nan, 10**400)],
        *[(b, TypeError) for b in ("2", None, True, 2 + 0j)],
    ],
    ids=lambda b: repr(b)[:12],
)
def test_bad_base_raises(base, exc):
    with pytest.raises(exc, match=r"^base must be a finite positive number other than 1"):
        cross_entropy_from_logits([0.0, 0.0], 0, base=base)


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------

Z_CALLS = {
    "softmax": lambda z: softmax(z),
    "log_softmax": lambda z: log_softmax(z),
    "cross_entropy_from_logits": lambda z: cross_entropy_from_logits(z, 0),
}


@pytest.mark.parametrize("name", Z_CALLS)
@pytest.mark.parametrize(
    ("bad", "exc", "problem"),
    [
        pytest.param([0.0, np.nan], ValueError, "finite.*NaN", id="NaN"),
        pytest.param([np.inf, 0.0], ValueError, "finite.*infinite", id="inf"),
        pytest.param([-np.inf, 0.0], ValueError, "finite.*infinite", id="-inf"),
        pytest.param([np.inf, -np.inf], ValueError, "finite.*infinite", id="inf and -inf"),
        pytest.param([], ValueError, "empty", id="empty"),
        pytest.param(3.0, ValueError, "one-dimensional", id="scalar"),
        pytest.param(np.float64(3.0), ValueError, "one-dimensional", id="numpy scalar"),
        pytest.param("1", TypeError, "string", id="string"),
        pytest.param(["1", "2"], TypeError, "numeric", id="list of strings"),
        pytest.param(None, TypeError, "None", id="None"),
        pytest.param([1 + 0j, 0j], TypeError, "complex", id="complex"),
        pytest.param([True, False], TypeError, "boolean", id="bools"),
        pytest.param([1.0, None], TypeError, "None", id="list with None"),
        pytest.param([[1.0, 2.0], [3.0]], ValueError, "rectangular", id="ragged"),
    ],
)
def test_bad_logits_raise_naming_z(name, bad, exc, problem):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(exc, match=rf"^z must.*{problem}"):
            Z_CALLS[name](bad)


@pytest.mark.parametrize(
    ("z", "target", "exc", "problem"),
    [
        pytest.param([0.0, 0.0, 0.0], 3, ValueError, r"labels in \[0, 2\].*3", id="too big"),
        pytest.param([0.0, 0.0, 0.0], -1, ValueError, r"labels in \[0, 2\].*-1", id="negative"),
        pytest.param(np.zeros((2, 3)), [0, 5], ValueError, r"\[0, 2\]", id="one too big"),
        pytest.param([0.0, 0.0, 0.0], 1.5, ValueError, "whole-number.*1.5", id="1.5"),
        pytest.param(np.zeros((2, 3)), [0, 0.5], ValueError, "whole-number", id="0.5 in batch"),
        pytest.param(
            [0.0, 0.0, 0.0], np.nan, ValueError, "be a finite number, got nan$", id="NaN label"
        ),
        pytest.param(
            [0.0, 0.0, 0.0], np.inf, ValueError, "be a finite number, got inf$", id="inf label"
        ),
        pytest.param(
            np.zeros((2, 3)),
            [0, np.inf],
            ValueError,
            "finite numbers, found infinite at index 1$",
            id="inf among labels",
        ),
        pytest.param([0.0, 0.0, 0.0], 1e300, ValueError, r"\[0, 2\]", id="huge label"),
        pytest.param(np.zeros((3, 2)), [0, 1], ValueError, r"shape \(3,\)", id="wrong shape"),
        pytest.param([0.0, 0.0, 0.0], [1], ValueError, r"shape \(\)", id="list for one"),
        pytest.param(np.zeros((2, 3)), [[0, 1]], ValueError, "shape", id="2-D labels"),
        pytest.param([0.0, 0.0], "1", TypeError, "labels", id="string"),
        pytest.param(np.zeros((2, 2)), ["a", "b"], TypeError, "labels", id="strings"),
        pytest.param([0.0, 0.0], None, TypeError, "labels", id="None"),
        pytest.param([0.0, 0.0], True, TypeError, "boolean", id="bool"),
        pytest.param(np.zeros((2, 2)), [True, False], TypeError, "boolean", id="bools"),
        pytest.param([0.0, 0.0], 1 + 0j, TypeError, "labels", id="complex"),
        pytest.param(np.zeros((2, 2)), [0, None], TypeError, "labels", id="with None"),
        pytest.param(np.zeros((2, 2)), [[0], [0, 1]], ValueError, "rectangular", id="ragged"),
        # Shaped like z, so read as distributions:
        pytest.param([0.0, 0.0], [0.5, 0.6], ValueError, r"sum to 1.*normalize", id="sum 1.1"),
        pytest.param([0.0, 0.0], [1.5, -0.5], ValueError, "negative", id="negative mass"),
        pytest.param([0.0, 0.0], [np.nan, 1.0], ValueError, "NaN", id="NaN mass"),
        pytest.param([0.0, 0.0], [1, 1], ValueError, "sum to 1", id="two labels, read as p"),
    ],
)
def test_bad_target_raises_naming_target(z, target, exc, problem):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(exc, match=rf"^target must.*{problem}"):
            cross_entropy_from_logits(z, target)


@pytest.mark.parametrize(
    "target", [2, 2.0, np.int8(2), np.uint64(2), np.float32(2.0), np.array(2)], ids=repr
)
def test_accepted_label_types(target):
    z = [0.0, 1.0, 3.0]
    assert cross_entropy_from_logits(z, target, base=np.e) == pytest.approx(
        -special.log_softmax(z)[2], rel=1e-15
    )


def test_accepted_batch_label_types():
    z = np.zeros((3, 4))
    for y in ([0, 1, 3], (0, 1, 3), np.array([0, 1, 3], dtype=np.uint8), np.array([0.0, 1, 3])):
        np.testing.assert_allclose(cross_entropy_from_logits(z, y), 2.0, rtol=1e-15)


@pytest.mark.parametrize(
    "call",
    [
        lambda axis: softmax(np.zeros((2, 3)), axis=axis),
        lambda axis: log_softmax(np.zeros((2, 3)), axis=axis),
        lambda axis: cross_entropy_from_logits(np.zeros((2, 3)), np.full((2, 3), 1 / 3), axis=axis),
    ],
    ids=["softmax", "log_softmax", "cross_entropy_from_logits"],
)
def test_bad_axis(call):
    np.testing.assert_array_equal(call(-1), call(1))
    with pytest.raises(ValueError, match=r"^axis 2 is out of range for z"):
        call(2)
    with pytest.raises(TypeError, match=r"^axis must be an integer"):
        call(1.0)
    with pytest.raises(TypeError, match=r"^axis must be an integer"):
        call(None)


# ---------------------------------------------------------------------------------------------
# Types and no mutation
# ---------------------------------------------------------------------------------------------


def test_return_types():
    assert type(softmax([0.0, 1.0])) is np.ndarray
    assert type(log_softmax((0, 1))) is np.ndarray
    assert type(cross_entropy_from_logits([0.0, 1.0], 1)) is float
    assert type(cross_entropy_from_logits([0.0, 1.0], [0.5, 0.5])) is float
    out = cross_entropy_from_logits(np.zeros((4, 2)), np.zeros(4, dtype=int))
    assert type(out) is np.ndarray and out.shape == (4,) and out.dtype == np.float64


LOGIT_CALLS = {
    "softmax": lambda z, y, p: softmax(z),
    "softmax axis=0": lambda z, y, p: softmax(z, axis=0),
    "log_softmax": lambda z, y, p: log_softmax(z),
    "cross_entropy_from_logits labels": lambda z, y, p: cross_entropy_from_logits(z, y),
    "cross_entropy_from_logits soft": lambda z, y, p: cross_entropy_from_logits(z, p),
    "cross_entropy_from_logits axis=0": lambda z, y, p: cross_entropy_from_logits(z.T, p.T, axis=0),
}


@pytest.mark.parametrize("case", LOGIT_CALLS)
@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_input_is_not_mutated(case, read_only, dtype):
    z = np.array([[1000.0, 0.0, -5.0], [2.0, 2.0, 2.0]], dtype=dtype)
    y = np.array([1, 0])
    p = np.array([[0.5, 0.5, 0.0], [0.25, 0.25, 0.5]], dtype=dtype)
    before = [a.copy() for a in (z, y, p)]
    if read_only:
        for a in (z, y, p):
            a.setflags(write=False)
    LOGIT_CALLS[case](z, y, p)
    for a, b in zip((z, y, p), before, strict=True):
        np.testing.assert_array_equal(a, b)
        assert a.dtype == b.dtype


def test_results_do_not_alias_the_input():
    z = np.array([0.0, 0.0])
    out = log_softmax(z)
    out[:] = 5.0
    q = softmax(z)
    q[:] = 5.0
    np.testing.assert_array_equal(z, [0.0, 0.0])


# ---------------------------------------------------------------------------------------------
# The short path: one vector of at most 32 logits and one label is computed in Python floats
# (NumPy's per-call cost dominates there). It must give the numbers of the array path, keep
# every check, and hand everything it does not take to the array path.
# ---------------------------------------------------------------------------------------------


def label_loss_reference(z, y):
    """-log softmax(z)[y] in nats at 50 digits, on the exact values of the float logits."""
    with mpmath.workdps(50):
        zs = [mpmath.mpf(float(x)) for x in z]
        k = zs.index(max(zs))
        rest = mpmath.fsum(mpmath.exp(x - zs[k]) for j, x in enumerate(zs) if j != k)
        return (zs[k] - zs[y]) + mpmath.log1p(rest)  # log1p: a tiny loss keeps its digits


@settings(max_examples=200, deadline=None)
@given(
    z=st.lists(
        st.floats(-1000.0, 1000.0, allow_nan=False, allow_infinity=False), min_size=1, max_size=32
    ),
    data=st.data(),
)
def test_short_path_matches_mpmath_and_the_array_path(z, data):
    y = data.draw(st.integers(0, len(z) - 1))
    short = cross_entropy_from_logits(z, y, base=np.e)  # a list of floats: the short path
    batch = cross_entropy_from_logits(np.array([z]), np.array([y]), base=np.e)[0]  # arrays
    reference = label_loss_reference(z, y)
    assert type(short) is float
    if reference == 0:
        assert short == 0.0 and batch == 0.0
    else:
        # Summed exactly (math.fsum) on the short path, pairwise on the array path; a
        # subnormal loss (below 2.2e-308) has fewer digits, hence the absolute 1e-322.
        tol = 4e-16 * len(z) + 2e-16
        assert abs(short - float(reference)) <= tol * abs(float(reference)) + 1e-322
        assert abs(short - batch) <= (tol + 2e-16) * abs(batch) + 1e-322


@pytest.mark.parametrize(
    ("z", "y", "base"),
    [
        ([1000.0, 300.3], 1, np.e),  # z - max(z) rounded alone loses 5.7e-14 relative
        ([50.0, 0.0, 0.0], 0, np.e),  # 3.9e-22: not rounded to 0
        (np.array([3.0, -1.0, 0.5]), 2, 2),
        ((0, 1, 2), np.int64(1), 10),  # ints, a NumPy label
        ([1e299, -1e299, 0.0], 1, 1.0001),  # the spread limit shrinks with ln(base)
    ],
)
def test_short_path_values(z, y, base):
    reference = label_loss_reference(z, y) / mpmath.log(base)
    assert rel_error(cross_entropy_from_logits(z, y, base=base), reference) <= 1e-15


@pytest.mark.parametrize(
    ("z", "y", "exc", "match"),
    [
        ([0.0, np.nan], 0, ValueError, "^z must contain only finite numbers, found NaN at index 1"),
        ([np.inf, 0.0], 0, ValueError, "^z must contain only finite numbers, found infinite"),
        ([0.0, 1.0], 2, ValueError, r"^target must be class labels in \[0, 1\]"),
        ([0.0, 1.0], -1, ValueError, r"^target must be class labels in \[0, 1\]"),
        ([0.0, 1.0], True, TypeError, "^target must be integer class labels, got booleans"),
        ([0.0, 1.0], 0.5, ValueError, "^target must be whole-number class labels"),
        ([0.0, True], 0, TypeError, "^z must contain only numbers, found a boolean"),
        ([0.0, 1.0], "1", TypeError, "^target must be integer class labels"),
    ],
)
def test_short_inputs_the_short_path_refuses_are_checked_in_full(z, y, exc, match):
    with pytest.raises(exc, match=match):
        cross_entropy_from_logits(z, y)


def test_short_path_is_silent_under_errstate_raise():
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        assert cross_entropy_from_logits([0.0, -1000.0], 1, base=np.e) == 1000.0
        assert cross_entropy_from_logits([0.0, -1000.0], 0, base=np.e) == 0.0
