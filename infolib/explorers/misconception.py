"""MisconceptionExplorer (chapter 10): a truth ``p``, a model ``q``, six popular claims checked."""

from __future__ import annotations

from collections.abc import Sequence

import traitlets

from .. import _validate as v
from ..readouts.checks import labels_for, on_grid, some_weight
from ..readouts.misconception import CLAIMS, WEIGHT_RANGE, check_claims, misconception_readout
from .assets import bundle
from .base import Explorer

__all__ = ["MisconceptionExplorer"]


class MisconceptionExplorer(Explorer):
    """Choose a truth ``p`` and a model ``q``; see which popular claims hold for that pair.

    Each distribution is set by one weight slider per outcome and normalised. The view computes
    in the page, in bits, :math:`H(p)`, :math:`H(q)`, :math:`H(p, q)`, :math:`H(q, p)`,
    :math:`D_{KL}(p \\| q)`, :math:`D_{KL}(q \\| p)` and the detour through the mixture
    :math:`m = (p + q)/2`, checks the six claims of :data:`CLAIMS` exactly as
    :func:`~infolib.readouts.misconception.check_claims` does, and draws ``p`` beside ``q`` and
    each cross-entropy as an entropy plus a KL divergence. :attr:`readout` and :attr:`claims`
    give infolib's numbers and verdicts.

    Parameters
    ----------
    p_weights, q_weights : sequence of float
        Initial weights of the outcomes under ``p`` and ``q``: multiples of 0.5 in ``[0, 10]``,
        not all 0.
    labels : sequence of str
        The outcomes' names, one per weight (2 to 4 outcomes).

    Attributes
    ----------
    p_weights, q_weights : list of float
        The weights (synced traits: set them to move the sliders). All 0 is allowed here: the
        view then says there is no distribution.
    labels : list of str
        The outcomes' names.

    Examples
    --------
    >>> from infolib.explorers import MisconceptionExplorer
    >>> explorer = MisconceptionExplorer(p_weights=(1, 1), q_weights=(1, 3), labels=("a", "b"))
    >>> explorer.readout["entropy_p"], round(explorer.readout["kl_pq"], 6)
    (1.0, 0.207519)
    >>> explorer.claims["kl_symmetric"], explorer.claims["decomposition"]
    (False, True)
    >>> explorer.q_weights = [1, 1]
    >>> explorer.readout["kl_pq"], explorer.claims["kl_symmetric"]
    (0.0, True)
    """

    title = "MisconceptionExplorer"
    #: The claims checked, as ``(key, claim)`` pairs in display order.
    CLAIMS = CLAIMS
    _esm = bundle("misconception")
    p_weights = traitlets.List(traitlets.Float()).tag(sync=True)
    q_weights = traitlets.List(traitlets.Float()).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    claim_texts = traitlets.List(traitlets.List(traitlets.Unicode())).tag(sync=True)

    def __init__(
        self,
        p_weights: Sequence[float] = (6, 3, 1),
        q_weights: Sequence[float] = (2, 3, 5),
        labels: Sequence[str] = ("sunny", "cloudy", "rain"),
    ) -> None:
        names = labels_for("labels", labels, 2, 4)
        weights = {}
        for name, given in (("p_weights", p_weights), ("q_weights", q_weights)):
            w = on_grid(name, given, *WEIGHT_RANGE)
            v.same_length(w, names, name, "labels")
            some_weight(name, w)
            weights[name] = w
        super().__init__(**weights, labels=names, claim_texts=[list(c) for c in CLAIMS])

    @traitlets.validate("p_weights", "q_weights")
    def _check_weights(self, proposal: dict) -> list[float]:
        name = proposal["trait"].name
        w = on_grid(name, proposal["value"], *WEIGHT_RANGE)
        if self.labels:
            v.same_length(w, self.labels, name, "labels")
        return w

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.misconception_readout`)."""
        return misconception_readout(self.p_weights, self.q_weights)

    @property
    def claims(self) -> dict[str, bool]:
        """Each claim's verdict for the current pair (:func:`.check_claims`); empty if none."""
        r = self.readout
        if not r:
            return {}
        n = len(self.labels)
        return check_claims([r[f"p.{i}"] for i in range(n)], [r[f"q.{i}"] for i in range(n)])
