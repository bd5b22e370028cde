"""Readouts of the TrainingExplorer (chapter 7): a softmax classifier's expected loss, tabulated.

Every setting of the controls needs a training run (:mod:`infolib.training`), too heavy for the
page, so :func:`training_table` runs them all when the notebook executes: one full-batch run of
``MAX_EPOCHS`` epochs per learning rate and label noise. A shorter run is the start of that
run (gradient descent from the same seed takes the same steps; ``tests/test_readouts_training``
checks it to the last bit), so one run gives every epoch setting. The table keeps every number
the readout shows in full precision, and the curves at ``CHECKPOINTS`` rounded to 4
decimals, for drawing only (the page draws the expected cross-entropy as floor + KL).
:func:`training_readout` computes one setting afresh, by a run of exactly ``epochs`` epochs:
the numbers the browser test compares the page with. The table stores those numbers
shortened to 6 decimals wherever that prints the same with 3
(:func:`~infolib.readouts.support.for_display`), which halves the page's widget state.

All values are in nats (natural logarithm), the unit training uses.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import _validate as v
from ..training import decompose_loss, make_softmax_data, train_softmax_regression
from .checks import on_slider
from .support import for_display

__all__ = ["check_epochs", "check_noise", "check_rate", "training_readout", "training_table"]

#: The learning rates the slider offers (a short geometric list).
RATES = (0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 4.0)
#: The label noise slider's range and step.
NOISE_RANGE = (0.0, 0.6, 0.1)
#: The epochs slider's range and step.
EPOCH_RANGE = (10, 200, 10)
MAX_EPOCHS = EPOCH_RANGE[1]
#: The label noise settings, as exact decimals.
NOISES = tuple(round(NOISE_RANGE[2] * i, 1) for i in range(7))
#: The epoch settings.
EPOCHS = tuple(range(EPOCH_RANGE[0], MAX_EPOCHS + 1, EPOCH_RANGE[2]))
#: The epochs at which the curves are drawn: every epoch early, where they fall fastest, then
#: sparser; every epoch setting is one of them, so a curve ends exactly at the chosen epoch.
CHECKPOINTS = (
    *range(0, 13),
    *range(14, 31, 2),
    *range(35, 61, 5),
    *range(70, MAX_EPOCHS + 1, 10),
)
#: The data and the model of chapter 7: 300 examples, 3 classes, seed 0 for data and weights.
N_EXAMPLES, N_CLASSES, SEED = 300, 3, 0


def _shown(values: np.ndarray) -> list[float]:
    """Values the page prints with 3 decimals, shortened where that prints the same."""
    return [for_display(float(v), 3) for v in values]


def check_rate(learning_rate: object) -> float:
    """Check a learning rate: one of ``RATES``."""
    return float(v.check_choice(learning_rate, "learning_rate", RATES))


def check_epochs(epochs: object) -> int:
    """Check a number of epochs: 10 to 200 in steps of 10."""
    return int(on_slider("epochs", v.check_int(epochs, "epochs"), *EPOCH_RANGE))


def check_noise(label_noise: object) -> float:
    """Check a label noise: 0 to 0.6 in steps of 0.1; returns the exact decimal."""
    x = on_slider("label_noise", label_noise, *NOISE_RANGE)
    return NOISES[round(x / NOISE_RANGE[2])]


@cache
def _data(label_noise: float):
    return make_softmax_data(N_EXAMPLES, label_noise=label_noise, seed=SEED)


def _run(learning_rate: float, label_noise: float, epochs: int, record: tuple[int, ...]):
    """Train for ``epochs`` epochs; the decomposition and loss (nats) at the recorded epochs."""
    data = _data(label_noise)
    run = train_softmax_regression(
        data.X,
        data.y,
        epochs=epochs,
        learning_rate=learning_rate,
        n_classes=N_CLASSES,
        seed=SEED,
        record_epochs=np.array(record),
    )
    parts = decompose_loss(data.P, run.Q, base=np.e)
    return parts, run.train_loss


def training_readout(learning_rate: float, epochs: int, label_noise: float) -> dict[str, float]:
    """Every number the TrainingExplorer shows, from a run of exactly ``epochs`` epochs.

    Parameters
    ----------
    learning_rate : float
        One of ``RATES``.
    epochs : int
        10 to 200, in steps of 10.
    label_noise : float
        0 to 0.6, in steps of 0.1: the probability that a label is replaced by a uniformly
        random class.

    Returns
    -------
    dict
        The settings (``learning_rate``, ``epochs``, ``label_noise``), and after the last epoch,
        in nats: ``cross_entropy`` (the expected cross-entropy, mean ``H(p_i, q_i)``), ``floor``
        (mean ``H(p_i)``, the entropy of the labels given the inputs), ``kl`` (the gap, mean
        ``D_KL(p_i || q_i)``) and ``train_loss`` (the loss on the sampled labels).

    Examples
    --------
    >>> r = training_readout(0.3, 200, 0.3)
    >>> bool(abs(r["cross_entropy"] - (r["floor"] + r["kl"])) < 1e-12)
    True
    """
    lr, e, noise = check_rate(learning_rate), check_epochs(epochs), check_noise(label_noise)
    parts, loss = _run(lr, noise, e, (e,))
    return {
        "learning_rate": lr,
        "epochs": e,
        "label_noise": noise,
        "cross_entropy": float(parts.cross_entropy[-1]),
        "floor": float(parts.floor[-1]),
        "kl": float(parts.kl[-1]),
        "train_loss": float(loss[-1]),
    }


@cache
def training_table() -> dict:
    """Every training run the explorer's controls can reach, as the page needs them.

    Returns
    -------
    dict
        ``rates``, ``noises``, ``epochs`` and ``checkpoints`` (the grids); ``floor[j]`` per
        label noise ``j``; ``top``, the top of the vertical axis (nats); and ``runs[i][j]``
        for learning rate ``i`` and noise ``j``, with ``cross_entropy``, ``kl`` and
        ``train_loss`` at each of ``epochs`` (full precision), ``start`` (the expected
        cross-entropy and KL at epoch 0, full precision) and ``curves``, the KL and the loss at
        ``checkpoints`` rounded to 4 decimals, for drawing only (the expected cross-entropy is
        drawn as floor + KL).

    Examples
    --------
    >>> table = training_table()
    >>> len(table["runs"]), len(table["runs"][0]), len(table["runs"][0][0]["kl"])
    (8, 7, 20)
    """
    record = tuple(sorted(set(CHECKPOINTS) | set(EPOCHS)))
    at_epochs = [record.index(e) for e in EPOCHS]
    at_checkpoints = [record.index(e) for e in CHECKPOINTS]
    runs: list[list[dict]] = []
    floor: list[float] = []
    highest = 0.0
    for lr in RATES:
        row = []
        for j, noise in enumerate(NOISES):
            parts, loss = _run(lr, noise, MAX_EPOCHS, record)
            if len(floor) <= j:
                floor.append(float(parts.floor[0]))
            series = (parts.cross_entropy, parts.kl, loss)
            highest = max(highest, *(float(s.max()) for s in series))
            row.append(
                {
                    # What the page prints with 3 decimals, stored short (for_display).
                    "cross_entropy": _shown(parts.cross_entropy[at_epochs]),
                    "kl": _shown(parts.kl[at_epochs]),
                    "train_loss": _shown(loss[at_epochs]),
                    "start": _shown(np.array([parts.cross_entropy[0], parts.kl[0]])),
                    # The expected cross-entropy is floor + KL (decompose_loss): the page
                    # draws it from these two, so only KL and the loss are stored as curves.
                    "curves": [np.round(s[at_checkpoints], 4).tolist() for s in series[1:]],
                }
            )
        runs.append(row)
    return {
        "rates": list(RATES),
        "noises": list(NOISES),
        "epochs": list(EPOCHS),
        "checkpoints": list(CHECKPOINTS),
        "floor": floor,
        "top": max(1.2, float(np.ceil(highest * 10) / 10)),
        "runs": runs,
    }
