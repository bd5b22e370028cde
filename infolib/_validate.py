"""The one place where inputs are checked and error messages are worded.

Every public function of :mod:`infolib` passes its arguments through these helpers, so that the
same mistake always produces the same message: the argument's name, what was found, and what
was expected. A wrong *type* (a string, a boolean, ``None``, a masked array, a generator) raises
``TypeError``; a right type with a wrong *value* (NaN, a negative probability, a sum other than
1) raises ``ValueError``.

The package's modules use only these names (stable; import them as
``from . import _validate as v``):

========================================  ========================================================
``as_float_array(x, name)``               any real array-like as float64 (``TypeError`` if not)
``distribution(x, name, axis)``           distributions along ``axis``: ``(a, axis, has_zero)``
``distribution_unchecked(x, name, axis)`` its two halves, for callers that compute the minimum
``check_distribution_values(...)``        and sums themselves in the same pass as their result
``check_distribution_summary(...)``       (see ``distribution_unchecked``)
``probabilities(x, name)``                elementwise probabilities in ``[0, 1]``, any shape
``finite(x, name, what)``                 a non-empty, at least 1-D array of finite numbers
``finite_values(x, name)``                an array (or scalar) of finite numbers, any shape
``labels(x, name, n_classes, shape)``     integer class labels
``check_base(base)``                      ``ln(base)`` of a valid logarithm base
``check_axis(a, axis, name)``             ``axis`` as a non-negative int for ``a``
``check_int(value, name, minimum=...)``   an integer (not a bool) within bounds
``integers(x, name, minimum=...)``        an array of integers (not bools, not floats)
``check_real(value, name, ...)``          a finite real number (not a bool) within bounds
``check_choice(value, name, choices)``    one of a few allowed values (``'forward'``, ...)
``check_str(value, name)``                a string (non-empty unless told otherwise)
``check_bits(value, name)``               a string of ``'0'`` and ``'1'``
``check_range(value, name, default)``     a pair ``(low, high)`` of finite numbers, low < high
``sequence(x, name, what)``               a list, tuple or 1-D array of items, as a list
``pair(value, name, what)``               the two items of a pair
``check_length(x, name, ...)``            a number of entries within bounds
``same_length(a, b, a_name, b_name)``     two sequences of equal length
``check_ndim(a, name, ndim, what)``       an array of the given number of dimensions
``even_grid(x, name)``                    an evenly spaced, increasing 1-D grid
``positive_values(x, name)``              an array (or scalar) of finite positive numbers
``same_shape(a, b, a_name, b_name)``      equal shapes, no broadcasting
``scalar_or_array(result)``               a Python float for 0-d results
``describe_nonfinite(a, name)``           the message for the first NaN or infinite entry
``describe_negative(a, name)``            the message for the first negative entry
``describe_nonpositive(a, name)``         the message for the first entry that is not above 0
``sum_tolerance(eps, n)``                 the allowed ``|sum - 1|`` for ``n`` entries of precision
                                          ``eps``
``small_distribution(x, axis)``           a short, plainly valid distribution as Python floats,
                                          else ``None`` (the fast path; see its docstring)
``small_logits(x, axis, spread)``         the same for short logits
``small_label(x, n_classes)``             a single valid class label as an ``int``, else ``None``
``joint_table(x, name)``                  a 2-D joint distribution table ``p(x, y)``: ``(a, eps)``
========================================  ========================================================

The checks are ordered so that the common, valid case costs two reductions (a sum and a
minimum); the slower scans that find *which* entry is bad run only when something is wrong.

One wording per rule. A single value that breaks a rule is reported as ``"{name} must be
<what was expected>, got <value>"``; an entry of an array as ``"{name} must contain only
<what was expected>, found <value> at index <i>"`` (a NumPy scalar or 0-d array counts as a
single value). An entry of a list or tuple checked one by one is named ``{name}[i]``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterator, Set
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

#: Largest allowed ``|sum(p) - 1|`` along the distribution axis, for float64 (and integer or
#: exact) input. Lower-precision input gets the tolerance of its own precision; see
#: :func:`sum_tolerance`.
SUM_TOLERANCE = 1e-9

_LN2 = math.log(2.0)
_OK = object()
_BASE_RULE = "base must be a finite positive number other than 1 (2 for bits, np.e for nats)"


def _reject_containers(x: object, name: str, what: str = "numbers") -> None:
    """Raise ``TypeError`` for inputs NumPy would misread rather than refuse."""
    if x is None:
        raise TypeError(f"{name} must be numeric (a list, tuple or array of numbers), got None")
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got the string {x!r}")
    if isinstance(x, np.ndarray) and type(x).__module__.startswith("numpy.ma"):
        # NumPy's ufuncs and np.asarray drop the mask: every entry would count.
        raise TypeError(
            f"{name} is a masked array, whose mask infolib would ignore; pass "
            f"{name}.compressed() to drop the masked entries or {name}.filled(value) to give "
            f"them a value"
        )
    if isinstance(x, (Iterator, Set)):
        kind = "a generator" if hasattr(x, "gi_frame") else f"a {type(x).__name__}"
        raise TypeError(
            f"{name} must be a list, tuple or array of {what}, got {kind}; wrap it in "
            f"list(...) first"
        )


def _has_bool(seq: Any) -> bool:
    """Whether a (nested) list or tuple holds a bool, which NumPy would turn into 0 or 1.

    ``seq`` is a list or tuple (callers check ``type(x) in (list, tuple)``, exactly, which a
    type checker cannot follow; hence ``Any``)."""
    types = set(map(type, seq))
    if bool in types or np.bool_ in types:
        return True
    if list in types or tuple in types:
        return any(_has_bool(e) for e in seq if type(e) in (list, tuple))
    return False


def _convert(x: ArrayLike, name: str) -> tuple[np.ndarray, float]:
    """``x`` as float64, and the machine epsilon of the precision it came in (float64's for
    integers and exact numbers)."""
    if type(x) is np.ndarray:
        a = x
    else:
        _reject_containers(x, name)
        try:
            a = np.asarray(x)
        except ValueError as err:  # ragged nested lists
            raise ValueError(
                f"{name} must be a rectangular array of numbers; NumPy could not build one ({err})"
            ) from None
        if type(x) in (list, tuple) and a.dtype.kind in "iuf" and _has_bool(x):
            raise TypeError(
                f"{name} must contain only numbers, found a boolean among them; write 1.0 and "
                f"0.0, or convert with np.asarray({name}, dtype=float)"
            )
    kind = a.dtype.kind
    if kind == "f":
        if a.dtype == np.float64:
            return a, _EPS64
        eps = float(np.finfo(a.dtype).eps)
        return a.astype(np.float64), max(eps, _EPS64)
    if kind in "iu":
        return a.astype(np.float64), _EPS64
    if kind == "c":
        raise TypeError(f"{name} must be real, got complex values (dtype {a.dtype})")
    if kind == "b":
        raise TypeError(f"{name} must be numeric, got booleans; convert with .astype(float)")
    if kind == "O":
        # A sentinel, not None: None is itself an entry to reject.
        bad = next(
            (
                e
                for e in a.flat
                if not isinstance(e, numbers.Real) or isinstance(e, (bool, np.bool_))
            ),
            _OK,
        )
        if bad is _OK:
            return _object_to_float(a, name), _EPS64
        raise TypeError(f"{name} must contain only real numbers, found {bad!r}")
    raise TypeError(f"{name} must be numeric, got an array of dtype {a.dtype}")


_EPS64 = float(np.finfo(np.float64).eps)


def _object_to_float(a: np.ndarray, name: str) -> np.ndarray:
    try:
        return a.astype(np.float64)
    except OverflowError:  # a Python int or Fraction beyond the float64 range
        big = next((e for e in a.flat if abs(e) > 1e308), "a number")
        raise ValueError(
            f"{name} must contain numbers within the float64 range (about 1.8e308), found "
            f"{_short(big)}"
        ) from None


def _short(value: object) -> str:
    """``repr`` of a number, shortened if it has hundreds of digits."""
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:20]}...{text[-8:]} ({len(text)} characters)"


def as_float_array(x: ArrayLike, name: str) -> np.ndarray:
    """Return ``x`` as a float64 array, or raise ``TypeError`` for non-numeric input.

    Accepts lists, tuples, scalars and arrays of integers or floats. Refuses booleans (also
    inside a list of numbers), strings, ``None``, complex numbers, masked arrays (whose mask
    would be ignored) and generators. Never returns a view that aliases a non-float64 input,
    and never modifies ``x``.
    """
    return _convert(x, name)[0]


def check_base(base: object) -> float:
    """Return ``ln(base)`` for a valid logarithm base.

    Raises ``TypeError`` if ``base`` is not a real number (strings, bools, arrays, complex),
    ``ValueError`` if it is not finite and positive, or is 1.
    """
    if type(base) is int and base == 2:  # the default, checked first for speed
        return _LN2
    if type(base) is float and 0.0 < base < math.inf and base != 1.0:  # np.e, 10.0, ...
        return 1.0 if base == math.e else math.log(base)
    # Type first: 2 + 0j == 2 and an array == 2 would otherwise slip through or misfire.
    if isinstance(base, (bool, np.bool_)) or not isinstance(base, numbers.Real):
        raise TypeError(f"{_BASE_RULE}, got {_short(base)} of type {type(base).__name__}")
    if base == 2:
        return _LN2
    try:
        b = float(base)
    except OverflowError:  # an int or Fraction beyond the float64 range
        b = math.inf
    if not math.isfinite(b) or b <= 0.0 or b == 1.0:
        raise ValueError(f"{_BASE_RULE}, got {_short(base)}")
    return math.log(b)


def check_axis(a: np.ndarray, axis: object, name: str) -> int:
    """Return ``axis`` normalised to a non-negative int for array ``a``."""
    if type(axis) is int and 0 < a.ndim and -a.ndim <= axis < a.ndim:  # the common case, fast
        return axis % a.ndim
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"axis must be an integer, got {axis!r}")
    if a.ndim == 0:
        raise ValueError(
            f"{name} must be at least one-dimensional (a list of probabilities), got a scalar"
        )
    ax = int(axis)
    if not -a.ndim <= ax < a.ndim:
        raise ValueError(f"axis {ax} is out of range for {name} with {a.ndim} dimension(s)")
    return ax % a.ndim


def check_int(
    value: object, name: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Return ``value`` as an ``int``.

    Raises ``TypeError`` unless it is an integer (Python or NumPy; not a bool, not a float
    such as ``2.0``), ``ValueError`` if it lies outside ``[minimum, maximum]``.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {_short(value)}")
    n = int(value)
    if minimum is not None and n < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {n}")
    if maximum is not None and n > maximum:
        raise ValueError(f"{name} must be at most {maximum}, got {_short(n)}")
    return n


def integers(
    x: ArrayLike, name: str, *, minimum: int | None = None, maximum: int | None = None
) -> np.ndarray:
    """Validate an array (or list) of integers, any shape, each within ``[minimum, maximum]``.

    Raises ``TypeError`` for floats (even whole ones), booleans, strings and other
    non-integers, ``ValueError`` for an entry outside the bounds.
    """
    if type(x) is not np.ndarray:
        _reject_containers(x, name)
    a = np.asarray(x)
    if a.size == 0 and type(x) in (list, tuple):
        a = a.astype(np.int64)  # NumPy makes [] float64; it holds no non-integer
    if a.dtype.kind not in "iu" or (type(x) in (list, tuple) and _has_bool(x)):
        found = "booleans" if a.dtype.kind == "b" or a.dtype.kind in "iu" else f"dtype {a.dtype}"
        raise TypeError(f"{name} must be integers, got {found}")
    low = minimum is not None and a.size and a.min() < minimum
    high = maximum is not None and a.size and a.max() > maximum
    if low or high:
        bad = (a < minimum) if low else (a > maximum)
        if minimum is not None and maximum is not None:
            wanted = f"integers from {minimum} to {maximum}"
        else:
            wanted = f"integers of at least {minimum}" if low else f"integers of at most {maximum}"
        raise ValueError(_describe_entry(a, bad, name, wanted))
    return a


def check_real(
    value: object,
    name: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    positive: bool = False,
) -> float:
    """Return ``value`` as a finite ``float``.

    Raises ``TypeError`` unless it is a real number (not a bool, a string or an array),
    ``ValueError`` if it is not finite, lies outside ``[minimum, maximum]``, or is not above
    0 when ``positive`` is set.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {_short(value)}")
    try:
        x = float(value)
    except OverflowError:
        big: Any = value  # a Real too large for a float (a huge int): only its sign matters
        x = math.inf if big > 0 else -math.inf
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number, got {_short(value)}")
    if positive and x <= 0:
        raise ValueError(f"{name} must be positive, got {_short(value)}")
    if minimum is not None and x < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {_short(value)}")
    if maximum is not None and x > maximum:
        raise ValueError(f"{name} must be at most {maximum}, got {_short(value)}")
    return x


