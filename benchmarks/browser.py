"""What a reader's browser does with the built site: explorer redraw time and time to ready.

    .venv/bin/python benchmarks/browser.py            # both measurements (about 2 minutes)
    .venv/bin/python benchmarks/browser.py --quick    # fewer moves and one load per page
    .venv/bin/python benchmarks/browser.py --ready-only --pages 03 05  # time to ready, 2 chapters

Uses Debian's Chromium (/usr/bin/chromium) through Playwright, the site in _build/html
served on 127.0.0.1 with gzip (tools/site_server.py), and no other host.

**Redraw.** On every page with explorers, every range input of every explorer is moved back
and forth (50 moves per explorer, spread over its controls). One move is timed from the
``input`` event to the end of the synchronous update plus the style and layout it causes
(``offsetHeight`` is read to force them), which is the work a frame must fit. Target: median
under 16 ms (one frame at 60 Hz).

**First render.** On the same unthrottled loads, the moment every explorer of the page is
rendered (``live-widgets.js`` marks it) and the page's load event, both from navigation start.
Target: every explorer rendered within 1 s after load.

**Time to ready.** Each chapter page is loaded with an empty cache under Chromium DevTools'
"Slow 4G" profile (1.6 Mbit/s down x 0.9, 750 kbit/s up x 0.9, 562.5 ms round trip; the
values DevTools uses) and a 4x CPU slowdown. "Ready" is the moment every formula is typeset
(the math is typeset when the site is built, book/_ext/prerender_math.py, so: every formula
is in the page as MathJax's output, the page is parsed and its fonts are loaded) and every
explorer is rendered, measured from the start of navigation. Target:
3 s. Also reported: bytes transferred until then.

Results are printed and merged into benchmarks/results.json under "browser". Nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import site_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results.json"
CHROMIUM = "/usr/bin/chromium"
SLOW_4G = {
    "offline": False,
    "latency": 150 * 3.75,
    "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
    "uploadThroughput": 750 * 1000 / 8 * 0.9,
}
CPU_SLOWDOWN = 4
CHAPTERS = [f"book/{p.stem}.html" for p in sorted((ROOT / "book").glob("0*.ipynb"))]

MOVE = """
([root, index, moves]) => {
  const inputs = [...root.querySelectorAll('input[type="range"]')];
  const times = [];
  for (let m = 0; m < moves; m += 1) {
    const input = inputs[m % inputs.length];
    const lo = Number(input.min), hi = Number(input.max), step = Number(input.step) || 1;
    const span = Math.round((hi - lo) / step);
    // Walk each control across its range and back, landing on its grid.
    const k = Math.round(((m * 7919) % (span + 1)));
    const value = lo + k * step;
    const start = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    void root.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}
"""

READY = """
() => {
  if (document.readyState === 'loading') return false;  // the page is not parsed yet
  const math = [...document.querySelectorAll('span.math, div.math')];
  const typeset = math.every((m) => m.querySelector('mjx-container'));
  // The math's glyphs need its stylesheet and fonts.
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => !l.sheet)) return false;
  if (document.fonts.status !== 'loaded') return false;
  const hasWidgets = !!document.querySelector(
    'script[type="application/vnd.jupyter.widget-state+json"]');
  const explorers = !hasWidgets || document.documentElement.dataset.explorersReady === 'true';
  return typeset && explorers;
}
"""


FIRST_RENDER = """
() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = performance.getEntriesByName('infolib-explorers-ready')[0];
  return { ready: mark.startTime, domContentLoaded: nav.domContentLoadedEventEnd,
           load: nav.loadEventEnd };
}
"""


def redraw(browser, url: str, moves: int, chapters: list[str]) -> list[dict]:
    rows = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for chapter in chapters:
        page.goto(url + chapter, wait_until="load")
        page.wait_for_function("document.documentElement.dataset.explorersReady === 'true'")
        first = page.evaluate(FIRST_RENDER)
        for i, root in enumerate(page.query_selector_all(".infolib-explorer")):
            page.evaluate(MOVE, [root, i, 10])  # warm up: JIT, fonts, first layout
            times = page.evaluate(MOVE, [root, i, moves])
            title = root.query_selector(".ix-title").inner_text().split(":")[0]
            rows.append(
                {
                    "page": chapter,
                    "explorer": title,
                    "all_rendered_ms": first["ready"],
                    "load_ms": first["load"],
                    "moves": len(times),
                    "median_ms": statistics.median(times),
                    "max_ms": max(times),
                }
            )
    page.close()
    return rows


def time_to_ready(browser, url: str, repeats: int, chapters: list[str]) -> list[dict]:
    rows = []
    for chapter in chapters:
        runs = []
        for _ in range(repeats):
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.goto(url + chapter, wait_until="commit")
            page.wait_for_function(READY, timeout=120_000, polling=50)
            ready = page.evaluate("performance.now()")  # ms since navigation start
            sent = page.evaluate(
                "performance.getEntriesByType('resource').concat("
                "performance.getEntriesByType('navigation'))"
                ".reduce((a, e) => a + (e.transferSize || 0), 0)"
            )
            runs.append((ready / 1000, sent))
            context.close()
        seconds = statistics.median(r[0] for r in runs)
        rows.append(
            {
                "page": chapter,
                "ready_s": seconds,
                "transferred_kib": statistics.median(r[1] for r in runs) / 1024,
                "runs": len(runs),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer moves, one load per page")
    parser.add_argument("--ready-only", action="store_true", help="only the time to ready")
    parser.add_argument(
        "--pages", nargs="+", metavar="NN", help="only these chapters (by number: 03 05)"
    )
    parser.add_argument("--site", type=Path, default=site_server.SITE, help="the built site")
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    args = parser.parse_args(argv)
    chapters = [c for c in CHAPTERS if not args.pages or c[5:7] in args.pages]
    if not (args.site / "index.html").is_file():
        print("no built site: run python3 dev.py build first", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    with site_server.serve(args.site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        moves = 20 if args.quick else 50
        redraws = [] if args.ready_only else redraw(browser, url, moves, chapters)
        ready = time_to_ready(browser, url, 1 if args.quick else 3, chapters)
        browser.close()
    print("\nExplorer redraw (input event to updated layout), target: median under 16 ms;")
    print("all explorers of the page rendered (ms after navigation start; page load event), target")
    print("under 1 s after load")
    print(
        f"{'page':<34} {'explorer':<28} {'moves':>5} {'median':>9} {'worst':>9}"
        f" {'rendered':>9} {'load':>8}"
    )
    for r in redraws:
        print(
            f"{r['page']:<34} {r['explorer']:<28} {r['moves']:>5} "
            f"{r['median_ms']:>6.2f} ms {r['max_ms']:>6.2f} ms "
            f"{r['all_rendered_ms']:>6.0f} ms {r['load_ms']:>5.0f} ms"
        )
    print(f"\nTime to ready on Slow 4G with a {CPU_SLOWDOWN}x CPU slowdown, target: 3 s")
    print(f"{'page':<36} {'ready':>8} {'transferred':>12}")
    for r in ready:
        print(f"{r['page']:<36} {r['ready_s']:>6.2f} s {r['transferred_kib']:>8,.0f} KiB")
    print(f"\n({time.perf_counter() - started:.0f} s)")
    if args.no_save or args.ready_only or args.pages:
        return 0  # a partial run does not replace the recorded results
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    results["browser"] = {
        "redraw": redraws,
        "time_to_ready": ready,
        "profile": {"network": SLOW_4G, "cpu_slowdown": CPU_SLOWDOWN},
    }
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
