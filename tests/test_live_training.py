"""The TrainingExplorer on the chapter 7 page, moved in the browser and checked against infolib.

Every number is compared with :func:`training_readout`, which trains afresh for exactly the
chosen epochs: so the page's precomputed table is checked against independent runs too.
"""

from __future__ import annotations

import numpy as np
import pytest
from live_harness import LiveExplorer, contexts

from infolib.readouts.training import CHECKPOINTS, EPOCHS, NOISES, RATES, training_readout
from infolib.training import decompose_loss, make_softmax_data, train_softmax_regression

pytestmark = pytest.mark.browser
EXPLORER = LiveExplorer("book/07_putting_it_together.html", "training")
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


def check(live, rate: float, epochs: int, noise: float, context: str) -> str:
    expected = training_readout(rate, epochs, noise)
    shown = live.shows(expected, context)
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
    with EXPLORER.open(browser, site_url, viewport, theme) as live:
        chosen = live.sample(states(), first=4)
        alts = live.walk(START, chosen, as_controls, check, back=False)
        assert len(alts) == len(set(chosen) | {START}), "the alt text must change with the state"
        assert "Precomputed when the notebook ran" in live.read()["text"]
        live.assert_layout()
        live.screenshot()
        live.set(as_controls(*START))
        check(live, *START, "back to the start")
        live.screenshot("start")


def test_keyboard_moves_the_sliders_and_the_numbers(browser, site_url) -> None:
    with EXPLORER.open(browser, site_url) as live:
        live.focus("rate_index")
        live.press("ArrowRight")  # 0.3 -> 0.5
        check(live, 0.5, 200, 0.3, "after ArrowRight on the learning rate")
        live.press("Tab")  # epochs
        live.press("ArrowLeft", times=2)
        check(live, 0.5, 180, 0.3, "after 2 ArrowLeft on the epochs")
        live.press("Tab")  # label noise
        live.press("End")
        check(live, 0.5, 180, 0.6, "after End on the label noise")
        live.press("Home")
        check(live, 0.5, 180, 0.0, "after Home on the label noise")
        assert live.labels() == ["learning rate", "epochs", "label noise"]
        live.assert_announces('[data-key="kl"]')


def test_states_cover_every_range_end() -> None:
    rates, epochs, noises = zip(*states(), strict=True)
    assert {RATES[0], RATES[-1]} <= set(rates) and {10, 200} <= set(epochs)
    assert {0.0, 0.6} <= set(noises) and len(set(states())) >= 16
