"""Tests of the binary case and temperature in infolib.logits (chapter 8).

Oracles: mpmath at 50 digits (sigmoid, log-sigmoid, the BCE from logits), the exact identities
the chapter teaches (BCE is infolib.cross_entropy of [1 - y, y] and [1 - q, q], a checked
function tested elsewhere; the two-class softmax is the sigmoid of the logit difference), hand
values, and a central finite difference for the gradient sigma(z) - y.
"""

from __future__ import annotations

import itertools
import math

import hypothesis.extra.numpy as hnp
import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolib import (
    binary_cross_entropy,
    binary_cross_entropy_from_logits,
    cross_entropy,
    entropy,
    log_sigmoid,
    sigmoid,
    softmax,
    softmax_at_temperature,
)

PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, database=None)
LOGIT = st.floats(-700, 700, allow_nan=False, allow_infinity=False)
ANY_LOGIT = st.floats(-1e308, 1e308, allow_nan=False, allow_infinity=False)
PROB = st.floats(0, 1, allow_nan=False)
mpmath.mp.dps = 50


def mp_sigmoid(z: float) -> mpmath.mpf:
    return 1 / (1 + mpmath.exp(-mpmath.mpf(z)))


def mp_softplus(x: float) -> mpmath.mpf:
    """log(1 + e^x) by its definition; mpmath's log1p keeps a tiny e^x whole."""
    return mpmath.log1p(mpmath.exp(mpmath.mpf(x)))


def mp_bce_nats(y: float, z: float) -> mpmath.mpf:
    # -log sigma(z) = log(1 + e^-z) and -log(1 - sigma(z)) = log(1 + e^z): no 1 - s to lose.
    y = mpmath.mpf(y)
    out = mpmath.mpf(0)
    if y > 0:
        out += y * mp_softplus(-z)
    if y < 1:
        out += (1 - y) * mp_softplus(z)
    return out


def ulps(value: float, reference: mpmath.mpf) -> float:
    """The error of ``value`` in units of the last place of the reference."""
    ref = float(reference)
    if ref == 0.0:
        return 0.0 if value == 0.0 else math.inf
    return float(abs(mpmath.mpf(value) - reference)) / math.ulp(ref)


# ---------------------------------------------------------------------------------------------
# Hand values.


def test_hand_values() -> None:
    assert sigmoid(0.0) == 0.5
    assert sigmoid(math.log(3)) == pytest.approx(0.75, rel=1e-15)  # 1 / (1 + 1/3)
    assert log_sigmoid(0.0, base=2) == -1.0
    assert binary_cross_entropy(1, 0.25) == 2.0  # -log2(1/4)
    assert binary_cross_entropy(0, 0.75) == 2.0  # -log2(1 - 3/4)
    assert binary_cross_entropy(0.5, 0.5) == 1.0
    assert binary_cross_entropy_from_logits(1, 0.0) == 1.0  # -log2(1/2)
    assert binary_cross_entropy_from_logits(0, math.log(3), base=math.e) == pytest.approx(
        math.log(4), rel=1e-15
    )  # -ln(1 - 3/4)


def test_zeros_and_infinities_follow_the_book() -> None:
    # 0 log 0 = 0: a certain, correct model pays nothing; a certain, wrong one pays inf.
    assert binary_cross_entropy([1, 0], [1, 0]).tolist() == [0.0, 0.0]
    assert binary_cross_entropy([1, 0], [0, 1]).tolist() == [math.inf, math.inf]
    with np.errstate(all="raise"):
        binary_cross_entropy([1, 0, 0.5], [1, 0, 0.5])
        binary_cross_entropy_from_logits([1, 0], [-1e308, 1e308])
        sigmoid([-1e308, 1e308])
        log_sigmoid([-1e308, 1e308])
    assert binary_cross_entropy_from_logits([1, 0], [-1e308, 1e308], base=math.e).tolist() == [
        1e308,
        1e308,
    ]


def test_scalars_give_floats_and_arrays_keep_their_shape() -> None:
    assert type(sigmoid(1.0)) is float and type(binary_cross_entropy(1, 0.5)) is float
    out = binary_cross_entropy_from_logits(np.ones((2, 3)), np.zeros((2, 3)))
    assert out.shape == (2, 3)


# ---------------------------------------------------------------------------------------------
# Against mpmath: a few ulps.


