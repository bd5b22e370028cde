"""The one place where inputs are checked and error messages are worded.

Every public function of :mod:`infolib` passes its arguments through these helpers, so that the
same mistake always produces the same message: the argument's name, what was found, and what
was expected.

The checks are ordered so that the common, valid case costs two reductions (a sum and a
minimum); the slower scans that find *which* entry is bad run only when something is wrong.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike

#: Largest allowed ``|sum(p) - 1|`` along the distribution axis.
SUM_TOLERANCE = 1e-9

_LN2 = math.log(2.0)
_OK = object()


def as_float_array(x: ArrayLike, name: str) -> np.ndarray:
    """Return ``x`` as a float64 array, or raise ``TypeError`` for non-numeric input.

    Accepts lists, tuples, scalars and arrays of integers or floats. Never returns a view that
    aliases a non-float64 input, and never modifies ``x``.
    """
    if x is None:
        raise TypeError(f"{name} must be numeric (a list, tuple or array of numbers), got None")
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got the string {x!r}")
    try:
        a = np.asarray(x)
    except ValueError as err:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers; NumPy could not build one ({err})"
        ) from None
    kind = a.dtype.kind
    if kind == "f":
        return a if a.dtype == np.float64 else a.astype(np.float64)
    if kind in "iu":
        return a.astype(np.float64)
    if kind == "c":
        raise TypeError(f"{name} must be real, got complex values (dtype {a.dtype})")
    if kind == "b":
        raise TypeError(f"{name} must be numeric, got booleans; convert with .astype(float)")
    if kind == "O":
        # A sentinel, not None: None is itself an entry to reject.
        bad = next(
            (v for v in a.flat if not isinstance(v, numbers.Real) or isinstance(v, bool)), _OK
        )
        if bad is _OK:
            return a.astype(np.float64)
        raise TypeError(f"{name} must contain only real numbers, found {bad!r}")
    raise TypeError(f"{name} must be numeric, got an array of dtype {a.dtype}")


def check_base(base: object) -> float:
    """Return ``ln(base)`` for a valid logarithm base, else raise ``ValueError``."""
    # Type first: 2 + 0j == 2 and an array == 2 would otherwise slip through or misfire.
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise ValueError(
            f"base must be a finite positive number other than 1 (2 for bits, np.e for nats), "
            f"got {base!r}"
        )
    if base == 2:
        return _LN2
    b = float(base)
    if not math.isfinite(b) or b <= 0.0 or b == 1.0:
        raise ValueError(
            f"base must be a finite positive number other than 1 (2 for bits, np.e for nats), "
            f"got {base!r}"
        )
    return math.log(b)


def check_axis(a: np.ndarray, axis: object, name: str) -> int:
    """Return ``axis`` normalised to a non-negative int for array ``a``."""
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"axis must be an integer, got {axis!r}")
    if a.ndim == 0:
        raise ValueError(
            f"{name} must be at least one-dimensional (a list of probabilities), got a scalar"
        )
    ax = int(axis)
    if not -a.ndim <= ax < a.ndim:
        raise ValueError(f"axis {ax} is out of range for {name} with {a.ndim} dimension(s)")
    return ax % a.ndim


def _describe_nonfinite(a: np.ndarray, name: str) -> str:
    a = np.atleast_1d(a)  # np.nonzero refuses 0-d arrays
    bad = ~np.isfinite(a)
    idx = tuple(int(i[0]) for i in np.nonzero(bad))
    kind = "NaN" if np.isnan(a[idx]) else "infinite"
    where = idx[0] if len(idx) == 1 else idx
    return f"{name} must contain only finite numbers, found {kind} at index {where}"


def _describe_negative(a: np.ndarray, name: str) -> str:
    idx = tuple(int(i[0]) for i in np.nonzero(a < 0))
    where = idx[0] if len(idx) == 1 else idx
    return f"{name} must not contain negative entries, found {a[idx].item()!r} at index {where}"


def distribution(x: ArrayLike, name: str, axis: object = -1) -> tuple[np.ndarray, int, bool]:
    """Validate probability distributions laid out along ``axis``.

    Returns
    -------
    a : ndarray
        The input as float64 (a copy only if a conversion was needed).
    axis : int
        The non-negative axis.
    has_zero : bool
        Whether any entry is exactly 0 (so callers can skip masking when none is).
    """
    a = as_float_array(x, name)
    ax = check_axis(a, axis, name)
    if a.size == 0:
        raise ValueError(f"{name} must not be empty; a distribution needs at least one outcome")
    # An overflowing (or inf - inf) sum is reported below, not warned about.
    with np.errstate(over="ignore", invalid="ignore"):
        s = a.sum(axis=ax)
    if not np.isfinite(s).all():
        if not np.isfinite(a).all():
            raise ValueError(_describe_nonfinite(a, name))
        raise ValueError(f"{name} must sum to 1 along axis {axis}, but its sum overflows")
    lowest = a.min()
    if lowest < 0:
        raise ValueError(_describe_negative(a, name))
    err = np.abs(s - 1.0)
    if err.max() > SUM_TOLERANCE:
        worst = s.flat[int(np.argmax(err))] if np.ndim(s) else s
        raise ValueError(
            f"{name} must sum to 1 along axis {axis} (within {SUM_TOLERANCE:g}), got a sum of "
            f"{float(worst)!r}; to turn counts or weights into probabilities use "
            f"infolib.normalize"
        )
    return a, ax, bool(lowest == 0)


def probabilities(x: ArrayLike, name: str) -> np.ndarray:
    """Validate elementwise probabilities: finite numbers in ``[0, 1]``, any shape."""
    a = as_float_array(x, name)
    if a.size == 0:
        raise ValueError(f"{name} must not be empty")
    lo, hi = a.min(), a.max()
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise ValueError(_describe_nonfinite(a, name))
    if lo < 0 or hi > 1:
        bad = a[(a < 0) | (a > 1)].flat[0]
        raise ValueError(f"{name} must contain probabilities in [0, 1], found {bad.item()!r}")
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
    # Huge finite logits may overflow the sum (still valid); inf - inf is caught below.
    with np.errstate(over="ignore", invalid="ignore"):
        total = a.sum()
    if not np.isfinite(total) and not np.isfinite(a).all():
        raise ValueError(_describe_nonfinite(a, name))
    return a


def labels(x: ArrayLike, name: str, n_classes: int, shape: tuple[int, ...]) -> np.ndarray:
    """Validate integer class labels in ``[0, n_classes)`` with the given batch ``shape``."""
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be integer class labels, got {x!r}")
    a = np.asarray(x)
    if a.dtype.kind == "b":
        raise TypeError(f"{name} must be integer class labels, got booleans")
    if a.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be integer class labels, got dtype {a.dtype}")
    if a.shape != shape:
        raise ValueError(
            f"{name} must hold one label per example, shape {shape}, got shape {a.shape}"
        )
    if a.dtype.kind == "f":
        if not np.isfinite(a).all():
            raise ValueError(_describe_nonfinite(a, name))
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
    if np.ndim(result) == 0:
        return float(result)
    return result
