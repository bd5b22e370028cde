"""The EstimationExplorer on the chapter 9 page, moved in the browser, checked against infolib."""

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

from infolib.readouts.estimation import SIZES, estimation_readout

pytestmark = pytest.mark.browser
PAGE = "book/09_estimating_from_data.html"
#: The chapter's call: EstimationExplorer(n=16, distribution="skewed").
START = (16, "skewed")
NAMES = ("uniform", "skewed")


def states() -> list[tuple[int, str]]:
    """Every state the controls can reach (9 sizes x 2 distributions), ends of the range first."""
    ends = [(4, "uniform"), (1024, "uniform"), (4, "skewed"), (1024, "skewed")]
    return ends + [(n, d) for d in NAMES for n in SIZES if (n, d) not in ends]


def as_controls(n: int, distribution: str) -> dict[str, object]:
    return {"size_index": SIZES.index(n), "distribution": distribution}


def check(tab, root, n: int, distribution: str, context: str) -> dict:
    shown = read(tab, root)
    expected = estimation_readout(n, distribution)
    assert_shows(shown, expected, context)
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
    return shown


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    chosen = states() if (viewport, theme) == ("desktop", "light") else states()[:5]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        alts = {check(tab, root, *START, "saved state")["alt"][0]}
        for n, d in chosen:
            set_state(tab, root, as_controls(n, d))
            alts.add(check(tab, root, n, d, f"n = {n}, {d}")["alt"][0])
        assert len(alts) == len(set(chosen) | {START}), "the alt text must change with the state"
        set_state(tab, root, as_controls(*START))
        check(tab, root, *START, "back to the start")
        assert "seeded samples" in read(tab, root)["text"]
        assert_layout(tab, root, f"{viewport} {theme}")
        screenshot(root, f"estimation-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_the_slider_and_the_distribution(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        root.query_selector('[data-control="size_index"]').focus()
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus ring"
        tab.keyboard.press("ArrowRight")
        tab.keyboard.press("ArrowRight")
        check(tab, root, 64, "skewed", "after 2 ArrowRight")
        tab.keyboard.press("End")
        check(tab, root, 1024, "skewed", "after End")
        tab.keyboard.press("Home")
        check(tab, root, 4, "skewed", "after Home")
        root.query_selector('[data-control="distribution"][value="skewed"]').focus()
        tab.keyboard.press("ArrowLeft")  # arrow keys move the choice within a radio group
        check(tab, root, 4, "uniform", "after ArrowLeft on the distribution")
        assert tab.evaluate("document.activeElement.value") == "uniform"
        label = tab.evaluate(
            "(r) => r.querySelector('input[type=range]').labels[0].textContent", root
        )
        assert label == "sample size n"
        assert root.query_selector('[aria-live="polite"] [data-key="plugin.bias"]')
        assert not tab.problems, tab.problems


def test_states_cover_every_reachable_state() -> None:
    assert len(set(states())) == 2 * len(SIZES)
