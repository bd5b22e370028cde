"""TrainingExplorer (chapter 7): a softmax classifier's expected loss as floor plus KL gap."""

from __future__ import annotations

import json

import traitlets

from .. import _validate as v
from ..readouts.training import (
    RATES,
    check_epochs,
    check_noise,
    check_rate,
    training_readout,
    training_table,
)
from .assets import bundle
from .base import Explorer

__all__ = ["TrainingExplorer"]


class TrainingExplorer(Explorer):
    """Train a tiny softmax classifier and watch its expected loss split into floor plus KL.

    The data are those of chapter 7: 300 examples with 2 features from a known softmax-linear
    model with 3 classes (:func:`infolib.training.make_softmax_data`, seed 0), so the true
    conditional ``p(y | x)`` of every example is known. The classifier is trained by full-batch
    gradient descent in nats (:func:`infolib.training.train_softmax_regression`, seed 0). The
    view shows the expected cross-entropy ``mean_i H(p_i, q_i)``, its floor ``mean_i H(p_i)``
    and the KL gap ``mean_i D_KL(p_i || q_i)`` (:func:`infolib.training.decompose_loss`), and
    the loss on the sampled labels, after the chosen epoch and as curves.

    Training runs are too heavy for the page, so every run the controls can reach is tabulated
    when the explorer is made (:func:`~infolib.readouts.training.training_table`: one
    200-epoch run per learning rate and label noise, 56 runs, about 2 s; a shorter run is the
    start of the longer one) and stored in the synced ``table`` (about 100 KB of JSON).

    Parameters
    ----------
    learning_rate : float
        Initial step size, one of :attr:`RATES` (0.05 to 4).
    epochs : int
        Initial number of epochs, 10 to 200 in steps of 10.
    label_noise : float
        Initial probability that a label is replaced by a uniformly random class, 0 to 0.6 in
        steps of 0.1.

    Attributes
    ----------
    rate_index : int
        Index of the learning rate in :attr:`RATES` (a synced trait: the slider moves over
        these indices).
    learning_rate : float
        ``RATES[rate_index]`` (set it to move the slider).
    epochs : int
        The number of epochs (a synced trait).
    label_noise : float
        The label noise (a synced trait).

    Examples
    --------
    >>> from infolib.explorers import TrainingExplorer
    >>> explorer = TrainingExplorer(label_noise=0.0)
    >>> bool(explorer.readout["kl"] < 0.01)
    True
    >>> explorer.label_noise = 0.4
    >>> bool(explorer.readout["floor"] > 0.8)
    True
    >>> explorer.learning_rate = 4.0
    >>> explorer.rate_index
    7
    """

    title = "TrainingExplorer"
    #: The learning rates the slider offers.
    RATES = RATES
    _esm = bundle("training")
    rate_index = traitlets.Int().tag(sync=True)
    epochs = traitlets.Int().tag(sync=True)
    label_noise = traitlets.Float().tag(sync=True)
    #: :func:`~infolib.readouts.training.training_table` as compact JSON text: one line in the
    #: saved notebook instead of thousands of indented numbers.
    table = traitlets.Unicode().tag(sync=True)

    def __init__(
        self, learning_rate: float = 0.3, epochs: int = 200, label_noise: float = 0.3
    ) -> None:
        super().__init__(
            rate_index=RATES.index(check_rate(learning_rate)),
            epochs=check_epochs(epochs),
            label_noise=check_noise(label_noise),
            table=json.dumps(training_table(), separators=(",", ":")),
        )

    @traitlets.validate("rate_index")
    def _check_rate_index(self, proposal: dict) -> int:
        return v.check_int(proposal["value"], "rate_index", minimum=0, maximum=len(RATES) - 1)

    @traitlets.validate("epochs")
    def _check_epochs(self, proposal: dict) -> int:
        return check_epochs(proposal["value"])

    @traitlets.validate("label_noise")
    def _check_noise(self, proposal: dict) -> float:
        return check_noise(proposal["value"])

    @property
    def learning_rate(self) -> float:
        """The learning rate, ``RATES[rate_index]``."""
        return RATES[self.rate_index]

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self.rate_index = RATES.index(check_rate(value))

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.training_readout`, a fresh run)."""
        return training_readout(self.learning_rate, self.epochs, self.label_noise)
