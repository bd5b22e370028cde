"""The DivergenceExplorer on the chapter 5 page, moved in the browser, checked against infolib."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from live_harness import (
    assert_layout,
    assert_shows,
    contexts,
    explorer,
    open_page,
    read,
    screenshot,
    set_state,
)

from infolib.readouts.divergence import divergence_readout

pytestmark = pytest.mark.browser
PAGE = "book/05_kl_divergence.html"
LABELS = ("sunny", "cloudy", "rain", "snow")
START = ((5.0, 3.0, 1.5, 0.5), (3.0, 2.0, 2.0, 3.0))

State = tuple[tuple[float, ...], tuple[float, ...]]


def states() -> list[State]:
    """Ends of the ranges, zeros on either side, no distribution, equal and disjoint, random."""
    rng = np.random.default_rng(5)
    picked = [
        ((1.0, 1.0, 1.0, 0.0), (1.0, 1.0, 1.0, 1.0)),  # p = 0 where q > 0: D(p||q) finite
        ((1.0, 1.0, 0.0, 0.0), (0.0, 0.0, 1.0, 1.0)),  # disjoint: both infinite, JS = 1
        ((0.0, 0.0, 0.0, 0.0), (1.0, 1.0, 1.0, 1.0)),  # no p
        ((2.0, 2.0, 2.0, 2.0), (2.0, 2.0, 2.0, 2.0)),  # equal: all 0
        ((10.0, 0.5, 0.5, 0.5), (0.5, 10.0, 10.0, 10.0)),  # D(p||q) off the chart
        ((10.0, 10.0, 10.0, 10.0), (0.0, 0.0, 0.0, 0.0)),  # no q
        ((0.0, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 0.0)),  # neither
        ((0.5, 0.5, 0.5, 0.5), (10.0, 10.0, 10.0, 10.0)),  # ends, equal after dividing
        ((5.0, 3.0, 1.5, 0.5), (3.0, 0.0, 2.0, 0.0)),  # q rules out two outcomes
        ((10.0, 0.0, 0.0, 0.0), (0.5, 10.0, 10.0, 10.0)),
    ]
    picked += [
        (tuple(rng.integers(0, 21, 4) / 2), tuple(rng.integers(0, 21, 4) / 2)) for _ in range(12)
    ]
    return picked


def as_controls(state: State) -> dict[str, float]:
    p_weights, q_weights = state
    out = {f"p_weights.{i}": w for i, w in enumerate(p_weights)}
    out.update({f"q_weights.{i}": w for i, w in enumerate(q_weights)})
    return out


def check_text(shown: dict, state: State, context: str) -> None:
    """Alt text and explanations from a direct computation (not from infolib)."""
    a, b = (np.array(w) for w in state)
    alt = shown["alt"][0]
    if not a.any() or not b.any():
        assert "no divergence is shown" in alt and shown["message"], context
        assert "raise at least one of its weights" in shown["text"], context
        # The figure still draws the distribution that exists, and its text says so.
        assert ("Only the truth p is drawn" in alt) == bool(a.any() and not b.any()), context
        assert ("Only the model q is drawn" in alt) == bool(b.any() and not a.any()), context
        return
    p, q = a / a.sum(), b / b.sum()

    def kl(x: np.ndarray, y: np.ndarray) -> float:
        if ((x > 0) & (y == 0)).any():
            return np.inf
        keep = x > 0
        return float((x[keep] * np.log2(x[keep] / y[keep])).sum())

    for name, x, y, first, second in (("D(p||q)", p, q, "p", "q"), ("D(q||p)", q, p, "q", "p")):
        d = kl(x, y)
        if np.isinf(d):
            assert f"{name} = infinite" in alt, context
            names = ", ".join(s for s, u, v in zip(LABELS, x, y, strict=True) if u > 0 and v == 0)
            sentence = f"{second} gives probability 0 to {names}, which {first} can produce"
            assert sentence in shown["text"], f"{context}: {shown['text']}"
        else:
            assert f"{name} = {d:.3f} bits" in alt, f"{context}: {alt}"
    assert all(f"{s} {x:.3f}" in alt for s, x in zip(LABELS, p, strict=True)), context
    assert "never above 1 bit" in shown["text"] and not shown["message"], context


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    desktop_light = (viewport, theme) == ("desktop", "light")
    chosen = states() if desktop_light else states()[:6]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        first = read(tab, root)
        assert_shows(first, divergence_readout(*START), "saved state")
        alts = [first["alt"][0]]
        for state in chosen:
            set_state(tab, root, as_controls(state))
            shown = read(tab, root)
            context = f"{viewport} {theme} weights {state}"
            assert_shows(shown, divergence_readout(*state), context)
            check_text(shown, state, context)
            alts.append(shown["alt"][0])
            assert_layout(tab, root, context)
            if state == states()[0]:
                screenshot(root, f"divergence-infinite-{viewport}-{theme}")
        # Consecutive states differ, and so does what the figure's text alternative says.
        assert all(a != b for a, b in itertools.pairwise(alts)), "the alt text stayed put"
        set_state(tab, root, as_controls(states()[4]))
        screenshot(root, f"divergence-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        control = root.query_selector('[data-control="q_weights.1"]')
        control.focus()
        assert tab.evaluate("document.activeElement.dataset.control") == "q_weights.1"
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus ring"
        p_weights = START[0]
        for _ in range(3):
            tab.keyboard.press("ArrowLeft")
        assert_shows(read(tab, root), divergence_readout(p_weights, (3, 0.5, 2, 3)), "3 ArrowLeft")
        tab.keyboard.press("Home")
        shown = read(tab, root)
        assert_shows(shown, divergence_readout(p_weights, (3, 0, 2, 3)), "after Home")
        assert "q gives probability 0 to cloudy, which p can produce" in shown["text"]
        tab.keyboard.press("End")
        assert_shows(read(tab, root), divergence_readout(p_weights, (3, 10, 2, 3)), "after End")
        labels = tab.evaluate(
            "(r) => [...r.querySelectorAll('input')].map((i) => i.labels[0].textContent)", root
        )
        assert labels == [f"p({s})" for s in LABELS] + [f"q({s})" for s in LABELS]
        assert root.query_selector('[aria-live="polite"] [data-key="js"]')
        assert not tab.problems, tab.problems


def test_states_cover_the_ends_and_every_invalid_case() -> None:
    seen = set(itertools.chain.from_iterable(p + q for p, q in states()))
    assert {0.0, 0.5, 10.0} <= seen
    zero = (0.0,) * 4
    assert {s[0] == zero for s in states()} == {True, False}
    assert any(p == zero and q == zero for p, q in states())
    assert all(a != b for a, b in itertools.pairwise([START, *states()]))
