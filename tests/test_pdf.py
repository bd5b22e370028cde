"""The whole course as one PDF (tools/pdf.py, ``python3 dev.py pdf``), read back as a reader's
PDF viewer would.

``python3 dev.py test`` prints ``_build/pdf/course.pdf`` before pytest starts; the session
prints it again (about a minute, with Debian's Chromium) only if it is missing or stale. Then
pdfminer.six reads it: its text, the box of every glyph, its fonts, link
annotations, named destinations and outline. What is expected comes from the sources, not from
the PDF tool: chapter titles from ``_toc.yml`` and the first heading of each notebook or page,
equation numbers from the built site's pages.

Without Chromium these tests skip on a developer machine and fail in CI (CI=true).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

pytestmark = pytest.mark.browser

sys.path.insert(0, str(ROOT / "tools"))
import pdf as course_pdf  # noqa: E402

TOLERANCE_PT = 1.0  # glyph boxes may touch the margin by anti-aliasing, not cross it
MM = 72 / 25.4


@dataclass
class Pdf:
    path: Path
    pages: list[str]  # the text of each page, normalised
    overflows: list[str]  # glyphs outside the left or right margin: "page N: text"
    fonts: dict[str, bool]  # font name: embedded
    links: list[Any]  # internal link destinations (names or explicit arrays)
    unresolved: list[str]  # internal links that lead to no page of the document
    outline: list[tuple[int, str]]  # (level, title)


def normal(text: str) -> str:
    """Text as compared here: compatibility forms folded (the "fi" ligature is "fi"), spaces
    collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def first_heading(docname: str) -> str:
    """The first level-1 heading of a page's source, notebook or markdown."""
    source = ROOT / docname
    notebook = source.with_suffix(".ipynb")
    if notebook.is_file():
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    else:
        text = source.with_suffix(".md").read_text(encoding="utf-8")
    match = re.search(r"^# (.+)$", text, re.MULTILINE)
    assert match, f"{docname} has no level-1 heading"
    return match.group(1).strip()


