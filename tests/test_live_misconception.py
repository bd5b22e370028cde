"""The MisconceptionExplorer on the chapter 10 page, moved in the browser, checked against infolib.

Numbers are compared with :func:`misconception_readout` through ``data-key`` (every copy of a
number, since the evidence of a claim repeats some); verdicts, which are not numbers, through
each chip's ``data-claim`` and ``data-holds`` attributes against :func:`check_claims`.
"""

from __future__ import annotations

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts, expected_text, indexed

from infolib.readouts.misconception import CLAIMS, check_claims, misconception_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/10_summary.html", "misconception")
START = ((6.0, 3.0, 1.0), (2.0, 3.0, 5.0))

READ_VERDICTS = """
(root) => [...root.querySelectorAll('[data-claim]')]
  .map((e) => [e.dataset.claim, e.dataset.holds, e.textContent.trim()])
"""


def states() -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
    """Ends of every range, zeros, ties, infinities, invalid pairs, and seeded random pairs."""
    rng = np.random.default_rng(7)
    picked = [
        ((10.0, 10.0, 10.0), (10.0, 10.0, 10.0)),  # q = p, uniform: KL 0 both ways
        ((10.0, 0.0, 0.0), (10.0, 0.0, 0.0)),  # one-hot and perfect: H(p, q) = 0
        ((10.0, 0.0, 0.0), (0.5, 10.0, 10.0)),  # off the scale: H(p, q) = 5.358 bits
        ((1.0, 1.0, 0.0), (0.0, 1.0, 1.0)),  # q rules out what p allows: infinite both ways
        ((10.0, 0.0, 0.0), (0.0, 10.0, 0.0)),  # disjoint one-hots: inf = inf "symmetric"
        ((0.5, 0.5, 0.5), (0.0, 0.0, 10.0)),  # p allows what q rules out: D(p‖q) = ∞ only
        ((7.5, 0.5, 0.0), (0.5, 7.5, 0.0)),  # 0.0625: a tie at 3 decimals; a mirror pair
        ((0.0, 0.0, 0.0), (2.0, 3.0, 5.0)),  # no p
        ((6.0, 3.0, 1.0), (0.0, 0.0, 0.0)),  # no q
        ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),  # neither: p is named first
        ((0.5, 0.0, 0.0), (10.0, 10.0, 0.5)),
        ((3.0, 1.0, 0.0), (1.0, 3.0, 0.0)),  # a mirror pair: KL symmetric, H(p) = H(q)
    ]
    for _ in range(12):
        p, q = rng.integers(0, 21, 3) / 2, rng.integers(0, 21, 3) / 2
        picked.append((tuple(map(float, p)), tuple(map(float, q))))
    return picked


def as_controls(p: tuple[float, ...], q: tuple[float, ...]) -> dict[str, float]:
    return indexed("p_weights", p) | indexed("q_weights", q)


def bits(x: float) -> str:
    return expected_text("0.000", x)


def check(live, p, q, context: str) -> str:
    expected = misconception_readout(p, q)
    shown = live.shows(expected, context)  # each copy of a repeated number, too
    verdicts = live.tab.evaluate(READ_VERDICTS, live.root)
    alt = shown["alt"][0]
    if not expected:
        which = "the truth p" if not any(p) else "the model q"
        assert verdicts == []
        assert f"Every weight of {which} is 0" in shown["text"] and which in shown["message"]
        assert alt == f"Every weight of {which} is 0: no pair is shown."
        return alt
    assert shown["message"] == ""
    claims = check_claims(
        [expected[f"p.{i}"] for i in range(3)], [expected[f"q.{i}"] for i in range(3)]
    )
    assert [k for k, _ in CLAIMS] == [k for k, _, _ in verdicts], context
    for key, holds, text in verdicts:
        assert holds == str(claims[key]).lower(), f"{context}: {key} shows {holds}"
        assert text == ("✔ holds" if claims[key] else "✘ fails"), (context, key)
    assert f"H(p, q) = {bits(expected['cross_entropy_pq'])} bits" in alt, alt
    assert f"H(q) = {bits(expected['entropy_q'])} and D(q‖p) = {bits(expected['kl_qp'])}" in alt
    q_text = ", ".join(f"{s} {expected['q.' + str(i)]:.3f}" for i, s in enumerate(LABELS))
    assert f"beside the model q ({q_text})" in alt, alt
    holds = sum(claims.values())
    verb = "holds" if holds == 1 else "hold"
    assert alt.endswith(f"{holds} of the 6 claims {verb} for this pair."), alt
    return alt


LABELS = ("sunny", "cloudy", "rain")


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_and_verdict_matches_infolib(browser, site_url, viewport, theme) -> None:
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        chosen = live.sample(states(), first=10)
        alts = live.walk(START, chosen, as_controls, check)
        assert len(alts) >= len(chosen) - 2, "the alt text must change with the state"
        live.assert_layout()
        live.screenshot()
        live.set(as_controls((1.0, 1.0, 0.0), (0.0, 1.0, 1.0)))
        live.screenshot("infinite")


def test_keyboard_moves_a_slider_and_the_verdicts(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("q_weights.0")
        live.press("ArrowRight", times=8)  # q = (6, 3, 5)
        check(live, (6, 3, 1), (6, 3, 5), "after 8 ArrowRight")
        live.press("Tab")
        live.press("Tab")  # q_weights.2
        live.press("Home")
        check(live, (6, 3, 1), (6, 3, 0), "after Home: q rules out rain")
        assert "q gives probability 0 to an outcome p produces" in live.read()["text"]
        assert live.labels() == [f"{w}: {s}" for w in "pq" for s in LABELS]
        live.assert_announces('[data-claim="kl_symmetric"]')


def test_states_cover_the_cases_that_matter() -> None:
    cases = states()
    seen = {w for p, q in cases for w in (*p, *q)}
    assert {0.0, 0.5, 10.0} <= seen
    pairs = [(np.array(p) / sum(p), np.array(q) / sum(q)) for p, q in cases if any(p) and any(q)]
    verdicts = [check_claims(p, q) for p, q in pairs]
    for key, _ in CLAIMS:
        want = {True} if key == "decomposition" else {True, False}  # an identity always holds
        assert {v[key] for v in verdicts} == want, key
