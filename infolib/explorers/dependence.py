"""DependenceExplorer (chapter 6): a 2 x 2 joint table, its entropies and mutual information."""

from __future__ import annotations

from collections.abc import Sequence

import traitlets

from ..readouts.checks import labels_for, some_weight
from ..readouts.dependence import cell_weights, dependence_readout
from .assets import bundle
from .base import Explorer

__all__ = ["DependenceExplorer"]


class DependenceExplorer(Explorer):
    """Set a weight for each cell of a 2 x 2 joint table; see what ``X`` and ``Y`` share.

    The joint distribution ``p(x, y)`` is the four weights divided by their total, one row
    per value of ``X`` and one column per value of ``Y``. The view shows the table with its
    marginals, :math:`H(X)`, :math:`H(Y)`, :math:`H(X, Y)`, :math:`H(Y \\mid X)`,
    :math:`H(X \\mid Y)`, :math:`I(X; Y)` and :math:`H(Y \\mid X = x)` for each row, in bits,
    and draws the two-variable information diagram: :math:`H(X, Y)` as one bar, split into
    :math:`H(X \\mid Y)`, :math:`I(X; Y)` and :math:`H(Y \\mid X)`. The page computes every
    number; :attr:`readout` gives infolib's.

    Parameters
    ----------
    weights : sequence of float
        The four cell weights, row by row, multiples of 0.5 in ``[0, 10]``, not all 0.
    x_labels, y_labels : sequence of str
        The two values of ``X`` (the rows) and of ``Y`` (the columns).

    Attributes
    ----------
    weights : list of float
        The cell weights, row by row (a synced trait: set it to move the sliders).
    x_labels, y_labels : list of str
        The values' names.

    Examples
    --------
    >>> from infolib.explorers import DependenceExplorer
    >>> explorer = DependenceExplorer(weights=(1, 1, 1, 1))
    >>> explorer.readout["mi"], explorer.readout["h_xy"]
    (0.0, 2.0)
    >>> explorer.weights = [1, 0, 0, 1]  # Y is a copy of X
    >>> explorer.readout["mi"], explorer.readout["h_y_given_x"]
    (1.0, 0.0)
    """

    title = "DependenceExplorer"
    _esm = bundle("dependence")
    weights = traitlets.List(traitlets.Float()).tag(sync=True)
    x_labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    y_labels = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(
        self,
        weights: Sequence[float] = (7, 1, 1, 1),
        x_labels: Sequence[str] = ("high", "low"),
        y_labels: Sequence[str] = ("dry", "rain"),
    ) -> None:
        xs = labels_for("x_labels", x_labels, 2, 2)
        ys = labels_for("y_labels", y_labels, 2, 2)
        w = cell_weights(weights)
        some_weight("weights", w)
        super().__init__(weights=w, x_labels=xs, y_labels=ys)

    @traitlets.validate("weights")
    def _check_weights(self, proposal: dict) -> list[float]:
        return cell_weights(proposal["value"])

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.dependence_readout`)."""
        return dependence_readout(self.weights)
