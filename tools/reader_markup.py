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
   with a warning mark. Each becomes the label the website shows, in the same words
   (``author_year`` style: one or two surnames, or the first and "et al."; the year), followed by
   an invisible marker naming the keys: ``[Cover and Thomas, 2006]<!--cite:cover2006-->``. The
   website turns the pair back into the citation (``book/_ext/notebook_citations.py``), so there it
   still links to the references page; ``tests/test_site.py`` checks that both show the same
   words.
3. **Solutions stay hidden.** Every cell after ``{solution-start}``, up to and including
   ``{solution-end}``, gets JupyterLab's ``jupyter.source_hidden`` and
   ``jupyter.outputs_hidden`` metadata, so JupyterLab shows it collapsed (a click opens it),
   as the website shows a closed dropdown; myst-nb ignores that metadata. Cells outside a
   solution lose it. A collapsed cell shows the first line of its source, so each markdown
   cell in a solution starts with a blank line: raw markup, or the start of the answer, would
   show otherwise (a blank first line changes nothing in either renderer).
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
from pybtex.richtext import Text

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


CITE_ROLE = re.compile(r"\{cite(?::p)?\}`([^`]+)`")
# A citation as both renderers read it: the website's label, then the keys (the site extension
# book/_ext/notebook_citations.py reads the same form).
CITED = re.compile(r"\[([^\[\]]*)\]<!--cite:([^>]*?)-->")
SOLUTION_START = re.compile(r"^(`{3,}|:{3,})\{solution-start\}", re.M)
SOLUTION_END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}", re.M)
HIDDEN = {"source_hidden": True, "outputs_hidden": True}


def citation_label(keys: str, bibliography: BibliographyData, where: str) -> str:
    """The words the website shows for ``{cite}`keys```, brackets included.

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
        surnames = [
            Text.from_latex(" ".join(person.last_names)).render_as("text")
            for person in entry.persons["author"]
        ]
        if len(surnames) > 2:
            who = f"{surnames[0]} et al."
        else:
            who = " and ".join(surnames)
        labels.append(f"{who}, {entry.fields['year']}")
    return "[" + ", ".join(labels) + "]"


def rewrite_citations(source: str, bibliography: BibliographyData, where: str) -> str:
    """Every ``{cite}`` role, and every citation written before, as label and marker."""
    source = CITED.sub(lambda m: f"{{cite}}`{m.group(2)}`", source)
    return CITE_ROLE.sub(
        lambda m: citation_label(m.group(1), bibliography, where) + f"<!--cite:{m.group(1)}-->",
        source,
    )


def hide_solutions(nb: nbformat.NotebookNode, where: str) -> None:
    """Collapse every cell inside a gated solution in JupyterLab; uncollapse all others."""
    inside = False
    for i, cell in enumerate(nb.cells):
        text = cell.source if cell.cell_type == "markdown" else ""
        ends = SOLUTION_END.search(text) is not None
        if ends and not inside:
            raise SystemExit(f"{where}, cell {i}: solution-end without solution-start")
        flags = cell.metadata.get("jupyter", {})
        for key in HIDDEN:
            flags.pop(key, None)
        if inside:
            flags.update(HIDDEN)
            if cell.cell_type == "markdown" and not cell.source.startswith("\n"):
                cell.source = "\n" + cell.source
        if ends:
            inside = False
        if flags:
            cell.metadata["jupyter"] = flags
        else:
            cell.metadata.pop("jupyter", None)
        if SOLUTION_START.search(text):
            if inside:
                raise SystemExit(f"{where}, cell {i}: solution-start inside another solution")
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


def to_roles(source: str, values: dict[str, str], where: str) -> str:
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
    source = to_roles(source, values, where)
    return GLUE_ROLE.sub(lambda m: shown(m.group(1), values, where) + marker(m.group(1)), source)


def markdown_to_roles(nb: nbformat.NotebookNode, where: str) -> None:
    """Before re-executing: literals back to roles, read against the outputs still stored."""
    values = glued_values(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            cell.source = to_roles(cell.source, values, f"{where}, cell {i}")


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