@PROPERTY
@given(LOGIT)
def test_sigmoid_to_a_few_ulps(z: float) -> None:
    assert ulps(sigmoid(z), mp_sigmoid(z)) <= 2


@PROPERTY
@given(ANY_LOGIT)
def test_log_sigmoid_to_a_few_ulps(z: float) -> None:
    reference = -mp_softplus(-z)
    assert ulps(log_sigmoid(z), reference) <= 3


@PROPERTY
@given(st.sampled_from([0.0, 1.0]) | PROB, LOGIT)
def test_bce_from_logits_to_a_few_ulps(y: float, z: float) -> None:
    reference = mp_bce_nats(y, z)
    value = binary_cross_entropy_from_logits(y, z, base=math.e)
    # Soft targets: both terms are non-negative, so the sum is well conditioned.
    assert ulps(value, reference) <= 4


def test_the_confident_cases_where_naive_formulas_fail() -> None:
    # -log(sigmoid(40)) rounds to 0 in float64; the true loss is about e^-40.
    naive = -math.log(1 / (1 + math.exp(-40.0)))
    assert naive == 0.0
    value = binary_cross_entropy_from_logits(1, 40.0, base=math.e)
    assert ulps(value, mp_bce_nats(1, 40.0)) <= 2
    # sigmoid(-800) underflows to 0 and log gives inf; the loss from logits is 800.
    assert binary_cross_entropy_from_logits(1, -800.0, base=math.e) == 800.0


# ---------------------------------------------------------------------------------------------
# Identities.


@PROPERTY
@given(PROB, st.floats(0, 1, exclude_min=True, exclude_max=True))
def test_bce_is_the_two_class_cross_entropy(y: float, q: float) -> None:
    expected = cross_entropy([1 - y, y], [1 - q, q])
    # 1 - q is rounded before cross_entropy sees it (binary_cross_entropy takes log1p(-q)):
    # an absolute error of about 1e-16 in log(1 - q).
    assert binary_cross_entropy(y, q) == pytest.approx(expected, rel=1e-12, abs=1e-15)


@PROPERTY
@given(PROB, st.floats(-30, 30))
def test_bce_from_logits_equals_bce_of_the_sigmoid(y: float, z: float) -> None:
    # Through the probability, log(1 - sigma(z)) inherits the rounding of sigma(z) magnified
    # by sigma / (1 - sigma), about e^|z|: the reason the logits form exists.
    tolerance = 1e-15 * (4 + math.exp(abs(z)))
    assert binary_cross_entropy_from_logits(y, z) == pytest.approx(
        binary_cross_entropy(y, sigmoid(z)), rel=tolerance, abs=1e-300
    )


@PROPERTY
@given(st.floats(-300, 300), st.floats(-300, 300))
def test_two_class_softmax_is_the_sigmoid_of_the_difference(z0: float, z1: float) -> None:
    q = softmax([z0, z1])
    assert q[1] == pytest.approx(sigmoid(z1 - z0), rel=1e-13, abs=1e-300)
    assert q[0] == pytest.approx(sigmoid(z0 - z1), rel=1e-13, abs=1e-300)


@PROPERTY
@given(LOGIT)
def test_sigmoid_symmetry(z: float) -> None:
    # sigma(-z) = 1 - sigma(z); compared where 1 - sigma is exact enough to mean something.
    s = sigmoid(z)
    assert sigmoid(-z) == pytest.approx(1.0 - s, abs=2**-52)
    assert log_sigmoid(z) - log_sigmoid(-z) == pytest.approx(z, rel=1e-12, abs=1e-12)


@PROPERTY
@given(PROB, st.floats(-20, 20))
def test_gradient_is_sigmoid_minus_target(y: float, z: float) -> None:
    h = 1e-5
    numeric = (
        binary_cross_entropy_from_logits(y, z + h, base=math.e)
        - binary_cross_entropy_from_logits(y, z - h, base=math.e)
    ) / (2 * h)
    assert numeric == pytest.approx(sigmoid(z) - y, abs=1e-7)


@PROPERTY
@given(PROB, st.floats(-30, 30))
def test_bce_never_below_the_target_entropy(y: float, z: float) -> None:
    # Gibbs: H(p, q) >= H(p), with the floor reached at q = p.
    assert binary_cross_entropy_from_logits(y, z) >= entropy([1 - y, y]) - 1e-12


