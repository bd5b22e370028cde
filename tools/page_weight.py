"""Measure what each page of the built website weighs: its HTML and the local files it loads.

    python tools/page_weight.py              # table for _build/html
    python tools/page_weight.py SITE --json  # the same numbers as JSON

For every page (each ``.html`` file outside ``_static/``, ``_sources/`` and ``_images/``)
this counts the HTML file, and within it the saved widget state and inline (``data:``)
images, plus every same-site script, stylesheet, image and preloaded file the page
references. "gzip" is what a server that compresses text (GitHub Pages does) sends, images
and fonts as they are. Files that scripts load later (MathJax's fonts and extensions, icon
fonts) are not in the HTML and not counted here; the browser tests print what a browser
actually transferred. Used by ``benchmarks/run.py`` and ``tests/test_site.py``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
NOT_PAGES = {"_static", "_sources", "_images", "_downloads"}
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
COMPRESSED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2"}


def discover_pages(site: Path = SITE) -> list[str]:
    """Every page of the built site, as paths relative to ``site`` (POSIX, sorted)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in NOT_PAGES
    )


def local_target(site: Path, page: str, url: str) -> Path | None:
    """The file a same-site ``url`` on ``page`` points to (None for other sites, data:)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        return site / unquote(parts.path.lstrip("/"))
    return (site / page).parent / unquote(parts.path)


@functools.cache
def _sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    if path.suffix.lower() in COMPRESSED:
        return len(data), len(data)
    return len(data), len(gzip.compress(data, compresslevel=6))


def measure_page(site: Path, page: str) -> dict:
    """Sizes in bytes for one page; ``missing`` lists referenced files that do not exist."""
    html_path = site / page
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    state = sum(len(s.get_text()) for s in soup.find_all("script", type=WIDGET_STATE))
    inline_images = sum(len(tag) for tag in str(soup).split('"') if tag.startswith("data:image/"))
    kinds = {"scripts": 0, "styles": 0, "images": 0, "other": 0}
    gzipped = _sizes(html_path)[1]
    seen: set[Path] = set()
    missing: list[str] = []
    refs = [("scripts", s.get("src")) for s in soup.find_all("script", src=True)]
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        if "stylesheet" in rel:
            refs.append(("styles", link["href"]))
        elif "preload" in rel or "icon" in rel:
            refs.append(("other", link["href"]))
    refs += [("images", img.get("src")) for img in soup.find_all("img", src=True)]
    for kind, url in refs:
        target = local_target(site, page, url)
        if target is None:
            continue
        target = target.resolve()
        if target in seen:
            continue
        seen.add(target)
        if not target.is_file():
            missing.append(url)
            continue
        raw, packed = _sizes(target)
        kinds[kind] += raw
        gzipped += packed
    html_bytes = html_path.stat().st_size
    return {
        "page": page,
        "html": html_bytes,
        "widget_state": state,
        "inline_images": inline_images,
        **kinds,
        "total": html_bytes + sum(kinds.values()),
        "total_gzip": gzipped,
        "missing": missing,
    }


def measure_site(site: Path = SITE) -> dict:
    """Every page's weight, plus the size of the whole site folder."""
    site = Path(site)
    pages = [measure_page(site, page) for page in discover_pages(site)]
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "site": str(site),
        "pages": pages,
        "site_files": len(files),
        "site_bytes": sum(p.stat().st_size for p in files),
    }


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f}"


def format_report(report: dict) -> str:
    """The report as a Markdown table (sizes in KiB)."""
    head = (
        "| page | HTML | of which widget state | of which inline images | scripts | styles "
        "| images | other | total | total gzip |"
    )
    lines = [head, "|" + " --- |" * 10]
    for p in report["pages"]:
        cells = [p["page"]] + [
            _kb(p[k])
            for k in (
                "html",
                "widget_state",
                "inline_images",
                "scripts",
                "styles",
                "images",
                "other",
                "total",
                "total_gzip",
            )
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(
        f"\nSizes in KiB. Whole site: {report['site_files']} files, "
        f"{report['site_bytes'] / 2**20:.1f} MiB."
    )
    return "\n".join(lines)


def print_report(report: dict) -> None:
    print(format_report(report))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=SITE)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"no built site in {args.site}: run python3 dev.py build first", file=sys.stderr)
        return 1
    report = measure_site(args.site)
    print(json.dumps(report, indent=1) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
