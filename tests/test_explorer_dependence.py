"""The DependenceExplorer's Python side: traits move the readout, bad values are refused."""

from __future__ import annotations

import math

import pytest

from infolib.explorers import DependenceExplorer
from infolib.explorers.assets import bundle


def test_defaults_show_a_row_that_raises_the_uncertainty() -> None:
    e = DependenceExplorer()
    assert e.weights == [7.0, 1.0, 1.0, 1.0]
    assert e.x_labels == ["high", "low"] and e.y_labels == ["dry", "rain"]
    h_y = -(0.8 * math.log2(0.8) + 0.2 * math.log2(0.2))
    assert e.readout["h_y"] == pytest.approx(h_y, rel=1e-14)
    assert e.readout["h_y_at.1"] == 1.0 > e.readout["h_y"] > e.readout["h_y_given_x"]
    assert repr(e) == "DependenceExplorer()"


def test_setting_the_weights_moves_the_readout() -> None:
    e = DependenceExplorer(weights=(1, 1, 1, 1))
    assert e.readout["mi"] == 0.0
    e.weights = [3, 0, 0, 3]
    assert e.readout["mi"] == 1.0 and e.readout["h_xy"] == 1.0
    e.weights = [0, 0, 0, 0]  # a slider can reach it: the readout shows nothing
    assert e.readout == {}


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"weights": (0, 0, 0, 0)}, ValueError, "^weights must not all be 0"),
        ({"weights": (1, 1, 1)}, ValueError, "^weights must have 4 entries, got 3"),
        ({"weights": (1, 1, 1, 0.3)}, ValueError, r"^weights\[3\] must be a multiple of 0\.5"),
        ({"x_labels": ("a", "b", "c")}, ValueError, "^x_labels must have 2 entries, got 3"),
        ({"x_labels": ("a", "")}, ValueError, r"^x_labels\[1\] must be a non-empty string"),
        ({"y_labels": "ab"}, TypeError, "^y_labels must be a list, tuple or array of strings"),
    ],
)
def test_bad_arguments_are_refused(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        DependenceExplorer(**kwargs)


def test_bad_trait_values_are_refused() -> None:
    e = DependenceExplorer()
    with pytest.raises(ValueError, match=r"^weights\[3\] must be a multiple of 0\.5"):
        e.weights = [1, 1, 1, 0.25]
    with pytest.raises(ValueError, match=r"^weights must have 4 entries, got 2"):
        e.weights = [1, 1]
    assert e.weights == [7.0, 1.0, 1.0, 1.0]


def test_the_view_is_one_module() -> None:
    text = bundle("dependence")
    assert "./core.js" not in text and text.count("export default") == 1
    assert {"weights", "x_labels", "y_labels"} <= set(DependenceExplorer().get_state())
