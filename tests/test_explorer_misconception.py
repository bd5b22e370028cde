"""The Python side of the MisconceptionExplorer (chapter 10): traits, checks, readout, verdicts."""

from __future__ import annotations

import math

import pytest

from infolib.explorers import MisconceptionExplorer
from infolib.explorers.assets import bundle
from infolib.readouts.misconception import CLAIMS


def test_traits_move_the_readout_and_the_verdicts() -> None:
    explorer = MisconceptionExplorer(p_weights=(1, 1), q_weights=(1, 3), labels=("a", "b"))
    assert explorer.readout["q.1"] == 0.75 and explorer.readout["entropy_p"] == 1.0
    assert explorer.claims["kl_symmetric"] is False
    explorer.q_weights = [1, 1]
    assert explorer.readout["kl_pq"] == 0.0 and explorer.claims["kl_symmetric"] is True
    explorer.q_weights = [0, 1]
    assert explorer.readout["kl_pq"] == math.inf and explorer.claims["finite_cost"] is False
    explorer.p_weights = [0, 0]
    assert explorer.readout == {} and explorer.claims == {}
    assert repr(explorer) == "MisconceptionExplorer()"


def test_the_page_gets_the_claims_in_order() -> None:
    explorer = MisconceptionExplorer()
    assert explorer.claim_texts == [list(c) for c in CLAIMS]
    assert explorer.labels == ["sunny", "cloudy", "rain"]
    assert explorer.p_weights == [6.0, 3.0, 1.0] and explorer.q_weights == [2.0, 3.0, 5.0]


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"p_weights": (0, 0, 0)}, ValueError, "^p_weights must not all be 0"),
        ({"q_weights": (1, 11, 1)}, ValueError, r"^q_weights\[1\] must be a multiple of 0.5"),
        (
            {"p_weights": (1, 1), "q_weights": (1, 1, 1)},
            ValueError,
            "^p_weights and labels must have the same length, got 2 and 3",
        ),
        (
            {"p_weights": (1,), "q_weights": (1,), "labels": ("a",)},
            ValueError,
            "^labels must have 2 to 4 entries, got 1",
        ),
        ({"labels": "abc"}, TypeError, "^labels must be a list, tuple or array of strings"),
    ],
)
def test_refuses_bad_arguments(kwargs, error, words) -> None:
    with pytest.raises(error, match=words):
        MisconceptionExplorer(**kwargs)


def test_refuses_bad_trait_values() -> None:
    explorer = MisconceptionExplorer()
    with pytest.raises(ValueError, match=r"^q_weights and labels must have the same length, got 2"):
        explorer.q_weights = [1, 2]
    with pytest.raises(ValueError, match=r"^p_weights\[2\] must be a multiple of 0\.5"):
        explorer.p_weights = [1, 2, 3.25]
    assert explorer.p_weights == [6.0, 3.0, 1.0] and explorer.q_weights == [2.0, 3.0, 5.0]


def test_the_view_is_one_module() -> None:
    text = bundle("misconception")
    assert text.count("export default") == 1 and "./core.js" not in text
