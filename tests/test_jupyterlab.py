"""Every chapter, opened in JupyterLab as a reader opens it, reads cleanly and runs.

The readers' environment is built as the README's local route builds it (``pip install -r
binder/requirements.txt jupyterlab`` in a fresh virtual environment), cached under ``.cache``
keyed by the requirement files, with infolib reinstalled from this checkout on every run.
JupyterLab serves a copy of ``book/`` on 127.0.0.1, with autosave off; Chromium may not reach
anything else (every other request is blocked and fails the test). For each chapter
(``book/[0-9][0-9]_*.ipynb``) the test checks the rendered text of every markdown cell for raw
MyST markup and for what JupyterLab shows of a reference it cannot resolve (a citation key, a
label, a file name), checks that the solutions are collapsed and open on a click, runs all
cells and expects no error or stderr output, and moves one control of each explorer and
expects a shown number to change (the explorer contract: ``[data-control]`` inputs,
``[data-key]`` numbers). One more test clicks a link between chapters and expects the other
notebook to open.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest
from conftest import in_solutions
from notebook_citations import CITED

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))
REQUIREMENTS = ROOT / "binder" / "requirements.txt"
# Rendered text that means markup reached the reader raw.
RAW = {
    "{glue": "glue role",
    "<!--": "HTML comment",
    "{term}": "term role",
    "{doc}": "doc role",
    "{cite}": "cite role",
    "{ref}": "ref role",
    "{numref}": "numref role",
    "{eq}": "eq role",
    ":::": "colon fence",
    "```": "code or directive fence",
    "{admonition}": "admonition directive",
    "{exercise}": "exercise directive",
    "{solution": "solution directive",
    ":label:": "directive option",
    ":class:": "directive option",
}
LABEL_TARGET = re.compile(r"^\([A-Za-z][\w-]{2,}\)=\s*$", re.M)  # (label)=, not math like (T)=
# What JupyterLab shows when it cannot resolve a reference: the bare citation key, label or file.
BIB_KEYS = re.findall(r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(), re.M)
LABELS = sorted(
    {
        next(name for name in label if name)
        for chapter in CHAPTERS
        # :label: x, $$ (x), (x)= and a figure's "name": "x", as the notebook's JSON spells them
        for label in re.findall(
            r':label: ([a-z]\w*-[\w-]+)|\$\$ \(([a-z]\w*-[\w-]+)\)|"\(([a-z]\w*-[\w-]+)\)='
            r'|"name": "([a-z]\w*-[\w-]+)"',
            chapter.read_text(),
        )
    }
)
BARE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, BIB_KEYS + LABELS)) + r")\b|\b\d\d_[a-z_]+(?:\.ipynb)?\b"
)
SETTINGS = {
    # A test run must never write a notebook back (it serves a copy besides).
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    # Keep every cell in the page, so each markdown cell can be read (JupyterLab otherwise
    # renders only the cells near the viewport).
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    # No news or update checks reaching out of 127.0.0.1.
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

pytestmark = pytest.mark.jupyterlab


def run(*args: str | Path, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


@pytest.fixture(scope="module")
def reader_python() -> Path:
    """A virtual environment made by the README's local route, cached by requirements."""
    key = hashlib.sha256(REQUIREMENTS.read_bytes() + b"jupyterlab").hexdigest()[:16]
    venv = ROOT / ".cache" / f"jupyterlab-venv-{key}"
    python = venv / "bin" / "python"
    if not (venv / "ready").exists():
        shutil.rmtree(venv, ignore_errors=True)
        run(sys.executable, "-m", "venv", venv)
        run(python, "-m", "pip", "install", "--quiet", "-r", REQUIREMENTS, "jupyterlab")
        (venv / "ready").write_text(REQUIREMENTS.read_text())
    # infolib from this checkout, as the "." line installs it, fresh on every run.
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", ".")
    settings = venv / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(SETTINGS))
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(reader_python: Path, tmp_path_factory) -> Iterator[str]:
    """JupyterLab on 127.0.0.1, serving a copy of book/; yields its base URL with token."""
    port, token = free_port(), secrets.token_hex(16)
    # A copy of the book, as a reader's checkout has it: nothing JupyterLab does (saving a
    # notebook after Run All, say) can change the repository's notebooks.
    served = tmp_path_factory.mktemp("reader")
    shutil.copytree(ROOT / "book", served / "book")
    log = tmp_path_factory.mktemp("jupyterlab") / "server.log"
    args = [
        str(reader_python),
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={served}",
        "--LabApp.news_url=",
        # A fresh workspace: no notebook left open by an earlier run comes back with its cells.
        f"--LabApp.workspaces_dir={tmp_path_factory.mktemp('workspaces')}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    env = {**os.environ, "JUPYTER_PLATFORM_DIRS": "1"}
    with log.open("w") as out:
        server = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.5)
        yield f"{url}|{token}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def raw_markup(text: str) -> list[str]:
    """What in a markdown cell's rendered text is markup that should not be seen."""
    found = [f"{what} ({mark})" for mark, what in RAW.items() if mark in text]
    found += [f"label target {m!r}" for m in LABEL_TARGET.findall(text)]
    found += [f"unresolved reference {m!r}" for m in BARE.findall(text)]
    return found


