"""Tests of infolib._validate, the one place inputs are checked and errors are worded.

The public functions' tests already cover each bad input through the public API; these test
the helpers directly where that adds something: conversions, edge cases, the tolerance.
"""

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest

import infolib
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
    [0, -0.0, 1, 1.0, np.float64(1), -2, -np.e, math.inf, math.nan, np.nan, 10**400],
    ids=lambda b: repr(b)[:12],
)
def test_check_base_rejects_other_values_with_value_error(base):
    with pytest.raises(ValueError, match=r"^base must be a finite positive number other than 1"):
        v.check_base(base)


@pytest.mark.parametrize(
    "base",
    [
        *["2", "e", None, True, False, np.True_, 2 + 0j, 1j],
        *[np.array([2.0, 3.0]), np.array(2.0), [2]],
    ],
    ids=repr,
)
def test_check_base_rejects_other_types_with_type_error(base):
    with pytest.raises(TypeError, match=r"^base must be a finite positive number other than 1"):
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
        pytest.param(np.nan, "be a finite number, got nan$", id="NaN scalar"),
        pytest.param(-np.inf, "be a finite number, got -inf$", id="-inf scalar"),
        pytest.param(1.5, r"be a probability in \[0, 1\], got 1\.5$", id="scalar above 1"),
        pytest.param([0.5, np.nan], "contain only finite numbers, found NaN at index 1$", id="NaN"),
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


# ---------------------------------------------------------------------------------------------
# Inputs NumPy would misread: masked arrays, booleans among numbers, generators, huge ints
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda x: v.as_float_array(x, "p"),
        lambda x: v.distribution(x, "p"),
        lambda x: v.probabilities(x, "p"),
        lambda x: v.finite(x, "p"),
    ],
    ids=["as_float_array", "distribution", "probabilities", "finite"],
)
def test_masked_arrays_are_refused_since_their_mask_would_be_ignored(call):
    p = np.ma.masked_array([0.5, 0.5, 0.7], mask=[False, False, True])
    with pytest.raises(TypeError, match=r"^p is a masked array.*p\.compressed\(\)"):
        call(p)


@pytest.mark.parametrize(
    "x",
    [
        pytest.param([0.5, True], id="float and True"),
        pytest.param([1, False, 0], id="ints and False"),
        pytest.param([[0.5, 0.5], [True, 0.0]], id="nested"),
        pytest.param((0.5, np.True_), id="tuple with numpy bool"),
    ],
)
def test_booleans_among_numbers_are_refused_like_boolean_arrays(x):
    with pytest.raises(TypeError, match=r"^q must contain only numbers, found a boolean"):
        v.as_float_array(x, "q")
    with pytest.raises(TypeError, match=r"^y must be integer class labels, got booleans"):
        v.labels(x, "y", 3, np.shape(x))


@pytest.mark.parametrize(
    ("x", "kind"),
    [
        pytest.param((0.5 for _ in range(2)), "a generator", id="generator"),
        pytest.param(map(float, [0.5, 0.5]), "a map", id="map"),
        pytest.param(iter([0.5, 0.5]), "a list_iterator", id="iterator"),
        pytest.param({0.5, 0.25}, "a set", id="set"),
    ],
)
def test_iterators_and_sets_are_told_to_use_list(x, kind):
    with pytest.raises(TypeError, match=rf"^p must be a list, tuple or array.*got {kind}.*list\("):
        v.distribution(x, "p")


def test_numbers_beyond_float64_raise_value_error_not_overflow_error():
    with pytest.raises(ValueError, match=r"^p must contain numbers within the float64 range"):
        v.distribution([2**1100, 1], "p")
    with pytest.raises(ValueError, match=r"^p must contain numbers within the float64 range"):
        v.as_float_array([Fraction(10**400, 3), 1], "p")


# ---------------------------------------------------------------------------------------------
# float32 and float16: the tolerance of the input's own precision
# ---------------------------------------------------------------------------------------------


def softmax_rows_in(dtype, n_rows, n, seed):
    """Rows computed entirely in ``dtype``, as a framework's softmax would give them."""
    z = np.random.default_rng(seed).normal(0.0, 3.0, size=(n_rows, n)).astype(dtype)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True, dtype=dtype)


@pytest.mark.parametrize("n", [2, 3, 10, 100, 1000])
def test_float32_softmax_rows_are_accepted(n):
    q = softmax_rows_in(np.float32, 500, n, seed=n)
    deviation = np.abs(q.astype(np.float64).sum(axis=1) - 1.0)
    assert (deviation > v.SUM_TOLERANCE).mean() > 0.5  # most would fail the float64 rule
    a, _, _ = v.distribution(q, "q")
    assert a.dtype == np.float64
    np.testing.assert_array_equal(a, q.astype(np.float64))