def _listed(choices: tuple[object, ...]) -> str:
    """``'a' or 'b'``; ``one of 'a', 'b' or 'c'`` for more."""
    shown = [repr(c) for c in choices]
    if len(shown) <= 2:
        return " or ".join(shown)
    return f"one of {', '.join(shown[:-1])} or {shown[-1]}"


def check_choice(value: object, name: str, choices: tuple[Any, ...]) -> Any:
    """Return ``value`` if it is one of ``choices``.

    Raises ``TypeError`` if it is not of the choices' type (a number for text choices, a
    string or a bool for numeric ones), ``ValueError`` if it is of the right type but none
    of them. Numeric choices compare by value (``1`` matches ``1.0``); the matching choice
    is returned.
    """
    numeric = all(isinstance(c, numbers.Real) for c in choices)
    if numeric:
        right_type = isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
    else:
        right_type = all(isinstance(value, type(c)) for c in choices)
    message = f"{name} must be {_listed(choices)}, got {_short(value)}"
    if not right_type:
        raise TypeError(message)
    for choice in choices:
        if value == choice:
            return choice
    raise ValueError(message)


def check_str(value: object, name: str, *, nonempty: bool = True) -> str:
    """Return ``value`` if it is a string (and, with ``nonempty``, not ``""``)."""
    wanted = "a non-empty string" if nonempty else "a string"
    if not isinstance(value, str):
        raise TypeError(f"{name} must be {wanted}, got {_short(value)}")
    if nonempty and not value:
        raise ValueError(f"{name} must be {wanted}, got ''")
    return value


