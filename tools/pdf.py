"""The whole course as one PDF, printed by Debian's Chromium from the built website.

    python3 dev.py pdf        # builds the site, then _build/pdf/course.pdf
                              # (and a copy beside the site: _build/html/course.pdf)

How: the pages listed in ``_toc.yml`` (in that order, never a hard-coded list) are read from
``_build/html`` and assembled into one print document: a title page, a contents page, then
each page's article. Every ``id`` is prefixed with its page, so links between pages
(cross-references, equation and figure numbers, citations, glossary terms) become links inside
the PDF; links to anything not in the document point at the published website. "Show code
cell source" cells are left out (the hidden code stays hidden), the solutions of each chapter
are moved, open, to the end of that chapter, and each explorer says where to run it live.

The document is served beside the site (tools/site_server.py; it exists only in the browser,
at ``/course-print.html``) so it loads the site's own stylesheets (the math is already typeset
in the pages, book/_ext/prerender_math.py, and needs only its stylesheet and fonts)
and ``live-widgets.js``, which renders every explorer in its starting state from the widget
state the chapters saved. Before printing, a small script shrinks anything still wider than
the text column (a long display equation, a wide table) to fit, and the contents page gets
the page numbers read from a first print. The print stylesheet is
``book/_ext/static/print.css``. Chromium writes the PDF outline from the headings.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
OUT = ROOT / "_build" / "pdf" / "course.pdf"
PUBLISHED = SITE / "course.pdf"  # beside the site, where book/intro.md links to it
PRINT_CSS = ROOT / "book" / "_ext" / "static" / "print.css"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
DOCUMENT = "course-print.html"  # where the assembled document is served (root of the site)
PAGE_WIDTH_MM, MARGIN_MM = 210, 18  # A4; left and right margins
TIMEOUT_MS = 120_000

sys.path.insert(0, str(Path(__file__).resolve().parent))
import site_server  # noqa: E402


@dataclass(frozen=True)
class TocPage:
    """One page of the book as ``_toc.yml`` lists it."""

    docname: str  # "book/03_entropy"
    part: str  # the caption of its part ("" for the root page)

    @property
    def key(self) -> str:
        """The page's prefix for element ids in the print document."""
        return re.sub(r"[^A-Za-z0-9_-]", "-", self.docname)

    @property
    def html(self) -> str:
        return f"{self.docname}.html"


def toc_pages(toc_file: Path = ROOT / "_toc.yml") -> list[TocPage]:
    """Every page of ``_toc.yml`` in reading order: the root, then each part's chapters and
    their sections, depth first.

    Examples
    --------
    >>> pages = toc_pages()
    >>> pages[0].docname == yaml.safe_load((ROOT / "_toc.yml").read_text())["root"]
    True
    """
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    if not isinstance(toc, dict) or "root" not in toc:
        raise ValueError(f"{toc_file}: expected a jb-book table of contents with a 'root' entry")
    pages = [TocPage(str(toc["root"]), "")]

    def walk(entries: Sequence[dict[str, Any]], part: str) -> None:
        for entry in entries:
            if "file" in entry:
                pages.append(
                    TocPage(str(entry["file"]).removesuffix(".ipynb").removesuffix(".md"), part)
                )
            walk(entry.get("sections", []), part)

    for part in toc.get("parts", []):
        walk(part.get("chapters", []), str(part.get("caption", "")))
    walk(toc.get("chapters", []), "")
    return pages


def website_url(config_file: Path = ROOT / "_config.yml") -> str:
    """The published site's address, from ``repository.url`` in ``_config.yml`` (the one
    place the repository is named): GitHub Pages serves ``github.com/OWNER/NAME`` at
    ``https://OWNER.github.io/NAME/``.

    Examples
    --------
    >>> website_url().startswith("https://") and website_url().endswith("/")
    True
    """
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    url = str(config.get("repository", {}).get("url", ""))
    match = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+?)/?", url)
    if not match:
        raise ValueError(
            f"{config_file}: repository.url should be https://github.com/OWNER/NAME, got {url!r}"
        )
    owner, name = match.groups()
    return f"https://{owner.lower()}.github.io/{name}/"


