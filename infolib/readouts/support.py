"""Which outcomes one distribution can produce and another rules out (gives probability 0)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import _validate as v

__all__ = ["for_display", "printed", "ruled_out"]


def ruled_out(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> list[int]:
    """Indices of the outcomes that ``a`` can produce (``a[i] > 0``) and ``b`` rules out.

    These are the outcomes that make :math:`H(a, b)` and :math:`D_{KL}(a \\| b)` infinite:
    a code built for ``b`` has no codeword for them. An outcome that ``a`` cannot produce
    costs nothing, whatever ``b`` gives it.

    Parameters
    ----------
    a, b : sequence of float
        Two distributions over the same outcomes (``a`` plays the truth, ``b`` the model).

    Returns
    -------
    list of int
        The indices, in order; empty when ``b`` covers everything ``a`` can produce.

    Examples
    --------
    >>> ruled_out([0.5, 0.5, 0.0], [1.0, 0.0, 0.0])
    [1]
    >>> ruled_out([1.0, 0.0, 0.0], [0.5, 0.5, 0.0])
    []
    """
    v.same_length(a, b, "a", "b")
    return [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x > 0 and y == 0]


def for_display(value: float, decimals: int) -> float:
    """``value`` rounded to ``decimals + 3`` places, unless that would print differently.

    Tables stored in a page (widget state) hold numbers the page prints with ``decimals``
    places. Full precision costs 18 characters a number; ``decimals + 3`` places print the same
    except within a hair of a rounding tie, and in that case the value is kept whole, so the
    page always prints exactly what infolib's own value prints.

    Examples
    --------
    >>> for_display(0.8412339877654321, 3)
    0.841234
    >>> for_display(0.0004999999, 3)  # 0.0005 would print 0.001, the value prints 0.000
    0.0004999999
    """
    short = round(value, decimals + 3)
    return short if f"{short:.{decimals}f}" == f"{value:.{decimals}f}" else value


def printed(value: float, decimals: int) -> str:
    """How an explorer prints ``value`` with ``decimals`` places (``fmt`` in ``core.js``).

    Python's ``f"{x:z.{decimals}f}"`` (round half to even on the exact binary value; a value
    that rounds to zero prints without a sign) applied to ``value`` rounded to 12 significant
    digits, so that noise in the last bits cannot flip a digit at an exact tie: infolib and the
    page may add in different orders, and when the true value is a tie (a cross-entropy of
    exactly 31/16 bits) one sum lands on it and the other a hair below. For the same reason the
    mean of a symmetric distribution, -6e-17 after summing, prints ``0.000``, not ``-0.000``.
    Infinities print as the book writes them.

    Examples
    --------
    >>> printed(1.9374999999999998, 3), printed(1.9375, 3)  # both 31/16: ties go to even
    ('1.938', '1.938')
    >>> printed(0.0625, 3), printed(-5.551115123125783e-17, 3), printed(float("inf"), 3)
    ('0.062', '0.000', '∞')
    """
    if value == float("inf"):
        return "∞"
    if value == float("-inf"):
        return "−∞"
    return f"{float(f'{value:.12g}'):z.{decimals}f}"
