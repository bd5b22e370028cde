"""Draw the theme's icons as inline SVG at build time, instead of a 1.4 MiB script per page.

pydata-sphinx-theme loads ``_static/scripts/fontawesome.js`` (1.4 MiB, 530 KiB gzipped) on
every page to turn about twenty ``<i class="fa-solid fa-bars">`` placeholders into SVG icons.
That one script was a third of a chapter page's first load. This extension does the same
replacement once, when the site is built: after the build it reads each icon's outline from
that very script (the Font Awesome Free data the theme ships, CC BY 4.0 icons), writes it into
every page as an inline ``<svg>`` that keeps the placeholder's classes and attributes, drops
the ``<script>`` tag, and deletes the script from the site. ``static/icons.css`` gives the SVGs
the size and alignment the script's own stylesheet gave them.

The build fails with a clear message if a page uses an icon the script does not define, or if
the script's layout changes so that its icon packs cannot be found. The theme's stylesheet
loses its per-icon ``.fa-NAME:before`` rules, which only ever drew into those placeholders.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

SCRIPT = Path("_static") / "scripts" / "fontawesome.js"
STATIC = Path(__file__).resolve().parent / "static"
# Each pack is registered as `var p={...icons...}` ... `d("fas",p)` inside the bundle.
_PACK_END = re.compile(r'd\("(fas|far|fab)",p\)')
_ICON = re.compile(r'(?:"([\w-]+)"|([\w$]+)):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]*","([^"]+)"\]')
_PLACEHOLDER = re.compile(
    r'<(i|span)\b([^>]*?)\bclass="([^"]*\bfa(?:-solid|-regular|-brands|s|r|b)\b[^"]*)"([^>]*)>'
    r"\s*</\1>"
)
_SCRIPT_TAG = re.compile(r'\s*<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>')
_PREFIX = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far"}
_PREFIX |= {"fa-brands": "fab", "fab": "fab"}


def icon_packs(script: str) -> dict[str, dict[str, tuple[int, int, str]]]:
    """``{"fas": {"bars": (width, height, path)}, "far": {...}, "fab": {...}}`` from the bundle."""
    packs: dict[str, dict[str, tuple[int, int, str]]] = {}
    for end in _PACK_END.finditer(script):
        start = script.rfind("var p={", 0, end.start())
        if start < 0:
            continue
        body = script[start : end.start()]
        icons = {(m[1] or m[2]): (int(m[3]), int(m[4]), m[5]) for m in _ICON.finditer(body)}
        packs.setdefault(end[1], {}).update(icons)
    if not all(packs.get(p) for p in ("fas", "fab")):
        raise ExtensionError(f"inline_icons: no Font Awesome icon packs found in {SCRIPT}")
    return packs


def inline(html: str, packs: dict, page: str) -> str:
    """Replace each icon placeholder in ``html`` by its SVG; drop the fontawesome script tag."""

    def svg(match: re.Match) -> str:
        _tag, before, classes, after = match.groups()
        names = classes.split()
        prefix = next((_PREFIX[c] for c in names if c in _PREFIX), "fas")
        icon = next(
            (c[3:] for c in names if c.startswith("fa-") and c[3:] in packs.get(prefix, {})),
            None,
        )
        if icon is None:
            raise ExtensionError(f"inline_icons: {page} uses an unknown icon: {classes!r}")
        width, height, path = packs[prefix][icon]
        attrs = f"{before}{after}".strip()
        if "aria-hidden" not in attrs:
            attrs += ' aria-hidden="true"'
        cls = " ".join(["svg-inline--fa", *names])
        return (
            f'<svg class="{cls}" {attrs.strip()} focusable="false" role="img" '
            f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
            f'<path fill="currentColor" d="{path}"></path></svg>'
        )

    return _SCRIPT_TAG.sub("", _PLACEHOLDER.sub(svg, html))


def theme_script() -> Path:
    """The theme's own copy of the Font Awesome bundle (the one its pages would load)."""
    import pydata_sphinx_theme

    root = Path(pydata_sphinx_theme.__file__).resolve().parent
    path = root / "theme" / "pydata_sphinx_theme" / "static" / "scripts" / "fontawesome.js"
    if not path.is_file():
        raise ExtensionError(f"inline_icons: {path} is missing; did the theme change?")
    return path


def inline_icons(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    source = theme_script()
    packs = icon_packs(source.read_text(encoding="utf-8"))
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = inline(text, packs, str(page.relative_to(out)))
        if new != text:
            page.write_text(new, encoding="utf-8")
    (out / SCRIPT).unlink(missing_ok=True)  # no page loads it any more
    subset_icon_fonts(out)
    drop_icon_class_rules(out)


#: ``.fa-bars:before,.fa-navicon:before{content:"\f0c9"}``: one rule per Font Awesome icon.
_ICON_CLASS_RULE = re.compile(r'(?:\.fa-[a-z0-9-]+:before,?)+\{content:"[^"]*"\}')


def drop_icon_class_rules(out: Path) -> None:
    """Drop the theme stylesheet's 1,900 ``.fa-NAME:before`` rules (20 KiB gzipped per page).

    They draw an icon font glyph into an ``<i class="fa-NAME">`` placeholder; the pages have
    none left (the placeholders are inline SVG now, and an SVG element draws no ``:before``).
    """
    css = out / "_static" / "styles" / "pydata-sphinx-theme.css"
    if css.is_file():
        text = css.read_text(encoding="utf-8")
        css.write_text(_ICON_CLASS_RULE.sub("", text), encoding="utf-8")


#: Private-use code points, where Font Awesome puts its glyphs.
_PUA = re.compile("[\ue000-\uf8ff]")
_ESCAPE = re.compile(r"\\(f[0-9a-f]{3})\b")
FONTS = Path("_static") / "vendor" / "fontawesome" / "webfonts"


def css_glyphs(out: Path) -> set[int]:
    """Icon code points the site's stylesheets draw as text (admonition and toggle icons).

    The theme's stylesheet also lists every Font Awesome class (``.fa-bars::before``), but
    those only draw on ``<i>`` placeholders, which are now inline SVG: from that file only
    the literal characters of its ``--pst-icon-*`` variables count. Other stylesheets count
    in full.
    """
    points: set[int] = set()
    for css in (out / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        points.update(ord(c) for c in _PUA.findall(text))
        if css.name != "pydata-sphinx-theme.css":
            points.update(int(h, 16) for h in _ESCAPE.findall(text))
    return points


def subset_icon_fonts(out: Path) -> None:
    """Cut the icon web fonts down to :func:`css_glyphs` (the solid font alone is 150 KiB)."""
    from fontTools import subset

    points = css_glyphs(out)
    theme_fonts = theme_script().parents[1] / "vendor" / "fontawesome" / "webfonts"
    for font in (out / FONTS).glob("*.woff2"):
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = []
        # From the theme's full font each time, so a rebuild never subsets a subset.
        loaded = subset.load_font(str(theme_fonts / font.name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points & set(loaded.getBestCmap() or {}))
        subsetter.subset(loaded)
        subset.save_font(loaded, str(font), options)


def add_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file("icons.css")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", add_stylesheet)
    app.connect("build-finished", inline_icons)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
