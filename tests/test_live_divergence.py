"""The DivergenceExplorer on the chapter 5 page, moved in the browser, checked against infolib."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts, indexed

from infolib.readouts.divergence import divergence_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/05_kl_divergence.html", "divergence")
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
    return indexed("p_weights", p_weights) | indexed("q_weights", q_weights)


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
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        first = live.shows(divergence_readout(*START), "saved state")
        alts = [first["alt"][0]]
        for state in live.sample(states(), first=6):
            live.set(as_controls(state))
            context = f"weights {state}"
            shown = live.shows(divergence_readout(*state), context)
            check_text(shown, state, f"{live.where} {context}")
            alts.append(shown["alt"][0])
            live.assert_layout(context)
            if state == states()[0]:
                live.screenshot("infinite")
        # Consecutive states differ, and so does what the figure's text alternative says.
        assert all(a != b for a, b in itertools.pairwise(alts)), "the alt text stayed put"
        live.set(as_controls(states()[4]))
        live.screenshot()


def test_keyboard_moves_a_slider_and_the_numbers(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("q_weights.1")
        p_weights = START[0]
        live.press("ArrowLeft", times=3)
        live.shows(divergence_readout(p_weights, (3, 0.5, 2, 3)), "3 ArrowLeft")
        live.press("Home")
        shown = live.shows(divergence_readout(p_weights, (3, 0, 2, 3)), "after Home")
        assert "q gives probability 0 to cloudy, which p can produce" in shown["text"]
        live.press("End")
        live.shows(divergence_readout(p_weights, (3, 10, 2, 3)), "after End")
        assert live.labels() == [f"p({s})" for s in LABELS] + [f"q({s})" for s in LABELS]
        live.assert_announces('[data-key="js"]')


def test_states_cover_the_ends_and_every_invalid_case() -> None:
    seen = set(itertools.chain.from_iterable(p + q for p, q in states()))
    assert {0.0, 0.5, 10.0} <= seen
    zero = (0.0,) * 4
    assert {s[0] == zero for s in states()} == {True, False}
    assert any(p == zero and q == zero for p, q in states())
    assert all(a != b for a, b in itertools.pairwise([START, *states()]))
