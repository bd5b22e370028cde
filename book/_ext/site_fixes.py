"""Small Sphinx fixes for the book's website (a local extension, loaded from ``_config.yml``).

**Each inline script once.** Sphinx 7.x writes an inline ``<script>`` twice when an extension
adds it with ``app.add_js_file(None, body=...)`` after the HTML builder has been initialised:
``Sphinx.add_js_file`` stores it in the registry *and* hands it straight to the builder
(with filename ``None``); ``StandaloneHTMLBuilder.prepare_writing`` later re-adds every
registry entry "registered after Builder.init()" with filename ``''``, and because
``None != ''`` its duplicate check lets the copy through. sphinx-thebe 0.3.1 adds
``const THEBE_JS_URL = ...`` exactly that way (on ``env-before-read-docs``), so every page
declared the constant twice and the browser logged "Identifier 'THEBE_JS_URL' has already
been declared" (sphinx-togglebutton's ``var togglebuttonSelector`` is doubled the same way,
harmlessly). :func:`drop_duplicate_scripts` removes the second copy from each page's script
list, treating ``None`` and ``''`` alike, so no installed package is patched.

**Live explorers.** ``static/live-widgets.js`` (served as ``_static/live-widgets.js``, the one
entry of ``nb_ipywidgets_js``) renders each explorer from its saved anywidget state, live in
the page; see the comments in it. The folder is added to ``html_static_path`` here rather than
in ``_config.yml`` because Jupyter Book adds every ``.js`` file under a configured static path
to every page.

**Accessible names.** axe-core reports "label-content-name-mismatch" (serious) when a control's
accessible name leaves out its visible text. myst-nb labels the summary of every hide-input
cell "Toggle hidden content" while it shows "Show code cell source":
:func:`fix_accessible_names` drops that label, so the visible text names the control. Two
theme buttons had the same fault; ``templates/`` overrides those two components. The same
function gives the bibliography's entries (docutils writes ``role="list"`` around
``role="doc-biblioentry"`` items) the role ``listitem``, which DPUB-ARIA 1.1 names as the
replacement for the deprecated ``doc-biblioentry``; axe-core (aria-required-children,
critical) does not accept the old role as the items of a list.

**No thebe.** The Live Code button is off; :func:`drop_thebe` removes the script, stylesheet
and CDN address sphinx-thebe adds to every page regardless.

**Only what a page uses.** :func:`drop_unused_design` leaves sphinx-design's stylesheet and
script off pages without its components (all of them, today).

**Scripts that do not block reading.** :func:`defer_scripts` gives every local script file
``defer``, so the text of a page shows before its scripts arrive; :func:`drop_search_index`
keeps the search index to the search page.

**Light first load.** Every image in a page's body gets ``loading="lazy"``: the figures further
down a chapter load as the reader scrolls to them.

**Self-hosted scripts present.** The explorer runtime is served from the site
(``nb_ipywidgets_js`` names ``live-widgets.js`` in ``static/``); the math needs no script
(``prerender_math.py`` typesets it at build time, and checks for MathJax and its fonts).
:func:`add_static_and_check` stops the build with a clear message if a script is missing,
instead of publishing pages that 404 on it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ConfigError


def _script_key(script: Any) -> tuple:
    filename = getattr(script, "filename", script) or ""
    attributes = getattr(script, "attributes", {})
    return (filename, getattr(script, "priority", 500), tuple(sorted(attributes.items())))


def drop_duplicate_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Keep the first of several identical ``<script>`` entries on a page."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen: set[tuple] = set()
    unique = []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def defer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Load the page's script files without blocking the HTML parser (``defer``).

    Sphinx and its extensions add about ten scripts to ``<head>`` as plain ``<script src>``,
    each of which stops the parser until it arrives: on a slow phone connection (560 ms per
    round trip) the text waited seconds for them. Deferred scripts still run in document
    order, before ``DOMContentLoaded``, which is when all of them start their work. Inline
    scripts (configuration such as ``DOCUMENTATION_OPTIONS``) stay as they are and run first.
    """
    scripts = context.get("script_files")
    if not isinstance(scripts, list) or pagename == "search":
        return  # the search page's inline script calls doctools' _ready at once
    for i, script in enumerate(scripts):
        filename = getattr(script, "filename", None)
        attributes = dict(getattr(script, "attributes", {}))
        if not filename or not _local(str(filename)) or {"async", "defer"} & attributes.keys():
            continue
        if attributes.get("type") == "module":
            continue  # modules are deferred already
        if str(filename).endswith("documentation_options.js"):
            continue  # inline scripts in the theme's <head> use DOCUMENTATION_OPTIONS at once
        attributes["defer"] = "defer"
        scripts[i] = type(script)(filename, priority=script.priority, **attributes)


