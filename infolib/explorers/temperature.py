"""TemperatureExplorer (chapter 8): soft targets at temperature T, and the distillation gradient."""

from __future__ import annotations

from collections.abc import Sequence

import traitlets

from ..readouts.checks import labels_for, on_grid, on_slider
from ..readouts.temperature import LOGIT_RANGE, TEMPERATURE_RANGE, temperature_readout
from .assets import bundle
from .base import Explorer

__all__ = ["TemperatureExplorer"]


class TemperatureExplorer(Explorer):
    """Move the temperature; see a teacher's soft targets, a student's, and the gradient scale.

    The teacher's logits ``v`` and the student's ``z`` are fixed; the slider sets ``T``. The
    view draws :math:`\\mathrm{softmax}(v / T)` and :math:`\\mathrm{softmax}(z / T)` as paired
    bars and computes in the page the entropy of the soft targets, the soft-target loss above
    its floor (a KL divergence) and the largest gradient on a student logit, with and without
    the factor ``T**2`` of distillation; :attr:`readout` gives infolib's numbers.

    Parameters
    ----------
    teacher, student : sequence of float
        The two models' logits, one per class, multiples of 0.5 in ``[-10, 10]``.
    labels : sequence of str
        The classes' names (2 to 6).
    temperature : float
        The initial temperature, a multiple of 0.25 in ``[0.25, 10]``.

    Attributes
    ----------
    temperature : float
        ``T`` (a synced trait: set it to move the slider).
    teacher, student : list of float
        The logits.
    labels : list of str
        The classes' names.

    Examples
    --------
    >>> from infolib.explorers import TemperatureExplorer
    >>> explorer = TemperatureExplorer(teacher=(2, 0), student=(0, 0), labels=("a", "b"))
    >>> explorer.readout["q.0"], explorer.readout["ceiling"]
    (0.5, 1.0)
    >>> explorer.temperature = 10
    >>> round(explorer.readout["p.0"], 4)
    0.5498
    """

    title = "TemperatureExplorer"
    _esm = bundle("temperature")
    temperature = traitlets.Float().tag(sync=True)
    teacher = traitlets.List(traitlets.Float()).tag(sync=True)
    student = traitlets.List(traitlets.Float()).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(
        self,
        teacher: Sequence[float] = (6.0, 4.0, 1.0, -2.0),
        student: Sequence[float] = (2.0, 2.5, 1.5, 0.0),
        labels: Sequence[str] = ("cat", "dog", "fox", "car"),
        temperature: float = 1.0,
    ) -> None:
        names = labels_for("labels", labels, 2, 6)
        v = on_grid("teacher", teacher, *LOGIT_RANGE)
        z = on_grid("student", student, *LOGIT_RANGE)
        if not len(v) == len(z) == len(names):
            raise ValueError(
                f"give one logit per label: {len(v)} teacher logits, {len(z)} student logits, "
                f"{len(names)} labels"
            )
        t = on_slider("temperature", temperature, *TEMPERATURE_RANGE)
        super().__init__(teacher=v, student=z, labels=names, temperature=t)

    @traitlets.validate("temperature")
    def _check_temperature(self, proposal: dict) -> float:
        return on_slider("temperature", proposal["value"], *TEMPERATURE_RANGE)

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.temperature_readout`)."""
        return temperature_readout(self.teacher, self.student, self.temperature)
