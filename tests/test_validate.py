"""Tests of infolib._validate, the one place inputs are checked and errors are worded.

The public functions' tests already cover each bad input through the public API; these test
the helpers directly where that adds something: conversions, edge cases, the tolerance.
"""

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest

from infolib import _validate as v

# ---------------------------------------------------------------------------------------------
# as_float_array
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        pytest.param([1, 2], [1.0, 2.0], id="ints"),
        pytest.param((0.5, 0.25), [0.5, 0.25], id="tuple"),
        pytest.param(np.array([1, 2], dtype=np.uint16), [1.0, 2.0], id="uint16"),
        pytest.param(np.array([0.5], dtype=np.float16), [0.5], id="float16"),
        pytest.param(np.array([0.1], dtype=np.float32), [np.float32(0.1)], id="float32"),
        pytest.param(np.array([0.5], dtype=np.longdouble), [0.5], id="longdouble"),
        pytest.param([Fraction(1, 3), Fraction(2, 3)], [1 / 3, 2 / 3], id="Fractions"),
        pytest.param(np.array([Fraction(1, 4), 0.75], dtype=object), [0.25, 0.75], id="object"),
        pytest.param(np.array([1, 2.5], dtype=object), [1.0, 2.5], id="object of int, float"),
        pytest.param([np.float32(0.5), np.int8(1)], [0.5, 1.0], id="numpy scalars"),
        pytest.param(np.array([], dtype=object), [], id="empty object array"),
    ],
)
def test_as_float_array_accepts_real_numbers(x, expected):
    a = v.as_float_array(x, "p")
    assert type(a) is np.ndarray and a.dtype == np.float64
    np.testing.assert_array_equal(a, np.array(expected, dtype=np.float64))


def test_as_float_array_of_a_scalar_is_0d():
    a = v.as_float_array(3, "p")
    assert a.shape == () and a.dtype == np.float64 and a == 3.0


def test_as_float_array_never_aliases_a_converted_input():
    x = np.array([1.0, 2.0], dtype=np.float32)
    a = v.as_float_array(x, "p")
    assert not np.shares_memory(a, x)
    a[0] = 7.0
    assert x[0] == 1.0


@pytest.mark.parametrize(
    ("x", "problem"),
    [
        pytest.param([[1, 2], [3]], "rectangular", id="ragged rows"),
        pytest.param([1, [2, 3]], "rectangular", id="number and list"),
        pytest.param([[[1, 2]], [[3]]], "rectangular", id="ragged 3-D"),
    ],
)
def test_ragged_lists_raise_value_error_naming_the_argument(x, problem):
    with pytest.raises(ValueError, match=rf"^counts must be a {problem} array"):
        v.as_float_array(x, "counts")


@pytest.mark.parametrize(
    ("x", "problem"),
    [
        pytest.param(True, "boolean", id="bool"),
        pytest.param(np.bool_(False), "boolean", id="numpy bool"),
        pytest.param(np.array([0.5, True], dtype=object), "found True", id="object with bool"),
        pytest.param(np.array([0.5, np.True_], dtype=object), "found", id="object numpy bool"),
        pytest.param(np.array([0.5, 1j], dtype=object), "found 1j", id="object with complex"),
        pytest.param(np.array([0.5, "a"], dtype=object), "found 'a'", id="object with string"),
        pytest.param([None], "found None", id="[None]"),
        pytest.param(np.array([None, None]), "found None", id="object of Nones"),
        pytest.param({"a": 1}, "found {'a': 1}", id="dict"),
        pytest.param(np.array([1], dtype="timedelta64[s]"), "numeric", id="timedelta"),
        pytest.param(np.zeros(2, dtype=[("x", float)]), "numeric", id="structured"),
        pytest.param(np.array([b"1"]), "numeric", id="bytes array"),
    ],
)
def test_non_real_input_raises_type_error_naming_the_argument(x, problem):
    with pytest.raises(TypeError, match=rf"^q must.*{problem}"):
        v.as_float_array(x, "q")


