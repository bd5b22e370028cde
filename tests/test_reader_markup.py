"""tools/reader_markup.py and book/_ext/notebook_citations.py: what JupyterLab readers see.

The chapters' own state is checked in tests/test_chapters.py and, against the built pages, in
tests/test_site.py; these tests pin the rewriting rules on small made-up notebooks.
"""

from __future__ import annotations

import doctest
import json
from types import SimpleNamespace

import nbformat
import notebook_citations  # tests/conftest.py puts tools/ and book/_ext on the path
import pytest
import reader_markup
from pybtex.database import parse_string
from sphinx.errors import ExtensionError

BIB = parse_string(
    "@book{one, author={Shannon, Claude E.}, year={1948}, title={T}}"
    "@book{two, author={Kullback, S. and Leibler, R. A.}, year={1951}, title={T}}"
    "@book{many, author={Guo, C. and Pleiss, G. and Sun, Y.}, year={2017}, title={T}}"
    "@book{accent, author={Br{\\'e}hier, L.}, year={1953}, title={T}}"
    "@book{von, author={von Neumann, J. and Morgenstern, O.}, year={1944}, title={T}}"
    "@book{edited, editor={Quastler, H.}, year={1955}, title={T}}"
    "@misc{undated, author={Someone, A.}, title={T}}",
    "bibtex",
)


def test_docstring_examples() -> None:
    assert doctest.testmod(reader_markup, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


@pytest.mark.parametrize(
    ("keys", "label"),
    [
        ("one", "[Shannon, 1948]"),
        ("two", "[Kullback and Leibler, 1951]"),
        ("many", "[Guo et al., 2017]"),
        ("accent", "[Bréhier, 1953]"),
        ("one, two", "[Shannon, 1948, Kullback and Leibler, 1951]"),
        # What sphinxcontrib-bibtex's author_year style shows for these (its own template).
        ("von", "[von Neumann and Morgenstern, 1944]"),
        ("edited", "[Quastler, 1955]"),
        ("undated", "[Someone, n.d.]"),
    ],
)
def test_citation_label_in_the_websites_words(keys: str, label: str) -> None:
    assert reader_markup.citation_label(keys, BIB, "here") == label


def test_an_unknown_key_is_an_error_naming_it() -> None:
    with pytest.raises(SystemExit, match=r"cites 'nobody', which book/references\.bib"):
        reader_markup.citation_label("one,nobody", BIB, "ch, cell 3")


def test_citations_round_trip_through_the_website_extension() -> None:
    source = "as {cite}`one` and {cite}`one,two` show"
    stored = reader_markup.rewrite_citations(source, BIB, "here")
    assert stored == (
        "as [Shannon, 1948]<!--cite:one--> and"
        " [Shannon, 1948, Kullback and Leibler, 1951]<!--cite:one,two--> show"
    )
    assert reader_markup.rewrite_citations(stored, BIB, "here") == stored  # idempotent
    assert (
        notebook_citations.markers_to_roles(stored, "here")
        == "as {cite}`one` and {cite}`one,two` show"
    )


def test_cite_p_is_cite_and_other_cite_roles_are_refused() -> None:
    assert reader_markup.rewrite_citations("{cite:p}`one`", BIB, "here") == (
        "[Shannon, 1948]<!--cite:one-->"
    )
    with pytest.raises(SystemExit, match=r"\{cite:t\} has no form JupyterLab can show"):
        reader_markup.rewrite_citations("as {cite:t}`one` showed", BIB, "ch, cell 4")


def test_a_stale_label_is_rewritten_from_the_bibliography() -> None:
    stored = reader_markup.rewrite_citations("[Shanon, 1984]<!--cite:one-->", BIB, "here")
    assert stored == "[Shannon, 1948]<!--cite:one-->"


def test_a_marker_without_its_label_stops_the_website_build() -> None:
    with pytest.raises(ExtensionError, match="must follow its label in brackets"):
        notebook_citations.markers_to_roles("as Shannon<!--cite:one--> showed", "ch, cell 2")


def test_the_website_extension_rewrites_notebooks_only() -> None:
    nb = {"cells": [{"cell_type": "markdown", "source": ["a [Shannon, 1948]", "<!--cite:one-->"]}]}
    paths = {"ch": "book/ch.ipynb", "page": "book/page.md"}
    app = SimpleNamespace(env=SimpleNamespace(doc2path=paths.__getitem__))
    source = [json.dumps(nb)]
    notebook_citations.restore_citations(app, "ch", source)
    assert json.loads(source[0])["cells"][0]["source"] == "a {cite}`one`"
    page = ["see [Shannon, 1948]<!--cite:one-->"]
    notebook_citations.restore_citations(app, "page", page)
    assert page == ["see [Shannon, 1948]<!--cite:one-->"]


def notebook(*cells: tuple[str, str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for kind, source in cells:
        make = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        nb.cells.append(make(source))
    return nb


HIDDEN = {"source_hidden": True, "outputs_hidden": True}


def test_solution_cells_collapse_and_others_open() -> None:
    nb = notebook(
        ("md", "```{exercise}\n:label: e\nDo it.\n```"),
        ("md", "```{solution-start} e\n:class: dropdown\n```"),
        ("code", "answer = 42"),
        ("md", "Because {eq}`x`."),
        ("md", "```{solution-end}\n```"),
        ("md", "After."),
        ("code", "figure()"),
        ("code", "print(1)"),
    )
    nb.cells[5].metadata["jupyter"] = dict(HIDDEN)  # was inside a solution once
    nb.cells[6].metadata["tags"] = ["hide-input"]
    nb.cells[7].metadata["tags"] = ["hide-output"]
    reader_markup.hide_solutions(nb, "here")
    hidden = [c.metadata.get("jupyter") for c in nb.cells]
    assert hidden[:6] == [None, None, HIDDEN, HIDDEN, HIDDEN, None]
    assert hidden[6:] == [{"source_hidden": True}, {"outputs_hidden": True}]
    # JupyterLab shows a collapsed cell's first line: blank, or a comment giving nothing away.
    assert nb.cells[2].source == "# Solution\nanswer = 42"
    assert nb.cells[3].source == "\nBecause {eq}`x`."
    assert nb.cells[4].source.startswith("\n```{solution-end}")
    before = nbformat.writes(nb)
    reader_markup.hide_solutions(nb, "here")
    assert nbformat.writes(nb) == before  # idempotent


def test_other_jupyter_metadata_is_kept() -> None:
    nb = notebook(("code", "x = 1"))
    nb.cells[0].metadata["jupyter"] = {"source_hidden": True, "other": 1}
    reader_markup.hide_solutions(nb, "here")
    assert nb.cells[0].metadata["jupyter"] == {"other": 1}


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ([("md", "```{solution-end}\n```")], "solution-end without solution-start"),
        (
            [("md", "```{solution-start} e\n```\nThe answer.\n```{solution-end}\n```")],
            "must be alone in its cell",
        ),
        ([("md", "Text first.\n```{solution-start} e\n```")], "must be alone in its cell"),
        ([("md", "```{solution-start} e\n```")], "has no solution-end"),
        (
            [("md", "```{solution-start} e\n```"), ("md", "```{solution-start} f\n```")],
            "solution-start inside another solution",
        ),
    ],
)
def test_unbalanced_solutions_are_an_error(cells, message: str) -> None:
    with pytest.raises(SystemExit, match=message):
        reader_markup.hide_solutions(notebook(*cells), "here")