def check_bits(value: object, name: str) -> str:
    """Return ``value`` if it is a string of ``'0'`` and ``'1'`` (possibly empty)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string of '0' and '1', got {_short(value)}")
    if value.strip("01"):
        raise ValueError(f"{name} must be a string of '0' and '1', got {_short(value)}")
    return value


def sequence(x: object, name: str, what: str = "numbers") -> list[Any]:
    """Return the items of a list, tuple, range or 1-D array ``x`` as a list.

    Raises ``TypeError`` for a string, a generator, a set, a scalar or any other object, and
    ``ValueError`` for an array of more than one dimension. ``what`` says what the items are,
    for the message; the items themselves are the caller's to check.
    """
    if isinstance(x, np.ndarray):
        if type(x) is not np.ndarray:
            _reject_containers(x, name)  # a masked array
        if x.ndim != 1:
            raise ValueError(
                f"{name} must be a list, tuple or 1-D array of {what}, got shape {x.shape}"
            )
        return list(x)
    if isinstance(x, (list, tuple, range)):
        return list(x)
    if isinstance(x, (Iterator, Set)):
        _reject_containers(x, name, what)
    kind = "a string" if isinstance(x, (str, bytes)) else f"{_short(x)} of type {type(x).__name__}"
    raise TypeError(f"{name} must be a list, tuple or array of {what}, got {kind}")


def pair(value: object, name: str, what: str) -> tuple[Any, Any]:
    """The two items of a list, tuple or 1-D array of length 2, else ``TypeError``.

    ``what`` says what the items are (``"integers"``), for the message; the items are the
    caller's to check (name them ``{name}[0]`` and ``{name}[1]``).
    """
    if isinstance(value, (list, tuple)) or (isinstance(value, np.ndarray) and value.ndim == 1):
        if len(value) == 2:
            return value[0], value[1]
    raise TypeError(f"{name} must be a pair of {what}, got {_short(value)}")


def check_length(
    x: Any, name: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Return ``len(x)`` if it lies within ``[minimum, maximum]``, else raise ``ValueError``."""
    n = len(x)
    if n == 0 and minimum == 1 and maximum is None:
        raise ValueError(f"{name} must not be empty")
    if (minimum is not None and n < minimum) or (maximum is not None and n > maximum):
        if minimum is not None and maximum is not None:
            wanted = f"{minimum}" if minimum == maximum else f"{minimum} to {maximum}"
        else:
            wanted = f"at least {minimum}" if minimum is not None else f"at most {maximum}"
        raise ValueError(f"{name} must have {wanted} entries, got {n}")
    return n


