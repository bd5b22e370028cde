"""The reader's environment (binder/): minimal, pinned, and enough to run every notebook.

The slow test builds a fresh virtual environment from binder/requirements.txt alone (plus
the kernel and nbclient needed to execute), the way Binder and the README's "Run locally"
steps do, and runs every notebook under book/ in it. It takes a minute or two with a warm pip
cache; deselect it with ``-m "not binder"``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
import venv
from pathlib import Path

import pytest
from conftest import ROOT

BINDER = ROOT / "binder"
# What readers need; anything else (book building, tests, browsers) does not belong here.
READER_PACKAGES = {"numpy", "matplotlib", "ipywidgets", "anywidget", "scipy", "jupyterlab-myst"}
# Only readers need these (the book is built by Sphinx, not rendered by JupyterLab).
READER_ONLY = {"jupyterlab-myst"}
# Already in repo2docker's base environment (JupyterLab 4, the widget extension, a kernel).
BASE_IMAGE_PACKAGES = {"jupyterlab", "notebook", "ipykernel", "jupyterlab-widgets"}
KERNEL = "infolib-binder-test"


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in requirement_lines(path):
        if match := re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line):
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_binder_requirements_are_the_readers_packages_pinned_as_the_book() -> None:
    lines = requirement_lines(BINDER / "requirements.txt")
    binder = pins(BINDER / "requirements.txt")
    assert set(binder) == READER_PACKAGES, f"binder/requirements.txt pins {sorted(binder)}"
    assert "." in lines, "binder/requirements.txt must install infolib itself ('.')"
    assert len(lines) == len(binder) + 1, f"unexpected lines: {lines}"
    assert not set(binder) & BASE_IMAGE_PACKAGES
    book = pins(ROOT / "requirements.txt") | pins(ROOT / "constraints.txt")
    for name, version in binder.items():
        if name in READER_ONLY:
            continue
        assert book.get(name) == version, f"{name}: binder {version}, book {book.get(name)}"


def test_binder_python_matches_the_package() -> None:
    runtime = (BINDER / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(\d+)\.(\d+)", runtime)
    assert match, f"binder/runtime.txt: {runtime!r}"
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    minimum = tuple(int(x) for x in re.search(r">=\s*(\d+)\.(\d+)", requires).groups())
    assert tuple(int(x) for x in match.groups()) >= minimum


RUNNER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import nbformat
    from nbclient import NotebookClient

    def run(nb, cwd):
        NotebookClient(nb, timeout=600, kernel_name=sys.argv[1],
                       resources={"metadata": {"path": str(cwd)}}).execute()
        return nb

    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys, infolib; print(sys.prefix); print(infolib.__file__)")])
    # Run where the notebooks run (book/), where the repository's infolib/ is not importable.
    text = run(probe, Path(sys.argv[2]).parent).cells[0].outputs[0]["text"]
    print("kernel:", text.replace(chr(10), " "), flush=True)
    assert text.split()[0] == sys.prefix, "the kernel is not this environment's Python"
    assert text.split()[1].startswith(sys.prefix), "infolib was not installed here"
    for name in sys.argv[2:]:
        path = Path(name)
        started = time.perf_counter()
        run(nbformat.read(path, as_version=4), path.parent)
        print(f"ran {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    """
)


@pytest.mark.binder
def test_every_notebook_runs_in_the_binder_environment(tmp_path_factory) -> None:
    notebooks = sorted((ROOT / "book").glob("*.ipynb"))
    assert notebooks, "no notebooks under book/"
    env_dir = tmp_path_factory.mktemp("binder") / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    book = pins(ROOT / "constraints.txt")
    environ = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    environ["PYTHONNOUSERSITE"] = "1"

    def run(*args: object, cwd: Path = ROOT) -> str:
        result = subprocess.run(
            [str(a) for a in args], cwd=cwd, env=environ, capture_output=True, text=True
        )
        assert result.returncode == 0, f"{args[:4]} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    # pip runs from the repository root, like repo2docker and the README ("." is the
    # repository). A copy of what installing infolib reads, so pip's in-tree build
    # (build/, *.egg-info) does not litter the working tree.
    source = env_dir.parent / "repository"
    source.mkdir()
    skip = shutil.ignore_patterns("__pycache__")
    for name in ("pyproject.toml", "README.md", "infolib", "binder"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=skip)
        elif (ROOT / name).is_file():
            shutil.copy2(ROOT / name, source / name)
    run(python, "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt",
        f"ipykernel=={book['ipykernel']}", f"nbclient=={book['nbclient']}", cwd=source)  # fmt: skip
    run(python, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL)
    runner = env_dir / "run_notebooks.py"
    runner.write_text(RUNNER)
    output = run(python, runner, KERNEL, *notebooks)
    print(output)
    assert output.count("ran ") == len(notebooks)
    assert sys.prefix not in output.split("kernel:", 1)[1].splitlines()[0]