def _rewrite_links(article: Tag, page: TocPage, keys: dict[str, str], website: str) -> None:
    """Prefix ids with the page key; point links at the document or at the website."""
    for element in article.find_all(id=True):
        element["id"] = f"{page.key}--{element['id']}"
    base = f"http://site/{page.html}"
    for attr, tag_name in (("href", "a"), ("src", "img")):
        for element in article.find_all(tag_name, attrs={attr: True}):
            value = str(element[attr])
            if re.match(r"^[a-z][a-z0-9+.-]*:", value) and not value.startswith("http://site/"):
                continue  # https:, mailto:, data: ...
            target = urlsplit(urljoin(base, value))
            path = target.path.lstrip("/")
            if tag_name == "img":
                element[attr] = path  # relative to the site root, where the document is served
                continue
            docname = path.removesuffix(".html")
            if docname in keys:
                element[attr] = (
                    f"#{keys[docname]}--{target.fragment}"
                    if target.fragment
                    else f"#{keys[docname]}"
                )
            else:
                element[attr] = website + path + (f"#{target.fragment}" if target.fragment else "")


def _collect_solutions(article: Tag, soup: BeautifulSoup, page: TocPage) -> None:
    """Move the chapter's solutions, open, to a section at its end; link each exercise to its
    solution and back."""
    solutions = article.select("div.solution")
    if not solutions:
        return
    section = soup.new_tag(
        "section", attrs={"class": "print-solutions", "id": f"{page.key}--print-solutions"}
    )
    heading = soup.new_tag("h2")
    heading.string = "Solutions"
    section.append(heading)
    for solution in solutions:
        classes = solution.get_attribute_list("class")
        solution["class"] = " ".join(c for c in classes if c and c not in {"dropdown", "toggle"})
        link = solution.select_one("p.admonition-title a[href]")
        if link is not None:
            exercise = article.find(id=str(link["href"]).lstrip("#"))
            if exercise is not None:
                note = soup.new_tag("p", attrs={"class": "print-solution-link"})
                to_solution = soup.new_tag("a", href=f"#{solution['id']}")
                to_solution.string = "Solution at the end of the chapter"
                note.append(to_solution)
                exercise.append(note)
        section.append(solution.extract())
    article.append(section)