def test_raw_markup_is_found() -> None:
    assert raw_markup("the {term}`entropy` of p") == ["term role ({term})"]
    assert raw_markup("(ex-one)=\nText") == ["label target '(ex-one)='"]
    assert raw_markup("H(p)=2 bits, and p(x)=0.") == []
    assert raw_markup("uncertainty cover2006 holds") == ["unresolved reference 'cover2006'"]
    assert raw_markup("(chapter 1, 01_probability)") == ["unresolved reference '01_probability'"]
    assert raw_markup("chapter 1's ex-ch01-dice-sum did") == [
        "unresolved reference 'ex-ch01-dice-sum'"
    ]
    assert raw_markup("[Cover and Thomas, 2006] and (ex-post) reasoning") == []


def test_every_label_kind_is_known() -> None:
    assert {"cover2006", "ex-ch03-dice", "eq-entropy", "fig-chain-summary"} <= set(
        BIB_KEYS + LABELS
    )


CELLS = """(cells) => cells.map((c) => ({
    collapsed: c.querySelector('.jp-InputPlaceholder') !== null,
    text: c.innerText.trim(),
    outputShown: [...c.querySelectorAll('.jp-OutputArea-output')].some(
        (o) => o.offsetParent !== null),
}))"""


def check_what_is_collapsed(page, nb, name: str) -> None:
    """JupyterLab collapses what the website hides: each solution cell (showing nothing of its
    text but a "# Solution" comment, and no output) and each hide-input cell's source; all other
    cells are open, and the citations show their labels. A click opens a collapsed cell."""
    cells = page.eval_on_selector_all(".jp-Notebook .jp-Cell", CELLS)
    assert len(cells) == len(nb.cells), f"{name}: JupyterLab shows {len(cells)} cells"
    solution = in_solutions(nb)
    assert any(solution), f"{name}: no solution cell"
    tags = [cell.metadata.get("tags", []) for cell in nb.cells]
    expected = [s or "hide-input" in t for s, t in zip(solution, tags, strict=True)]
    wrong = [i for i, c in enumerate(cells) if c["collapsed"] != expected[i]]
    assert not wrong, f"{name}: cells {wrong} are open where they should be collapsed or back"
    shows = {
        i: cells[i]["text"][:80]
        for i, s in enumerate(solution)
        if s and cells[i]["text"] not in ("", "# Solution")
    }
    assert not shows, f"{name}: collapsed solution cells show {shows}"
    outputs = [i for i, s in enumerate(solution) if s and cells[i]["outputShown"]]
    assert not outputs, f"{name}: solution cells {outputs} show their outputs"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and not solution[i]:
            missing = [f"[{label}]" for label, _ in CITED.findall(cell.source)]
            missing = [label for label in missing if label not in cells[i]["text"]]
            assert not missing, f"{name}, cell {i}: citations {missing} not shown"
    i = solution.index(True)
    cell = page.query_selector_all(".jp-Notebook .jp-Cell")[i]
    cell.query_selector(".jp-InputPlaceholder .jp-Placeholder-content").click()
    page.wait_for_function(
        """(cell) => cell.querySelector('.jp-InputPlaceholder') === null
            && cell.querySelector('.jp-InputArea') !== null""",
        arg=cell,
        timeout=10_000,
    )


EXPLORERS = """
(cell) => [...cell.querySelectorAll('.jp-OutputArea')].filter(
    (o) => o.querySelector('[data-control]') && o.querySelector('[data-key]'))
"""
NUMBERS = "(o) => [...o.querySelectorAll('[data-key]')].map((e) => e.textContent)"


