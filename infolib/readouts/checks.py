"""Argument checks shared by the explorers' readouts, with messages that name the argument.

The rules they apply (a real number, a sequence, a string, a number of entries) live in
``infolib._validate``, the package's one home for argument checks; what is added here is
what only an explorer's controls need: a value its slider can show.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import _validate as v

__all__ = ["labels_for", "on_grid", "on_slider", "some_weight"]


def on_slider(name: str, value: object, lo: float, hi: float, step: float) -> float:
    """Check that ``value`` is a number in ``[lo, hi]`` on the slider's grid of ``step``.

    Returns the value as a float. A value off the grid is refused because the slider in the
    page could not show it.

    Examples
    --------
    >>> on_slider("p", 0.25, 0, 1, 0.05)
    0.25
    >>> on_slider("p", 0.26, 0, 1, 0.05)
    Traceback (most recent call last):
    ...
    ValueError: p must be a multiple of 0.05 in [0, 1] (what its slider can show), got 0.26
    """
    x = v.check_real(value, name)
    k = (x - lo) / step
    if not (lo <= x <= hi) or abs(k - round(k)) > 1e-9:
        raise ValueError(
            f"{name} must be a multiple of {step:g} in [{lo:g}, {hi:g}] (what its slider can "
            f"show), got {value!r}"
        )
    return x


def on_grid(
    name: str, values: Sequence[object] | np.ndarray, lo: float, hi: float, step: float
) -> list[float]:
    """Check that every value is a number in ``[lo, hi]`` on the slider's grid of ``step``.

    Returns the values as floats; each is checked by :func:`on_slider` as ``name[i]``.

    Examples
    --------
    >>> on_grid("weights", [1, 2.5], 0, 10, 0.5)
    [1.0, 2.5]
    >>> on_grid("weights", [1, 2.2], 0, 10, 0.5)
    Traceback (most recent call last):
    ...
    ValueError: weights[1] must be a multiple of 0.5 in [0, 10] (what its slider can show), got 2.2
    """
    items = v.sequence(values, name, "numbers")
    return [on_slider(f"{name}[{i}]", x, lo, hi, step) for i, x in enumerate(items)]


def labels_for(name: str, labels: Sequence[str], lo: int, hi: int) -> list[str]:
    """Check a sequence of ``lo`` to ``hi`` non-empty outcome names.

    Examples
    --------
    >>> labels_for("labels", ("a", "b"), 2, 6)
    ['a', 'b']
    >>> labels_for("labels", ("a",), 2, 6)
    Traceback (most recent call last):
    ...
    ValueError: labels must have 2 to 6 entries, got 1
    """
    items = v.sequence(labels, name, "strings")
    names = [v.check_str(s, f"{name}[{i}]") for i, s in enumerate(items)]
    v.check_length(names, name, minimum=lo, maximum=hi)
    return names


def some_weight(name: str, weights: Sequence[float]) -> None:
    """Raise ``ValueError`` if every weight is 0: the weights then make no distribution.

    Examples
    --------
    >>> some_weight("p_weights", [0.0, 0.0])
    Traceback (most recent call last):
    ...
    ValueError: p_weights must not all be 0 (they would make no distribution), got (0.0, 0.0)
    """
    if not any(weights):
        raise ValueError(
            f"{name} must not all be 0 (they would make no distribution), got {tuple(weights)}"
        )
