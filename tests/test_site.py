"""The built website as files: links, alt text, launch buttons, self-hosted scripts, weight.

Every page is found in _build/html (nothing is listed by hand). These checks read the HTML;
tests/test_browser.py checks what a browser makes of it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, SITE, SUMMARY, page_weight, site_pages
from notebook_citations import CITED

PAGES = site_pages() or ["(no built site: run python3 dev.py build first)"]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

# Page-weight budgets: the saved widget state and the page itself must stay small.
MAX_WIDGET_STATE = 400 * 1024
MAX_HTML = 1536 * 1024

GENERIC_ALT = re.compile(
    r"^(image|img|figure|fig|png|svg|plot|chart|graph|output|picture)\W*\d*$", re.I
)


@pytest.fixture(params=PAGES)
def page(request, site: Path) -> str:
    if not (site / request.param).is_file():
        pytest.fail(f"{request.param}: run python3 dev.py build first", pytrace=False)
    return request.param


@cache
def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def ids_in(path: Path) -> frozenset[str]:
    soup = soup_of(path)
    names = [t["name"] for t in soup.find_all("a", attrs={"name": True})]
    return frozenset([t["id"] for t in soup.find_all(id=True)] + names)


def references(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(tag, url) for every href and src in the page."""
    refs = []
    for tag in soup.find_all(["a", "link", "img", "script", "source", "iframe"]):
        for attr in ("href", "src"):
            if tag.get(attr):
                refs.append((tag.name, tag[attr]))
    return refs


def notebook_pages() -> list[str]:
    return [p for p in site_pages() if (SITE / "_sources" / p).with_suffix(".ipynb").is_file()]


def test_the_site_has_every_chapter(site: Path) -> None:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", [toc]):
        files += [chapter["file"] for chapter in part.get("chapters", [])]
    missing = [f for f in files if not (site / f"{f}.html").is_file()]
    assert not missing, f"pages in _toc.yml but not in the site: {missing}"


def test_links_and_images_resolve(page: str, site: Path) -> None:
    """Every same-site href/src points to a file that exists, and every #anchor to an id."""
    path = site / page
    broken = []
    for tag, url in references(soup_of(path)):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            continue  # another site (or data:, mailto:, javascript:)
        target = page_weight.local_target(site, page, url) if parts.path else path
        if target is None:
            continue
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"<{tag}> {url}: no such file")
        elif parts.fragment and target.suffix == ".html":
            if unquote(parts.fragment) not in ids_in(target.resolve()):
                broken.append(f"<{tag}> {url}: no id {parts.fragment!r} in {target.name}")
    assert not broken, f"{page}: broken links or images:\n" + "\n".join(broken)


def widget_images(soup: BeautifulSoup) -> list[BeautifulSoup]:
    """The <img> tags inside the saved widget state (the explorers' figures)."""
    images = []
    for script in soup.find_all("script", type=WIDGET_STATE):
        for model in json.loads(script.get_text())["state"].values():
            value = model["state"].get("value")
            if isinstance(value, str) and "<img" in value:
                images += BeautifulSoup(value, "html.parser").find_all("img")
    return images


def test_images_have_meaningful_alt_text(page: str, site: Path) -> None:
    soup = soup_of(site / page)
    article = soup.find(class_="bd-article") or soup
    problems = []
    # Sphinx's module-index expand/collapse icons (img.toggler, alt "-") are controls, not
    # content; every other image in the article is.
    content_images = [
        (img, "page") for img in article.find_all("img") if "toggler" not in img.get("class", [])
    ]
    content_images += [(img, "explorer") for img in widget_images(soup)]
    for img, where in content_images:
        alt = (img.get("alt") or "").strip()
        src = (img.get("src") or "")[:60]
        if not alt:
            problems.append(f"{where} image {src} has no alt text")
        elif GENERIC_ALT.match(alt) or alt in src or len(alt) < 20:
            problems.append(f"{where} image {src} has uninformative alt text {alt!r}")
    for img in soup.find_all("img"):
        if img.get("alt") is None:
            problems.append(f"theme image {img.get('src')} has no alt attribute")
    assert not problems, f"{page}:\n" + "\n".join(problems)


