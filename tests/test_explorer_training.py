"""The Python side of the TrainingExplorer (chapter 7): traits, checks, readout, state size."""

from __future__ import annotations

import json

import pytest

from infolib.explorers import TrainingExplorer
from infolib.explorers.assets import bundle
from infolib.readouts.training import training_table


def test_traits_move_the_readout() -> None:
    explorer = TrainingExplorer()
    assert (explorer.learning_rate, explorer.epochs, explorer.label_noise) == (0.3, 200, 0.3)
    r = explorer.readout
    assert (r["learning_rate"], r["epochs"], r["label_noise"]) == (0.3, 200, 0.3)
    explorer.label_noise = 0.0
    assert explorer.readout["floor"] < r["floor"]
    explorer.epochs = 10
    explorer.rate_index = 0
    assert explorer.readout["learning_rate"] == 0.05 and explorer.readout["epochs"] == 10
    explorer.learning_rate = 2.0
    assert explorer.rate_index == 6
    assert repr(explorer) == "TrainingExplorer()"


def test_the_synced_table_is_compact_json_well_under_150_kb() -> None:
    explorer = TrainingExplorer()
    assert json.loads(explorer.table) == json.loads(json.dumps(training_table()))
    assert len(explorer.table.encode()) < 120_000, len(explorer.table)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"learning_rate": 0.7}, ValueError, "^learning_rate must be one of"),
        ({"learning_rate": "fast"}, TypeError, "^learning_rate must be one of"),
        ({"epochs": 250}, ValueError, "^epochs must be a multiple of 10"),
        ({"epochs": 20.0}, TypeError, "^epochs must be an integer, got 20.0"),
        ({"label_noise": 0.05}, ValueError, "^label_noise must be a multiple of 0.1"),
        ({"label_noise": None}, TypeError, "^label_noise must be a real number, got None"),
    ],
)
def test_refuses_bad_arguments(kwargs, error, words) -> None:
    with pytest.raises(error, match=words):
        TrainingExplorer(**kwargs)


def test_refuses_bad_trait_values() -> None:
    explorer = TrainingExplorer()
    with pytest.raises(ValueError, match=r"^rate_index must be at most 7, got 8"):
        explorer.rate_index = 8
    with pytest.raises(ValueError, match="epochs must be a multiple of 10"):
        explorer.epochs = 15
    with pytest.raises(ValueError, match=r"^label_noise must be a multiple of 0\.1"):
        explorer.label_noise = 0.9
    with pytest.raises(ValueError, match="learning_rate must be one of"):
        explorer.learning_rate = 3.0
    assert (explorer.rate_index, explorer.epochs, explorer.label_noise) == (3, 200, 0.3)


def test_the_view_is_one_module() -> None:
    text = bundle("training")
    assert text.count("export default") == 1 and "./core.js" not in text
