"""The TrainingExplorer on the chapter 7 page, moved in the browser and checked against infolib.

Every number is compared with :func:`training_readout`, which trains afresh for exactly the
chosen epochs: so the page's precomputed table is checked against independent runs too.
"""

from __future__ import annotations

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

from infolib.readouts.training import CHECKPOINTS, EPOCHS, NOISES, RATES, training_readout
from infolib.training import decompose_loss, make_softmax_data, train_softmax_regression

pytestmark = pytest.mark.browser
PAGE = "book/07_putting_it_together.html"
START = (0.3, 200, 0.3)


def states() -> list[tuple[float, int, float]]:
    """Ends of every range, then a dozen seeded random settings."""
    rng = np.random.default_rng(6)
    picked = [
        (0.05, 10, 0.0),
        (4.0, 200, 0.6),
        (0.05, 200, 0.6),
        (4.0, 10, 0.0),
        (1.0, 100, 0.3),
        (4.0, 20, 0.0),  # the fastest rate: KL smallest early, then creeping up
    ]
    for _ in range(12):
        picked.append(
            (
                float(rng.choice(RATES)),
                int(rng.choice(EPOCHS)),
                float(rng.choice(NOISES)),
            )
        )
    return picked


def as_controls(rate: float, epochs: int, noise: float) -> dict[str, float]:
    return {"rate_index": RATES.index(rate), "epochs": epochs, "label_noise": noise}


def curve_facts(rate: float, epochs: int, noise: float) -> tuple[float, float, float, int]:
    """Start values and the drawn KL minimum, from a run made here (not from the page's table)."""
    data = make_softmax_data(300, label_noise=noise, seed=0)
    run = train_softmax_regression(
        data.X, data.y, epochs=epochs, learning_rate=rate, n_classes=3, seed=0
    )
    parts = decompose_loss(data.P, run.Q, base=np.e)
    drawn = [e for e in CHECKPOINTS if e <= epochs]
    kl = np.round(parts.kl[drawn], 4)
    best = int(np.argmin(kl))
    return float(parts.cross_entropy[0]), float(parts.kl[0]), float(kl[best]), drawn[best]


def check(tab, root, rate: float, epochs: int, noise: float, context: str) -> str:
    shown = read(tab, root)
    expected = training_readout(rate, epochs, noise)
    assert_shows(shown, expected, context)
    ce0, kl0, kl_min, at = curve_facts(rate, epochs, noise)
    alt = shown["alt"][0]
    assert alt.startswith(
        f"Training curves over {epochs} epochs with learning rate {rate:.2f} and label noise "
        f"{noise:.1f}. The expected cross-entropy (vermillion) falls from {ce0:.3f} to "
        f"{expected['cross_entropy']:.3f} nats towards the dashed blue entropy floor at "
        f"{expected['floor']:.3f} nats; the KL gap (green) goes from {kl0:.3f} to "
        f"{expected['kl']:.3f} nats, smallest ({kl_min:.4f} nats) at epoch {at}; "
    ), alt
    assert alt.endswith(f"ends at {expected['train_loss']:.3f} nats."), alt
    assert shown["message"] == ""
    return alt


@pytest.mark.parametrize(("viewport", "theme"), contexts())
def test_every_number_matches_infolib(browser, site_url, viewport, theme) -> None:
    chosen = states() if (viewport, theme) == ("desktop", "light") else states()[:4]
    with open_page(browser, site_url, PAGE, viewport=viewport, theme=theme) as tab:
        root = explorer(tab, 0)
        alts = {check(tab, root, *START, "saved state")}
        for state in chosen:
            set_state(tab, root, as_controls(*state))
            alts.add(check(tab, root, *state, f"setting {state}"))
        assert len(alts) == len(set(chosen) | {START}), "the alt text must change with the state"
        text = read(tab, root)["text"]
        assert "Precomputed when the notebook ran" in text
        assert_layout(tab, root, f"{viewport} {theme}")
        screenshot(root, f"training-{viewport}-{theme}")
        set_state(tab, root, as_controls(*START))
        check(tab, root, *START, "back to the start")
        screenshot(root, f"training-start-{viewport}-{theme}")
        assert not tab.problems, tab.problems


def test_keyboard_moves_the_sliders_and_the_numbers(browser, site_url) -> None:
    with open_page(browser, site_url, PAGE, viewport="desktop", theme="light") as tab:
        root = explorer(tab, 0)
        root.query_selector('[data-control="rate_index"]').focus()
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus ring"
        tab.keyboard.press("ArrowRight")  # 0.3 -> 0.5
        check(tab, root, 0.5, 200, 0.3, "after ArrowRight on the learning rate")
        tab.keyboard.press("Tab")  # epochs
        tab.keyboard.press("ArrowLeft")
        tab.keyboard.press("ArrowLeft")
        check(tab, root, 0.5, 180, 0.3, "after 2 ArrowLeft on the epochs")
        tab.keyboard.press("Tab")  # label noise
        tab.keyboard.press("End")
        check(tab, root, 0.5, 180, 0.6, "after End on the label noise")
        tab.keyboard.press("Home")
        check(tab, root, 0.5, 180, 0.0, "after Home on the label noise")
        labels = tab.evaluate(
            "(r) => [...r.querySelectorAll('input')].map((i) => i.labels[0].textContent)", root
        )
        assert labels == ["learning rate", "epochs", "label noise"]
        assert root.query_selector('[aria-live="polite"] [data-key="kl"]')
        assert not tab.problems, tab.problems


def test_states_cover_every_range_end() -> None:
    rates, epochs, noises = zip(*states(), strict=True)
    assert {RATES[0], RATES[-1]} <= set(rates) and {10, 200} <= set(epochs)
    assert {0.0, 0.6} <= set(noises) and len(set(states())) >= 16