def test_sum_tolerance_scales_with_the_inputs_precision():
    eps32 = float(np.finfo(np.float32).eps)
    assert v.sum_tolerance(float(np.finfo(np.float64).eps), 10**6) == 1e-9
    assert v.sum_tolerance(eps32, 100) == pytest.approx(40 * eps32, rel=1e-15)
    # float32 input off by more than its precision allows is still refused, saying so.
    p = np.array([0.5, 0.5 + 1e-5], dtype=np.float32)
    with pytest.raises(ValueError, match=r"^p must sum to 1 along axis -1 \(within 6\.7e-07\)"):
        v.distribution(p, "p")
    # The same deviation in float64 is judged by the float64 rule.
    with pytest.raises(ValueError, match=r"\(within 1e-09\)"):
        v.distribution(p.astype(np.float64), "p")


# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------


def test_a_sum_just_beyond_the_tolerance_prints_its_deviation():
    # The sum is 1 + 1.00000008e-9 (to 9 digits), which printed as "1.000000001" looked
    # within the tolerance; 8 significant digits of the deviation show that it is not.
    with pytest.raises(ValueError, match=r"got a sum of 1 \+ 1\.0000001e-09;"):
        v.distribution([0.5, 0.5 + 1.00000008e-9], "p")
    with pytest.raises(ValueError, match=r"got a sum of 1 - 3e-09;"):
        v.distribution([0.5, 0.5 - 3e-9], "p")


def test_a_transposed_batch_is_told_about_the_axis():
    rows_sum_to_one = np.array([[0.2, 0.8], [0.5, 0.5], [0.9, 0.1]])
    with pytest.raises(ValueError, match=r"along axis 0 it does sum to 1.*pass axis=0"):
        v.distribution(rows_sum_to_one.T, "q")
    with pytest.raises(ValueError, match=r"along axis 1 it does sum to 1.*pass axis=1"):
        v.distribution(rows_sum_to_one, "q", axis=0)


def test_a_batch_that_sums_to_one_nowhere_gets_no_axis_hint():
    with pytest.raises(ValueError, match=r"infolib\.normalize$"):
        v.distribution(np.full((3, 3), 0.5), "q")


@pytest.mark.parametrize(
    "x",
    [[1e308, 1e308, -1.0], [-1e308, 1e308, 1e308], [0.5, -1e308, 1e308]],
    ids=["after an overflowing pair", "first", "between"],
)
def test_a_negative_entry_is_reported_as_negative_not_as_an_overflow(x):
    with pytest.raises(ValueError, match=r"^p must not contain negative entries, found -1"):
        v.distribution(x, "p")


# ---------------------------------------------------------------------------------------------
# check_int and check_real
# ---------------------------------------------------------------------------------------------


def test_check_int():
    assert v.check_int(3, "k", minimum=1) == 3
    assert type(v.check_int(np.int64(3), "k")) is int
    for bad in (True, 2.0, "2", None, np.float64(2)):
        with pytest.raises(TypeError, match=r"^k must be an integer"):
            v.check_int(bad, "k")
    with pytest.raises(ValueError, match=r"^k must be at least 1, got 0"):
        v.check_int(0, "k", minimum=1)
    with pytest.raises(ValueError, match=r"^k must be at most 5, got 6"):
        v.check_int(6, "k", maximum=5)


def test_check_real():
    assert v.check_real(Fraction(1, 2), "rate", minimum=0, maximum=1) == 0.5
    for bad in (True, "0.5", None, [0.5], 1j):
        with pytest.raises(TypeError, match=r"^rate must be a real number"):
            v.check_real(bad, "rate")
    for bad in (math.nan, math.inf, 10**400):
        with pytest.raises(ValueError, match=r"^rate must be a finite number"):
            v.check_real(bad, "rate")
    with pytest.raises(ValueError, match=r"^rate must be positive, got 0"):
        v.check_real(0, "rate", positive=True)
    with pytest.raises(ValueError, match=r"^rate must be at most 1, got 2"):
        v.check_real(2, "rate", maximum=1)


# ---------------------------------------------------------------------------------------------
# The same rules through the public functions
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda m: infolib.entropy(m),
        lambda m: infolib.kl_divergence(m, [0.5, 0.25, 0.25]),
        lambda m: infolib.cross_entropy([0.5, 0.25, 0.25], m),
        lambda m: infolib.information_content(m),
        lambda m: infolib.binary_entropy(m),
        lambda m: infolib.normalize(m),
        lambda m: infolib.softmax(m),
        lambda m: infolib.cross_entropy_from_logits([0.0, 1.0, 2.0], m),
        lambda m: infolib.huffman_code(m),
    ],
    ids=[
        "entropy",
        "kl q",
        "cross_entropy q",
        "information_content",
        "binary_entropy",
        "normalize",
        "softmax",
        "logits target",
        "huffman_code",
    ],
)
def test_every_public_function_refuses_a_masked_array(call):
    masked = np.ma.masked_array([0.5, 0.25, 0.25], mask=[False, False, True])
    with pytest.raises(TypeError, match=r"is a masked array"):
        call(masked)


