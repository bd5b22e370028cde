"""Readouts of the chapter 2 and 3 explorers against hand-derived values."""

from __future__ import annotations

import math

import pytest

from infolib.readouts.checks import labels_for, on_grid
from infolib.readouts.entropy import entropy_readout
from infolib.readouts.surprisal import surprisal_readout


def test_entropy_readout_of_hand_cases() -> None:
    # p = (1/2, 1/4, 1/4): H = 1/2 * 1 + 2 * 1/4 * 2 = 1.5 bits.
    r = entropy_readout([2, 1, 1])
    assert r == {
        "weight.0": 2.0,
        "weight.1": 1.0,
        "weight.2": 1.0,
        "p.0": 0.5,
        "p.1": 0.25,
        "p.2": 0.25,
        "entropy": 1.5,
        "ceiling": math.log2(3),
    }
    assert entropy_readout([0, 3])["entropy"] == 0.0  # 0 log 0 = 0; certain outcome
    assert entropy_readout([7.5, 0.5])["p.1"] == 0.0625


def test_entropy_readout_without_a_distribution_shows_only_the_weights() -> None:
    assert entropy_readout([0, 0, 0]) == {"weight.0": 0.0, "weight.1": 0.0, "weight.2": 0.0}


@pytest.mark.parametrize(
    ("weights", "error", "words"),
    [
        ([1, 2.2], ValueError, "multiples of 0.5 in [0, 10]"),
        ([1, 10.5], ValueError, "got 10.5"),
        ([1, -0.5], ValueError, "got -0.5"),
        ([1, True], TypeError, "must hold numbers, got True"),
        ([1, "2"], TypeError, "must hold numbers, got '2'"),
        ("12", TypeError, "sequence of numbers, got str"),
    ],
)
def test_entropy_readout_refuses_what_a_slider_cannot_show(weights, error, words) -> None:
    with pytest.raises(error, match="weights") as info:
        entropy_readout(weights)
    assert words in str(info.value)


def test_surprisal_readout_in_both_units() -> None:
    bits = surprisal_readout(0.25, "bits")
    assert bits == {"p": 0.25, "surprisal": 2.0, "coins": 2.0, "top": -math.log2(0.001)}
    nats = surprisal_readout(0.25, "nats")
    assert nats["surprisal"] == pytest.approx(math.log(4), rel=1e-15)
    assert nats["coins"] == 2.0 and nats["top"] == pytest.approx(math.log(1000), rel=1e-15)
    assert surprisal_readout(1.0, "bits")["surprisal"] == 0.0


@pytest.mark.parametrize(
    ("p", "unit", "error", "words"),
    [
        (0.0, "bits", ValueError, "p must be multiples of 0.001 in [0.001, 1]"),
        (0.0005, "bits", ValueError, "got 0.0005"),
        (1.001, "bits", ValueError, "got 1.001"),
        ("0.5", "bits", TypeError, "p must hold numbers, got '0.5'"),
        (0.5, "shannons", ValueError, "unit must be 'bits' or 'nats', got 'shannons'"),
    ],
)
def test_surprisal_readout_refuses_bad_input(p, unit, error, words) -> None:
    with pytest.raises(error) as info:
        surprisal_readout(p, unit)
    assert words in str(info.value)


def test_on_grid_accepts_every_slider_position_despite_rounding() -> None:
    # 0.001 * k is not exact in binary for most k: all 1000 positions must still pass.
    positions = [round(0.001 * k, 3) for k in range(1, 1001)]
    assert on_grid("p", positions, 0.001, 1.0, 0.001) == positions


def test_labels_for_names_the_problem() -> None:
    with pytest.raises(ValueError, match="labels must name 2 to 6 outcomes, got 1"):
        labels_for("labels", ["a"], None, 2, 6)
    with pytest.raises(TypeError, match="non-empty strings"):
        labels_for("labels", ["a", ""], None, 2, 6)
    with pytest.raises(ValueError, match="labels must name 3 outcomes, got 2"):
        labels_for("labels", ["a", "b"], 3, 2, 6)