def move_one_control(page, output) -> None:
    """Move the explorer's first control and wait until a shown number changes."""
    before = output.evaluate(NUMBERS)
    control = output.query_selector("[data-control]")
    kind = control.evaluate("(e) => e.tagName + ':' + (e.type || '')")
    tries = (["End", "Home"] if kind == "INPUT:range" else ["ArrowUp", "ArrowDown"]) * 2
    for key in tries:
        if kind in ("INPUT:checkbox", "BUTTON:submit", "BUTTON:button"):
            control.click()
        else:
            control.focus()
            page.keyboard.press(key)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if output.evaluate(NUMBERS) != before:
                return
            time.sleep(0.2)
    pytest.fail(f"moving {control.get_attribute('data-control')} ({kind}) changed no number")


@contextmanager
def chapter_in_jupyterlab(browser, lab: str, chapter: Path) -> Iterator:
    """A Chromium page showing ``chapter`` in JupyterLab, every markdown cell rendered and the
    kernel idle. Requests anywhere but JupyterLab are blocked, and fail the test at the end, as
    do errors in the page."""
    url, token = lab.split("|")
    n_markdown = sum(c.cell_type == "markdown" for c in nbformat.read(chapter, as_version=4).cells)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    left: list[str] = []
    problems: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith(url + "/"):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    try:
        name = chapter.relative_to(ROOT).as_posix()
        page.goto(f"{url}/lab/tree/{name}?reset&token={token}")
        page.wait_for_function(
            "(n) => document.querySelectorAll('.jp-Notebook .jp-MarkdownCell').length === n",
            arg=n_markdown,
            timeout=120_000,
        )
        idle = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
        page.wait_for_selector(idle, timeout=120_000)
        time.sleep(1)  # let the MyST renderer finish the last cells
        yield page
    finally:
        context.close()
    assert not left, f"{chapter.name}: requests left 127.0.0.1: {sorted(set(left))[:10]}"
    assert not problems, f"{chapter.name}: {problems}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_reads_cleanly_and_runs_in_jupyterlab(browser, lab, chapter: Path) -> None:
    nb = nbformat.read(chapter, as_version=4)
    n_code = sum(c.cell_type == "code" for c in nb.cells)
    with chapter_in_jupyterlab(browser, lab, chapter) as page:
        texts = page.eval_on_selector_all(
            ".jp-Notebook .jp-MarkdownCell", "(cells) => cells.map((c) => c.innerText)"
        )
        raw = {i: found for i, text in enumerate(texts) if (found := raw_markup(text))}
        assert not raw, f"{chapter.name}: raw markup in rendered markdown cells {raw}"
        check_what_is_collapsed(page, nb, chapter.name)

        page.click(".jp-Notebook")
        page.keyboard.press("Escape")
        page.click('.lm-MenuBar-itemLabel:text-is("Run")')
        page.click('.lm-Menu-itemLabel:text-is("Run All Cells")')
        # Collapsed solution cells show no prompt and no output: open them all to see both.
        for command in ("Expand All Code", "Expand All Outputs"):
            page.click('.lm-MenuBar-itemLabel:text-is("View")')
            page.click(f'.lm-Menu-itemLabel:text-is("{command}")')
        page.wait_for_function(
            """(n) => {
                const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                return p.length === n && p.every((e) => /\\[\\d+\\]/.test(e.textContent));
            }""",
            arg=n_code,
            timeout=600_000,
        )
        errors = page.eval_on_selector_all(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
            "(outs) => outs.map((o) => o.innerText.slice(0, 500))",
        )
        assert not errors, f"{chapter.name}: error or stderr output after Run All: {errors}"

        explorers = page.evaluate_handle(f"({EXPLORERS})(document)")
        count = explorers.evaluate("(a) => a.length")
        assert count > 0, f"{chapter.name}: no explorer showed its controls after Run All"
        for i in range(count):
            output = explorers.evaluate_handle(f"(a) => a[{i}]").as_element()
            output.scroll_into_view_if_needed()
            move_one_control(page, output)


def test_a_link_to_another_chapter_opens_it(browser, lab) -> None:
    """Chapters link each other as markdown links to the notebook file: in JupyterLab a click
    opens that notebook (a {doc} role would show a file name and go nowhere)."""
    with chapter_in_jupyterlab(browser, lab, ROOT / "book" / "03_entropy.ipynb") as page:
        page.locator(".jp-MarkdownCell a[href*='01_probability.ipynb']").first.click()
        tab = ".lm-DockPanel-tabBar .lm-TabBar-tabLabel:text-is('01_probability.ipynb')"
        page.wait_for_selector(tab, timeout=60_000)