def same_length(a: Any, b: Any, a_name: str, b_name: str) -> None:
    """Raise ``ValueError`` unless the sequences ``a`` and ``b`` have the same length."""
    if len(a) != len(b):
        raise ValueError(
            f"{a_name} and {b_name} must have the same length, got {len(a)} and {len(b)}"
        )


def check_ndim(a: np.ndarray, name: str, ndim: int, what: str) -> None:
    """Raise ``ValueError`` unless ``a`` has ``ndim`` dimensions; ``what`` says what it holds."""
    if a.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D ({what}), got shape {a.shape}")


def _first_index(mask: np.ndarray) -> int | tuple[int, ...]:
    idx = tuple(int(i[0]) for i in np.nonzero(np.atleast_1d(mask)))
    return idx[0] if len(idx) == 1 else idx


def _describe_entry(a: np.ndarray, bad: np.ndarray, name: str, wanted: str) -> str:
    """``{name} must contain only {wanted}, found {entry} at index {i}``, for the first entry
    of the array ``a`` (at least 1-D) where ``bad`` holds."""
    where = _first_index(bad)
    entry = np.atleast_1d(a)[where]
    shown = ("NaN" if np.isnan(entry) else "infinite") if not np.isfinite(entry) else None
    return (
        f"{name} must contain only {wanted}, found {shown or repr(entry.item())} at index {where}"
    )


