"""Drive the explorers on the built website, as a reader would, and read what they show.

Used by the ``test_live_*.py`` modules, one per explorer. A page is served from 127.0.0.1
with every other host cut off; each explorer renders from its saved state through
``_static/live-widgets.js`` (no kernel). Controls are found by their ``data-control`` key
(``weights.0``, ``unit``, ...), numbers by their ``data-key`` (the keys of the explorer's
readout function in :mod:`infolib.readouts`). :func:`assert_shows` compares every shown number
with infolib's value formatted at the precision shown, so "0.062" must be what Python prints
for infolib's value with 3 decimals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import SCREENSHOTS

from infolib.readouts.support import printed

#: Desktop and phone, light and dark: every explorer is moved in each.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
THEMES = ("light", "dark")
TIMEOUT_MS = 15_000

SET_CONTROL = """
([root, key, value]) => {
  const el = root.querySelectorAll('[data-control="' + key + '"]');
  if (!el.length) throw new Error('no control ' + key);
  if (el[0].type === 'radio') {
    const radio = [...el].find((r) => r.value === String(value));
    if (!radio) throw new Error('no choice ' + value + ' for ' + key);
    radio.click();
  } else {
    const input = el[0];
    input.value = String(value);
    if (Number(input.value) !== Number(value)) {
      throw new Error(key + ' cannot take ' + value + ' (range ' + input.min + '..' + input.max
        + ' step ' + input.step + ')');
    }
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
"""

READ = """
(root) => ({
  numbers: Object.fromEntries([...root.querySelectorAll('[data-key]')]
    .map((e) => [e.dataset.key, e.textContent.trim()])),
  every: [...root.querySelectorAll('[data-key]')]
    .map((e) => [e.dataset.key, e.textContent.trim()]),
  alt: [...root.querySelectorAll('svg[role="img"]')].map((s) => s.getAttribute('aria-label')),
  message: (root.querySelector('.ix-message') || {}).textContent || '',
  error: root.getAttribute('data-error'),
  text: root.innerText,
})
"""

LAYOUT = """
(root) => {
  const smallest = Math.min(...[...root.querySelectorAll('svg text')].map((t) => {
    const svg = t.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(getComputedStyle(t).fontSize) * scale;
  }));
  const box = root.getBoundingClientRect();
  return { left: box.left, right: box.right, smallest,
           pageWidth: document.documentElement.scrollWidth, viewport: innerWidth };
}
"""


@contextmanager
def open_page(browser, site_url: str, page: str, *, viewport: str, theme: str) -> Iterator[Any]:
    """A new browser page on ``page``, network cut, explorers ready; console errors collected."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=theme)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))

    def route(r: Any) -> None:
        if r.request.url.startswith(site_url):
            r.continue_()
        else:
            problems.append(f"request left the site: {r.request.url}")
            r.abort()

    tab.route("**/*", route)
    tab.goto(site_url + page)
    tab.wait_for_function(
        "document.documentElement.dataset.explorersReady === 'true'", timeout=TIMEOUT_MS
    )
    tab.wait_for_function(f"document.documentElement.dataset.theme === '{theme}'")
    tab.problems = problems
    try:
        yield tab
    finally:
        context.close()


def explorer(tab: Any, index: int) -> Any:
    """The ``index``-th explorer on the page (an element handle)."""
    roots = tab.query_selector_all(".infolib-explorer")
    assert len(roots) > index, f"the page shows {len(roots)} explorers, wanted #{index}"
    return roots[index]


def set_state(tab: Any, root: Any, state: Mapping[str, Any]) -> None:
    """Set each control named in ``state`` (``data-control`` key -> value), in order."""
    for key, value in state.items():
        tab.evaluate(SET_CONTROL, [root, key, value])


def read(tab: Any, root: Any) -> dict:
    return tab.evaluate(READ, root)


def expected_text(shown: str, value: float) -> str:
    """``value`` as the explorers print it (:func:`infolib.readouts.support.printed`), at the
    precision ``shown`` uses."""
    if math.isinf(value):
        return printed(value, 0)
    number = shown.split()[0]
    match = re.fullmatch(r"-?[\d,]*(?:\.(\d+))?", number)
    assert match, f"not a number as the explorers write them: {shown!r}"
    decimals = len(match.group(1) or "")
    if "," in number:
        return f"{value:,.{decimals}f}"
    return printed(value, decimals)


def assert_shows(shown: dict, expected: Mapping[str, float], context: str) -> None:
    """Every number infolib gives is shown, nothing else is, each to the shown precision."""
    numbers = shown["numbers"]
    assert shown["error"] is None, f"{context}: the view failed: {shown['error']}"
    assert set(numbers) == set(expected), (
        f"{context}: shown keys {sorted(numbers)} differ from infolib's {sorted(expected)}"
    )
    for key, shown_text in shown["every"]:  # a number shown twice is checked twice
        value = expected[key]
        text = shown_text.split()[0]
        assert text == expected_text(text, value), (
            f"{context}: {key} shows {shown_text!r}, infolib gives {value!r}"
        )
    assert all(shown["alt"]), f"{context}: a figure has no text alternative"


def assert_layout(tab: Any, root: Any, context: str) -> None:
    """No text under 12 px in the figure, and nothing wider than the screen."""
    layout = tab.evaluate(LAYOUT, root)
    assert layout["smallest"] >= 11.99, f"{context}: figure text of {layout['smallest']:.1f} px"
    assert layout["right"] <= layout["viewport"] + 0.5, f"{context}: explorer wider than screen"
    assert layout["pageWidth"] <= layout["viewport"], f"{context}: page wider than the screen"


def screenshot(root: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    root.screenshot(path=str(SCREENSHOTS / f"explorer-{name}.png"))


def contexts() -> list[Any]:
    """The (viewport, theme) pairs every explorer is moved in, as pytest params."""
    return [pytest.param(v, t, id=f"{v}-{t}") for v in VIEWPORTS for t in THEMES]
