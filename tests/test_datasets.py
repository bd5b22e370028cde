"""infolib.datasets: the texts inside the package are the ones their README describes."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import infolib
from infolib import datasets

README = Path(datasets.__file__).parent / "data" / "README.md"


def test_alice_is_the_text_the_readme_describes() -> None:
    stated = re.search(r"SHA-256 `([0-9a-f]{64})`", README.read_text()).group(1)
    size = int(
        re.search(r"([\d,]+) bytes, all ASCII", README.read_text()).group(1).replace(",", "")
    )
    text = infolib.alice_text()
    assert hashlib.sha256(text.encode("ascii")).hexdigest() == stated
    assert len(text) == size
    assert text.startswith("ALICE'S ADVENTURES IN WONDERLAND") and text.rstrip().endswith("THE END")
    assert "\r" not in text and "Gutenberg" not in text


def test_an_altered_copy_is_refused(tmp_path, monkeypatch) -> None:
    (tmp_path / "alice.txt").write_bytes(datasets._DATA.joinpath("alice.txt").read_bytes() + b"!")
    monkeypatch.setattr(datasets, "_DATA", tmp_path)
    with pytest.raises(ValueError, match=r"must have SHA-256 fe4fd37d.*got [0-9a-f]{64}"):
        datasets.alice_text()


def test_a_missing_copy_says_how_to_get_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(datasets, "_DATA", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"reinstall infolib from the course repository"):
        datasets.alice_text()


def test_an_installed_infolib_carries_the_text(tmp_path) -> None:
    """Not only the checkout: a wheel built from pyproject.toml holds the text and its README.
    Built from a clean copy, so no build/ folder left by an earlier build can supply them."""
    root = Path(__file__).resolve().parents[1]
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(root / "infolib", source / "infolib", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, source / name)
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*pip_wheel, "-w", str(tmp_path / "wheel"), str(source)], check=True)
    (wheel,) = (tmp_path / "wheel").glob("infolib-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"infolib/data/alice.txt", "infolib/data/README.md"} <= names
