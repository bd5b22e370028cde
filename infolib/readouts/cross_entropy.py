"""Readouts of the CrossEntropyExplorer (chapter 4): a fixed truth, a model from weights."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import _validate as v
from ..measures import cross_entropy, entropy, kl_divergence, normalize
from .checks import on_grid
from .support import ruled_out

__all__ = ["cross_entropy_readout", "cross_entropy_ruled_out"]

#: The model's weight sliders: range and step.
WEIGHT_RANGE = (0.0, 10.0, 0.1)


def _truth(p: Sequence[float]) -> np.ndarray:
    truth, _, _ = v.distribution(p, "p")
    v.check_ndim(truth, "p", 1, "one distribution")
    v.check_length(truth, "p", minimum=2, maximum=6)
    return truth


def _model(p: Sequence[float], weights: Sequence[float]) -> tuple[np.ndarray, list[float]]:
    truth = _truth(p)
    w = on_grid("weights", weights, *WEIGHT_RANGE)
    v.same_length(w, truth, "weights", "p")
    return truth, w


def cross_entropy_readout(p: Sequence[float], weights: Sequence[float]) -> dict[str, float]:
    """Every number the CrossEntropyExplorer shows for one setting of the model's weights.

    Parameters
    ----------
    p : sequence of float
        The true distribution (fixed), 2 to 6 outcomes.
    weights : sequence of float
        One model weight per outcome, multiples of 0.1 in ``[0, 10]``.

    Returns
    -------
    dict
        ``p.i`` and ``weight.i`` for each outcome ``i``, ``entropy`` (``H(p)`` in bits); with
        a model (some weight above 0): ``total`` (the weights' sum), ``q.i`` (``weight /
        total``), ``cross_entropy`` (``H(p, q)`` in bits, ``inf`` when ``q`` rules out an
        outcome ``p`` can produce) and ``gap`` (``H(p, q) - H(p)`` in bits).

    Examples
    --------
    >>> r = cross_entropy_readout([0.5, 0.25, 0.125, 0.125], [1, 1, 1, 1])
    >>> r["entropy"], r["cross_entropy"], r["gap"]
    (1.75, 2.0, 0.25)
    >>> cross_entropy_readout([0.5, 0.5], [1, 0])["cross_entropy"]
    inf
    >>> sorted(cross_entropy_readout([0.5, 0.5], [0, 0]))
    ['entropy', 'p.0', 'p.1', 'weight.0', 'weight.1']
    """
    truth, w = _model(p, weights)
    out = {f"p.{i}": float(x) for i, x in enumerate(truth)}
    out.update({f"weight.{i}": x for i, x in enumerate(w)})
    out["entropy"] = float(entropy(truth))
    if not any(w):
        return out
    q = normalize(np.array(w))
    out["total"] = sum(w)
    out.update({f"q.{i}": float(x) for i, x in enumerate(q)})
    out["cross_entropy"] = float(cross_entropy(truth, q))
    # H(p, q) - H(p) is D(p || q): computed as such it is never negative, where the difference
    # of the two rounded values can be -2e-16 and print "-0.000".
    out["gap"] = float(kl_divergence(truth, q))
    return out


def cross_entropy_ruled_out(
    p: Sequence[float], weights: Sequence[float], labels: Sequence[str]
) -> list[str]:
    """The outcomes ``p`` can produce that the model ``q = weights / total`` rules out.

    The view names them where ``H(p, q)`` is infinite and crosses them out in the figure.
    Empty when there is no model (every weight 0).

    Examples
    --------
    >>> cross_entropy_ruled_out([0.5, 0.5, 0.0], [1, 0, 0], ["a", "b", "c"])
    ['b']
    """
    truth, w = _model(p, weights)
    v.same_length(labels, truth, "labels", "p")
    if not any(w):
        return []
    return [labels[i] for i in ruled_out(truth, normalize(np.array(w)))]
