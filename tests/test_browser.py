"""Every page of the built site, opened in a real browser with the network cut off.

Each page (found in _build/html, not listed by hand) is loaded once in Debian's Chromium,
served from 127.0.0.1; any request for another host is aborted and recorded. The tests then
check what a reader on a filtered network would get: no console errors or failed requests,
nothing fetched from a CDN, all math in the page as served already typeset (by MathJax at build
time, book/_ext/prerender_math.py; no MathJax script runs in the page), every explorer
rendered from its saved state by the self-hosted widget manager, every image loaded, and no
serious or critical axe-core accessibility violation, in the light and the dark theme. A
full-page screenshot of each page (and a dark one of each page with figures or explorers,
plus one per explorer) goes to _build/screenshots/ for people to look at.

Without Chromium these tests skip on a developer machine and fail in CI (CI=true).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ROOT, SCREENSHOTS, SITE, SUMMARY, site_pages

pytestmark = pytest.mark.browser

AXE_JS = ROOT / ".cache" / "vendor" / "test" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 30_000

# Raw TeX left in the visible text means MathJax did not typeset it at build time.
RAW_TEX = re.compile(
    r"\$\$|\$[^$\n]{1,80}\$|\\[()\[\]]|"
    r"\\(?:frac|tfrac|dfrac|log|ln|sum|prod|mathrm|mathbb|mathcal|left|right|begin|end|sqrt"
    r"|cdot|infty|quad|text|operatorname|leq?|geq?|neq?|approx|mid|Vert)\b"
)

PREPARE = """
async (timeout) => {
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const deadline = Date.now() + timeout;
  // Explorers: live-widgets.js marks the page once every saved view is rendered.
  const views = document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-state+json"]').length;
  while (views && Date.now() < deadline &&
         document.documentElement.dataset.explorersReady !== 'true') {
    await wait(50);
  }
  // The math is typeset in the HTML; its glyphs need MathJax's fonts.
  await document.fonts.ready;
  return views;
}
"""

INSPECT = """
() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  const visible = (el) => { const [w, h] = box(el); return w > 0 && h > 0; };
  // Text a reader sees as prose: skip code, scripts, typeset math and widget internals.
  const skip = 'pre, code, script, style, mjx-container, .jupyter-widgets, .highlight';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest(skip)) texts.push(n.textContent);
  }
  const mathSources = [...document.querySelectorAll('span.math, div.math')];
  return {
    url: location.href,
    theme: document.documentElement.dataset.theme,
    text: texts.join(' '),
    math: mathSources.length,
    mathUntypeset: mathSources.filter((m) => !m.querySelector('mjx-container mjx-math'))
                               .map((m) => m.textContent.slice(0, 80)),
    mjx: document.querySelectorAll('mjx-container mjx-math').length,
    mjxErrors: [...document.querySelectorAll('mjx-merror')].map((m) => m.textContent),
    mathjaxRuntime: typeof window.MathJax !== 'undefined' ||
      performance.getEntriesByType('resource').some((e) => /mathjax[^/]*\\.js/i.test(e.name)),
    mathFontsMissing: [...document.fonts].filter((f) => f.family.startsWith('MJX') &&
      f.status === 'error').map((f) => f.family),
    views: document.querySelectorAll(
      'script[type="application/vnd.jupyter.widget-view+json"], .infolib-live').length,
    rendered: document.querySelectorAll('.infolib-live[data-ready="true"]').length,
    explorers: [...document.querySelectorAll('.infolib-explorer')].map((e) => ({
      size: box(e),
      controls: [...e.querySelectorAll('input')].filter(visible).length,
      labelled: [...e.querySelectorAll('input')].every((i) => i.labels && i.labels.length),
      images: [...e.querySelectorAll('svg[role="img"]')].map((i) => ({
        size: box(i), alt: i.getAttribute('aria-label') || '' })),
      links: [...e.querySelectorAll('a[href]')].map((a) => a.href),
      readout: [...e.querySelectorAll('[aria-live]')]
        .map((h) => h.innerText.trim()).filter(Boolean).join(' | '),
    })),
    brokenImages: [...document.images].filter((i) => !(i.complete && i.naturalWidth > 0))
      .map((i) => i.currentSrc || i.src),
  };
}
"""

PHONE = """
() => {
  const W = innerWidth;
  // Innermost elements past the right edge that no scrolling box contains.
  const inScroller = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  const wide = [...document.querySelectorAll('body *')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > W + 1 && !inScroller(el) &&
      ![...el.children].some((c) => c.getBoundingClientRect().right > W + 1);
  }).slice(0, 5).map((el) => el.tagName + '.' + el.className + ': '
                      + (el.textContent || '').trim().slice(0, 50));
  // A display equation wider than its box must scroll in it, never be clipped.
  const cutEquations = [...document.querySelectorAll('mjx-container[display="true"]')]
    .filter((m) => m.scrollWidth > m.clientWidth + 1 &&
                   !['auto', 'scroll'].includes(getComputedStyle(m).overflowX))
    .map((m) => m.textContent.slice(0, 40));
  return { viewport: W, pageWidth: document.documentElement.scrollWidth, wide, cutEquations };
}
"""

# Figures further down load lazily (as a reader scrolls): load them all before inspecting.
LOAD_ALL_IMAGES = """
async (timeout) => {
  const deadline = Date.now() + timeout;
  document.querySelectorAll('img[loading="lazy"]').forEach((i) => { i.loading = 'eager'; });
  while (Date.now() < deadline && ![...document.images].every((i) => i.complete)) {
    await new Promise((r) => setTimeout(r, 50));
  }
}
"""

RESOURCES = """
() => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
  .map((e) => [e.name, e.encodedBodySize || 0])
