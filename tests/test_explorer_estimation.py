"""The Python side of the EstimationExplorer (chapter 9): traits, checks, readout, one module."""

from __future__ import annotations

import json

import pytest
import traitlets

from infolib.explorers import EstimationExplorer
from infolib.explorers.assets import bundle
from infolib.readouts.estimation import SIZES


def test_traits_move_the_readout() -> None:
    explorer = EstimationExplorer(n=16, distribution="skewed")
    assert explorer.size_index == 2 and explorer.readout["n"] == 16
    assert explorer.readout["entropy"] < 3.0
    explorer.distribution = "uniform"
    assert explorer.readout["entropy"] == 3.0
    explorer.size_index = 8
    assert explorer.n == 1024 and explorer.readout["n"] == 1024
    explorer.n = 4
    assert explorer.size_index == 0
    assert repr(explorer) == "EstimationExplorer()"


def test_the_table_the_page_gets_is_small_and_complete() -> None:
    explorer = EstimationExplorer()
    assert explorer.sizes == list(SIZES)
    for name in ("uniform", "skewed"):
        assert len(explorer.table[name]) == len(SIZES)
        assert all(len(row) == 5 for row in explorer.table[name])
    state = explorer.get_state()
    size = len(json.dumps({k: state[k] for k in ("table", "probabilities", "sizes")}))
    assert size < 4_000, size


def test_another_seed_draws_other_samples() -> None:
    first, other = EstimationExplorer(seed=1), EstimationExplorer(seed=2)
    assert first.table != other.table
    first.seed = 2
    assert first.table == other.table


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"n": 30}, "n must be one of"),
        ({"distribution": "flat"}, "distribution must be 'uniform' or 'skewed'"),
        ({"seed": -3}, "^seed must be at least 0, got -3"),
    ],
)
def test_refuses_bad_arguments(kwargs, words) -> None:
    with pytest.raises(ValueError, match=words):
        EstimationExplorer(**kwargs)


def test_refuses_bad_trait_values() -> None:
    explorer = EstimationExplorer()
    with pytest.raises(traitlets.TraitError, match=r"size_index must be in \[0, 8\]"):
        explorer.size_index = 9
    with pytest.raises(ValueError, match="distribution must be 'uniform' or 'skewed'"):
        explorer.distribution = "flat"
    with pytest.raises(ValueError, match="n must be one of"):
        explorer.n = 7
    before = explorer.table
    with pytest.raises(ValueError, match=r"^seed must be at least 0, got -1"):
        explorer.seed = -1
    with pytest.raises(TypeError, match=r"^seed must be an integer, got True"):
        explorer.seed = True
    assert explorer.seed == 1 and explorer.table is before
    assert (explorer.size_index, explorer.distribution) == (2, "skewed")


def test_the_view_is_one_module() -> None:
    text = bundle("estimation")
    assert text.count("export default") == 1 and "./core.js" not in text