def test_inline_scripts_appear_once(page: str, site: Path) -> None:
    """Regression test for the doubled sphinx-thebe script (book/_ext/site_fixes.py)."""
    soup = soup_of(site / page)
    bodies = [s.get_text() for s in soup.find_all("script", src=False) if s.get_text().strip()]
    doubled = {b[:80] for b in bodies if bodies.count(b) > 1}
    assert not doubled, f"{page}: inline scripts written twice: {doubled}"
    assert (site / page).read_text().count("const THEBE_JS_URL") <= 1


def test_scripts_and_styles_are_self_hosted(page: str, site: Path) -> None:
    """Nothing a page loads comes from another site, no page loads MathJax (its math is typeset
    when the site is built), and pages with explorers load the site's own live-widgets.js,
    not a widget manager."""
    soup = soup_of(site / page)
    remote = [
        f"<{tag}> {url}"
        for tag, url in references(soup)
        if tag in {"script", "link", "img"} and urlsplit(url).scheme in {"http", "https"}
    ]
    assert not remote, f"{page} loads from other hosts: {remote}"
    assert not soup.find(attrs={"data-jupyter-widgets-cdn": True})
    sources = [s["src"] for s in soup.find_all("script", src=True)]
    assert not [s for s in sources if "mathjax" in s.lower()], f"{page} loads MathJax: {sources}"
    inline = [s.get_text() for s in soup.find_all("script", src=False)]
    assert not [s for s in inline if "MathJax" in s], f"{page} configures MathJax at run time"
    styles = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    has_math = bool(soup.select("span.math, div.math"))
    assert has_math == any(s.endswith("_static/mathjax-chtml.css") for s in styles), (
        f"{page}: the math stylesheet must be linked exactly by pages with math"
    )
    if soup.find("script", type=WIDGET_STATE):
        assert any("_static/live-widgets.js" in s for s in sources), page
        for name in ("require", "embed-amd", "html-manager", "thebe"):
            assert not any(name in s for s in sources), f"{page} still loads {name}"


#: What is left of a formula MathJax did not typeset: its TeX delimiters.
TEX_DELIMITERS = re.compile(r"\\[()\[\]]|\$\$")


def test_math_is_typeset_in_the_html(page: str, site: Path) -> None:
    """Every formula is MathJax's output as served, with MathML for screen readers, no TeX."""
    soup = soup_of(site / page)
    for element in soup.select("span.math, div.math"):
        where = f"{page}: {element.get_text()[:60]!r}"
        containers = element.find_all("mjx-container", recursive=False)
        assert len(containers) == 1, f"{where} is not typeset"
        container = containers[0]
        assert container.get("jax") == "CHTML", where
        assert (container.get("display") == "true") == (element.name == "div"), where
        assert container.find("mjx-math", attrs={"aria-hidden": "true"}), where
        mml = container.select("mjx-assistive-mml > math")
        assert mml and mml[0].get_text(strip=True), f"{where} has no assistive MathML"
        assert not container.find("mjx-merror"), f"{where} is a TeX error"
        assert not TEX_DELIMITERS.search(element.get_text()), f"{where} holds raw TeX"
    displays = soup.select("div.math > mjx-container")
    assert all(c.get("tabindex") == "0" for c in displays), (
        f"{page}: display equations must be focusable, to scroll them by keyboard"
    )


