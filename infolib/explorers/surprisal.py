"""SurprisalExplorer (chapter 2): move ``p``, see ``-log p`` on its curve."""

from __future__ import annotations

import traitlets

from .. import _validate as v
from ..readouts.checks import on_slider
from ..readouts.surprisal import P_RANGE, UNITS, surprisal_readout
from .assets import bundle
from .base import Explorer

__all__ = ["SurprisalExplorer"]


class SurprisalExplorer(Explorer):
    """Move the probability ``p`` of an event and watch its surprisal ``-log p``.

    Parameters
    ----------
    p : float
        Initial probability, a multiple of 0.001 in ``[0.001, 1]``.
    unit : {"bits", "nats"}
        Initial unit.

    Attributes
    ----------
    p : float
        The probability (a synced trait: set it to move the slider).
    unit : str
        ``"bits"`` (base 2) or ``"nats"`` (base e).

    Examples
    --------
    >>> from infolib.explorers import SurprisalExplorer
    >>> explorer = SurprisalExplorer(p=0.5)
    >>> explorer.readout["surprisal"]
    1.0
    >>> explorer.p = 0.125
    >>> explorer.readout["surprisal"]
    3.0
    """

    title = "SurprisalExplorer"
    _esm = bundle("surprisal")
    p = traitlets.Float().tag(sync=True)
    unit = traitlets.Unicode().tag(sync=True)

    def __init__(self, p: float = 0.25, unit: str = "bits") -> None:
        surprisal_readout(p, unit)  # checks both arguments, with messages that name them
        super().__init__(p=float(p), unit=unit)

    @traitlets.validate("p")
    def _check_p(self, proposal: dict) -> float:
        return on_slider("p", proposal["value"], *P_RANGE)

    @traitlets.validate("unit")
    def _check_unit(self, proposal: dict) -> str:
        return str(v.check_choice(proposal["value"], "unit", tuple(UNITS)))

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (see :mod:`infolib.readouts.surprisal`)."""
        return surprisal_readout(self.p, self.unit)