# ---------------------------------------------------------------------------------------------
# check_base
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "ln_base"),
    [
        (2, math.log(2)),
        (2.0, math.log(2)),
        (np.int32(2), math.log(2)),
        (np.e, 1.0),
        (10, math.log(10)),
        (0.5, -math.log(2)),
        (Fraction(3, 2), math.log(1.5)),
        (np.float32(3), math.log(3)),
        (1e-300, math.log(1e-300)),
    ],
    ids=repr,
)
def test_check_base_returns_ln_base(base, ln_base):
    assert v.check_base(base) == pytest.approx(ln_base, rel=1e-15)


@pytest.mark.parametrize(
    "base",
    [
        *[0, -0.0, 1, 1.0, np.float64(1), -2, -np.e, math.inf, math.nan, np.nan],
        *["2", "e", None, True, False, np.True_, 2 + 0j, 1j],
        *[np.array([2.0, 3.0]), np.array(2.0), [2]],
    ],
    ids=repr,
)
def test_check_base_rejects_everything_else(base):
    with pytest.raises(ValueError, match=r"^base must be a finite positive number other than 1"):
        v.check_base(base)


# ---------------------------------------------------------------------------------------------
# check_axis
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "axis", "expected"),
    [((3,), 0, 0), ((3,), -1, 0), ((2, 3), -1, 1), ((2, 3), -2, 0), ((2, 3, 4), np.int64(1), 1)],
)
def test_check_axis_returns_a_non_negative_int(shape, axis, expected):
    ax = v.check_axis(np.zeros(shape), axis, "p")
    assert type(ax) is int and ax == expected


@pytest.mark.parametrize(
    ("shape", "axis"), [((3,), 1), ((3,), -2), ((2, 3), 2), ((2, 3), -3), ((2, 3), 10**20)]
)
def test_check_axis_out_of_range(shape, axis):
    with pytest.raises(ValueError, match=rf"^axis {axis} is out of range for p with {len(shape)}"):
        v.check_axis(np.zeros(shape), axis, "p")


@pytest.mark.parametrize(
    "axis", [1.0, np.float64(0), None, "0", True, np.True_, [0], (0,)], ids=repr
)
def test_check_axis_not_an_integer(axis):
    with pytest.raises(TypeError, match=r"^axis must be an integer"):
        v.check_axis(np.zeros((2, 2)), axis, "p")


def test_check_axis_on_a_scalar_names_the_argument():
    with pytest.raises(ValueError, match=r"^q must be at least one-dimensional"):
        v.check_axis(np.float64(0.5), -1, "q")


# ---------------------------------------------------------------------------------------------
# distribution
# ---------------------------------------------------------------------------------------------


def test_sum_tolerance_is_1e_9():
    assert v.SUM_TOLERANCE == 1e-9


@pytest.mark.parametrize("offset", [0.0, 0.99e-9, -0.99e-9, 2**-52, -(2**-53)])
def test_distribution_accepts_sums_within_the_tolerance(offset):
    a, ax, has_zero = v.distribution([0.5 + offset, 0.5, 0.0], "p")
    assert ax == 0 and has_zero is True
    np.testing.assert_array_equal(a, [0.5 + offset, 0.5, 0.0])


@pytest.mark.parametrize("offset", [1.01e-9, -1.01e-9, 1e-6, -0.5])
def test_distribution_rejects_sums_beyond_the_tolerance(offset):
    with pytest.raises(ValueError, match=r"^p must sum to 1 along axis -1 \(within 1e-09\)"):
        v.distribution([0.5 + offset, 0.5], "p")


def test_distribution_reports_the_worst_row_and_points_to_normalize():
    p = np.array([[0.5, 0.5], [0.5, 0.4], [0.5, 0.45]])
    with pytest.raises(ValueError, match=r"got a sum of 0\.9; .*use infolib\.normalize"):
        v.distribution(p, "q")
    with pytest.raises(ValueError, match=r"along axis 0 "):
        v.distribution(p.T, "q", axis=0)


def test_distribution_flags_zeros_and_returns_the_axis():
    _, ax, has_zero = v.distribution(np.full((3, 2), 0.5), "p", axis=-1)
    assert ax == 1 and has_zero is False
    _, ax, has_zero = v.distribution([[1.0, 0.5], [0.0, 0.5]], "p", axis=0)
    assert ax == 0 and has_zero is True


