"""Readouts of the SurprisalExplorer (chapter 2): the surprisal of one probability."""

from __future__ import annotations

import numpy as np

from .. import _validate as v
from ..measures import information_content
from .checks import on_slider

__all__ = ["surprisal_readout"]

#: The probability slider's range and step.
P_RANGE = (0.001, 1.0, 0.001)
#: The units offered, with their logarithm bases.
UNITS = {"bits": 2.0, "nats": float(np.e)}


def surprisal_readout(p: float, unit: str) -> dict[str, float]:
    """Every number the SurprisalExplorer shows for probability ``p`` in ``unit``.

    Parameters
    ----------
    p : float
        The event's probability, a multiple of 0.001 in ``[0.001, 1]``.
    unit : {"bits", "nats"}
        The unit of the surprisal.

    Returns
    -------
    dict
        ``p``; ``surprisal``, :math:`-\\log p` in ``unit``; ``coins``, the same surprisal in
        bits: the number of fair coins that would all have to land heads to be as surprising;
        ``top``, the surprisal at the slider's smallest ``p`` (the curve's left end).

    Examples
    --------
    >>> surprisal_readout(0.125, "bits")["surprisal"]
    3.0
    >>> r = surprisal_readout(0.5, "nats")
    >>> round(r["surprisal"], 6), r["coins"]
    (0.693147, 1.0)
    """
    v.check_choice(unit, "unit", tuple(UNITS))
    x = on_slider("p", p, *P_RANGE)
    return {
        "p": x,
        "surprisal": float(information_content(x, base=UNITS[unit])),
        "coins": float(information_content(x, base=2)),
        "top": float(information_content(P_RANGE[0], base=UNITS[unit])),
    }
