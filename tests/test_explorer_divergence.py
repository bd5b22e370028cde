"""The DivergenceExplorer's Python side: traits move the readout, bad values are refused."""

from __future__ import annotations

import math

import pytest

from infolib.explorers import DivergenceExplorer
from infolib.explorers.assets import bundle


def test_defaults() -> None:
    e = DivergenceExplorer()
    assert e.p_weights == [5.0, 3.0, 1.5, 0.5] and e.q_weights == [3.0, 2.0, 2.0, 3.0]
    p = [0.5, 0.3, 0.15, 0.05]
    q = [0.3, 0.2, 0.2, 0.3]
    by_hand = sum(a * math.log2(a / b) for a, b in zip(p, q, strict=True))
    assert e.readout["kl_pq"] == pytest.approx(by_hand, rel=1e-13)
    assert repr(e) == "DivergenceExplorer()"


def test_setting_the_weights_moves_the_readout() -> None:
    e = DivergenceExplorer(p_weights=(1, 1), q_weights=(1, 3), labels=("H", "T"))
    e.q_weights = [0, 1]
    assert math.isinf(e.readout["kl_pq"]) and e.readout["kl_qp"] == 1.0
    assert e.ruled_out == {"p||q": ["H"], "q||p": []}
    e.p_weights = [0, 0]  # a slider can reach it: the readout says there is no p
    assert e.readout == {"q.0": 0.0, "q.1": 1.0}


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"p_weights": (0, 0, 0, 0)}, ValueError, "^p_weights must not all be 0"),
        ({"q_weights": (1, 1, 1)}, ValueError, "^q_weights and labels must have the same length"),
        ({"p_weights": (1, 1, 1, 0.3)}, ValueError, r"^p_weights\[3\] must be a multiple of 0.5"),
        (
            {"labels": ("a",), "p_weights": (1,), "q_weights": (1,)},
            ValueError,
            "^labels must have 2 to 6 entries, got 1",
        ),
        ({"labels": "abcd"}, TypeError, "^labels must be a list, tuple or array of strings"),
    ],
)
def test_bad_arguments_are_refused(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        DivergenceExplorer(**kwargs)


def test_bad_trait_values_are_refused() -> None:
    e = DivergenceExplorer()
    with pytest.raises(ValueError, match=r"^q_weights\[3\] must be a multiple of 0\.5"):
        e.q_weights = [1, 1, 1, 0.25]
    with pytest.raises(ValueError, match=r"^p_weights and labels must have the same length, got 2"):
        e.p_weights = [1, 1]


def test_the_view_is_one_module() -> None:
    text = bundle("divergence")
    assert "./core.js" not in text and text.count("export default") == 1
    assert {"p_weights", "q_weights", "labels"} <= set(DivergenceExplorer().get_state())
