"""Which outcomes one distribution can produce and another rules out (gives probability 0)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["ruled_out"]


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
    if len(a) != len(b):
        raise ValueError(f"a and b must have one entry per outcome, got {len(a)} and {len(b)}")
    return [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x > 0 and y == 0]
