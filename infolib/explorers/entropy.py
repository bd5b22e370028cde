"""EntropyExplorer (chapter 3): a weight per outcome, the distribution, ``H(p)``, ``log2 n``."""

from __future__ import annotations

from collections.abc import Sequence

import traitlets

from .. import _validate as v
from ..readouts.checks import labels_for, on_grid
from ..readouts.entropy import WEIGHT_RANGE, entropy_readout
from .assets import bundle
from .base import Explorer

__all__ = ["EntropyExplorer"]


class EntropyExplorer(Explorer):
    """Set a weight for each outcome; see the distribution, its entropy and the ``log n`` ceiling.

    Each slider sets a non-negative weight; the distribution is the weights divided by their
    total (:func:`infolib.normalize`), so it always sums to 1 and the reader sees both. The
    view computes ``H(p)`` in the page; :attr:`readout` gives infolib's numbers.

    Parameters
    ----------
    weights : sequence of float
        Initial weights, multiples of 0.5 in ``[0, 10]``.
    labels : sequence of str
        The outcomes' names, one per weight (2 to 6 outcomes).

    Attributes
    ----------
    weights : list of float
        The weights (a synced trait: set it to move the sliders).
    labels : list of str
        The outcomes' names.

    Examples
    --------
    >>> from infolib.explorers import EntropyExplorer
    >>> explorer = EntropyExplorer(weights=(1, 1, 1, 1))
    >>> explorer.readout["entropy"], explorer.readout["ceiling"]
    (2.0, 2.0)
    >>> explorer.weights = [2, 1, 1, 1]
    >>> explorer.readout["p.0"]
    0.4
    """

    title = "EntropyExplorer"
    _esm = bundle("entropy")
    weights = traitlets.List(traitlets.Float()).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(
        self,
        weights: Sequence[float] = (4, 3, 2, 1),
        labels: Sequence[str] = ("sunny", "cloudy", "rain", "snow"),
    ) -> None:
        names = labels_for("labels", labels, 2, 6)
        w = on_grid("weights", weights, *WEIGHT_RANGE)
        v.same_length(w, names, "weights", "labels")
        super().__init__(weights=w, labels=names)

    @traitlets.validate("weights")
    def _check_weights(self, proposal: dict) -> list[float]:
        w = on_grid("weights", proposal["value"], *WEIGHT_RANGE)
        if self.labels:
            v.same_length(w, self.labels, "weights", "labels")
        return w

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`~infolib.readouts.entropy.entropy_readout`)."""
        return entropy_readout(self.weights)
