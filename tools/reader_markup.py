"""Make every chapter notebook read cleanly in JupyterLab, not only on the website.

One idempotent command, safe to re-run after any edit (``tools/execute_notebooks.py`` runs
it after executing)::

    python tools/reader_markup.py                  # every chapter under book/
    python tools/reader_markup.py book/03_*.ipynb

It does four things to each chapter notebook, and nothing else:

1. **Computed values.** JupyterLab (even with jupyterlab-myst) cannot evaluate myst-nb's
   ``{glue:text}`name:fmt``` role, so a reader saw the placeholder. Each such role becomes the
   formatted number as literal text followed by an invisible marker naming the glued value and
   its format, ``2.585<!--glue:h_fair_die:.3f-->``. Sphinx writes the comment into the page
   as raw HTML, which browsers hide; JupyterLab and jupyterlab-myst hide it too. Markers that
   are already there get their number refreshed from the notebook's stored outputs, so after
   a re-execution the prose follows the code. The number is formatted exactly as myst-nb's
   role formats it (``myst_nb.core.variables.format_plain_text``). The marker follows the
   number, never precedes it: an HTML comment at the start of a line would open an HTML block
   and swallow the line.
2. **Citations.** jupyterlab-myst has no bibliography, so ``{cite}`key``` showed the bare key
   with a warning mark. Each becomes the label the website shows, made with
   sphinxcontrib-bibtex's own author-year template, followed by an invisible marker naming the
   keys: ``[Cover and Thomas, 2006]<!--cite:cover2006-->``. The website turns the pair back into
   the citation (``book/_ext/notebook_citations.py``, which also defines the stored form), so
   there it still links to the references page; ``tests/test_site.py`` checks that both show
   the same words. Other citation roles (``{cite:t}`` ...) are an error: they have no stored
   form.
3. **Hidden stays hidden.** Every cell after ``{solution-start}``, up to and including
   ``{solution-end}``, gets JupyterLab's ``jupyter.source_hidden`` and
   ``jupyter.outputs_hidden`` metadata, so JupyterLab shows it collapsed (a click opens it), as
   the website shows a closed dropdown; a cell tagged ``hide-input`` (``hide-output``) gets the
   first (the second), as the website hides its source (outputs) behind a button. myst-nb
   ignores that metadata; no other cell keeps it. A collapsed cell shows the first line of its
   source, so each markdown cell in a solution starts with a blank line (a blank first line
   changes nothing in either renderer) and each code cell with the comment ``# Solution``: raw
   markup, or the start of the answer, would show otherwise.
4. **What a downloaded notebook needs.** The title cell gets one line saying the notebook
   needs infolib and how to get it, and the first code cell starts with a guard that stops
   with that same line when infolib is missing: an exception with IPython's
   ``_render_traceback_`` hook, so Jupyter shows the line alone, not a traceback (SystemExit
   would add IPython's "To exit: use 'exit'" warning).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from myst_nb.core.variables import format_plain_text
from pybtex.database import BibliographyData, parse_file
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import join, year

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book" / "_ext"))
import notebook_citations as citations  # the website's side of the stored form

ROOT = Path(__file__).resolve().parents[1]
BIBLIOGRAPHY = ROOT / "book" / "references.bib"
RECORD = "application/papermill.record/text/plain"

NEEDS_INFOLIB = (
    "This notebook needs the course's infolib package: open it on Binder (rocket menu on the"
    " course website), or from the repository root run"
    " `python3 -m venv .venv-read && .venv-read/bin/pip install -r binder/requirements.txt"
    " jupyterlab` (README, Run locally)."
)
SETUP_MARK = "<!--reader-setup-->"
SETUP_LINE = f"*{NEEDS_INFOLIB}*{SETUP_MARK}"
GUARD_HEAD = "try:  # reader-setup: stop with a clear message when infolib is missing"
GUARD = (
    f"{GUARD_HEAD}\n"
    "    import infolib  # noqa: F401\n"
    "except ModuleNotFoundError:\n"
    "    class NeedsInfolib(Exception):  # IPython shows _render_traceback_, not a traceback\n"
    "        def _render_traceback_(self):\n"
    "            return [str(self)]\n"
    "\n"
    f"    raise NeedsInfolib({NEEDS_INFOLIB!r}) from None  # noqa: E501\n"
)

GLUE_ROLE = re.compile(r"\{glue:text\}`([^`]+)`")
MARKER = re.compile(r"<!--glue:([^>]*?)-->")
# What format_plain_text can make of a number, e.g. -1,234.5, 1.00e-22, 40%, nan, inf: used to
# find a marked number that no longer equals its stored value (an author re-ran cells by hand).
NUMBER = re.compile(r"[-+]?(?:nan|inf|[0-9][0-9,_]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?%?)$")


# Any citation role; only {cite} and {cite:p} (the same, parenthetical) have a stored form.
CITE_ROLE = re.compile(r"\{cite(?::(\w+))?\}`([^`]+)`")
HIDDEN = {"source_hidden": True, "outputs_hidden": True}
# The first line of a collapsed solution code cell: JupyterLab shows it on the collapsed bar,
# so it must not be the start of the answer.
SOLUTION_CODE = "# Solution"
# The website's citation style (bibtex_reference_style: author_year in _config.yml): its own
# template for one reference's label, and its brackets and separator for a whole citation.
STYLE = AuthorYearReferenceStyle()
LABEL = join(sep=STYLE.author_year_sep)[STYLE.person.author_or_editor_or_title(full=False), year]
BRACKET = STYLE.bracket_parenthetical


def citation_label(keys: str, bibliography: BibliographyData, where: str) -> str:
    """The words the website shows for ``{cite}`keys```, brackets included.

    Made with sphinxcontrib-bibtex's own author-year template, so the label is the website's
    whatever the entry holds (a "von" part, editors instead of authors, no year).

    Examples
    --------
    >>> from pybtex.database import parse_string
    >>> bib = parse_string(
    ...     "@book{a, author={Cover, T. and Thomas, J.}, year={2006}, title={E}}"
    ...     "@book{b, author={Hinton, G. and Vinyals, O. and Dean, J.}, year={2015}, title={D}}",
    ...     "bibtex",
    ... )
    >>> citation_label("a,b", bib, "here")
    '[Cover and Thomas, 2006, Hinton et al., 2015]'
    """
    labels = []
    for key in (k.strip() for k in keys.split(",")):
        if key not in bibliography.entries:
            raise SystemExit(f"{where}: cites {key!r}, which book/references.bib does not hold")
        entry = bibliography.entries[key]
        labels.append(LABEL.format_data({"entry": entry, "style": STYLE}).render_as("text"))
    return BRACKET.left + BRACKET.sep.join(labels) + BRACKET.right


def rewrite_citations(source: str, bibliography: BibliographyData, where: str) -> str:
    """Every ``{cite}`` role, and every citation written before, as label and marker."""

    def stored(m: re.Match) -> str:
        role, keys = m.group(1), m.group(2)
        if role not in (None, "p"):
            raise SystemExit(
                f"{where}: {{cite:{role}}} has no form JupyterLab can show; write {{cite}}`{keys}`"
                " (the website's bracketed author-year citation) and name authors in the prose"
            )
        return citation_label(keys, bibliography, where) + f"<!--cite:{keys}-->"

    return CITE_ROLE.sub(stored, citations.markers_to_roles(source, where))


def gate(cell: nbformat.NotebookNode, where: str) -> str | None:
    """``"start"`` or ``"end"`` for a cell holding a gated solution directive, else None.

    A gated directive must be alone in its markdown cell: the cells between two gates are the
    solution, and a cell that held a gate and answer text could not be collapsed as one.
    """
    if cell.cell_type != "markdown":
        return None
    text = cell.source.strip()
    found = re.findall(r"\{solution-(start|end)\}", text)
    if not found:
        return None
    if len(found) > 1 or not re.fullmatch(
        r"(`{3,}|:{3,})\{solution-(start|end)\}[^\n]*(\n:[\w-]+:[^\n]*)*\n\1", text
    ):
        raise SystemExit(f"{where}: a solution-start or solution-end must be alone in its cell")
    return found[0]


def hide(cell: nbformat.NotebookNode, source: bool, outputs: bool) -> None:
    """Set JupyterLab's collapsed flags of one cell, keeping its other ``jupyter`` metadata."""
    flags = cell.metadata.get("jupyter", {})
    for key, on in (("source_hidden", source), ("outputs_hidden", outputs)):
        if on:
            flags[key] = True
        else:
            flags.pop(key, None)
    if flags:
        cell.metadata["jupyter"] = flags
    else:
        cell.metadata.pop("jupyter", None)


