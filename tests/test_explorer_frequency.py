"""The Python side of the FrequencyExplorer (chapter 1): traits, checks, readout, one module."""

from __future__ import annotations

import json

import pytest

from infolib.explorers import FrequencyExplorer
from infolib.explorers.assets import bundle
from infolib.readouts.frequency import SIZES


def test_traits_move_the_readout() -> None:
    explorer = FrequencyExplorer(n=20, die="loaded")
    assert explorer.size_index == 1 and explorer.readout["n"] == 20
    assert explorer.readout["p.5"] == 0.375
    explorer.die = "fair"
    assert explorer.readout["p.5"] == 1 / 6
    explorer.size_index = 9
    assert explorer.n == 10_000 and explorer.readout["n"] == 10_000
    explorer.n = 50
    assert explorer.size_index == 2
    assert sum(explorer.readout[f"count.{x}"] for x in range(6)) == 50
    assert repr(explorer) == "FrequencyExplorer()"


def test_the_table_the_page_gets_is_small_and_complete() -> None:
    explorer = FrequencyExplorer()
    assert explorer.sizes == list(SIZES)
    for die in ("fair", "loaded"):
        assert [sum(c) for c in explorer.counts[die]] == list(SIZES)
    state = explorer.get_state()
    size = len(json.dumps({k: state[k] for k in ("counts", "probabilities", "sizes")}))
    assert size < 2_000, size


def test_another_seed_rolls_another_sequence() -> None:
    first, other = FrequencyExplorer(seed=1), FrequencyExplorer(seed=2)
    assert first.counts != other.counts
    first.seed = 2
    assert first.counts == other.counts


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"n": 30}, ValueError, "^n must be one of 10, 20, 50, .* got 30"),
        ({"n": 20.0}, TypeError, "^n must be an integer, got 20.0"),
        ({"die": "weighted"}, ValueError, "^die must be 'fair' or 'loaded'"),
        ({"seed": -3}, ValueError, "^seed must be at least 0, got -3"),
        ({"seed": True}, TypeError, "^seed must be an integer, got True"),
    ],
)
def test_refuses_bad_arguments(kwargs, error, words) -> None:
    with pytest.raises(error, match=words):
        FrequencyExplorer(**kwargs)


def test_refuses_bad_trait_values() -> None:
    explorer = FrequencyExplorer()
    with pytest.raises(ValueError, match=r"^size_index must be at most 9, got 10"):
        explorer.size_index = 10
    with pytest.raises(ValueError, match=r"^size_index must be at least 0, got -1"):
        explorer.size_index = -1
    with pytest.raises(ValueError, match="die must be 'fair' or 'loaded'"):
        explorer.die = "crooked"
    with pytest.raises(ValueError, match=r"^n must be one of"):
        explorer.n = 7
    before = explorer.counts
    with pytest.raises(ValueError, match=r"^seed must be at least 0, got -1"):
        explorer.seed = -1
    with pytest.raises(TypeError, match=r"^seed must be an integer, got True"):
        explorer.seed = True
    assert explorer.seed == 1 and explorer.counts is before
    assert (explorer.size_index, explorer.die) == (1, "loaded")


def test_the_view_is_one_module() -> None:
    text = bundle("frequency")
    assert text.count("export default") == 1 and "./core.js" not in text