"""


@dataclass
class Visit:
    """What one page did in the browser (both colour themes)."""

    page: str
    final_url: str = ""
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    left_site: list[str] = field(default_factory=list)
    light: dict = field(default_factory=dict)
    dark: dict | None = None
    axe: dict[str, list[dict]] = field(default_factory=dict)
    phone: dict = field(default_factory=dict)
    transferred: int = 0
    requests: int = 0
    seconds: float = 0.0


_VISITS: dict[str, Visit | Exception] = {}


def screenshot_name(page: str, suffix: str = "") -> str:
    return page.removesuffix(".html").replace("/", "__") + suffix + ".png"


def redirect_target(path) -> str | None:
    """The URL a ``<meta http-equiv="refresh">`` page sends readers to, if any."""
    match = re.search(
        r'<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"', path.read_text(), re.I
    )
    return match.group(1) if match else None


def _axe(tab) -> list[dict]:
    tab.add_script_tag(path=str(AXE_JS))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [(n["target"], n["html"][:160]) for n in v["nodes"][:5]],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


def _visit(browser, site_url: str, page: str) -> Visit:
    started = time.perf_counter()
    visit = Visit(page)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme="light", reduced_motion="reduce"
    )
    context.set_default_timeout(TIMEOUT_MS)

    def route(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            visit.left_site.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    tab = context.new_page()

    def on_console(message) -> None:
        if message.type == "error":
            visit.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_request_failed(request) -> None:
        if request.url.startswith(site_url):  # requests to other hosts are aborted on purpose
            visit.failed.append(f"{request.url} ({request.failure})")

    def on_response(response) -> None:
        if response.status >= 400:
            visit.failed.append(f"{response.url} (HTTP {response.status})")

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    tab.on("requestfailed", on_request_failed)
    tab.on("response", on_response)
    try:
        tab.goto(urljoin(site_url, page), wait_until="load")
        # A redirect page (index.html) moves on by itself: inspect where it lands. Read from
        # the file, since the browser may already have left the page.
        if target := redirect_target(SITE / page):
            tab.wait_for_url(urljoin(urljoin(site_url, page), target), wait_until="load")
        tab.evaluate(PREPARE, TIMEOUT_MS)
        tab.wait_for_load_state("networkidle")
        # The first load: what arrived until math and explorers were ready and the network
        # went quiet, before anything scrolls.
        resources = tab.evaluate(RESOURCES)
        visit.requests = len(resources)
        visit.transferred = sum(size for _, size in resources)
        tab.evaluate(LOAD_ALL_IMAGES, TIMEOUT_MS)
        visit.final_url = tab.url
        visit.light = tab.evaluate(INSPECT)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=SCREENSHOTS / screenshot_name(page), full_page=True)
        visit.axe["light"] = _axe(tab)
        explorers = tab.locator(".infolib-explorer").all()
        for i, explorer in enumerate(explorers):
            explorer.screenshot(path=SCREENSHOTS / screenshot_name(page, f"--explorer{i}"))
        if explorers or tab.locator("main img").count():
            tab.emulate_media(color_scheme="dark")
            tab.wait_for_function("document.documentElement.dataset.theme === 'dark'")
            tab.wait_for_timeout(200)
            visit.dark = tab.evaluate(INSPECT)
            # Back to the top, or the sticky header and sidebars are drawn where the explorer
            # screenshots left the viewport.
            tab.evaluate("window.scrollTo(0, 0)")
            tab.screenshot(path=SCREENSHOTS / screenshot_name(page, "--dark"), full_page=True)
            for i, explorer in enumerate(explorers):
                name = screenshot_name(page, f"--explorer{i}--dark")
                explorer.screenshot(path=SCREENSHOTS / name)
            visit.axe["dark"] = _axe(tab)
        tab.set_viewport_size({"width": 390, "height": 844})
        tab.wait_for_timeout(300)  # layout, and explorers redraw at the new width
        visit.phone = tab.evaluate(PHONE)
        tab.screenshot(path=SCREENSHOTS / screenshot_name(page, "--phone"), full_page=True)
    finally:
        context.close()
    visit.seconds = time.perf_counter() - started
    return visit


@pytest.fixture
def visit(request, browser, site_url) -> Visit:
    page = request.param
    if page not in _VISITS:
        try:
            _VISITS[page] = v = _visit(browser, site_url, page)
        except Exception as err:  # loaded once: every check of this page reports it
            _VISITS[page] = err
        else:
            SUMMARY.setdefault("browser: each page as loaded offline", []).append(
                f"{page:<40} {v.requests:>3} requests {v.transferred / 1024:>8,.0f} KiB "
                f"{v.light.get('mjx', 0):>4} formulas {len(v.light.get('explorers', [])):>2} "
                f"explorers {v.seconds:5.1f} s"
            )
    result = _VISITS[page]
    if isinstance(result, Exception):
        pytest.fail(f"{page} could not be inspected in the browser: {result}", pytrace=False)
    return result


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "visit" in metafunc.fixturenames:
        pages = site_pages() or ["(no built site: run python3 dev.py build first)"]
        metafunc.parametrize("visit", pages, indirect=True, scope="function")


def test_no_console_errors(visit: Visit) -> None:
    assert not visit.page_errors, f"uncaught script errors: {visit.page_errors}"
    assert not visit.console_errors, f"console errors: {visit.console_errors}"


def test_nothing_leaves_the_site(visit: Visit) -> None:
    assert not visit.left_site, (
        "the page tried to reach other hosts (blocked here, and for readers behind a "
        f"filtering network): {visit.left_site}"
    )


def test_no_failed_requests(visit: Visit) -> None:
    assert not visit.failed, f"requests that failed: {visit.failed}"


def test_images_load(visit: Visit) -> None:
    broken = visit.light["brokenImages"]
    assert not broken, f"images that did not load: {broken}"


def test_math_is_typeset(visit: Visit) -> None:
    info = visit.light
    assert not info["mathUntypeset"], f"math left untypeset: {info['mathUntypeset']}"
    assert info["mjx"] >= info["math"], f"{info['math']} formulas but {info['mjx']} typeset"
    assert not info["mjxErrors"], f"MathJax reported TeX errors: {info['mjxErrors']}"
    assert not info["mathjaxRuntime"], "the page loaded MathJax's script (its math is typeset)"
    assert not info["mathFontsMissing"], f"math fonts that did not load: {info['mathFontsMissing']}"
    raw = sorted({m.group(0) for m in RAW_TEX.finditer(info["text"])})
    assert not raw, f"raw TeX in the visible text (not typeset): {raw}"


def test_explorers_render_saved_state(visit: Visit) -> None:
    info = visit.light
    assert info["rendered"] == info["views"], (
        f"{info['views']} saved widget views, {info['rendered']} rendered by live-widgets.js"
    )
    assert len(info["explorers"]) == info["views"]
    for i, explorer in enumerate(info["explorers"]):
        where = f"explorer {i} on {visit.page}"
        width, height = explorer["size"]
        assert width > 0 and height > 0, f"{where} has no size"
        assert explorer["controls"] > 0, f"{where} shows no control"
        assert explorer["labelled"], f"{where} has a control without a label"
        assert explorer["images"], f"{where} shows no figure"
        for image in explorer["images"]:
            assert min(image["size"]) > 50, f"{where}: its figure is {image['size']} px"
            assert len(image["alt"]) > 20, f"{where}: its figure lacks a text alternative"
        assert explorer["readout"], f"{where} shows no readout text"
        for link in explorer["links"]:  # drawn by the view, so the site checks cannot see it
            parts = urlsplit(link)
            target = SITE / parts.path.lstrip("/")
            assert target.is_file(), f"{where} links to a missing page: {link}"
            assert not parts.fragment or f'id="{parts.fragment}"' in target.read_text(), (
                f"{where} links to a missing anchor: {link}"
            )


#: A chapter page's first load (everything the browser fetched until math and explorers were
#: ready, compressed as GitHub Pages sends it) may not exceed this.
FIRST_LOAD_BUDGET = 600 * 1024


def test_first_load_is_light(visit: Visit) -> None:
    assert visit.transferred <= FIRST_LOAD_BUDGET, (
        f"{visit.page}: first load {visit.transferred / 1024:,.0f} KiB transferred "
        f"(budget {FIRST_LOAD_BUDGET // 1024} KiB gzipped)"
    )


def test_fits_a_phone(visit: Visit) -> None:
    """At 390 x 844 no page is wider than the screen and no display equation is cut off."""
    phone = visit.phone
    assert phone["pageWidth"] <= phone["viewport"], (
        f"{visit.page} is {phone['pageWidth']} px wide on a {phone['viewport']} px phone: "
        f"{phone['wide']}"
    )
    assert not phone["cutEquations"], f"display equations cut off: {phone['cutEquations']}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_accessibility(visit: Visit, theme: str) -> None:
    if theme not in visit.axe:
        return  # dark mode is checked on pages with figures or explorers
    violations = visit.axe[theme]
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(map(str, v["nodes"]))
        for v in violations
    )
    assert not violations, f"axe-core, {theme} theme, on {visit.page}:\n{details}"


def test_dark_theme_applies(visit: Visit) -> None:
    if visit.dark is not None:
        assert visit.dark["theme"] == "dark"
        assert not visit.dark["brokenImages"]
