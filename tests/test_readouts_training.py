"""Readouts of the TrainingExplorer (chapter 7): the tabulation against fresh runs and NumPy.

The page looks every number up in :func:`training_table`, built from one 200-epoch run per
learning rate and label noise. That is only right if a shorter run is the start of the longer
one; the first test checks it bit for bit against runs of exactly the chosen epochs.
"""

from __future__ import annotations

import numpy as np
import pytest

from infolib.readouts.support import for_display
from infolib.readouts.training import (
    CHECKPOINTS,
    EPOCHS,
    NOISES,
    RATES,
    training_readout,
    training_table,
)
from infolib.training import make_softmax_data, train_softmax_regression


@pytest.mark.parametrize("rate", [0.05, 0.3, 4.0])
@pytest.mark.parametrize("noise", [0.0, 0.3, 0.6])
def test_a_shorter_run_is_the_start_of_the_longest(rate, noise) -> None:
    table = training_table()
    i, j = RATES.index(rate), NOISES.index(noise)
    run = table["runs"][i][j]
    for k, epochs in enumerate(EPOCHS):
        fresh = training_readout(rate, epochs, noise)  # trains for exactly `epochs` epochs
        # The table stores what the page prints, shortened (for_display): equal to the
        # shortened fresh run to the last bit, and printing exactly as the fresh run does.
        for key in ("cross_entropy", "kl", "train_loss"):
            assert run[key][k] == for_display(fresh[key], 3), (key, epochs)
            assert f"{run[key][k]:.3f}" == f"{fresh[key]:.3f}", (key, epochs)
        assert fresh["floor"] == table["floor"][j]


def by_numpy(rate: float, epochs: int, noise: float) -> dict[str, np.ndarray]:
    """The decomposition written out here, at every epoch, from the model's predictions."""
    data = make_softmax_data(300, label_noise=noise, seed=0)
    run = train_softmax_regression(
        data.X, data.y, epochs=epochs, learning_rate=rate, n_classes=3, seed=0
    )
    P, Q = data.P, run.Q
    cross = -(P * np.log(Q)).sum(axis=-1).mean(axis=-1)  # no zeros: P > 0 and Q > 0 here
    floor = -(P * np.log(P)).sum(axis=-1).mean()
    loss = -np.log(Q[:, np.arange(300), data.y]).mean(axis=-1)
    return {"cross_entropy": cross, "floor": floor, "kl": cross - floor, "train_loss": loss}


@pytest.mark.parametrize(("rate", "epochs", "noise"), [(0.3, 200, 0.3), (4.0, 10, 0.0)])
def test_readout_against_a_numpy_decomposition(rate, epochs, noise) -> None:
    r = training_readout(rate, epochs, noise)
    ref = by_numpy(rate, epochs, noise)
    assert (r["learning_rate"], r["epochs"], r["label_noise"]) == (rate, epochs, noise)
    for key in ("cross_entropy", "kl", "train_loss"):
        assert r[key] == pytest.approx(ref[key][-1], rel=1e-9, abs=1e-12), key
    assert r["floor"] == pytest.approx(ref["floor"], rel=1e-12)
    assert r["cross_entropy"] == pytest.approx(r["floor"] + r["kl"], abs=1e-12)


def test_the_drawn_curves_and_start_values() -> None:
    table = training_table()
    run = table["runs"][RATES.index(0.3)][NOISES.index(0.3)]
    ref = by_numpy(0.3, 200, 0.3)
    kl_curve, loss_curve = run["curves"]
    assert kl_curve == pytest.approx(np.round(ref["kl"][list(CHECKPOINTS)], 4), abs=1e-12)
    assert loss_curve == pytest.approx(np.round(ref["train_loss"][list(CHECKPOINTS)], 4))
    assert run["start"] == [for_display(float(ref[k][0]), 3) for k in ("cross_entropy", "kl")]
    # Training starts from a nearly uniform prediction: the expected loss is about ln 3.
    assert run["start"][0] == pytest.approx(np.log(3), abs=0.01)


def test_the_table_is_small_complete_and_fits_its_axis() -> None:
    table = training_table()
    assert table["rates"] == list(RATES) and table["noises"] == [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    assert table["epochs"] == list(range(10, 201, 10))
    assert set(EPOCHS) <= set(CHECKPOINTS) and list(CHECKPOINTS) == sorted(CHECKPOINTS)
    assert 40 <= len(CHECKPOINTS) <= 50 and CHECKPOINTS[0] == 0
    values = [
        x
        for row in table["runs"]
        for run in row
        for series in (run["cross_entropy"], run["train_loss"], *run["curves"])
        for x in series
    ]
    assert 0 < min(values) and max(values) <= table["top"]
    # Label noise pulls every p(.|x) towards uniform: the floor rises with it, below ln 3.
    assert np.all(np.diff(table["floor"]) > 0) and table["floor"][-1] < np.log(3)
    assert table["floor"][0] == pytest.approx(0.43, abs=0.02)  # training.py: "about 0.43 nats"


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        ((0.25, 100, 0.0), ValueError, "^learning_rate must be one of 0.05, 0.1, .* got 0.25"),
        (("0.3", 100, 0.0), TypeError, "^learning_rate must be one of .* got '0.3'"),
        ((True, 100, 0.0), TypeError, "^learning_rate must be one of .* got True"),
        ((np.nan, 100, 0.0), ValueError, "^learning_rate must be one of .* got nan"),
        ((0.3, 105, 0.0), ValueError, r"^epochs must be a multiple of 10 in \[10, 200\]"),
        ((0.3, 0, 0.0), ValueError, "^epochs must be a multiple of 10"),
        ((0.3, 100.0, 0.0), TypeError, "^epochs must be an integer, got 100.0"),
        ((0.3, True, 0.0), TypeError, "^epochs must be an integer, got True"),
        ((0.3, 100, 0.65), ValueError, "^label_noise must be a multiple of 0.1"),
        ((0.3, 100, 0.7), ValueError, r"^label_noise must be a multiple of 0.1 in \[0, 0.6\]"),
        ((0.3, 100, np.nan), ValueError, "^label_noise must be a finite number, got nan"),
        ((0.3, 100, "0.1"), TypeError, "^label_noise must be a real number, got '0.1'"),
    ],
)
def test_readout_refuses_bad_input(args, error, words) -> None:
    with pytest.raises(error, match=words):
        training_readout(*args)
