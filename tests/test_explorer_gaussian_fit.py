"""The GaussianFitExplorer's Python side: the table is in the state, traits move the readout."""

from __future__ import annotations

import json
import math

import pytest

from infolib.explorers import GaussianFitExplorer
from infolib.explorers.assets import bundle
from infolib.readouts.gaussian_fit import gaussian_fit_table


@pytest.fixture(scope="module")
def explorer() -> GaussianFitExplorer:
    return GaussianFitExplorer()


def test_defaults_and_the_table_in_the_state(explorer) -> None:
    assert (explorer.separation, explorer.weight) == (6.0, 0.6)  # chapter 5's example
    assert explorer.grid == [-16.0, 16.0, 161.0]
    assert explorer.fits == list(gaussian_fit_table())
    state = explorer.get_state()
    assert len(state["fits"]) == 561 * 8
    # Full precision survives the JSON the page receives.
    assert json.loads(json.dumps(state["fits"])) == explorer.fits
    assert repr(explorer) == "GaussianFitExplorer()"


def test_setting_the_sliders_moves_the_readout(explorer) -> None:
    explorer.separation = 6
    explorer.weight = 0.5
    assert explorer.readout["forward.std"] == pytest.approx(math.sqrt(10), abs=0.01)
    explorer.weight = 0.1 + 5 * 0.05  # 0.35000000000000003, snapped to the slider's 0.35
    assert explorer.weight == 0.35 and explorer.readout["weight.0"] == 0.35


@pytest.mark.parametrize(
    ("trait", "value", "match"),
    [
        ("separation", 8.5, r"^separation must be a multiple of 0.25 in \[0, 8\]"),
        ("separation", 0.3, "^separation must be a multiple of 0.25"),
        ("weight", 0.05, r"^weight must be a multiple of 0.05 in \[0.1, 0.9\]"),
    ],
)
def test_bad_values_are_refused(explorer, trait, value, match) -> None:
    with pytest.raises(ValueError, match=match):
        setattr(explorer, trait, value)
    with pytest.raises(ValueError, match=match):
        GaussianFitExplorer(**{trait: value})


def test_the_view_is_one_module_and_says_the_fits_are_precomputed() -> None:
    text = bundle("gaussian_fit")
    assert "./core.js" not in text and text.count("export default") == 1
    assert "ix-precomputed" in text
