"""Shared fixtures for the tests of the website as readers get it.

``test_site.py`` reads the built HTML, ``test_browser.py`` opens every page in Debian's
Chromium with the network cut off, ``test_binder.py`` runs the notebooks in the Binder
environment. The first two need the site: ``python3 dev.py build`` (``python3 dev.py test``
builds it first).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_INSTALL = "apt-get update && apt-get install -y chromium"
# Quiet, reproducible, offline: no background traffic of Chromium's own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--font-render-hinting=none",
]

sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import page_weight  # noqa: E402
import site_server  # noqa: E402

#: Lines printed at the end of the run (page weights, browser timings), by topic.
SUMMARY: dict[str, list[str]] = {}


def in_solutions(nb) -> list[bool]:
    """Whether each cell of a chapter notebook lies in a gated solution: after its
    ``{solution-start}``, up to and including its ``{solution-end}`` (read from the directives,
    not from any metadata)."""
    inside, result = False, []
    for cell in nb.cells:
        source = cell.source.strip() if cell.cell_type == "markdown" else ""
        result.append(inside)
        if re.match(r"(`{3,}|:{3,})\{solution-end\}", source):
            inside = False
        if re.match(r"(`{3,}|:{3,})\{solution-start\}", source):
            inside = True
    return result


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: opens the built site in Debian's Chromium (tests/test_browser.py)"
    )
    config.addinivalue_line(
        "markers", "binder: runs every notebook in a fresh venv made from binder/requirements.txt"
    )
    config.addinivalue_line(
        "markers", "jupyterlab: runs every chapter in JupyterLab (tests/test_jupyterlab.py)"
    )


def pytest_terminal_summary(terminalreporter) -> None:
    for title, lines in SUMMARY.items():
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)


def require_site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail(
            f"no built site in {SITE}: run python3 dev.py build first "
            "(python3 dev.py test builds it before testing)",
            pytrace=False,
        )
    return SITE


def site_pages() -> list[str]:
    """The built site's pages, found at collection time (empty if the site is not built)."""
    return page_weight.discover_pages(SITE) if SITE.is_dir() else []


@pytest.fixture(scope="session")
def site() -> Path:
    return require_site()


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """Base URL of the built site, served on 127.0.0.1 for the session (gzip, as on GitHub
    Pages: tools/site_server.py)."""
    with site_server.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped on a developer machine without it,
    a failure in CI (CI=true), so a missing browser can never pass as green."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"Chromium not found at {CHROMIUM}; install it with: {CHROMIUM_INSTALL}"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            problem = "the playwright package is missing: run python3 dev.py build"
    if problem:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {problem}", pytrace=False)
        pytest.skip(problem)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