# ---------------------------------------------------------------------------------------------
# Temperature.


@PROPERTY
@given(hnp.arrays(np.float64, st.integers(2, 8), elements=st.floats(-20, 20)), st.floats(0.05, 50))
def test_temperature_divides_the_logits(z: np.ndarray, t: float) -> None:
    expected = np.exp(z / t - np.max(z / t))
    expected /= expected.sum()
    np.testing.assert_allclose(softmax_at_temperature(z, t), expected, rtol=1e-12, atol=1e-300)


def test_temperature_limits() -> None:
    z = np.array([3.0, 1.0, 0.5, -2.0])
    assert softmax_at_temperature(z, 1.0).tolist() == softmax(z).tolist()
    cold = softmax_at_temperature(z, 1e-3)
    assert cold[0] == 1.0 and cold[1:].max() < 1e-300  # tends to the argmax
    hot = softmax_at_temperature(z, 1e6)
    np.testing.assert_allclose(hot, 0.25, rtol=1e-5)  # tends to uniform
    hs = [entropy(softmax_at_temperature(z, t)) for t in (0.25, 0.5, 1, 2, 4, 8, 16)]
    assert all(a < b for a, b in itertools.pairwise(hs))  # entropy rises with T
    assert hs[-1] < 2.0  # below log2 4 at any finite T


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: sigmoid("1"), TypeError, "z must be numeric"),
        (lambda: sigmoid([0.0, math.nan]), ValueError, "z must contain only finite numbers"),
        (lambda: log_sigmoid(math.inf), ValueError, "z must be a finite number, got inf"),
        (lambda: log_sigmoid(0.0, base=1), ValueError, "base must be"),
        (
            lambda: binary_cross_entropy(1.5, 0.5),
            ValueError,
            ("p must be a probability in [0, 1], got 1.5"),
        ),
        (
            lambda: binary_cross_entropy(1, -0.1),
            ValueError,
            ("q must be a probability in [0, 1], got -0.1"),
        ),
        (lambda: binary_cross_entropy([1, 0], [0.5]), ValueError, "p and q must have the same"),
        (
            lambda: binary_cross_entropy_from_logits(2, 0.0),
            ValueError,
            ("y must be a probability in [0, 1], got 2.0"),
        ),
        (
            lambda: binary_cross_entropy_from_logits(1, math.nan),
            ValueError,
            ("z must be a finite number, got nan"),
        ),
        (lambda: binary_cross_entropy_from_logits([1], [0.0, 1.0]), ValueError, "same shape"),
        (lambda: binary_cross_entropy_from_logits([], []), ValueError, "must not be empty"),
        (lambda: softmax_at_temperature([1.0, 0.0], 0), ValueError, "temperature must be pos"),
        (lambda: softmax_at_temperature([1.0, 0.0], "2"), TypeError, "temperature must be a real"),
        (lambda: softmax_at_temperature([1e300, 0.0], 1e-10), ValueError, "overflows"),
    ],
)
def test_bad_input_is_named(call, error, words) -> None:
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


def test_huge_losses_overflow_to_inf_silently_in_bits():
    # Review finding: the base conversion warned. The loss is 1.5e308 nats, beyond the largest
    # float once divided by ln 2; inf is the documented answer, with no warning.
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert binary_cross_entropy_from_logits(1, -1.5e308) == math.inf
        assert binary_cross_entropy_from_logits(0, 1.3e308) == math.inf
        assert log_sigmoid(-1.5e308, base=2) == -math.inf
        assert binary_cross_entropy_from_logits(1, -1.5e308, base=np.e) == 1.5e308


def test_intended_underflow_never_raises_under_errstate_raise():
    with np.errstate(all="raise"):
        # log1p(-5e-324) times 0.5 underflows; the loss is -log2(5e-324) / 2 = 1074 / 2 bits.
        assert binary_cross_entropy(0.5, 5e-324) == pytest.approx(537.0, rel=1e-15)
        assert binary_cross_entropy_from_logits(0.5, -745.0, base=np.e) == pytest.approx(
            372.5 + 0.5 * math.log1p(math.exp(-745.0)), rel=1e-15
        )
        assert sigmoid(-800.0) == 0.0
