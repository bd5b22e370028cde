"""The EstimationExplorer on the chapter 9 page, moved in the browser, checked against infolib."""

from __future__ import annotations

import pytest
from live_harness import LiveExplorer, contexts

from infolib.readouts.estimation import SIZES, estimation_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/09_estimating_from_data.html", "estimation")
#: The chapter's call: EstimationExplorer(n=16, distribution="skewed").
START = (16, "skewed")
NAMES = ("uniform", "skewed")


def states() -> list[tuple[int, str]]:
    """Every state the controls can reach (9 sizes x 2 distributions), ends of the range first."""
    ends = [(4, "uniform"), (1024, "uniform"), (4, "skewed"), (1024, "skewed")]
    return ends + [(n, d) for d in NAMES for n in SIZES if (n, d) not in ends]


def as_controls(n: int, distribution: str) -> dict[str, object]:
    return {"size_index": SIZES.index(n), "distribution": distribution}


def check(live, n: int, distribution: str, context: str) -> str:
    expected = estimation_readout(n, distribution)
    shown = live.shows(expected, context)
    alt = shown["alt"][0]
    assert (
        f"for the {distribution} distribution with true entropy {expected['entropy']:.3f} bits"
        in alt
    )
    assert alt.endswith(
        f"At n = {n:,} the plug-in estimates average {expected['plugin.mean']:.3f} bits and the "
        f"Miller-Madow estimates {expected['miller_madow.mean']:.3f} bits."
    )
    assert f"from the {distribution} distribution" in shown["text"]
    assert shown["message"] == ""
    return alt


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        chosen = live.sample(states(), first=5)
        alts = live.walk(START, chosen, as_controls, check)
        assert len(alts) == len(set(chosen) | {START}), "the alt text must change with the state"
        assert "seeded samples" in live.read()["text"]
        live.assert_layout()
        live.screenshot()


def test_keyboard_moves_the_slider_and_the_distribution(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("size_index")
        live.press("ArrowRight", times=2)
        check(live, 64, "skewed", "after 2 ArrowRight")
        live.press("End")
        check(live, 1024, "skewed", "after End")
        live.press("Home")
        check(live, 4, "skewed", "after Home")
        live.focus("distribution", "skewed")
        live.press("ArrowLeft")  # arrow keys move the choice within a radio group
        check(live, 4, "uniform", "after ArrowLeft on the distribution")
        assert live.tab.evaluate("document.activeElement.value") == "uniform"
        assert live.labels("input[type=range]") == ["sample size n"]
        live.assert_announces('[data-key="plugin.bias"]')


def test_states_cover_every_reachable_state() -> None:
    assert len(set(states())) == 2 * len(SIZES)
