"""The CrossEntropyExplorer's Python side: traits move the readout, bad values are refused."""

from __future__ import annotations

import math

import pytest

from infolib.explorers import CrossEntropyExplorer
from infolib.explorers.assets import bundle


def test_defaults_are_the_weather_and_a_uniform_model() -> None:
    e = CrossEntropyExplorer()
    assert e.p == [0.5, 0.25, 0.125, 0.125] and e.weights == [1.0] * 4
    assert e.labels == ["sunny", "cloudy", "rain", "snow"]
    assert (e.readout["entropy"], e.readout["cross_entropy"]) == (1.75, 2.0)
    assert repr(e) == "CrossEntropyExplorer()"


def test_setting_the_weights_moves_the_readout() -> None:
    e = CrossEntropyExplorer()
    e.weights = [4, 2, 1, 1]  # q = p: no gap
    assert e.readout["gap"] == 0.0
    e.weights = [4.8, 2.4, 1.2, 1.2]  # q = p again, through a rounded division
    assert e.readout["gap"] >= 0 and f"{e.readout['gap']:.3f}" == "0.000"
    e.weights = [1, 0, 1, 1]
    assert math.isinf(e.readout["cross_entropy"]) and e.ruled_out == ["cloudy"]
    e.weights = [0, 0, 0, 0]
    assert "cross_entropy" not in e.readout and e.ruled_out == []


def test_other_truths_and_labels() -> None:
    e = CrossEntropyExplorer(p=(0.25, 0.75), weights=(1, 3), labels=("H", "T"))
    # H(p) = H(p, q) = 2 - 0.75 log2 3 by hand, since q = p.
    assert e.readout["cross_entropy"] == pytest.approx(2 - 0.75 * math.log2(3), rel=1e-14)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"weights": (1, 1, 1, 0.05)}, ValueError, r"^weights\[3\] must be a multiple of 0.1"),
        ({"weights": (1, 1, 1, True)}, TypeError, r"^weights\[3\] must be a real number"),
        (
            {"weights": (1, 1, 1)},
            ValueError,
            "^weights and p must have the same length, got 3 and 4",
        ),
        (
            {"labels": ("a", "b", "c")},
            ValueError,
            "^labels and p must have the same length, got 3 and 4",
        ),
        ({"p": (0.5, 0.6)}, ValueError, "^p must sum to 1"),
        (
            {"p": (0.5, 0.5), "labels": ("a", "")},
            ValueError,
            r"^labels\[1\] must be a non-empty string",
        ),
        (
            {"p": (0.5, 0.5), "labels": ("a", 2)},
            TypeError,
            r"^labels\[1\] must be a non-empty string",
        ),
    ],
)
def test_bad_arguments_are_refused(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        CrossEntropyExplorer(**kwargs)


def test_bad_trait_values_are_refused() -> None:
    e = CrossEntropyExplorer()
    with pytest.raises(ValueError, match=r"^weights\[3\] must be a multiple of 0\.1"):
        e.weights = [1, 1, 1, 11]
    with pytest.raises(ValueError, match=r"^weights and p must have the same length, got 2 and 4"):
        e.weights = [1, 1]
    assert e.weights == [1.0] * 4
    with pytest.raises(ValueError, match=r"^p must sum to 1"):
        e.p = [0.5, 0.5, 0.5, 0.5]
    with pytest.raises(ValueError, match=r"^p and weights must have the same length, got 2 and 4"):
        e.p = [0.5, 0.5]
    e.p = [0.25, 0.25, 0.25, 0.25]
    assert e.readout["entropy"] == 2.0 and e.readout["gap"] == 0.0


def test_the_view_is_one_module_with_its_state_synced() -> None:
    text = bundle("cross_entropy")
    assert "./core.js" not in text and text.count("export default") == 1
    assert CrossEntropyExplorer._esm == text
    state = CrossEntropyExplorer().get_state()
    assert {"p", "weights", "labels", "_esm", "_css"} <= set(state)
