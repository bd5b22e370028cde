#!/usr/bin/env python3
"""One entry point for authors, readers and CI; needs only Python 3.11+ on the machine.

    python3 dev.py build     # install into .venv, fetch page assets, build the site (_build/html)
    python3 dev.py test      # build, print the PDF, run the whole test suite (what CI runs)
    python3 dev.py pdf       # build, then print the whole course as one PDF (_build/pdf/course.pdf)
    python3 dev.py execute   # re-execute every notebook in place (authors, after editing one)
    python3 dev.py lint      # ruff check, ruff format check, mypy (test runs them too)

The first run creates the virtual environment ``.venv`` and installs ``requirements.txt``
into it; later runs reinstall only when a requirements file changes. Nothing needs root.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".requirements.sha256"
REQUIREMENT_FILES = ("requirements.txt", "constraints.txt", "pyproject.toml")


def run(*cmd: object, **kwargs) -> None:
    """Run a command from the repository root; stop with its exit code if it fails."""
    args = [str(c) for c in cmd]
    print("+", " ".join(args), flush=True)
    result = subprocess.run(args, cwd=ROOT, **kwargs)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_env() -> None:
    """Create .venv and install the pinned requirements if they changed since last time."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older Python
        sys.exit(f"Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    digest = hashlib.sha256()
    for name in REQUIREMENT_FILES:
        digest.update((ROOT / name).read_bytes())
    wanted = digest.hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PY.exists():
        print(f"Creating the virtual environment {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-r", "requirements.txt")
    run(PY, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    STAMP.write_text(wanted)


def build() -> None:
    """Build the website into _build/html, with Sphinx warnings treated as errors."""
    ensure_env()
    # The site serves MathJax and the widget scripts itself: fetch them (pinned, checksummed,
    # cached in .cache/vendor; a warm run makes no network call) before Sphinx copies them.
    run(PY, "tools/vendor_assets.py")
    run(BIN / "jupyter-book", "build", ".", "--builder", "html", "-W", "-n", "--keep-going")
    print(f"\nThe website is in {ROOT / '_build' / 'html'}; open index.html in a browser.")


def checks() -> None:
    """The house rules the tools enforce: ruff lint, ruff format and the mypy type check."""
    run(PY, "-m", "ruff", "check", ".")
    run(PY, "-m", "ruff", "format", "--check", ".")
    run(PY, "-m", "mypy")  # files and options: [tool.mypy] in pyproject.toml


def test() -> None:
    """Build the site and the PDF, run the checks, then every test: unit, property, doctest,
    notebooks, site, browser, PDF."""
    build()
    print_pdf()
    checks()
    run(PY, "-m", "pytest", *sys.argv[2:])


def print_pdf() -> None:
    """Print the built site as one PDF (tools/pdf.py): _build/pdf/course.pdf, and a copy
    beside the site that book/intro.md links to. Needs Debian's Chromium, as the browser
    tests do: without it (and outside CI) this only says so."""
    chromium = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    if not chromium.exists() and os.environ.get("CI", "").lower() not in {"true", "1", "yes"}:
        print(f"No Chromium at {chromium}: the PDF is not printed (apt-get install chromium).")
        return
    run(PY, "tools/pdf.py")


def pdf() -> None:
    """Build the site, then print the whole course as one PDF with Chromium."""
    build()
    print_pdf()


def execute() -> None:
    """Re-execute every notebook under book/ in place, saving outputs and widget state."""
    ensure_env()
    run(PY, "tools/execute_notebooks.py", *sys.argv[2:])


def lint() -> None:
    """Only the checks that python3 dev.py test runs before pytest (quick, no build)."""
    ensure_env()
    checks()


COMMANDS = {"build": build, "test": test, "pdf": pdf, "execute": execute, "lint": lint}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]]()
