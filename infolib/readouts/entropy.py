"""Readouts of the EntropyExplorer (chapter 3): a distribution from weights, and its entropy."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..measures import entropy, normalize
from .checks import on_grid

__all__ = ["entropy_readout"]

#: The weight sliders' range and step.
WEIGHT_RANGE = (0.0, 10.0, 0.5)


def entropy_readout(weights: Sequence[float]) -> dict[str, float]:
    """Every number the EntropyExplorer shows for one setting of its weights.

    Parameters
    ----------
    weights : sequence of float
        One weight per outcome, multiples of 0.5 in ``[0, 10]``.

    Returns
    -------
    dict
        ``weight.i`` and ``p.i`` for each outcome ``i`` (``p = weights / total``),
        ``entropy`` (``H(p)`` in bits) and ``ceiling`` (``log2 n`` bits). With every weight
        0 there is no distribution: only the ``weight.i`` entries.

    Examples
    --------
    >>> r = entropy_readout([1, 1, 2])
    >>> r["p.2"], r["entropy"], bool(r["ceiling"] == np.log2(3))
    (0.5, 1.5, True)
    >>> sorted(entropy_readout([0, 0]))
    ['weight.0', 'weight.1']
    """
    w = on_grid("weights", weights, *WEIGHT_RANGE)
    out = {f"weight.{i}": x for i, x in enumerate(w)}
    if not any(w):
        return out
    p = normalize(np.array(w))
    out.update({f"p.{i}": float(x) for i, x in enumerate(p)})
    out["entropy"] = float(entropy(p))
    out["ceiling"] = float(np.log2(len(w)))
    return out