_TEMPLATE_SCRIPT = re.compile(
    r'\s*<script src="[^"]*(?:searchtools|language_data|searchindex)\.js"></script>'
)


def drop_search_index(app: Sphinx, exception: Exception | None) -> None:
    """Load the search index on the search page only.

    pydata-sphinx-theme's template writes Sphinx's search scripts and the whole search index
    (95 KiB) into every page's ``<head>``, for its search-as-you-type box. That option is off
    here (searching opens search.html, which loads them itself), so on every other page they
    are 31 KiB gzipped and three parser-blocking requests for nothing.
    """
    if exception is not None or app.builder.format != "html":
        return
    if app.config.html_theme_options.get("search_as_you_type"):
        return
    for page in Path(app.outdir).rglob("*.html"):
        if page.name == "search.html":
            continue
        text = page.read_text(encoding="utf-8")
        new = _TEMPLATE_SCRIPT.sub("", text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """No thebe on the pages when its launch button is off (``launch_buttons.thebe: false``).

    Jupyter Book always loads sphinx-thebe, which adds its script, stylesheet and an inline
    configuration naming a CDN copy of thebe to every page, button or not.
    """
    buttons = app.config.html_theme_options.get("launch_buttons", {})
    if buttons.get("thebe"):
        return
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if isinstance(assets, list):
            assets[:] = [a for a in assets if not _is_thebe(a)]


def drop_unused_design(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """No sphinx-design stylesheet and script on a page that uses none of its components.

    Jupyter Book loads sphinx-design (cards, tabs, grids) on every page; the course uses
    none, so each page paid 10 KiB gzipped and two requests for it.
    """
    body = context.get("body")
    if not isinstance(body, str) or 'class="sd-' in body or " sd-" in body:
        return
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if isinstance(assets, list):
            assets[:] = [
                a
                for a in assets
                if not any(
                    n in str(getattr(a, "filename", a) or "")
                    for n in ("sphinx-design", "design-tabs")
                )
            ]


def _is_thebe(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return "sphinx-thebe" in filename or "THEBE_JS_URL" in body


def _local(path: str) -> bool:
    return bool(path) and "://" not in path and not path.startswith("//")


STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
MYST_NB_SUMMARY = '<summary aria-label="Toggle hidden content">'
DOCUTILS_BIBLIOENTRY = 'role="doc-biblioentry"'


def add_templates(app: Sphinx, config: Any) -> None:
    config.templates_path.insert(0, str(TEMPLATES))


def fix_accessible_names(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Name show/hide summaries by their visible text; bibliography entries as list items."""
    body = context.get("body")
    if isinstance(body, str):
        body = body.replace(MYST_NB_SUMMARY, "<summary>")
        body = body.replace(DOCUTILS_BIBLIOENTRY, 'role="listitem"')
        # Figures further down a chapter load when the reader scrolls near them, so a page's
        # first load stays light on a slow connection.
        context["body"] = re.sub(r"<img (?![^>]*\bloading=)", '<img loading="lazy" ', body)


def add_static_and_check(app: Sphinx) -> None:
    """Serve ``static/``, then fail early if a self-hosted script the pages load is missing."""
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    wanted = list(app.config.nb_ipywidgets_js)
    confdir = Path(app.confdir)
    roots = [confdir / p for p in app.config.html_static_path]
    roots += [confdir / p / "_static" for p in app.config.html_extra_path]
    for path in filter(_local, wanted):
        if not any((root / path).is_file() for root in roots):
            raise ConfigError(
                f"the page asset _static/{path} is missing: run 'python3 dev.py build' "
                f"(or 'python tools/vendor_assets.py') to fetch the self-hosted scripts"
            )


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", add_static_and_check)
    app.connect("html-page-context", fix_accessible_names)
    # Late priority, so scripts added per page by other extensions are included.
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    app.connect("html-page-context", defer_scripts, priority=950)
    app.connect("html-page-context", drop_thebe, priority=960)
    app.connect("html-page-context", drop_unused_design, priority=960)
    app.connect("build-finished", drop_search_index)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