def describe_nonfinite(a: np.ndarray, name: str) -> str:
    """The message for the first NaN or infinite entry of ``a`` (which must have one).

    For a single value (a 0-d array) it is the message of :func:`check_real`."""
    if np.ndim(a) == 0:
        return f"{name} must be a finite number, got {float(a)!r}"
    return _describe_entry(a, ~np.isfinite(a), name, "finite numbers")


def describe_negative(a: np.ndarray, name: str) -> str:
    """The message for the first negative entry of ``a`` (which must have one)."""
    if np.ndim(a) == 0:
        return f"{name} must not be negative, got {float(a)!r}"
    where = _first_index(a < 0)
    return f"{name} must not contain negative entries, found {a[where].item()!r} at index {where}"


def describe_nonpositive(a: np.ndarray, name: str) -> str:
    """The message for the first entry of ``a`` that is not above 0 (which must have one).

    For a single value (a 0-d array) it is the message of :func:`check_real`."""
    if np.ndim(a) == 0:
        return f"{name} must be positive, got {float(a)!r}"
    return _describe_entry(a, ~(a > 0), name, "positive numbers")


def sum_tolerance(eps: float, n: int) -> float:
    """Allowed ``|sum - 1|`` for ``n`` entries stored with machine epsilon ``eps``.

    ``SUM_TOLERANCE`` (1e-9) for float64; for float32 (``eps`` 1.2e-7) and float16, whose
    rounding alone moves a sum by a few ``eps``, ``4 sqrt(n) eps``: a distribution computed
    in that precision (``torch.softmax(...).numpy()`` gives float32) sums to 1 only that
    closely, and its rounding errors grow about like ``sqrt(n)``.
    """
    if eps <= _EPS64:
        return SUM_TOLERANCE
    return max(SUM_TOLERANCE, 4.0 * math.sqrt(n) * eps)


#: Longest 1-D input that :func:`small_distribution` takes: below this the fixed cost of each
#: NumPy call (about a microsecond) outweighs Python's per-element cost.
SMALL = 32


def small_distribution(x: Any, axis: object) -> tuple[list[float], float] | None:
    """A short 1-D distribution as a list of Python floats, and its exact sum, if plainly valid.

    The fast path for the few-outcome distributions of the course's examples. It takes only
    a float64 array, or a list or tuple of floats and ints, of at most :data:`SMALL` entries
    along its only axis, that is finite, non-negative and sums (exactly, by ``math.fsum``) to
    1 within :data:`SUM_TOLERANCE`. For anything else, including every invalid input, it
    returns ``None``, and the caller passes the input to :func:`distribution`, which checks it
    fully and words the error.
    """
    values = _small_values(x, axis)
    if values is None:
        return None
    try:
        total = math.fsum(values)
    except (OverflowError, ValueError):  # inf - inf, or an overflowing sum
        return None
    # NaN fails both comparisons.
    if not abs(total - 1.0) <= SUM_TOLERANCE or not min(values) >= 0.0:
        return None
    return values, total


def _small_values(x: Any, axis: object) -> list[float] | None:
    """A 1-D float64 array, or a list or tuple of floats and ints, of 1 to :data:`SMALL`
    entries along its only axis, as a list of Python floats; else ``None``."""
    if type(axis) is not int or not -1 <= axis <= 0:
        return None
    kind = type(x)
    if kind is np.ndarray:
        if x.ndim != 1 or x.dtype.char != "d" or not 0 < x.size <= SMALL:
            return None
        return x.tolist()
    if (kind is list or kind is tuple) and 0 < len(x) <= SMALL:
        types = set(map(type, x))
        if types == {float}:
            return list(x)
        if types <= {float, int}:  # not bool, whose type is bool
            try:
                return [float(e) for e in x]
            except OverflowError:
                return None
    return None


def small_logits(x: Any, axis: object, spread: float) -> list[float] | None:
    """Short 1-D logits as a list of Python floats, if plainly valid (the fast path).

    Takes what :func:`small_distribution` takes, finite and with ``max - min`` below
    ``spread``; returns ``None`` for anything else, including every invalid input, which the
    caller then passes to :func:`finite` for the full check and its message.
    """
    values = _small_values(x, axis)
    if values is None:
        return None
    # A NaN or infinite entry makes the plain sum NaN or infinite (as does a finite sum that
    # overflows: such logits take the full path). max and min skip over NaN.
    if not (math.isfinite(sum(values)) and max(values) - min(values) < spread):
        return None
    return values


def small_label(x: Any, n_classes: int) -> int | None:
    """A single class label in ``[0, n_classes)`` given as an ``int`` or a NumPy integer
    (not a bool), as an ``int``; else ``None`` (the caller then uses :func:`labels`)."""
    kind = type(x)
    if kind is int or (isinstance(x, np.integer) and kind is not np.bool_):
        k = int(x)
        if 0 <= k < n_classes:
            return k
    return None


