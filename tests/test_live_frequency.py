"""The FrequencyExplorer on the chapter 1 page, moved in the browser and checked against infolib."""

from __future__ import annotations

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

from infolib.readouts.frequency import SIZES, frequency_readout

pytestmark = pytest.mark.browser
PAGE = "book/01_probability.html"
#: The chapter's call: FrequencyExplorer(n=20, die="loaded").
START = (20, "loaded")


def states() -> list[tuple[int, str]]:
    """Every state the controls can reach (10 sizes x 2 dice), ends of the range first."""
    ends = [(10, "fair"), (10_000, "fair"), (10, "loaded"), (10_000, "loaded")]
    return ends + [(n, die) for die in ("fair", "loaded") for n in SIZES if (n, die) not in ends]


def as_controls(n: int, die: str) -> dict[str, object]:
    return {"size_index": SIZES.index(n), "die": die}


def check(tab, root, n: int, die: str, context: str) -> dict:
    shown = read(tab, root)
    expected = frequency_readout(n, die)
    assert_shows(shown, expected, context)
    alt = shown["alt"][0]
    assert alt.startswith(f"Bar chart of the {die} die")
    assert f"Frequencies in {n:,} rolls beside them: 1: {expected['frequency.0']:.3f}" in alt
    assert alt.endswith(f"Largest gap {expected['largest_gap']:.3f}.")
    assert f"{n:,} rolls of the {die} die" in shown["text"]
    assert shown["message"] == ""
    return shown


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    chosen = states() if (viewport, theme) == ("desktop", "light") else states()[:5]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        alts = {check(tab, root, *START, "saved state")["alt"][0]}
        for n, die in chosen:
            set_state(tab, root, as_controls(n, die))
            alts.add(check(tab, root, n, die, f"{n} rolls, {die}")["alt"][0])
        assert len(alts) == len(set(chosen) | {START}), "the alt text must change with the state"
        set_state(tab, root, as_controls(*START))
        check(tab, root, *START, "back to the start")
        assert "seeded sequence" in read(tab, root)["text"]
        assert_layout(tab, root, f"{viewport} {theme}")
        screenshot(root, f"frequency-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_the_slider_and_the_die(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        root.query_selector('[data-control="size_index"]').focus()
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus ring"
        tab.keyboard.press("ArrowRight")
        tab.keyboard.press("ArrowRight")
        check(tab, root, 100, "loaded", "after 2 ArrowRight")
        tab.keyboard.press("End")
        check(tab, root, 10_000, "loaded", "after End")
        tab.keyboard.press("Home")
        check(tab, root, 10, "loaded", "after Home")
        root.query_selector('[data-control="die"][value="loaded"]').focus()
        tab.keyboard.press("ArrowLeft")  # arrow keys move the choice within a radio group
        check(tab, root, 10, "fair", "after ArrowLeft on the die")
        assert tab.evaluate("document.activeElement.value") == "fair"
        label = tab.evaluate(
            "(r) => r.querySelector('input[type=range]').labels[0].textContent", root
        )
        assert label == "rolls n"
        assert root.query_selector('[aria-live="polite"] [data-key="largest_gap"]')
        assert not tab.problems, tab.problems


def test_states_cover_every_reachable_state() -> None:
    assert len(set(states())) == 2 * len(SIZES)