def test_math_stylesheet_fonts_exist(site: Path) -> None:
    """The shared math stylesheet's fonts are served, and it has a rule for every glyph used."""
    css_path = site / "_static" / "mathjax-chtml.css"
    assert css_path.is_file(), "no _static/mathjax-chtml.css: build with book/_ext/prerender_math"
    css = css_path.read_text()
    fonts = re.findall(r'url\("([^"]+)"\)', css)
    assert len(fonts) > 10, "the stylesheet declares no MathJax fonts"
    missing = [f for f in fonts if not (css_path.parent / f).is_file()]
    assert not missing, f"math fonts the stylesheet names are not in the site: {missing}"
    rules = set(re.findall(r"mjx-c\.(mjx-c[0-9A-F]+(?:\.TEX-[A-Z0-9]+)?)::before", css))
    used: set[str] = set()
    for page in site_pages():
        for glyph in soup_of(site / page).find_all("mjx-c"):
            classes = glyph.get("class") or []
            if classes:  # a bare <mjx-c> is a stretchy character's part, drawn by its parent
                used.add(".".join(classes))
    assert used, "no typeset glyph on any page"
    lacking = sorted(g for g in used if g not in rules)
    assert not lacking, f"glyphs with no rule in the math stylesheet: {lacking[:10]}"


@pytest.mark.parametrize("page", notebook_pages() or ["(no notebook pages)"])
def test_notebook_pages_have_launch_and_download_buttons(page: str, site: Path) -> None:
    if not (site / page).is_file():
        pytest.fail("no notebook pages in the site: run python3 dev.py build first", pytrace=False)
    soup = soup_of(site / page)
    repo = CONFIG["repository"]["url"].rstrip("/")
    org_repo = urlsplit(repo).path.strip("/")
    branch = CONFIG["repository"]["branch"]
    notebook = Path(page).with_suffix(".ipynb").as_posix()
    binder = (
        f"{CONFIG['launch_buttons']['binderhub_url']}/v2/gh/{org_repo}/{branch}"
        f"?urlpath=lab/tree/{notebook}"
    )
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert binder in hrefs, f"{page}: no Binder button opening {notebook} in JupyterLab"
    assert not soup.find("button", class_="btn-launch-thebe"), f"{page}: Live Code is back"
    assert repo in hrefs, f"{page}: no repository button"
    download = soup.find("a", class_="btn-download-source-button")
    assert download is not None and download["href"].endswith(".ipynb"), (
        f"{page}: the download button does not offer the .ipynb"
    )
    downloaded = nbformat.read(page_weight.local_target(site, page, download["href"]), 4)
    assert any(c.get("outputs") for c in downloaded.cells if c.cell_type == "code")


def test_page_weight(site: Path) -> None:
    report = page_weight.measure_site(site)
    SUMMARY["page weight (KiB, from tools/page_weight.py)"] = page_weight.format_report(
        report
    ).splitlines()
    (site.parent / "page_weight.md").write_text(page_weight.format_report(report) + "\n")
    for p in report["pages"]:
        assert not p["missing"], f"{p['page']} references missing files: {p['missing']}"
        assert p["widget_state"] <= MAX_WIDGET_STATE, (
            f"{p['page']}: saved widget state is {p['widget_state'] / 1024:.0f} KiB "
            f"(budget {MAX_WIDGET_STATE // 1024} KiB): keep explorer figures small"
        )
        assert p["html"] <= MAX_HTML, f"{p['page']}: HTML is {p['html'] / 1024:.0f} KiB"


CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_notebook_citations_read_as_the_website_shows_them(chapter: Path, site: Path) -> None:
    """A chapter notebook stores each citation as the label the website shows (JupyterLab has
    no bibliography; tools/reader_markup.py writes them): the same words, in the same order,
    and each a link on the website."""
    nb = nbformat.read(chapter, as_version=4)
    stored = [
        f"[{label}]"
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for label, _ in CITED.findall(cell.source)
    ]
    soup = soup_of(site / "book" / f"{chapter.stem}.html")
    shown = soup.select(".bibtex-citation")
    assert [" ".join(c.get_text().split()) for c in shown] == stored
    assert all(c.select("a[href*='references.html']") for c in shown), (
        f"{chapter.name}: a citation on the website that does not link to the references"
    )
    assert "<!--cite:" not in str(soup), f"{chapter.name}: a citation marker reached the page"