def test_float32_softmax_rows_are_measured_in_float64():
    # Rows a framework would give: accepted, and computed from their float64 values exactly as
    # the same values given in float64 (scipy's xlogy and rel_entr as the reference).
    from scipy import special

    q32 = softmax_rows_in(np.float32, 200, 10, seed=3)
    p = np.random.default_rng(4).dirichlet(np.ones(10), size=200)
    q64 = q32.astype(np.float64)
    np.testing.assert_allclose(
        infolib.cross_entropy(p, q32, base=np.e), -special.xlogy(p, q64).sum(axis=1), rtol=1e-13
    )
    np.testing.assert_allclose(
        infolib.entropy(q32, base=np.e), -special.xlogy(q64, q64).sum(axis=1), rtol=1e-13
    )
    # kl_divergence normalises q (its float32 sums miss 1 by up to 3e-7): compare with that.
    q_norm = q64 / q64.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(
        infolib.kl_divergence(p, q32, base=np.e),
        special.rel_entr(p, q_norm).sum(axis=1),
        rtol=1e-9,
    )


# ------------------------------------------------------------- one home for each rule


def test_check_choice():
    assert v.check_choice("forward", "direction", ("forward", "reverse")) == "forward"
    assert v.check_choice(1, "rate", (0.5, 1.0)) == 1.0  # numbers compare by value
    with pytest.raises(ValueError, match=r"^direction must be 'forward' or 'reverse', got 'up'$"):
        v.check_choice("up", "direction", ("forward", "reverse"))
    with pytest.raises(TypeError, match=r"^direction must be 'forward' or 'reverse', got 1$"):
        v.check_choice(1, "direction", ("forward", "reverse"))
    with pytest.raises(ValueError, match=r"^r must be one of 'a', 'b' or 'c', got 'd'$"):
        v.check_choice("d", "r", ("a", "b", "c"))
    for bad in (True, "0.5", None):
        with pytest.raises(TypeError, match=r"^rate must be 0\.5 or 1\.0, got"):
            v.check_choice(bad, "rate", (0.5, 1.0))
    with pytest.raises(ValueError, match=r"^rate must be 0\.5 or 1\.0, got nan$"):
        v.check_choice(math.nan, "rate", (0.5, 1.0))


def test_check_str_and_check_bits():
    assert v.check_str("a", "label") == "a"
    assert v.check_str("", "label", nonempty=False) == ""
    with pytest.raises(ValueError, match=r"^label must be a non-empty string, got ''$"):
        v.check_str("", "label")
    with pytest.raises(TypeError, match=r"^label must be a non-empty string, got 1$"):
        v.check_str(1, "label")
    assert v.check_bits("", "bits") == "" and v.check_bits("0110", "bits") == "0110"
    with pytest.raises(ValueError, match=r"^bits must be a string of '0' and '1', got '012'$"):
        v.check_bits("012", "bits")
    with pytest.raises(TypeError, match=r"^bits must be a string of '0' and '1', got 101$"):
        v.check_bits(101, "bits")


@pytest.mark.parametrize("x", [[1, 2], (1, 2), range(1, 3), np.array([1, 2])], ids=repr)
def test_sequence_accepts_lists_tuples_ranges_and_1d_arrays(x):
    assert v.sequence(x, "w") == [1, 2]


@pytest.mark.parametrize(
    ("x", "error", "problem"),
    [
        pytest.param("12", TypeError, "got a string$", id="string"),
        pytest.param(3, TypeError, "got 3 of type int$", id="scalar"),
        pytest.param(None, TypeError, "got None of type NoneType$", id="None"),
        pytest.param((x for x in [1]), TypeError, r"got a generator; wrap it in list\(", id="gen"),
        pytest.param({1, 2}, TypeError, r"got a set; wrap it in list\(", id="set"),
        pytest.param(np.ones((2, 2)), ValueError, r"got shape \(2, 2\)$", id="2-D"),
        pytest.param(np.ma.masked_array([1, 2]), TypeError, "masked array", id="masked"),
    ],
)
def test_sequence_refuses(x, error, problem):
    with pytest.raises(error, match=r"^w (must be a list, tuple or .*array of numbers, |is a )"):
        v.sequence(x, "w")
    with pytest.raises(error, match=problem):
        v.sequence(x, "w")