def distribution(x: ArrayLike, name: str, axis: object = -1) -> tuple[np.ndarray, int, bool]:
    """Validate probability distributions laid out along ``axis``.

    Each must be non-negative, finite and sum to 1 within :func:`sum_tolerance` of the input's
    own precision (1e-9 for float64).

    Returns
    -------
    a : ndarray
        The input as float64 (a copy only if a conversion was needed).
    axis : int
        The non-negative axis.
    has_zero : bool
        Whether any entry is exactly 0 (so callers can skip masking when none is).
    """
    a, ax, eps = distribution_unchecked(x, name, axis)
    return a, ax, check_distribution_values(a, eps, ax, axis, name)


def distribution_unchecked(
    x: ArrayLike, name: str, axis: object = -1
) -> tuple[np.ndarray, int, float]:
    """The first half of :func:`distribution`: the type, shape and axis checks.

    Returns the float64 array, the axis and the machine epsilon of the input's precision.
    The caller must then check the values, either with :func:`check_distribution_values`
    or, if it reads the array block by block anyway, by computing the minimum and the sums
    itself and passing them to :func:`check_distribution_summary` before returning anything.
    """
    a, eps = _convert(x, name)
    ax = check_axis(a, axis, name)
    if a.size == 0:
        raise ValueError(f"{name} must not be empty; a distribution needs at least one outcome")
    return a, ax, eps


def check_distribution_summary(
    a: np.ndarray, eps: float, ax: int, axis: object, name: str, lowest: float, sums: np.ndarray
) -> None:
    """The second half of :func:`distribution` from a caller's own minimum and sums of ``a``
    along ``ax`` (computed while reading ``a`` for something else): raises as it would."""
    tol = sum_tolerance(eps, a.shape[ax])
    if lowest >= 0.0 and np.isfinite(sums).all() and np.abs(sums - 1.0).max() <= tol:
        return
    _check_distribution_fully(a, eps, ax, axis, name)


def check_distribution_values(a: np.ndarray, eps: float, ax: int, axis: object, name: str) -> bool:
    """The second half of :func:`distribution`: the values; returns whether any entry is 0."""
    # The common, valid case: three reductions, called on the ufuncs directly (the array
    # methods add a layer of Python) and with no np.errstate (which costs as much as a
    # reduction of a thousand entries). Entries in [0, 2] cannot overflow the sum. NaN fails
    # both comparisons. Anything else takes the full check below, which words the error.
    lowest = _MIN(a, axis=None)
    if lowest >= 0.0 and (a.size > _LARGE or _MAX(a, axis=None) <= 2.0):
        # A large array instead skips the third pass over its memory: the sum, under
        # np.errstate, may then overflow, which the full check below reports.
        if a.size > _LARGE:
            with np.errstate(over="ignore"):
                s = _SUM(a, axis=ax)
            if not np.isfinite(s).all():
                return _check_distribution_fully(a, eps, ax, axis, name)[2]
        else:
            s = _SUM(a, axis=ax)
        tol = sum_tolerance(eps, a.shape[ax])
        if a.ndim == 1:
            if abs(float(s) - 1.0) <= tol:
                return bool(lowest == 0.0)
        elif _MAX(np.abs(s - 1.0), axis=None) <= tol:
            return bool(lowest == 0.0)
    return _check_distribution_fully(a, eps, ax, axis, name)[2]


_MIN, _MAX, _SUM = np.minimum.reduce, np.maximum.reduce, np.add.reduce
# Above this size the cost of np.errstate (about a reduction of a thousand entries) is less
# than that of a third pass over the array.
_LARGE = 1 << 16


def _check_distribution_fully(
    a: np.ndarray, eps: float, ax: int, axis: object, name: str
) -> tuple[np.ndarray, int, bool]:
    """The full check of :func:`distribution`: each problem found and worded."""
    lowest = a.min()
    # A NaN makes the minimum NaN; +inf passes here and is caught by the sum below.
    if not lowest >= 0:
        if not np.isfinite(a).all():
            raise ValueError(describe_nonfinite(a, name))
        raise ValueError(describe_negative(a, name))
    # An overflowing sum is reported below, not warned about.
    with np.errstate(over="ignore", invalid="ignore"):
        s = a.sum(axis=ax)
    if not np.isfinite(s).all():
        if not np.isfinite(a).all():
            raise ValueError(describe_nonfinite(a, name))
        raise ValueError(f"{name} must sum to 1 along axis {axis}, but its sum overflows")
    tol = sum_tolerance(eps, a.shape[ax])
    err = np.abs(s - 1.0)
    if err.max() > tol:
        raise ValueError(_describe_sum(a, ax, axis, s, err, tol, name))
    return a, ax, bool(lowest == 0)


