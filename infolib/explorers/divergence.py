"""DivergenceExplorer (chapter 5): weights for ``p`` and ``q``, both KL directions and JS."""

from __future__ import annotations

from collections.abc import Sequence

import traitlets

from .. import _validate as v
from ..readouts.checks import labels_for, on_grid, some_weight
from ..readouts.divergence import WEIGHT_RANGE, divergence_readout, divergence_ruled_out
from .assets import bundle
from .base import Explorer

__all__ = ["DivergenceExplorer"]


class DivergenceExplorer(Explorer):
    """Set weights for a truth ``p`` and a model ``q``; see both KL directions and JS.

    Each distribution is its weights divided by their total (:func:`infolib.normalize`).
    The view shows :math:`D_{KL}(p \\| q)`, :math:`D_{KL}(q \\| p)` and the Jensen-Shannon
    divergence in bits, as numbers and bars. A zero weight is allowed and shown for what it
    does: a KL divergence is infinite when its second distribution gives probability 0 to an
    outcome the first can produce, and the view names that outcome. The page computes every
    number; :attr:`readout` gives infolib's.

    Parameters
    ----------
    p_weights, q_weights : sequence of float
        Initial weights, multiples of 0.5 in ``[0, 10]``, not all 0.
    labels : sequence of str
        The outcomes' names, one per weight (2 to 6 outcomes).

    Attributes
    ----------
    p_weights, q_weights : list of float
        The weights (synced traits: set them to move the sliders).
    labels : list of str
        The outcomes' names.

    Examples
    --------
    >>> from infolib.explorers import DivergenceExplorer
    >>> explorer = DivergenceExplorer(p_weights=(1, 1), q_weights=(1, 3), labels=("H", "T"))
    >>> round(explorer.readout["kl_pq"], 4), round(explorer.readout["kl_qp"], 4)
    (0.2075, 0.1887)
    >>> explorer.q_weights = [0, 1]
    >>> explorer.readout["kl_pq"], explorer.ruled_out
    (inf, {'p||q': ['H'], 'q||p': []})
    """

    title = "DivergenceExplorer"
    _esm = bundle("divergence")
    p_weights = traitlets.List(traitlets.Float()).tag(sync=True)
    q_weights = traitlets.List(traitlets.Float()).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(
        self,
        p_weights: Sequence[float] = (5, 3, 1.5, 0.5),
        q_weights: Sequence[float] = (3, 2, 2, 3),
        labels: Sequence[str] = ("sunny", "cloudy", "rain", "snow"),
    ) -> None:
        names = labels_for("labels", labels, 2, 6)
        weights = {}
        for name, given in (("p_weights", p_weights), ("q_weights", q_weights)):
            w = on_grid(name, given, *WEIGHT_RANGE)
            v.same_length(w, names, name, "labels")
            some_weight(name, w)
            weights[name] = w
        super().__init__(labels=names, **weights)

    def _check(self, name: str, value: list) -> list[float]:
        w = on_grid(name, value, *WEIGHT_RANGE)
        if self.labels:
            v.same_length(w, self.labels, name, "labels")
        return w

    @traitlets.validate("p_weights")
    def _check_p(self, proposal: dict) -> list[float]:
        return self._check("p_weights", proposal["value"])

    @traitlets.validate("q_weights")
    def _check_q(self, proposal: dict) -> list[float]:
        return self._check("q_weights", proposal["value"])

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.divergence_readout`)."""
        return divergence_readout(self.p_weights, self.q_weights)

    @property
    def ruled_out(self) -> dict[str, list[str]]:
        """For each KL direction, the outcomes that make it infinite now."""
        return divergence_ruled_out(self.p_weights, self.q_weights, self.labels)