def test_distribution_does_not_copy_float64_input_and_converts_other_dtypes():
    p = np.array([0.5, 0.5])
    a, _, _ = v.distribution(p, "p")
    assert a is p  # validated, not copied: callers must not write into it
    a, _, _ = v.distribution(np.array([1, 0], dtype=np.int8), "p")
    assert a.dtype == np.float64


@pytest.mark.parametrize(
    ("x", "problem"),
    [
        pytest.param([np.nan, 1.0], "found NaN.* at index 0", id="NaN"),
        pytest.param([[0.5, 0.5], [0.5, np.inf]], r"found infinite.* at index \(1, 1\)", id="2-D"),
        pytest.param([0.5, 0.5, -0.0, -1e-300], "negative entries, found", id="tiny negative"),
        pytest.param([1e308, 1e308], "sum overflows", id="overflowing sum"),
        pytest.param([np.inf, -np.inf, 1.0], "infinite", id="inf - inf"),
    ],
)
def test_distribution_describes_the_bad_entry_without_warning(x, problem):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=rf"^p must.*{problem}"):
            v.distribution(x, "p")


# ---------------------------------------------------------------------------------------------
# probabilities, finite, labels, same_shape, scalar_or_array
# ---------------------------------------------------------------------------------------------


def test_probabilities_accepts_any_shape_including_scalars():
    assert v.probabilities(0.5, "p").shape == ()
    assert v.probabilities([[0.0, 1.0]], "p").shape == (1, 2)


@pytest.mark.parametrize(
    ("x", "problem"),
    [
        pytest.param(np.nan, "found NaN", id="NaN scalar"),
        pytest.param(-np.inf, "found infinite", id="-inf scalar"),
        pytest.param([0.5, -1e-300], r"\[0, 1\], found -1e-300", id="tiny negative"),
        pytest.param([1 + 2**-52], r"\[0, 1\], found 1.0000000000000002", id="one ulp above 1"),
    ],
)
def test_probabilities_rejects(x, problem):
    with pytest.raises(ValueError, match=rf"^p must.*{problem}"):
        v.probabilities(x, "p")


def test_finite_accepts_huge_finite_values_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = v.finite([1e308, 1e308, -1e308], "z")
    np.testing.assert_array_equal(a, [1e308, 1e308, -1e308])


@pytest.mark.parametrize(
    ("y", "shape", "expected"),
    [
        (2, (), 2),
        (2.0, (), 2),
        ([0, 2], (2,), [0, 2]),
        (np.array([1.0, 0.0]), (2,), [1, 0]),
        (np.array([[0], [1]], dtype=np.uint8), (2, 1), [[0], [1]]),
    ],
)
def test_labels_returns_intp(y, shape, expected):
    out = v.labels(y, "target", 3, shape)
    assert out.dtype == np.intp
    np.testing.assert_array_equal(out, expected)


def test_labels_messages_name_the_range_and_shape():
    with pytest.raises(ValueError, match=r"^y must be class labels in \[0, 9\] for 10 classes"):
        v.labels([10], "y", 10, (1,))
    with pytest.raises(ValueError, match=r"^y must hold one label per example, shape \(2,\)"):
        v.labels([1, 2, 3], "y", 10, (2,))
    with pytest.raises(TypeError, match=r"^y must be integer class labels, got dtype object"):
        v.labels(np.array([1, None]), "y", 10, (2,))


def test_same_shape_uses_the_given_names():
    with pytest.raises(ValueError, match=r"^z and target must have the same shape, got \(2,\)"):
        v.same_shape(np.zeros(2), np.zeros(3), "z", "target")
    v.same_shape(np.zeros((2, 3)), np.ones((2, 3)))


def test_scalar_or_array():
    for zero_d in (np.float64(1.5), np.array(1.5), np.array([[1.5]])[0, 0]):
        out = v.scalar_or_array(zero_d)
        assert type(out) is float and out == 1.5
    arr = np.array([1.5])
    assert v.scalar_or_array(arr) is arr
