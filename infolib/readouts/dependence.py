"""Readouts of the DependenceExplorer (chapter 6): a 2 x 2 joint table and what it shares."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import _validate as v
from ..joint import conditional_entropy, joint_entropy, marginals, mutual_information
from ..measures import entropy, normalize
from .checks import on_grid

__all__ = ["dependence_readout"]

#: The cell sliders' range and step.
WEIGHT_RANGE = (0.0, 10.0, 0.5)
#: Rows (values of X) and columns (values of Y) of the table.
SHAPE = (2, 2)


def cell_weights(weights: Sequence[float]) -> list[float]:
    """Check the four cell weights, row by row: ``(x0, y0), (x0, y1), (x1, y0), (x1, y1)``.

    Examples
    --------
    >>> cell_weights([7, 1, 1, 1])
    [7.0, 1.0, 1.0, 1.0]
    """
    w = on_grid("weights", weights, *WEIGHT_RANGE)
    cells = SHAPE[0] * SHAPE[1]  # one weight per cell of the table, row by row
    v.check_length(w, "weights", minimum=cells, maximum=cells)
    return w


def dependence_readout(weights: Sequence[float]) -> dict[str, float]:
    """Every number the DependenceExplorer shows for one setting of its four cell weights.

    The joint distribution is the weights divided by their total, laid out as a 2 x 2 table
    with one row per value of ``X`` and one column per value of ``Y``.

    Parameters
    ----------
    weights : sequence of float
        Four cell weights, row by row, multiples of 0.5 in ``[0, 10]``.

    Returns
    -------
    dict
        ``p.i.j`` (the joint probability of row ``i``, column ``j``), the marginals ``px.i``
        and ``py.j``, and in bits: ``h_x``, ``h_y``, ``h_xy`` (:math:`H(X, Y)`),
        ``h_y_given_x`` (:math:`H(Y \\mid X)`), ``h_x_given_y`` (:math:`H(X \\mid Y)`), ``mi``
        (:math:`I(X; Y)`) and ``h_y_at.i`` (:math:`H(Y \\mid X = x_i)`, only for the rows with
        :math:`p(x_i) > 0`, the others having no conditional distribution). With every weight
        0 there is no distribution and the dict is empty.

    Examples
    --------
    >>> r = dependence_readout([1, 1, 1, 1])  # two independent fair coins
    >>> r["h_xy"], r["h_y_given_x"], r["mi"]
    (2.0, 1.0, 0.0)
    >>> r = dependence_readout([2, 2, 0, 0])  # X is always its first value
    >>> r["px.1"], "h_y_at.1" in r
    (0.0, False)
    """
    w = cell_weights(weights)
    if not any(w):
        return {}
    p = normalize(np.array(w)).reshape(SHAPE)
    px, py = marginals(p)
    out: dict[str, float] = {
        f"p.{i}.{j}": float(p[i, j]) for i in range(SHAPE[0]) for j in range(SHAPE[1])
    }
    out.update({f"px.{i}": float(x) for i, x in enumerate(px)})
    out.update({f"py.{j}": float(y) for j, y in enumerate(py)})
    out["h_x"] = float(entropy(px))
    out["h_y"] = float(entropy(py))
    out["h_xy"] = joint_entropy(p)
    out["h_y_given_x"] = conditional_entropy(p)
    out["h_x_given_y"] = conditional_entropy(p.T)
    out["mi"] = mutual_information(p)
    for i in range(SHAPE[0]):
        if px[i] > 0:
            out[f"h_y_at.{i}"] = float(entropy(p[i] / px[i]))
    return out
