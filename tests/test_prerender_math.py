"""The build step that typesets the site's math with MathJax in Node (book/_ext/prerender_math.py).

Small pages in Sphinx's HTML form are typeset into a temporary site: the expected structure is
MathJax's (CHTML container, assistive MathML), written here from what TeX means, not from the
code's own output; a TeX error must stop the build naming the page and the formula.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import prerender_math
import pytest
from bs4 import BeautifulSoup

INLINE = '<span class="math notranslate nohighlight">\\({}\\)</span>'
DISPLAY = (
    '<div class="math notranslate nohighlight" id="equation-{label}">\n'
    '<span class="eqno">(1.1)<a class="headerlink" href="#equation-{label}">#</a></span>'
    "\\[{}\\]</div>"
)


def page(*parts: str) -> str:
    return "<html><head></head><body><p>" + " ".join(parts) + "</p></body></html>"


def fake_app(tmp_path: Path) -> SimpleNamespace:
    outdir, doctrees = tmp_path / "html", tmp_path / "doctrees"
    (outdir / "_static").mkdir(parents=True, exist_ok=True)
    doctrees.mkdir(exist_ok=True)
    return SimpleNamespace(
        builder=SimpleNamespace(format="html"), outdir=outdir, doctreedir=doctrees
    )


@pytest.fixture(scope="module", autouse=True)
def mathjax_present() -> None:
    if not (prerender_math.MATHJAX_ES5 / "node-main.js").is_file():
        pytest.fail("MathJax for Node is missing: run python3 dev.py build", pytrace=False)


def test_find_formulas_reads_sphinx_html_in_order() -> None:
    text = page(
        INLINE.format("p &lt; q"),
        DISPLAY.format("a &amp;= b", label="x"),
        INLINE.format("\\frac{1}{2}"),
    )
    assert prerender_math.find_formulas(text) == [
        ("p < q", False),
        ("a &= b", True),
        ("\\frac{1}{2}", False),
    ]


def test_a_page_is_typeset_with_assistive_mathml_and_one_stylesheet(tmp_path: Path) -> None:
    app = fake_app(tmp_path)
    source = page(INLINE.format("x^2"), DISPLAY.format("\\sum_{i=1}^n i", label="s"))
    (app.outdir / "a.html").write_text(source)
    prerender_math.prerender(app, None)
    soup = BeautifulSoup((app.outdir / "a.html").read_text(), "html.parser")
    inline, display = soup.find_all("mjx-container")
    assert inline.parent.name == "span" and display.parent.name == "div"
    assert inline.get("jax") == "CHTML" and inline.get("display") is None
    assert display.get("display") == "true" and display.get("tabindex") == "0"
    assert soup.select_one("span.eqno").get_text().startswith("(1.1)"), "the number stays"
    # x^2 is an msup of the identifier x and the number 2, for screen readers as MathML...
    mml = inline.select_one("mjx-assistive-mml > math")
    assert [(t.name, t.get_text()) for t in mml.find_all(["mi", "mn"])] == [
        ("mi", "x"),
        ("mn", "2"),
    ]
    assert mml.find("msup") is not None
    # ...and drawn (hidden from screen readers) with the math-italic x of MathJax's TeX font.
    assert inline.select_one("mjx-math")["aria-hidden"] == "true"
    assert inline.select_one("mjx-msup mjx-c")["class"] == ["mjx-c1D465", "TEX-I"]
    assert display.select_one("mjx-munderover") is not None  # limits above and below the sum
    assert "\\(" not in soup.get_text() and "\\[" not in soup.get_text()
    css = (app.outdir / "_static" / prerender_math.STYLESHEET).read_text()
    assert f'url("{prerender_math.FONT_URL}/MathJax_Math-Italic.woff")' in css
    assert "mjx-c.mjx-c1D465.TEX-I::before" in css


@pytest.mark.parametrize(
    ("tex", "message"),
    [("\\frac{1}{", "Missing close brace"), ("\\nosuchmacro x", "Undefined control sequence")],
)
def test_a_tex_error_stops_the_build_naming_page_and_formula(
    tmp_path: Path, tex: str, message: str
) -> None:
    app = fake_app(tmp_path)
    (app.outdir / "good.html").write_text(page(INLINE.format("y")))
    (app.outdir / "bad.html").write_text(page(INLINE.format("y"), DISPLAY.format(tex, label="b")))
    with pytest.raises(prerender_math.MathError) as caught:
        prerender_math.prerender(app, None)
    text = str(caught.value)
    assert "bad.html" in text and message in text and repr(tex) in text
    assert "display formula" in text
    assert "good.html" not in text
    assert "mjx-container" not in (app.outdir / "good.html").read_text(), "nothing half-done"


def test_an_incremental_build_keeps_every_pages_glyphs(tmp_path: Path) -> None:
    app = fake_app(tmp_path)
    (app.outdir / "a.html").write_text(page(INLINE.format("\\alpha")))
    (app.outdir / "b.html").write_text(page(INLINE.format("\\beta")))
    prerender_math.prerender(app, None)
    typeset_a = (app.outdir / "a.html").read_text()
    # Sphinx rewrites only b.html, now with a gamma: the stylesheet must keep a's alpha.
    (app.outdir / "b.html").write_text(page(INLINE.format("\\gamma")))
    prerender_math.prerender(app, None)
    css = (app.outdir / "_static" / prerender_math.STYLESHEET).read_text()
    assert (app.outdir / "a.html").read_text() == typeset_a
    for codepoint in ("1D6FC", "1D6FE"):  # mathematical italic alpha and gamma
        assert re.search(rf"mjx-c\.mjx-c{codepoint}\.TEX-I::before", css), codepoint


def test_a_math_element_not_in_sphinx_form_is_refused(tmp_path: Path) -> None:
    app = fake_app(tmp_path)
    odd = '<span class="math notranslate nohighlight">$x$</span>'
    (app.outdir / "odd.html").write_text(page(INLINE.format("y"), odd))
    with pytest.raises(prerender_math.MathError, match=r"odd\.html: 2 math elements but 1"):
        prerender_math.prerender(app, None)


def test_pages_with_math_load_the_stylesheet_not_mathjax() -> None:
    from sphinx.builders.html._assets import _JavaScript

    app = SimpleNamespace(config=SimpleNamespace(mathjax_path="vendor/mj.js"))
    scripts = [
        _JavaScript("_static/doctools.js"),
        _JavaScript(None, body='window.MathJax = {"options": {}}'),
        _JavaScript("vendor/mj.js", defer="defer"),
    ]
    context: dict = {"script_files": scripts, "css_files": []}
    prerender_math.use_prerendered_math(app, "p", "page.html", context, None)  # type: ignore[arg-type]
    assert [s.filename for s in context["script_files"]] == ["_static/doctools.js"]
    assert [c.filename for c in context["css_files"]] == ["_static/mathjax-chtml.css"]
    plain: dict = {"script_files": [_JavaScript("_static/doctools.js")], "css_files": []}
    prerender_math.use_prerendered_math(app, "q", "page.html", plain, None)  # type: ignore[arg-type]
    assert plain["css_files"] == [], "a page without math gets no math stylesheet"
