"""Argument checks shared by the explorers' readouts, with messages that name the argument."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["labels_for", "on_grid"]


def on_grid(
    name: str, values: Sequence[object] | np.ndarray, lo: float, hi: float, step: float
) -> list[float]:
    """Check that every value is a number in ``[lo, hi]`` on the slider's grid of ``step``.

    Returns the values as floats. A value off the grid is refused because the slider in the
    page could not show it.

    Examples
    --------
    >>> on_grid("weights", [1, 2.5], 0, 10, 0.5)
    [1.0, 2.5]
    >>> on_grid("weights", [1, 2.2], 0, 10, 0.5)
    Traceback (most recent call last):
    ...
    ValueError: weights must be multiples of 0.5 in [0, 10] (what its sliders can show); got 2.2
    """
    if isinstance(values, str) or not isinstance(values, Sequence | np.ndarray):
        raise TypeError(f"{name} must be a sequence of numbers, got {type(values).__name__}")
    out = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float | np.integer | np.floating):
            raise TypeError(f"{name} must hold numbers, got {v!r} ({type(v).__name__})")
        x = float(v)
        k = (x - lo) / step
        if not (lo <= x <= hi) or abs(k - round(k)) > 1e-9:
            raise ValueError(
                f"{name} must be multiples of {step:g} in [{lo:g}, {hi:g}] (what its sliders "
                f"can show); got {v!r}"
            )
        out.append(x)
    return out


def labels_for(name: str, labels: Sequence[str], n: int | None, lo: int, hi: int) -> list[str]:
    """Check a sequence of ``lo`` to ``hi`` outcome names (``n`` of them, when given).

    Examples
    --------
    >>> labels_for("labels", ("a", "b"), 2, 2, 6)
    ['a', 'b']
    """
    if isinstance(labels, str) or not isinstance(labels, Sequence):
        raise TypeError(f"{name} must be a sequence of strings, got {type(labels).__name__}")
    if not all(isinstance(s, str) and s for s in labels):
        raise TypeError(f"{name} must be non-empty strings, got {tuple(labels)!r}")
    if not lo <= len(labels) <= hi or (n is not None and len(labels) != n):
        want = f"{n}" if n is not None else f"{lo} to {hi}"
        raise ValueError(f"{name} must name {want} outcomes, got {len(labels)}")
    return list(labels)
