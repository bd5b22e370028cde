"""The course's checklist, checked on every chapter notebook (COURSE.md, "Every chapter has").

nbval (run by the same suite) checks that each notebook re-executes to its stored outputs;
these tests check how the notebooks are written and stored.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import in_solutions
from myst_nb.core.variables import format_plain_text
from notebook_citations import CITED
from pybtex.database import parse_file
from reader_markup import rewrite_citations

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
CHAPTERS = sorted(BOOK.glob("[0-9][0-9]_*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
GLUE_RECORD = "application/papermill.record/text/plain"


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", [toc]):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files.extend(section["file"] for section in chapter.get("sections", []))
    return files


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(params=CHAPTERS, ids=[p.stem for p in CHAPTERS])
def chapter(request):
    return request.param, nbformat.read(request.param, as_version=4)


def test_there_are_chapters():
    assert CHAPTERS, "no chapter notebooks found under book/"


def test_every_chapter_is_in_the_table_of_contents_and_exists():
    listed = toc_files()
    for path in CHAPTERS:
        assert f"book/{path.stem}" in listed, f"{path.name} is missing from _toc.yml"
    for entry in listed:
        candidates = [ROOT / f"{entry}{ext}" for ext in (".ipynb", ".md")]
        assert any(c.exists() for c in candidates), f"_toc.yml lists {entry}, which is missing"


def test_stored_executed_in_order_without_errors_or_warnings(chapter):
    path, nb = chapter
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: not run top to bottom"
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{path.name}: stored error output"
            assert out.get("name") != "stderr", (
                f"{path.name}: stderr output (a warning reaches the reader): {out.text[:200]}"
            )


def test_opens_with_objectives_and_ends_with_summary_and_next(chapter):
    path, nb = chapter
    first = nb.cells[0].source
    assert first.startswith("# "), f"{path.name}: the first cell must be the title"
    assert "In this chapter you will" in first, f"{path.name}: learning objectives missing"
    text = markdown(nb)
    assert "\n## Summary" in text or text.startswith("## Summary"), f"{path.name}: no summary"
    assert "**Where next:**" in text, f"{path.name}: no 'Where next' pointer"


def test_has_exercises_with_hidden_solutions(chapter):
    path, nb = chapter
    text = markdown(nb)
    exercises = re.findall(r"```\{exercise\}\n:label: (\S+)", text)
    assert len(exercises) >= 3, f"{path.name}: needs at least 3 exercises"
    for label in exercises:
        pattern = r"```\{solution-start\} " + re.escape(label) + r"\n:class: dropdown"
        assert re.search(pattern, text), f"{path.name}: exercise {label} lacks a hidden solution"
    assert text.count("{solution-start}") == text.count("{solution-end}")


def test_figures_have_alt_text_and_captions(chapter):
    path, nb = chapter
    figures = [
        c
        for c in nb.cells
        if c.cell_type == "code"
        and any("image/png" in o.get("data", {}) for o in c.get("outputs", []))
    ]
    assert figures, f"{path.name}: no figure"
    for cell in figures:
        meta = cell.metadata.get("mystnb", {})
        alt = meta.get("image", {}).get("alt", "")
        assert len(alt) > 40, f"{path.name}: a figure lacks meaningful alt text: {cell.source[:80]}"
        assert meta.get("figure", {}).get("caption"), f"{path.name}: a figure lacks a caption"


def test_has_an_explorer_with_saved_state(chapter):
    path, nb = chapter
    views = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if WIDGET_VIEW in o.get("data", {})
    ]
    assert views, f"{path.name}: no explorer widget is displayed"
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for view in views:
        model_id = view["data"][WIDGET_VIEW]["model_id"]
        assert model_id in state, f"{path.name}: widget state not saved; run dev.py execute"


def test_saved_widget_state_stays_small(chapter):
    path, nb = chapter
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    size = len(str(state))
    assert size < 400_000, f"{path.name}: saved widget state is {size} bytes"


# A computed value in the prose: its literal text, then an invisible marker naming the glued
# value and format (tools/reader_markup.py writes them from the notebook's outputs).
MARKED = re.compile(r"<!--glue:([^>]*?)-->")


def glued_values(nb) -> dict[str, str]:
    return {
        out["metadata"]["scrapbook"]["name"]: out["data"][GLUE_RECORD]
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if "scrapbook" in out.get("metadata", {}) and GLUE_RECORD in out.get("data", {})
    }


def test_every_value_in_the_prose_is_the_glued_value_formatted(chapter):
    path, nb = chapter
    values = glued_values(nb)
    text = markdown(nb)
    assert "{glue:text}" not in text, f"{path.name}: run tools/reader_markup.py"
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for match in MARKED.finditer(cell.source):
            name, _, fmt = match.group(1).partition(":")
            assert name in values, f"{path.name}: {name!r} is shown but never glued"
            expected = format_plain_text(values[name], fmt)
            before = cell.source[: match.start()]
            assert expected and before.endswith(expected), (
                f"{path.name}: {before[-20:] + match.group(0)!r} should show {expected!r};"
                " run tools/reader_markup.py"
            )


def test_says_it_needs_infolib_and_stops_clearly_without_it(chapter):
    path, nb = chapter
    first_lines = nb.cells[0].source.split("\n")[:3]
    assert any("needs the course's infolib package" in line for line in first_lines), (
        f"{path.name}: no line under the title saying how to get infolib"
    )
    code = next(c for c in nb.cells if c.cell_type == "code").source
    assert code.startswith("try:") and code.split("\n")[2] == "except ModuleNotFoundError:", (
        f"{path.name}: the first code cell must start with the infolib guard"
    )


def strip_non_prose(text: str) -> str:
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # code and directive headers
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    text = re.sub(r"\$[^$]*\$", "", text)
    text = re.sub(r"`[^`]*`", "", text)  # inline code and roles such as {glue:text}
    text = re.sub(r"\S*<!--glue:[^>]*-->", "", text)  # computed values (tools/reader_markup.py)
    return text


def test_no_hand_typed_decimal_numbers_in_prose(chapter):
    path, nb = chapter
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        prose = strip_non_prose(cell.source)
        typed = re.findall(r"(?<![\w.])\d+\.\d{2,}\b", prose)
        assert not typed, (
            f"{path.name}: numbers typed into prose {typed}; glue them from a cell instead"
        )


FORBIDDEN_CODE = {
    r"\bnansum\b": "nansum hides NaNs instead of fixing them",
    r"np\.clip\(": "clipping probabilities changes the answer silently",
    r"\+\s*1e-\d+": "epsilon smoothing changes the answer silently",
    r"np\.random\.(seed|rand|randn|randint|choice)\(": "use np.random.default_rng(seed)",
    r"warnings\.(filterwarnings|simplefilter)": "do not hide warnings from readers",
}


def test_code_avoids_hacks_that_hide_errors(chapter):
    path, nb = chapter
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for pattern, why in FORBIDDEN_CODE.items():
            assert not re.search(pattern, cell.source), f"{path.name}: {why}: {cell.source[:120]}"


def test_randomness_is_seeded(chapter):
    path, nb = chapter
    for cell in nb.cells:
        if cell.cell_type == "code" and "default_rng(" in cell.source:
            assert re.search(r"default_rng\(\s*\d+", cell.source), (
                f"{path.name}: default_rng needs a fixed seed: {cell.source[:120]}"
            )


# A citation as the notebook stores it: the label the website shows, then an invisible marker
# naming the keys (tools/reader_markup.py writes it; book/_ext/notebook_citations.py, which
# defines it, turns it back into {cite} for the website; tests/test_site.py checks the label
# against the page).
LABEL = re.compile(r"^:label: (\S+)|^\((\S+)\)=\s*$|\$\$ \((\S+)\)$|^:name: (\S+)", re.M)


def bib_keys() -> set[str]:
    return set(re.findall(r"^@\w+\{([^,]+),", (BOOK / "references.bib").read_text(), re.M))


def test_citations_read_as_labels_with_known_keys(chapter):
    path, nb = chapter
    keys = bib_keys()
    text = markdown(nb)
    assert not re.search(r"\{cite(:\w+)?\}`", text), f"{path.name}: run tools/reader_markup.py"
    cited = CITED.findall(text)
    assert len(cited) == text.count("<!--cite:"), (
        f"{path.name}: a citation marker without its [label] in front of it"
    )
    for label, names in cited:
        unknown = {k.strip() for k in names.split(",")} - keys
        assert not unknown, f"{path.name}: cites {sorted(unknown)}, not in references.bib"
        assert re.fullmatch(r"[^\d\[\]]+, \d{4}(, [^\d\[\]]+, \d{4})*", label), (
            f"{path.name}: citation label {label!r} is not 'Author, year'"
        )
    # Current with references.bib (a stale label would otherwise wait for a site build).
    bibliography = parse_file(BOOK / "references.bib")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            current = rewrite_citations(cell.source, bibliography, f"{path.name}, cell {i}")
            assert current == cell.source, f"{path.name}, cell {i}: run tools/reader_markup.py"


def test_links_to_other_pages_work_in_jupyterlab_too(chapter):
    """JupyterLab shows a {doc} role as its target's file name, and a {ref} to a label in
    another notebook as the bare label; a markdown link to the file, and a {ref} with its own
    words, read (and on the website link) the same in both."""
    path, nb = chapter
    text = markdown(nb)
    assert "{doc}`" not in text, f"{path.name}: link pages as [words](03_entropy.ipynb)"
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if "://" in target or target.startswith("#"):
            continue
        assert (BOOK / target.split("#")[0]).is_file(), f"{path.name}: no page {target}"
    own = {next(g for g in m if g) for m in LABEL.findall(text)}
    for role, target in re.findall(r"\{(ref|numref|eq)\}`([^`<]+)`", text):
        assert target in own, (
            f"{path.name}: {{{role}}}`{target}` points into another page; give it words:"
            f" {{{role}}}`words <{target}>`"
        )


def test_jupyterlab_collapses_what_the_website_hides(chapter):
    """Every cell after a solution-start, up to its solution-end, is collapsed in JupyterLab
    (as the website's dropdown is closed), a hide-input cell's source and a hide-output cell's
    outputs too, and nothing else. JupyterLab shows a collapsed cell's first line, so a
    collapsed markdown cell starts with a blank line and a collapsed code cell with a comment
    that gives nothing away."""
    path, nb = chapter
    inside = in_solutions(nb)
    assert any(inside), f"{path.name}: no solution cells"
    for i, (cell, solution) in enumerate(zip(nb.cells, inside, strict=True)):
        tags = cell.metadata.get("tags", [])
        flags = cell.metadata.get("jupyter", {})
        shown = {k: flags.get(k) is True for k in ("source_hidden", "outputs_hidden")}
        expected = {
            "source_hidden": solution or "hide-input" in tags,
            "outputs_hidden": solution or "hide-output" in tags,
        }
        where = f"{path.name}, cell {i}: run tools/reader_markup.py"
        assert shown == expected, f"{where}: collapsed {shown}, should be {expected}"
        if solution and cell.cell_type == "markdown":
            assert cell.source.startswith("\n"), f"{where}: collapsed, it shows its markup"
        if solution and cell.cell_type == "code":
            assert cell.source.split("\n")[0] == "# Solution", f"{where}: its first line shows"
