"""The FrequencyExplorer on the chapter 1 page, moved in the browser and checked against infolib."""

from __future__ import annotations

import pytest
from live_harness import LiveExplorer, contexts

from infolib.readouts.frequency import SIZES, frequency_readout

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/01_probability.html", "frequency")
#: The chapter's call: FrequencyExplorer(n=20, die="loaded").
START = (20, "loaded")


def states() -> list[tuple[int, str]]:
    """Every state the controls can reach (10 sizes x 2 dice), ends of the range first."""
    ends = [(10, "fair"), (10_000, "fair"), (10, "loaded"), (10_000, "loaded")]
    return ends + [(n, die) for die in ("fair", "loaded") for n in SIZES if (n, die) not in ends]


def as_controls(n: int, die: str) -> dict[str, object]:
    return {"size_index": SIZES.index(n), "die": die}


def check(live, n: int, die: str, context: str) -> str:
    expected = frequency_readout(n, die)
    shown = live.shows(expected, context)
    alt = shown["alt"][0]
    assert alt.startswith(f"Bar chart of the {die} die")
    assert f"Frequencies in {n:,} rolls beside them: 1: {expected['frequency.0']:.3f}" in alt
    assert alt.endswith(f"Largest gap {expected['largest_gap']:.3f}.")
    assert f"{n:,} rolls of the {die} die" in shown["text"]
    assert shown["message"] == ""
    return alt


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        chosen = live.sample(states(), first=5)
        alts = live.walk(START, chosen, as_controls, check)
        assert len(alts) == len(set(chosen) | {START}), "the alt text must change with the state"
        assert "seeded sequence" in live.read()["text"]
        live.assert_layout()
        live.screenshot()


def test_keyboard_moves_the_slider_and_the_die(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("size_index")
        live.press("ArrowRight", times=2)
        check(live, 100, "loaded", "after 2 ArrowRight")
        live.press("End")
        check(live, 10_000, "loaded", "after End")
        live.press("Home")
        check(live, 10, "loaded", "after Home")
        live.focus("die", "loaded")
        live.press("ArrowLeft")  # arrow keys move the choice within a radio group
        check(live, 10, "fair", "after ArrowLeft on the die")
        assert live.tab.evaluate("document.activeElement.value") == "fair"
        assert live.labels("input[type=range]") == ["rolls n"]
        live.assert_announces('[data-key="largest_gap"]')


def test_states_cover_every_reachable_state() -> None:
    assert len(set(states())) == 2 * len(SIZES)