def test_pair_length_and_ndim():
    assert v.pair((1, 2), "r", "numbers") == (1, 2)
    for bad in ((1, 2, 3), 1, "ab", np.ones((2, 1))):
        with pytest.raises(TypeError, match=r"^r must be a pair of numbers, got"):
            v.pair(bad, "r", "numbers")
    assert v.check_length([1, 2], "w", minimum=2, maximum=6) == 2
    with pytest.raises(ValueError, match=r"^w must have 2 to 6 entries, got 7$"):
        v.check_length([0] * 7, "w", minimum=2, maximum=6)
    with pytest.raises(ValueError, match=r"^w must have at least 3 entries, got 2$"):
        v.check_length([0] * 2, "w", minimum=3)
    with pytest.raises(ValueError, match=r"^w must not be empty$"):
        v.check_length([], "w", minimum=1)
    with pytest.raises(ValueError, match=r"^a and b must have the same length, got 1 and 2$"):
        v.same_length([1], [1, 2], "a", "b")
    with pytest.raises(ValueError, match=r"^X must be 2-D \(rows of features\), got shape \(3,\)$"):
        v.check_ndim(np.ones(3), "X", 2, "rows of features")


def test_integers_with_bounds_name_the_entry():
    np.testing.assert_array_equal(v.integers([0, 5], "e", minimum=0, maximum=5), [0, 5])
    with pytest.raises(ValueError, match=r"^e must contain only integers from 0 to 5, found 6 at"):
        v.integers([0, 6], "e", minimum=0, maximum=5)
    with pytest.raises(ValueError, match=r"^e must contain only integers of at most 5, found 6"):
        v.integers([[0, 6]], "e", maximum=5)
    with pytest.raises(ValueError, match=r"^e must contain only integers of at least 1, found 0"):
        v.integers([0, 6], "e", minimum=1)


@pytest.mark.parametrize(
    ("x", "message"),
    [
        (0.0, "s must be positive, got 0.0$"),
        (-2, "s must be positive, got -2.0$"),
        (np.nan, "s must be a finite number, got nan$"),
        ([1.0, -0.0], "s must contain only positive numbers, found -0.0 at index 1$"),
        (
            [[1.0], [np.inf]],
            r"s must contain only finite numbers, found infinite at index \(1, 0\)$",
        ),
    ],
)
def test_positive_values(x, message):
    with pytest.raises(ValueError, match="^" + message):
        v.positive_values(x, "s")


def test_positive_values_accepts_positive_scalars_and_arrays():
    assert v.positive_values(2, "s") == 2.0
    np.testing.assert_array_equal(v.positive_values([1e-300, 1e300], "s"), [1e-300, 1e300])


def test_even_grid():
    g = np.linspace(-1, 1, 5)
    assert v.even_grid(g, "x") is g
    with pytest.raises(ValueError, match=r"^x must be strictly increasing.*found step -0\.5"):
        v.even_grid(g[::-1], "x")
    with pytest.raises(ValueError, match=r"^x must be evenly spaced.*steps from 1 to 2$"):
        v.even_grid([0.0, 1.0, 3.0], "x")
    with pytest.raises(ValueError, match=r"^x must have at least 3 entries, got 2$"):
        v.even_grid([0.0, 1.0], "x")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the mean step of a grid this wide overflows
        wide = np.array([-1.2e308, -0.6e308, 0.0, 0.6e308, 1.2e308])
        assert v.even_grid(wide, "x") is wide


@pytest.mark.parametrize(
    ("value", "kwargs", "error", "message"),
    [
        ((2, 1), {}, ValueError, r"r must be a pair \(low, high\) with low < high, got \(2, 1\)$"),
        ((1, 1), {}, ValueError, r"r must be a pair \(low, high\) with low < high"),
        ((0, 1), {"positive": True}, ValueError, r"r\[0\] must be positive, got 0$"),
        ((0, np.nan), {}, ValueError, r"r\[1\] must be a finite number, got nan$"),
        ((True, 2), {}, TypeError, r"r\[0\] must be a real number, got True$"),
        ("ab", {}, TypeError, r"r must be a pair of numbers \(low, high\), got 'ab'$"),
        ((-1e308, 1e308), {}, ValueError, r"r must have a width \(high - low\) below the largest"),
        (None, {}, ValueError, r"r must have a width .* got \(-1e\+308, 1e\+308\), the default$"),
    ],
)
def test_check_range(value, kwargs, error, message):
    with pytest.raises(error, match="^" + message):
        v.check_range(value, "r", (-1e308, 1e308), **kwargs)


def test_check_range_returns_floats():
    assert v.check_range(None, "r", (0.0, 1.0)) == (0.0, 1.0)
    assert v.check_range([1, 2], "r", (0.0, 1.0), positive=True) == (1.0, 2.0)