def expected_titles() -> list[str]:
    """Every page's title in toc order; chapters of a numbered part carry their number."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    titles = [first_heading(str(toc["root"]))]
    number = 0
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            title = first_heading(str(chapter["file"]))
            if part.get("numbered"):
                number += 1
                title = f"{number}. {title}"
            titles.append(title)
    return titles


def read_pdf(path: Path) -> Pdf:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTContainer
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    margin = course_pdf.MARGIN_MM * MM
    texts, overflows = [], []
    for number, layout in enumerate(extract_pages(path, laparams=LAParams()), 1):
        texts.append(normal(layout_text(layout)))
        outside: list[str] = []

        def visit(item: Any, layout: Any = layout, outside: list[str] = outside) -> None:
            if isinstance(item, LTChar):
                # MathJax draws a stretchy brace or bar by repeating a private-use extender
                # glyph inside a box that clips the repeats; those hidden repeats are not text.
                if unicodedata.category(item.get_text()[:1] or " ") == "Co":
                    return
                # MathJax draws an accent bar (the bar of z-bar) as a dash glyph scaled
                # sideways; its nominal box is then wider than the page while the ink is a few
                # points wide. A glyph wider than the page cannot be ink that runs past a margin.
                if "MathJax" in item.fontname and item.width > layout.width:
                    return
                if (
                    item.x1 > layout.width - margin + TOLERANCE_PT
                    or item.x0 < margin - TOLERANCE_PT
                ):
                    outside.append(item.get_text())
            elif isinstance(item, LTContainer):
                for child in item:
                    visit(child)

        visit(layout)
        if outside:
            overflows.append(f"page {number}: {''.join(outside)[:80]!r}")

    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        pages = list(PDFPage.create_pages(document))
        page_ids = {page.pageid for page in pages}
        names = dict(course_pdf.named_destinations(document))
        fonts: dict[str, bool] = {}
        links: list[Any] = []
        unresolved: list[str] = []
        for number, page in enumerate(pages, 1):
            for font in resolve1(resolve1(page.resources).get("Font", {})).values():
                font = resolve1(font)
                name = str(getattr(font.get("BaseFont"), "name", font.get("BaseFont")))
                if (
                    font.get("Subtype") == PSLiteral("Type3")
                    or getattr(font.get("Subtype"), "name", "") == "Type3"
                ):
                    fonts[name] = True  # glyphs drawn by the PDF itself
                    continue
                if "DescendantFonts" in font:
                    font = resolve1(resolve1(font["DescendantFonts"])[0])
                descriptor = resolve1(font.get("FontDescriptor", {}))
                fonts[name] = any(
                    key in descriptor for key in ("FontFile", "FontFile2", "FontFile3")
                )
            for annotation in resolve1(page.annots) or []:
                annotation = resolve1(annotation)
                if getattr(annotation.get("Subtype"), "name", "") != "Link":
                    continue
                dest = annotation.get("Dest")
                action = resolve1(annotation.get("A", {}))
                if dest is None and getattr(action.get("S"), "name", "") == "GoTo":
                    dest = action.get("D")
                if dest is None:
                    continue  # a link to the website
                links.append(dest)
                dest = resolve1(dest)
                if isinstance(dest, (bytes, str, PSLiteral)):
                    key = dest.name if isinstance(dest, PSLiteral) else dest
                    key = key.decode("utf-8", "replace") if isinstance(key, bytes) else key
                    dest = resolve1(names.get(key))
                if isinstance(dest, dict):
                    dest = resolve1(dest.get("D"))
                if not (
                    isinstance(dest, list) and dest and getattr(dest[0], "objid", None) in page_ids
                ):
                    unresolved.append(f"page {number}: {annotation.get('Dest') or action}")
        outline = [(level, normal(str(title))) for level, title, *_ in document.get_outlines()]
    return Pdf(path, texts, overflows, fonts, links, unresolved, outline)


def layout_text(item: Any) -> str:
    from pdfminer.layout import LTContainer, LTText

    if isinstance(item, LTText):
        return item.get_text()
    if isinstance(item, LTContainer):
        return " ".join(layout_text(child) for child in item)
    return ""


@pytest.fixture(scope="session")
def course(browser, site) -> Pdf:
    """The PDF ``python3 dev.py test`` printed before the tests (``python3 dev.py pdf``), or
    printed here if it is missing or older than a page, the print stylesheet or the tool."""
    if site != course_pdf.SITE or not course_pdf.is_fresh():
        course_pdf.print_pdf(browser, site=site)
    return read_pdf(course_pdf.OUT)


def test_page_count_is_sane(course: Pdf) -> None:
    pages = course_pdf.toc_pages()
    # Title page, contents, and at least one sheet per page of the book; a runaway layout (a
    # figure per sheet, text one word wide) would take far more than 40 sheets per page.
    assert len(pages) + 2 <= len(course.pages) <= 40 * len(pages), len(course.pages)


def test_every_title_is_in_the_pdf_in_toc_order(course: Pdf) -> None:
    """Each page's title starts a sheet (its first text), in the order of _toc.yml."""
    # Searched in order, each after the previous one's sheet: a contents page or the intro's
    # list of chapters may also happen to start with a title.
    after = -1
    for title in expected_titles():
        found = [
            n for n, text in enumerate(course.pages) if n > after and text.startswith(normal(title))
        ]
        assert found, (
            f"no sheet of {course.path} after sheet {after} starts with the title {title!r}: "
            "missing, or out of toc order"
        )
        after = found[0]


def test_every_equation_number_is_in_the_pdf(course: Pdf, site: Path) -> None:
    numbers = []
    for page in course_pdf.toc_pages():
        html = BeautifulSoup((site / page.html).read_text(encoding="utf-8"), "html.parser")
        numbers += [
            re.sub(r"#$", "", span.get_text(strip=True)) for span in html.select("span.eqno")
        ]
    assert numbers, "the site has no numbered equation"
    text = " ".join(course.pages)
    missing = [n for n in numbers if n not in text]
    assert not missing, f"equation numbers missing from the PDF: {missing}"


def test_no_text_runs_past_the_margins(course: Pdf) -> None:
    assert not course.overflows, "text outside the page's margins:\n" + "\n".join(course.overflows)


def test_hidden_code_does_not_print_as_a_dead_control(course: Pdf) -> None:
    text = " ".join(course.pages)
    for control in ("Show code cell source", "Hide code cell source", "Click to show"):
        assert control not in text


def test_fonts_are_embedded(course: Pdf) -> None:
    assert course.fonts, "no font found in the PDF"
    missing = [name for name, embedded in course.fonts.items() if not embedded]
    assert not missing, f"fonts not embedded: {missing}"


def test_internal_links_lead_to_pages_of_the_document(course: Pdf) -> None:
    # At least the contents page links every chapter and every section.
    assert len(course.links) >= len(course_pdf.toc_pages()), len(course.links)
    assert not course.unresolved, "links to nowhere:\n" + "\n".join(course.unresolved[:20])


def test_outline_lists_every_title(course: Pdf) -> None:
    """Chromium writes the outline from the headings: every page's title, in toc order.
    Spaces are not compared: where a heading wraps, Chromium joins its lines without one."""
    shown = [title for level, title in course.outline if level == 1]
    top = iter("".join(title.split()) for title in shown)
    for title in expected_titles():
        wanted = "".join(normal(title).split())
        assert any(entry == wanted for entry in top), f"{title!r} missing or out of order: {shown}"
