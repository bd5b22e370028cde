"""Readouts of the DivergenceExplorer (chapter 5): both KL directions and JS of two weightings."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import _validate as v
from ..measures import js_divergence, kl_divergence, normalize
from .checks import on_grid
from .support import ruled_out

__all__ = ["divergence_readout", "divergence_ruled_out"]

#: The weight sliders of p and q: range and step.
WEIGHT_RANGE = (0.0, 10.0, 0.5)


def _pair(p_weights: Sequence[float], q_weights: Sequence[float]) -> tuple[list, list]:
    a = on_grid("p_weights", p_weights, *WEIGHT_RANGE)
    b = on_grid("q_weights", q_weights, *WEIGHT_RANGE)
    v.check_length(a, "p_weights", minimum=2, maximum=6)
    v.same_length(a, b, "p_weights", "q_weights")
    return a, b


def divergence_readout(p_weights: Sequence[float], q_weights: Sequence[float]) -> dict[str, float]:
    """Every number the DivergenceExplorer shows for one setting of its weights.

    Parameters
    ----------
    p_weights, q_weights : sequence of float
        One weight per outcome for the truth ``p`` and for the model ``q``, multiples of 0.5
        in ``[0, 10]``.

    Returns
    -------
    dict
        ``p.i`` (``p_weights / total``) while some weight of ``p`` is above 0, ``q.i`` likewise;
        with both: ``kl_pq`` (:math:`D_{KL}(p \\| q)`), ``kl_qp`` (:math:`D_{KL}(q \\| p)`) and
        ``js`` (:math:`JS(p, q)`, at most 1 bit), all in bits. A KL is ``inf`` when its second
        distribution rules out an outcome the first can produce.

    Examples
    --------
    >>> r = divergence_readout([1, 1], [1, 3])
    >>> round(r["kl_pq"], 4), round(r["kl_qp"], 4)
    (0.2075, 0.1887)
    >>> r = divergence_readout([1, 0], [1, 1])  # p rules out what q can produce
    >>> r["kl_pq"], r["kl_qp"]
    (1.0, inf)
    >>> sorted(divergence_readout([0, 0], [1, 1]))
    ['q.0', 'q.1']
    """
    a, b = _pair(p_weights, q_weights)
    out: dict[str, float] = {}
    p = normalize(np.array(a)) if any(a) else None
    q = normalize(np.array(b)) if any(b) else None
    if p is not None:
        out.update({f"p.{i}": float(x) for i, x in enumerate(p)})
    if q is not None:
        out.update({f"q.{i}": float(x) for i, x in enumerate(q)})
    if p is not None and q is not None:
        out["kl_pq"] = float(kl_divergence(p, q))
        out["kl_qp"] = float(kl_divergence(q, p))
        out["js"] = float(js_divergence(p, q))
    return out


def divergence_ruled_out(
    p_weights: Sequence[float], q_weights: Sequence[float], labels: Sequence[str]
) -> dict[str, list[str]]:
    """For each KL direction, the outcomes that make it infinite.

    ``"p||q"``: outcomes ``p`` can produce and ``q`` rules out; ``"q||p"``: the reverse.
    Both empty while one of the two is no distribution (every weight 0).

    Examples
    --------
    >>> divergence_ruled_out([1, 1, 0], [1, 0, 1], ["a", "b", "c"])
    {'p||q': ['b'], 'q||p': ['c']}
    """
    a, b = _pair(p_weights, q_weights)
    v.same_length(labels, a, "labels", "p_weights")
    if not any(a) or not any(b):
        return {"p||q": [], "q||p": []}
    p, q = normalize(np.array(a)), normalize(np.array(b))
    return {
        "p||q": [labels[i] for i in ruled_out(p, q)],
        "q||p": [labels[i] for i in ruled_out(q, p)],
    }
