"""Drive the explorers on the built website, as a reader would, and read what they show.

Used by the ``test_live_*.py`` modules, one per explorer. A page is served from 127.0.0.1
with every other host cut off; each explorer renders from its saved state through
``_static/live-widgets.js`` (no kernel). Controls are found by their ``data-control`` key
(``weights.0``, ``unit``, ...), numbers by their ``data-key`` (the keys of the explorer's
readout function in :mod:`infolib.readouts`). :func:`assert_shows` compares every shown number
with infolib's value formatted at the precision shown, so "0.062" must be what Python prints
for infolib's value with 3 decimals.

A test module names its explorer once, ``EXPLORER = LiveExplorer(page, name, index)``, and
opens it in a viewport and theme with ``with EXPLORER.open(browser, site_url, ...) as live:``;
:class:`Live` moves and reads it (``live.set``, ``live.shows``, ``live.focus``, ``live.press``)
and, when the block ends, fails the test on any console error or request off the site. What
the module keeps is what is particular to its explorer: the states, the readout each state must
show, and what the text alternative and the sentences must say.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
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
  const wide = [root, ...root.querySelectorAll('.ix-readout, .ix-figure, .ix-controls')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className);
  return { left: box.left, right: box.right, smallest, wide,
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


def assert_layout(tab: Any, root: Any, context: str, *, page_may_overflow: bool = False) -> None:
    """No text under 12 px in the figure, and nothing wider than the screen.

    With ``page_may_overflow`` (a page whose prose is wider than a phone, for a reason that
    is not the explorer's), the page's width is not checked; nothing inside the explorer may
    overflow it instead (its readout, figure and controls scroll nowhere).
    """
    layout = tab.evaluate(LAYOUT, root)
    assert layout["smallest"] >= 11.99, f"{context}: figure text of {layout['smallest']:.1f} px"
    assert layout["right"] <= layout["viewport"] + 0.5, f"{context}: explorer wider than screen"
    if page_may_overflow:
        assert not layout["wide"], f"{context}: {layout['wide']} overflow the explorer"
    else:
        assert layout["pageWidth"] <= layout["viewport"], f"{context}: page wider than the screen"


def screenshot(root: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    root.screenshot(path=str(SCREENSHOTS / f"explorer-{name}.png"))


def contexts() -> list[Any]:
    """The (viewport, theme) pairs every explorer is moved in, as pytest params."""
    return [pytest.param(v, t, id=f"{v}-{t}") for v in VIEWPORTS for t in THEMES]


def indexed(key: str, values: Sequence[Any]) -> dict[str, Any]:
    """The controls of a list trait: ``indexed("weights", (4, 3))`` is
    ``{"weights.0": 4, "weights.1": 3}``."""
    return {f"{key}.{i}": value for i, value in enumerate(values)}


@dataclass
class Live:
    """One explorer on an open page, in one viewport and theme: move it, read it, check it.

    Every check names the viewport and theme in its message.
    """

    tab: Any
    root: Any
    name: str
    viewport: str
    theme: str

    @property
    def where(self) -> str:
        return f"{self.viewport} {self.theme}"

    def sample(self, states: Sequence[Any], first: int) -> list[Any]:
        """Every state on the desktop in the light theme; the ``first`` ones elsewhere."""
        if (self.viewport, self.theme) == ("desktop", "light"):
            return list(states)
        return list(states[:first])

    def walk(
        self,
        start: tuple,
        states: Sequence[tuple],
        controls: Callable[..., Mapping[str, Any]],
        check: Callable[..., str],
        *,
        back: bool = True,
    ) -> set[str]:
        """Check the saved state ``start``, then set each of ``states`` in turn and check it,
        then (with ``back``) set ``start`` again and check it once more.

        ``controls(*state)`` gives the controls' values; ``check(live, *state, context)``
        asserts what the explorer must show and returns its text alternative. Returns the
        distinct text alternatives seen, for the test to say how many it expects.
        """
        alts = {check(self, *start, "saved state")}
        for state in states:
            self.set(controls(*state))
            alts.add(check(self, *state, f"state {state}"))
        if back:
            self.set(controls(*start))
            alts.add(check(self, *start, "back to the start"))
        return alts

    def set(self, state: Mapping[str, Any]) -> None:
        """Set each control named in ``state`` (``data-control`` key -> value), in order."""
        set_state(self.tab, self.root, state)

    def read(self) -> dict:
        return read(self.tab, self.root)

    def shows(self, expected: Mapping[str, float], context: str) -> dict:
        """Read the explorer, :func:`assert_shows` it against ``expected``, return what it shows."""
        shown = self.read()
        assert_shows(shown, expected, f"{self.where}: {context}")
        return shown

    def assert_layout(self, context: str = "", *, page_may_overflow: bool = False) -> None:
        where = f"{self.where}: {context}" if context else self.where
        assert_layout(self.tab, self.root, where, page_may_overflow=page_may_overflow)

    def screenshot(self, variant: str = "") -> None:
        """``explorer-NAME[-VARIANT]-VIEWPORT-THEME.png`` in the screenshots folder."""
        stem = f"{self.name}-{variant}" if variant else self.name
        screenshot(self.root, f"{stem}-{self.viewport}-{self.theme}")

    def focus(self, control: str, value: str | None = None) -> None:
        """Focus the control ``control`` (the radio of ``value`` in a radio group), check that
        it has the focus and shows a visible focus ring."""
        selector = f'[data-control="{control}"]'
        if value is not None:
            selector += f'[value="{value}"]'
        element = self.root.query_selector(selector)
        assert element, f"no control {selector}"
        element.focus()
        assert self.tab.evaluate("document.activeElement.dataset.control") == control
        outline = self.tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", f"{control}: no visible focus ring"

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.tab.keyboard.press(key)

    def labels(self, selector: str = "input") -> list[str]:
        """The text of the label of each ``selector`` element, in order."""
        return self.tab.evaluate(
            "([r, s]) => [...r.querySelectorAll(s)].map((i) => i.labels[0].textContent)",
            [self.root, selector],
        )

    def assert_announces(self, selector: str) -> None:
        """``selector`` is inside a polite live region: screen readers hear it change."""
        assert self.root.query_selector(f'[aria-live="polite"] {selector}'), (
            f"{selector} is not in a polite live region"
        )


@dataclass(frozen=True)
class LiveExplorer:
    """Where an explorer is on the built site: ``page``, its ``index`` among the page's
    explorers, and the ``name`` its screenshots take."""

    page: str
    name: str
    index: int = 0

    @contextmanager
    def open(
        self, browser: Any, site_url: str, viewport: str = "desktop", theme: str = "light"
    ) -> Iterator[Live]:
        """The explorer on a fresh page (:func:`open_page`). When the block ends without a
        failure, the page must have logged no error and asked for nothing off the site."""
        with open_page(browser, site_url, self.page, viewport=viewport, theme=theme) as tab:
            yield Live(tab, explorer(tab, self.index), self.name, viewport, theme)
            assert not tab.problems, tab.problems