def _describe_sum(
    a: np.ndarray, ax: int, axis: object, s: np.ndarray, err: np.ndarray, tol: float, name: str
) -> str:
    worst = float(s.flat[int(np.argmax(err))] if np.ndim(s) else s)
    deviation = worst - 1.0  # exact: Sterbenz
    if abs(deviation) > 1e-6:
        got = repr(worst)
    else:
        # Enough digits to show that the deviation exceeds the tolerance.
        digits = next(k for k in range(2, 18) if f"{abs(deviation):.{k}g}" != f"{tol:.{k}g}")
        got = f"1 {'+' if deviation > 0 else '-'} {abs(deviation):.{digits}g}"
    message = (
        f"{name} must sum to 1 along axis {axis} (within {tol:.2g}), got a sum of {got}; to "
        f"turn counts or weights into probabilities use infolib.normalize"
    )
    if a.ndim >= 2:
        others = [k for k in range(a.ndim) if k != ax]
        with np.errstate(over="ignore", invalid="ignore"):
            fits = [k for k in others if (np.abs(a.sum(axis=k) - 1.0) <= tol).all()]
        if fits:
            message += (
                f"; along axis {fits[0]} it does sum to 1: if each distribution is laid out "
                f"along that axis, pass axis={fits[0]}"
            )
    return message


def probabilities(x: ArrayLike, name: str) -> np.ndarray:
    """Validate elementwise probabilities: finite numbers in ``[0, 1]``, any shape."""
    a = as_float_array(x, name)
    if a.size == 0:
        raise ValueError(f"{name} must not be empty")
    lo, hi = a.min(), a.max()
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise ValueError(describe_nonfinite(a, name))
    if lo < 0 or hi > 1:
        if a.ndim == 0:
            raise ValueError(f"{name} must be a probability in [0, 1], got {a.item()!r}")
        raise ValueError(_describe_entry(a, (a < 0) | (a > 1), name, "probabilities in [0, 1]"))
    return a


def same_shape(p: np.ndarray, q: np.ndarray, p_name: str = "p", q_name: str = "q") -> None:
    """Raise ``ValueError`` unless ``p`` and ``q`` have the same shape (no broadcasting)."""
    if p.shape != q.shape:
        raise ValueError(
            f"{p_name} and {q_name} must have the same shape, got {p.shape} and {q.shape}"
        )


def finite(x: ArrayLike, name: str, what: str = "one logit per class") -> np.ndarray:
    """Validate an array of finite real numbers (logits by default).

    ``what`` says what the entries are, for the message about a scalar input.
    """
    a = as_float_array(x, name)
    if a.ndim == 0:
        raise ValueError(f"{name} must be at least one-dimensional ({what})")
    if a.size == 0:
        raise ValueError(f"{name} must not be empty")
    # Two reductions and no np.errstate (a sum of huge finite logits would overflow); NaN
    # propagates into both.
    if not (math.isfinite(_MIN(a, axis=None)) and math.isfinite(_MAX(a, axis=None))):
        raise ValueError(describe_nonfinite(a, name))
    return a


def finite_values(x: ArrayLike, name: str) -> np.ndarray:
    """Validate finite real numbers of any shape, scalars included."""
    a = as_float_array(x, name)
    if not np.isfinite(a).all():
        raise ValueError(describe_nonfinite(a, name))
    return a


def positive_values(x: ArrayLike, name: str) -> np.ndarray:
    """Validate finite numbers above 0, any shape, scalars included (a width, a scale)."""
    a = finite_values(x, name)
    if not (a > 0).all():
        raise ValueError(describe_nonpositive(a, name))
    return a


#: Relative tolerance on the spacing of :func:`even_grid`: ``np.linspace`` grids pass,
#: hand-made uneven ones fail.
SPACING_TOLERANCE = 1e-6


def even_grid(x: ArrayLike, name: str, *, minimum: int = 3) -> np.ndarray:
    """Validate an evenly spaced, strictly increasing 1-D grid of at least ``minimum`` points."""
    g = as_float_array(x, name)
    check_ndim(g, name, 1, "a grid such as np.linspace(-10, 10, 401)")
    check_length(g, name, minimum=minimum)
    if not np.isfinite(g).all():
        raise ValueError(describe_nonfinite(g, name))
    steps = np.diff(g)
    if steps.min() <= 0:
        raise ValueError(
            f"{name} must be strictly increasing, e.g. np.linspace(-10, 10, 401); found step "
            f"{steps.min().item()!r} at index {int(np.argmin(steps))}"
        )
    if steps.max() - steps.min() > SPACING_TOLERANCE * steps.max():  # mean() may overflow
        raise ValueError(
            f"{name} must be evenly spaced, e.g. np.linspace(-10, 10, 401); found steps from "
            f"{steps.min():.6g} to {steps.max():.6g}"
        )
    return g


