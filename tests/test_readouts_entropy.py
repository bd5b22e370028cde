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
        ([1, 2.2], ValueError, "weights[1] must be a multiple of 0.5 in [0, 10]"),
        ([1, 10.5], ValueError, "got 10.5"),
        ([1, -0.5], ValueError, "got -0.5"),
        ([1, math.nan], ValueError, "weights[1] must be a finite number, got nan"),
        ([1, True], TypeError, "weights[1] must be a real number, got True"),
        ([1, "2"], TypeError, "weights[1] must be a real number, got '2'"),
        ("12", TypeError, "weights must be a list, tuple or array of numbers, got a string"),
        ((w for w in [1, 2]), TypeError, "got a generator; wrap it in list(...) first"),
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
        (0.0, "bits", ValueError, "p must be a multiple of 0.001 in [0.001, 1]"),
        (0.0005, "bits", ValueError, "got 0.0005"),
        (1.001, "bits", ValueError, "got 1.001"),
        (math.nan, "bits", ValueError, "p must be a finite number, got nan"),
        ("0.5", "bits", TypeError, "p must be a real number, got '0.5'"),
        ([0.5], "bits", TypeError, "p must be a real number, got [0.5]"),
        (0.5, "shannons", ValueError, "unit must be 'bits' or 'nats', got 'shannons'"),
        (0.5, 2, TypeError, "unit must be 'bits' or 'nats', got 2"),
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
    with pytest.raises(ValueError, match=r"^labels must have 2 to 6 entries, got 1"):
        labels_for("labels", ["a"], 2, 6)
    with pytest.raises(ValueError, match=r"^labels\[1\] must be a non-empty string, got ''"):
        labels_for("labels", ["a", ""], 2, 6)
    with pytest.raises(TypeError, match=r"^labels\[1\] must be a non-empty string, got 2"):
        labels_for("labels", ["a", 2], 2, 6)
    with pytest.raises(TypeError, match=r"^labels must be a list, tuple or array of strings"):
        labels_for("labels", "ab", 2, 6)