def hide_solutions(nb: nbformat.NotebookNode, where: str) -> None:
    """Collapse in JupyterLab what the website hides, and nothing else.

    Every cell after a solution-start, up to and including its solution-end, is collapsed,
    source and outputs; a cell tagged ``hide-input`` (``hide-output``) has its source (its
    outputs) collapsed, as the website shows them behind a "Show code cell" button.
    """
    inside = False
    for i, cell in enumerate(nb.cells):
        here = f"{where}, cell {i}"
        kind = gate(cell, here)
        if kind == "end" and not inside:
            raise SystemExit(f"{here}: solution-end without solution-start")
        if inside:
            hide(cell, True, True)
            if cell.cell_type == "markdown" and not cell.source.startswith("\n"):
                cell.source = "\n" + cell.source
            if cell.cell_type == "code" and cell.source.split("\n")[0] != SOLUTION_CODE:
                cell.source = f"{SOLUTION_CODE}\n{cell.source}"
        else:
            tags = cell.metadata.get("tags", [])
            hide(cell, "hide-input" in tags, "hide-output" in tags)
        if kind == "end":
            inside = False
        if kind == "start":
            if inside:
                raise SystemExit(f"{here}: solution-start inside another solution")
            inside = True
    if inside:
        raise SystemExit(f"{where}: a solution-start has no solution-end")