def _assemble_page(
    html: str, page: TocPage, keys: dict[str, str], website: str
) -> tuple[Tag, dict, list[str]]:
    """One built page's article ready for print, its saved widget models, its stylesheets."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        raise ValueError(f"{page.html}: no <article class='bd-article'> in the built page")
    models: dict = {}
    for script in soup.select('script[type="application/vnd.jupyter.widget-state+json"]'):
        models.update(json.loads(script.string or "{}").get("state", {}))
    styles = [
        urlsplit(urljoin(f"http://site/{page.html}", str(link["href"]))).path.lstrip("/")
        for link in soup.select('link[rel="stylesheet"]')
    ]
    for junk in article.select("a.headerlink, details.hide.above-input, .cell.tag_remove-cell"):
        junk.decompose()
    for details in article.select("details.hide"):  # hide-output / hide-cell: print it open
        if details.summary:
            details.summary.decompose()
        details.unwrap()
    _collect_solutions(article, soup, page)
    _rewrite_links(article, page, keys, website)
    wrapper = soup.new_tag(
        "article",
        attrs={
            "class": "bd-article print-page",
            "id": page.key,
            "data-part": page.part,
            "data-live": website + page.html,
        },
    )
    wrapper.extend(list(article.contents))
    return wrapper, models, styles


def _heading_text(tag: Tag) -> str:
    tag = copy.copy(tag)
    for link in tag.select("a.headerlink"):
        link.decompose()
    return " ".join(tag.get_text(" ", strip=True).split())


def assemble(site: Path = SITE, pages: Sequence[TocPage] | None = None) -> str:
    """The print document: title page, contents, then every page of ``_toc.yml``."""
    pages = list(pages if pages is not None else toc_pages())
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    website = website_url()
    keys = {p.docname: p.key for p in pages}
    doc = BeautifulSoup(
        "<!DOCTYPE html><html lang='en'><head></head><body></body></html>", "html.parser"
    )
    articles, models, styles = [], {}, []
    for page in pages:
        path = site / page.html
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} is missing: build the site first (python3 dev.py build)"
            )
        article, page_models, page_styles = _assemble_page(
            path.read_text(encoding="utf-8"), page, keys, website
        )
        articles.append(article)
        models.update(page_models)
        styles += [s for s in page_styles if s not in styles]

    head, body = doc.head, doc.body
    assert head is not None and body is not None
    doc.html["data-theme"] = "light"  # type: ignore[index]
    doc.html["data-mode"] = "light"  # type: ignore[index]
    title = str(config.get("title", "The course"))
    head.append(doc.new_tag("meta", charset="utf-8"))
    head_title = doc.new_tag("title")
    head_title.string = title
    head.append(head_title)
    for href in styles:
        head.append(doc.new_tag("link", rel="stylesheet", href=href))
    style = doc.new_tag("style")
    style.string = PRINT_CSS.read_text(encoding="utf-8")
    head.append(style)
    state = doc.new_tag("script", type="application/vnd.jupyter.widget-state+json")
    state.string = json.dumps({"version_major": 2, "version_minor": 0, "state": models}).replace(
        "</", "<\\/"
    )

    cover = doc.new_tag("section", attrs={"class": "print-title", "id": "print-title"})
    for tag_name, text, cls in (
        ("h1", title, "print-title-main"),
        ("p", str(config.get("author", "")), "print-author"),
        ("p", "The whole course as one document, printed from its website:", "print-source"),
    ):
        element = doc.new_tag(tag_name, attrs={"class": cls})
        element.string = text
        cover.append(element)
    link = doc.new_tag("a", href=website)
    link.string = website
    cover.select("p.print-source")[0].append(" ")
    cover.select("p.print-source")[0].append(link)
    note = doc.new_tag("p", attrs={"class": "print-note"})
    note.string = (
        "The explorers are printed in their starting state; each one says where to move it live. "
        "The solutions of each chapter's exercises are at the end of that chapter."
    )
    cover.append(note)
    copyright_line = doc.new_tag("p", attrs={"class": "print-copyright"})
    copyright_line.string = f"© {config.get('copyright', '')} {config.get('author', '')}".strip()
    cover.append(copyright_line)

    contents = doc.new_tag("nav", attrs={"class": "print-contents", "id": "print-contents"})
    contents_title = doc.new_tag("h1", attrs={"class": "print-contents-title"})
    contents_title.string = "Contents"
    contents.append(contents_title)
    current_part, part_list = None, None
    for page, article in zip(pages, articles, strict=True):
        if part_list is None or page.part != current_part:
            current_part = page.part
            if page.part:
                caption = doc.new_tag("p", attrs={"class": "print-contents-part"})
                caption.string = page.part
                contents.append(caption)
            part_list = doc.new_tag("ul")
            contents.append(part_list)
        h1 = article.find("h1")
        item = doc.new_tag("li", attrs={"class": "print-contents-chapter"})
        item.append(_contents_link(doc, f"#{page.key}", _heading_text(h1) if h1 else page.docname))
        sections = [h for h in article.select("section > h2") if h.parent and h.parent.get("id")]
        if sections:
            sub = doc.new_tag("ul")
            for h2 in sections:
                entry = doc.new_tag("li")
                entry.append(_contents_link(doc, f"#{h2.parent['id']}", _heading_text(h2)))  # type: ignore[index]
                sub.append(entry)
            item.append(sub)
        part_list.append(item)

    body.extend([state, cover, contents, *articles])
    body.append(doc.new_tag("script", type="module", src="_static/live-widgets.js"))
    return str(doc)


def _contents_link(doc: BeautifulSoup, href: str, text: str) -> Tag:
    link = doc.new_tag("a", href=href)
    label = doc.new_tag("span", attrs={"class": "print-contents-label"})
    label.string = text
    number = doc.new_tag("span", attrs={"class": "print-contents-page", "data-target": href[1:]})
    link.extend([label, number])
    return link


# Run in the page before printing: wait for the explorers and the fonts, say where each explorer
# runs live, then shrink whatever is still wider than its column.
PREPARE = """
async (timeout) => {
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const deadline = Date.now() + timeout;
  while (document.documentElement.dataset.explorersReady !== 'true') {
    if (Date.now() > deadline) throw new Error('the explorers did not finish rendering');
    await wait(50);
  }
  await document.fonts.ready;  // the math's glyphs are in MathJax's self-hosted fonts
  const failed = [...document.querySelectorAll('.infolib-live')].filter(
    (el) => el.dataset.ready !== 'true');
  if (failed.length) throw new Error(`${failed.length} explorer(s) could not start`);
  for (const note of document.querySelectorAll('.infolib-explorer .ix-note')) {
    const live = note.closest('.print-page').dataset.live;
    note.replaceChildren('Printed in its starting state. Move it live: ');
    const link = document.createElement('a');
    link.href = live;
    link.textContent = live;
    note.append(link);
  }
  // Interactive-only parts of an explorer (focus rings, hover tips) are not printed; the
  // controls stay, showing the starting values.
  const shrunk = [];
  const fit = (el) => {
    // A display equation is centred in the room its number (floated right) leaves, so one
    // too wide overflows on both sides, and scrollWidth sees only the right-hand part:
    // measure the formula itself against that room.
    const math = el.matches('mjx-container') && el.querySelector(':scope > mjx-math');
    const eqno = math && el.parentElement.querySelector(':scope > .eqno');
    const room = el.clientWidth - (eqno ? Math.ceil(eqno.getBoundingClientRect().width) + 2 : 0);
    const width = math ? Math.ceil(math.getBoundingClientRect().width) : el.scrollWidth;
    if (width - room <= 1 || room <= 0) return;
    const zoom = room / width;
    el.style.zoom = String(Math.floor(zoom * 1000) / 1000);
    shrunk.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${zoom.toFixed(2)}`);
  };
  // Equations first, so the boxes around them are measured with the equations fitted.
  document.querySelectorAll('mjx-container[display="true"]').forEach(fit);
  document.querySelectorAll(
    'div.math, table, .table-wrapper, .highlight pre, .infolib-explorer, .cell_output, dl'
  ).forEach(fit);
  return shrunk;
}
"""

# Page number of every contents target, read from a first print's named destinations.
FILL_CONTENTS = """
(pages) => {
  for (const span of document.querySelectorAll('.print-contents-page')) {
    span.textContent = pages[span.dataset.target] ?? '';
  }
}
"""

FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#555;'
    'font-family:sans-serif"><span class="pageNumber"></span></div>'
)


def destination_pages(pdf: bytes) -> dict[str, int]:
    """1-based page number of every named destination in a PDF Chromium printed."""
    import io

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    document = PDFDocument(PDFParser(io.BytesIO(pdf)))
    page_numbers = {
        page.pageid: number for number, page in enumerate(PDFPage.create_pages(document), 1)
    }
    names: dict[str, int] = {}
    for name, dest in named_destinations(document):
        dest = resolve1(dest)
        if isinstance(dest, dict):
            dest = resolve1(dest.get("D"))
        if isinstance(dest, list) and dest:
            ref = dest[0]
            number = page_numbers.get(getattr(ref, "objid", None))
            if number is not None:
                names[name] = number
    return names


def named_destinations(document: Any) -> Iterator[tuple[str, Any]]:
    """(name, destination) of a pdfminer document: the catalog's /Dests dictionary and the
    /Names /Dests tree."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    def text(name: Any) -> str:
        if isinstance(name, PSLiteral):
            name = name.name
        return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)

    catalog = document.catalog
    dests = resolve1(catalog.get("Dests"))
    if isinstance(dests, dict):
        for name, dest in dests.items():
            yield text(name), dest

    def walk(node: Any) -> Iterator[tuple[str, Any]]:
        node = resolve1(node)
        names = resolve1(node.get("Names", []))
        for index in range(0, len(names) - 1, 2):
            yield text(resolve1(names[index])), names[index + 1]
        for kid in resolve1(node.get("Kids", [])):
            yield from walk(kid)

    tree = (
        resolve1(resolve1(catalog.get("Names", {})).get("Dests")) if catalog.get("Names") else None
    )
    if tree:
        yield from walk(tree)


def print_pdf(browser: Any, out: Path = OUT, site: Path = SITE) -> Path:
    """Assemble the document and print it to ``out`` with a Playwright Chromium ``browser``."""
    document = assemble(site)
    width_px = round((PAGE_WIDTH_MM - 2 * MARGIN_MM) / 25.4 * 96)
    with site_server.serve(site) as url:
        context = browser.new_context(
            viewport={"width": width_px, "height": 1000}, color_scheme="light"
        )
        try:
            tab = context.new_page()
            tab.route(
                lambda u: not u.startswith(url),
                lambda route: route.abort(),  # nothing leaves the machine
            )
            tab.route(
                url + DOCUMENT,
                lambda route: route.fulfill(body=document, content_type="text/html; charset=utf-8"),
            )
            errors: list[str] = []
            tab.on("pageerror", lambda err: errors.append(str(err)))
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.emulate_media(media="print", color_scheme="light")
            tab.goto(url + DOCUMENT, wait_until="load", timeout=TIMEOUT_MS)
            shrunk = tab.evaluate(PREPARE, TIMEOUT_MS)
            if errors:
                raise RuntimeError("the print document logged errors:\n" + "\n".join(errors))
            options = {
                "format": "A4",
                "margin": {
                    "top": "16mm",
                    "bottom": "16mm",
                    "left": f"{MARGIN_MM}mm",
                    "right": f"{MARGIN_MM}mm",
                },
                "print_background": True,
                "display_header_footer": True,
                "header_template": "<span></span>",
                "footer_template": FOOTER,
                "outline": True,
                "tagged": True,
            }
            first = tab.pdf(**options)
            tab.evaluate(FILL_CONTENTS, destination_pages(first))
            pdf = tab.pdf(**options)
        finally:
            context.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    if out == OUT and site == SITE:
        PUBLISHED.write_bytes(pdf)
    for line in shrunk:
        print(f"  shrunk to fit: {line}")
    return out


def sources(site: Path = SITE) -> list[Path]:
    """The files the PDF is made from: the toc's built pages, the print stylesheet, this tool."""
    return [site / page.html for page in toc_pages()] + [PRINT_CSS, Path(__file__).resolve()]


def is_fresh(out: Path = OUT, site: Path = SITE) -> bool:
    """Whether ``out`` was printed after every file it is made from last changed."""
    if not out.is_file():
        return False
    printed = out.stat().st_mtime
    return all(path.is_file() and path.stat().st_mtime < printed for path in sources(site))


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        sys.exit(f"Chromium not found at {CHROMIUM}; install it with: apt-get install -y chromium")
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_ARGS  # type: ignore[import-not-found]

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            out = print_pdf(browser)
        finally:
            browser.close()
    print(f"The course as one PDF: {out}")


if __name__ == "__main__":
    main()
