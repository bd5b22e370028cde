"""CrossEntropyExplorer (chapter 4): a fixed truth ``p``, a model ``q`` from weights."""

from __future__ import annotations

from collections.abc import Sequence

import traitlets

from .. import _validate as v
from ..readouts.checks import labels_for, on_grid
from ..readouts.cross_entropy import (
    WEIGHT_RANGE,
    _truth,
    cross_entropy_readout,
    cross_entropy_ruled_out,
)
from .assets import bundle
from .base import Explorer

__all__ = ["CrossEntropyExplorer"]


class CrossEntropyExplorer(Explorer):
    """A fixed truth ``p`` and a model ``q`` set by weights: compare ``H(p)`` with ``H(p, q)``.

    Each slider sets a non-negative weight for one outcome, and the model is
    ``q = weights / total`` (:func:`infolib.normalize`), so moving one slider never needs the
    others re-balanced by hand. The view draws ``p`` (blue) and ``q`` (vermillion) as bars,
    and ``H(p)`` beside ``H(p, q)`` with the gap between them hatched (chapter 5 names it: the
    KL divergence). A model that gives probability 0 to an outcome ``p`` can produce makes
    ``H(p, q)`` infinite; the view says so, names the outcome and crosses it out. The page
    computes every number; :attr:`readout` gives infolib's.

    Parameters
    ----------
    p : sequence of float
        The true distribution (fixed), 2 to 6 outcomes.
    weights : sequence of float, optional
        Initial weights of the model, multiples of 0.1 in ``[0, 10]``. Default: all 1 (a
        uniform ``q``).
    labels : sequence of str
        The outcomes' names.

    Attributes
    ----------
    p : list of float
        The truth.
    weights : list of float
        The model's weights (a synced trait: set it to move the sliders).
    labels : list of str
        The outcomes' names.

    Examples
    --------
    >>> from infolib.explorers import CrossEntropyExplorer
    >>> explorer = CrossEntropyExplorer()
    >>> explorer.readout["entropy"], explorer.readout["cross_entropy"]
    (1.75, 2.0)
    >>> explorer.weights = [1, 1, 0, 1]
    >>> explorer.readout["cross_entropy"], explorer.ruled_out
    (inf, ['rain'])
    """

    title = "CrossEntropyExplorer"
    _esm = bundle("cross_entropy")
    p = traitlets.List(traitlets.Float()).tag(sync=True)
    weights = traitlets.List(traitlets.Float()).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(
        self,
        p: Sequence[float] = (0.5, 0.25, 0.125, 0.125),
        weights: Sequence[float] | None = None,
        labels: Sequence[str] = ("sunny", "cloudy", "rain", "snow"),
    ) -> None:
        truth = [float(x) for x in _truth(p)]
        names = labels_for("labels", labels, 2, 6)
        v.same_length(names, truth, "labels", "p")
        w = on_grid("weights", (1.0,) * len(truth) if weights is None else weights, *WEIGHT_RANGE)
        v.same_length(w, truth, "weights", "p")
        super().__init__(p=truth, weights=w, labels=names)

    @traitlets.validate("weights")
    def _check_weights(self, proposal: dict) -> list[float]:
        w = on_grid("weights", proposal["value"], *WEIGHT_RANGE)
        if self.p:
            v.same_length(w, self.p, "weights", "p")
        return w

    @traitlets.validate("p")
    def _check_p(self, proposal: dict) -> list[float]:
        truth = [float(x) for x in _truth(proposal["value"])]
        if self.weights:
            v.same_length(truth, self.weights, "p", "weights")
        return truth

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.cross_entropy_readout`)."""
        return cross_entropy_readout(self.p, self.weights)

    @property
    def ruled_out(self) -> list[str]:
        """The outcomes ``p`` can produce that the model now gives probability 0."""
        return cross_entropy_ruled_out(self.p, self.weights, self.labels)