def check_range(
    value: object, name: str, default: tuple[float, float], *, positive: bool = False
) -> tuple[float, float]:
    """A pair ``(low, high)`` of finite numbers with ``low < high`` and a finite width.

    ``value`` ``None`` stands for ``default`` (which is checked too: a default computed
    from other arguments can be out of range). With ``positive``, both must be above 0.
    """
    if value is None:
        lo, hi = default
        shown = f"({lo!r}, {hi!r}), the default"
    else:
        first, second = pair(value, name, "numbers (low, high)")
        lo = check_real(first, f"{name}[0]", positive=positive)
        hi = check_real(second, f"{name}[1]", positive=positive)
        shown = _short(value)
    if not lo < hi:
        raise ValueError(f"{name} must be a pair (low, high) with low < high, got {shown}")
    if positive and lo <= 0:
        raise ValueError(f"{name} must be a pair of positive numbers, got {shown}")
    if not (math.isfinite(0.5 * hi - 0.5 * lo) and math.isfinite(hi - lo)):
        raise ValueError(
            f"{name} must have a width (high - low) below the largest float, got {shown}"
        )
    return lo, hi


def labels(x: ArrayLike, name: str, n_classes: int, shape: tuple[int, ...]) -> np.ndarray:
    """Validate integer class labels in ``[0, n_classes)`` with the given batch ``shape``."""
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be integer class labels, got {x!r}")
    if isinstance(x, (np.ndarray, Iterator, Set)) and type(x) is not np.ndarray:
        _reject_containers(x, name)
    a = np.asarray(x)
    if a.dtype.kind == "b" or (type(x) in (list, tuple) and a.dtype.kind in "iuf" and _has_bool(x)):
        raise TypeError(f"{name} must be integer class labels, got booleans")
    if a.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be integer class labels, got dtype {a.dtype}")
    if a.shape != shape:
        raise ValueError(
            f"{name} must hold one label per example, shape {shape}, got shape {a.shape}"
        )
    if a.dtype.kind == "f":
        if not np.isfinite(a).all():
            raise ValueError(describe_nonfinite(a, name))
        frac = a != np.floor(a)
        if frac.any():
            bad = a[frac].flat[0].item()
            raise ValueError(f"{name} must be whole-number class labels, found {bad!r}")
    if a.size and (a.min() < 0 or a.max() >= n_classes):
        bad = a[(a < 0) | (a >= n_classes)].flat[0]
        raise ValueError(
            f"{name} must be class labels in [0, {n_classes - 1}] for {n_classes} classes, "
            f"found {bad.item()!r}"
        )
    return a.astype(np.intp)


def scalar_or_array(result: np.ndarray | np.floating) -> float | np.ndarray:
    """Return a Python float for a 0-d result, else the array."""
    if type(result) is np.float64 or np.ndim(result) == 0:
        return float(result)
    return np.asarray(result)  # already an array here: the same object


def joint_table(x: ArrayLike, name: str) -> tuple[np.ndarray, float]:
    """Validate a joint distribution ``p(x, y)`` laid out as a 2-D table (rows ``x``, columns
    ``y``): finite, non-negative, summing to 1 over all its cells within :func:`sum_tolerance`.

    Returns the table as float64 and the machine epsilon of the input's precision. A table
    whose every row sums to 1 is most likely a table of conditional distributions
    ``p(y | x)``; the message says so.
    """
    a, eps = _convert(x, name)
    check_ndim(
        a,
        name,
        2,
        "a table of joint probabilities p(x, y), one row per value of x and one column per "
        "value of y",
    )
    if a.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {a.shape}")
    if not np.isfinite(a).all():
        raise ValueError(describe_nonfinite(a, name))
    if a.min() < 0:
        raise ValueError(describe_negative(a, name))
    total = math.fsum(a.ravel().tolist())
    tol = sum_tolerance(eps, a.size)
    if not abs(total - 1.0) <= tol:
        message = (
            f"{name} must sum to 1 over all its cells (within {tol:.2g}), got a sum of "
            f"{total!r}; to turn a table of counts into probabilities divide it by its total"
        )
        if a.shape[0] > 1 and (np.abs(a.sum(axis=1) - 1.0) <= tol).all():
            message += (
                "; each row sums to 1, so this looks like a table of conditional "
                "distributions p(y | x): multiply row x by p(x) to get the joint table"
            )
        raise ValueError(message)
    return a, eps