def marker(key: str) -> str:
    """The invisible marker that follows a glued value in markdown."""
    return f"<!--glue:{key}-->"


def glued_values(nb: nbformat.NotebookNode) -> dict[str, str]:
    """Every value the notebook's outputs glue, as the stored ``text/plain`` record."""
    values: dict[str, str] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name is not None and RECORD in out.get("data", {}):
                values[name] = out["data"][RECORD]
    return values


def shown(key: str, values: dict[str, str], where: str) -> str:
    """The text myst-nb's ``{glue:text}`key``` shows, for ``key`` = ``name`` or ``name:fmt``."""
    name, _, fmt = key.partition(":")
    if name not in values:
        raise SystemExit(
            f"{where}: the prose shows glued value {name!r}, but no executed cell glues it;"
            " run tools/execute_notebooks.py on this notebook first"
        )
    return format_plain_text(values[name], fmt)


def to_glue_roles(source: str, values: dict[str, str], where: str) -> str:
    """Turn every marked literal back into its ``{glue:text}`` role.

    The literal before a marker is the value formatted from ``values`` (the outputs it was
    written from), or failing that a number.
    """
    parts, pos = [], 0
    for m in MARKER.finditer(source):
        before = source[pos : m.start()]
        expected = shown(m.group(1), values, where) if m.group(1).split(":")[0] in values else None
        if expected and before.endswith(expected):
            literal = expected
        elif found := NUMBER.search(before):
            literal = found.group(0)
        else:
            raise SystemExit(
                f"{where}: no value before {m.group(0)}; write {{glue:text}}`{m.group(1)}` there"
            )
        parts += [before[: len(before) - len(literal)], f"{{glue:text}}`{m.group(1)}`"]
        pos = m.end()
    parts.append(source[pos:])
    return "".join(parts)


def rewrite_markdown(source: str, values: dict[str, str], where: str) -> str:
    """Write every glue role, old or new, as its current literal followed by its marker."""
    source = to_glue_roles(source, values, where)
    return GLUE_ROLE.sub(lambda m: shown(m.group(1), values, where) + marker(m.group(1)), source)


def markdown_to_roles(nb: nbformat.NotebookNode, where: str) -> None:
    """Before re-executing: literals back to roles, read against the outputs still stored."""
    values = glued_values(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            cell.source = to_glue_roles(cell.source, values, f"{where}, cell {i}")


def add_setup(nb: nbformat.NotebookNode) -> None:
    """The one line under the title, and the guard at the top of the first code cell."""
    title = nb.cells[0]
    lines = [line for line in title.source.split("\n") if SETUP_MARK not in line]
    if not lines[0].startswith("# "):
        raise SystemExit("the first cell must start with the chapter title")
    # The title, a blank line, the setup line, then the rest (its own blank line kept).
    rest = lines[1:]
    while rest and rest[0] == "":
        rest.pop(0)
    title.source = "\n".join([lines[0], "", SETUP_LINE, "", *rest])

    code = next(c for c in nb.cells if c.cell_type == "code")
    body = code.source
    if body.startswith(GUARD_HEAD):
        # Drop the old guard, up to its raise line, whatever its message said then.
        lines = body.split("\n")
        end = next(i for i, line in enumerate(lines) if line.startswith("    raise "))
        body = "\n".join(lines[end + 1 :])
    code.source = GUARD + body


def rewrite(path: Path) -> bool:
    """Rewrite one notebook in place; return whether anything changed."""
    nb = nbformat.read(path, as_version=4)
    before = nbformat.writes(nb)
    apply(nb, path.name)
    after = nbformat.writes(nb)
    if after != before:
        nbformat.write(nb, path)
    return after != before


def apply(nb: nbformat.NotebookNode, where: str) -> None:
    """Rewrite one loaded notebook (its outputs must be current)."""
    values = glued_values(nb)
    bibliography = parse_file(BIBLIOGRAPHY)
    add_setup(nb)
    hide_solutions(nb, where)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            here = f"{where}, cell {i}"
            source = rewrite_markdown(cell.source, values, here)
            cell.source = rewrite_citations(source, bibliography, here)


def is_chapter(path: Path) -> bool:
    return re.match(r"[0-9][0-9]_", path.name) is not None


def chapters() -> list[Path]:
    return sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))


def main(args: list[str]) -> None:
    paths = [Path(a).resolve() for a in args] or chapters()
    for path in paths:
        if is_chapter(path):
            changed = rewrite(path)
            print(f"{'rewrote' if changed else 'unchanged'} {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
