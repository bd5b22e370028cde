"""The Python side of the chapter 8 TemperatureExplorer: traits, checks, readout, one module."""

from __future__ import annotations

import math

import pytest
import traitlets

from infolib.explorers import TemperatureExplorer
from infolib.explorers.assets import bundle


def test_readout_follows_the_temperature() -> None:
    explorer = TemperatureExplorer(teacher=(2, 0), student=(0, 0), labels=("a", "b"))
    assert explorer.readout["p.0"] == pytest.approx(1 / (1 + math.exp(-2)), rel=1e-15)
    explorer.temperature = 2.0
    assert explorer.readout["p.0"] == pytest.approx(1 / (1 + math.exp(-1)), rel=1e-15)
    assert repr(explorer) == "TemperatureExplorer()"


def test_entropy_of_the_soft_targets_rises_with_the_temperature() -> None:
    explorer = TemperatureExplorer()
    seen = []
    for t in (0.25, 0.5, 1.0, 2.0, 5.0, 10.0):
        explorer.temperature = t
        seen.append(explorer.readout["entropy"])
    assert seen == sorted(seen) and seen[-1] < 2.0 and seen[0] < 0.01


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"teacher": (1, 2, 3)}, ValueError, "3 teacher logits, 4 student logits, 4 labels"),
        ({"labels": ("a",)}, ValueError, "labels must have 2 to 6 entries, got 1"),
        ({"temperature": 0.1}, ValueError, "temperature must be a multiple of 0.25"),
        ({"student": (1, 2, 3, 4.2)}, ValueError, "student[3] must be a multiple of 0.5"),
        (
            {"labels": "abcd"},
            TypeError,
            ("labels must be a list, tuple or array of strings, got a string"),
        ),
    ],
)
def test_refuses_bad_arguments(kwargs, error, words) -> None:
    with pytest.raises(error) as info:
        TemperatureExplorer(**kwargs)
    assert words in str(info.value)


def test_refuses_bad_trait_values() -> None:
    explorer = TemperatureExplorer(temperature=2.0)
    with pytest.raises(ValueError, match=r"^temperature must be a multiple of 0\.25"):
        explorer.temperature = 0.3
    with pytest.raises(traitlets.TraitError):
        explorer.temperature = "hot"
    assert explorer.temperature == 2.0


def test_the_view_is_one_module_with_the_softmax() -> None:
    text = bundle("temperature")
    assert text.count("export default") == 1 and "function softmax(" in text
