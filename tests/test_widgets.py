"""Explorer tests: move the controls as a reader would and check what the explorer shows.

Expected values are derived by hand (``-log2(1/8) = 3`` bits, ``ln 8`` nats), not taken from
infolib. Widgets are driven without a browser: setting ``slider.value`` fires the same
``observe`` callbacks a browser would.
"""

from __future__ import annotations

import base64
import io
import math
import re
from collections import Counter

import ipywidgets as widgets
import numpy as np
import PIL.Image
import pytest
import scipy.stats

import infolib.widgets as iw
from infolib.widgets import EntropyExplorer, FrequencyExplorer, SurprisalExplorer


def png_from_html(value: str) -> PIL.Image.Image:
    match = re.search(r'src="data:image/png;base64,([^"]+)"', value)
    assert match, "the figure widget holds no PNG image"
    return PIL.Image.open(io.BytesIO(base64.b64decode(match.group(1))))


def alt_from_html(value: str) -> str:
    match = re.search(r'alt="([^"]+)"', value)
    assert match, "the figure has no alt text"
    return match.group(1)


def test_is_a_widget_with_its_controls():
    explorer = SurprisalExplorer()
    assert isinstance(explorer, widgets.VBox)
    assert isinstance(explorer.slider, widgets.FloatSlider)
    assert isinstance(explorer.unit, widgets.ToggleButtons)
    assert repr(explorer) == "SurprisalExplorer()"


def test_initial_state_is_computed_before_display():
    explorer = SurprisalExplorer(p=0.25)
    assert explorer.surprisal == 2.0  # -log2(1/4)
    assert "2.000 bits" in explorer.readout.value
    assert png_from_html(explorer.figure.value).size[0] > 300
    assert "p = 0.250" in alt_from_html(explorer.figure.value)


@pytest.mark.parametrize(
    ("p", "bits"),
    [(0.5, 1.0), (0.125, 3.0), (1.0, 0.0), (0.001, math.log2(1000))],
)
def test_moving_the_slider_updates_value_marker_and_readout(p, bits):
    explorer = SurprisalExplorer(p=0.25)
    explorer.slider.value = p
    assert explorer.last_error is None
    assert explorer.surprisal == pytest.approx(bits, abs=1e-12)
    x, y = explorer.marker.get_data()
    assert x[0] == pytest.approx(explorer.slider.value)
    assert y[0] == pytest.approx(bits, abs=1e-12)
    assert f"{bits:.3f} bits" in explorer.readout.value
    assert f"I = {bits:.3f} bits" in alt_from_html(explorer.figure.value)


def test_the_figure_changes_when_the_slider_moves():
    explorer = SurprisalExplorer(p=0.25)
    before = explorer.figure.value
    explorer.slider.value = 0.75
    assert explorer.figure.value != before
    assert (
        np.asarray(png_from_html(before)).shape
        == np.asarray(png_from_html(explorer.figure.value)).shape
    )


def test_switching_to_nats_rescales_everything():
    explorer = SurprisalExplorer(p=0.125)
    explorer.unit.value = "nats"
    assert explorer.surprisal == pytest.approx(math.log(8), rel=1e-15)
    assert f"{math.log(8):.3f} nats" in explorer.readout.value
    curve_y = explorer._curve.get_ydata()
    curve_x = explorer._curve.get_xdata()
    assert curve_y == pytest.approx(-np.log(curve_x), rel=1e-12)
    explorer.unit.value = "bits"
    assert explorer.surprisal == 3.0


def test_repeated_moves_give_the_same_picture():
    explorer = SurprisalExplorer(p=0.3)
    first = explorer.figure.value
    explorer.slider.value = 0.6
    explorer.slider.value = 0.3
    assert explorer.figure.value == first


@pytest.mark.parametrize("p", [0.0, 1.5, -0.1])
def test_rejects_a_starting_p_outside_the_slider(p):
    with pytest.raises(ValueError, match="p must be in"):
        SurprisalExplorer(p=p)


def test_rejects_an_unknown_unit():
    with pytest.raises(ValueError, match="unit must be"):
        SurprisalExplorer(unit="hartleys")


def test_a_failing_callback_is_shown_not_swallowed(monkeypatch):
    explorer = SurprisalExplorer(p=0.25)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(iw, "information_content", broken)
    explorer.slider.value = 0.5
    assert explorer.last_error == "RuntimeError: boom"
    assert 'role="alert"' in explorer.status.value
    assert "boom" in explorer.status.value
    monkeypatch.undo()
    explorer.slider.value = 0.125
    assert explorer.last_error is None
    assert explorer.status.value == ""


# FrequencyExplorer (chapter 1) -------------------------------------------------------------

# Faces 1-6 by hand: a fair die, and one loaded so that a six comes up 3 times in 8.
DIE_PROBABILITIES = {"fair": [1 / 6] * 6, "loaded": [1 / 8] * 5 + [3 / 8]}


def bar_heights(bars) -> list[float]:
    return [rect.get_height() for rect in bars]


@pytest.mark.parametrize("die", ["fair", "loaded"])
@pytest.mark.parametrize("n", [10, 100, 10_000])
def test_frequency_explorer_counts_the_seeded_rolls(die, n):
    explorer = FrequencyExplorer(n=20, die="fair", seed=7)
    explorer.die.value = die
    explorer.size.value = n
    assert explorer.last_error is None
    p = DIE_PROBABILITIES[die]
    rolls = np.random.default_rng(7).choice(6, size=10_000, p=p)[:n]
    tally = Counter(int(x) for x in rolls)
    counts = [tally[x] for x in range(6)]
    frequencies = [c / n for c in counts]
    assert explorer.counts.tolist() == counts
    assert explorer.frequencies == pytest.approx(frequencies, abs=1e-15)
    assert bar_heights(explorer._freq) == pytest.approx(frequencies, abs=1e-15)
    assert bar_heights(explorer._truth) == pytest.approx(p, abs=1e-15)
    gap = max(abs(f - q) for f, q in zip(frequencies, p, strict=True))
    assert explorer.largest_gap == pytest.approx(gap, abs=1e-15)
    assert f"<b>{gap:.3f}</b>" in explorer.readout.value
    assert f"{n:,} rolls of the {die} die" in explorer.readout.value
    alt = alt_from_html(explorer.figure.value)
    assert f"Frequencies in {n:,} rolls" in alt
    assert f"6: {frequencies[5]:.3f}" in alt


def test_frequency_explorer_frequencies_approach_the_probabilities():
    explorer = FrequencyExplorer(n=10, die="loaded")
    gaps = []
    for n in (10, 100, 1000, 10_000):
        explorer.size.value = n
        gaps.append(explorer.largest_gap)
    assert gaps[-1] < 0.02  # about 4 standard errors of a frequency near 3/8 at n = 10,000
    assert gaps[-1] < gaps[0]


def test_frequency_explorer_figure_and_alt_text_follow_the_controls():
    explorer = FrequencyExplorer(n=20, die="loaded")
    before, alt_before = explorer.figure.value, alt_from_html(explorer.figure.value)
    explorer.size.value = 1000
    assert explorer.figure.value != before
    assert alt_from_html(explorer.figure.value) != alt_before
    explorer.die.value = "fair"
    assert "the fair die" in alt_from_html(explorer.figure.value)
    explorer.die.value = "loaded"
    explorer.size.value = 20
    assert explorer.figure.value == before  # same state, same picture
    assert np.asarray(png_from_html(before)).shape[1] > 300
    assert repr(explorer) == "FrequencyExplorer()"


@pytest.mark.parametrize(("kwargs", "message"), [({"n": 30}, "n must be"), ({"die": "d20"}, "die")])
def test_frequency_explorer_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        FrequencyExplorer(**kwargs)


def test_frequency_explorer_shows_a_failing_callback(monkeypatch):
    explorer = FrequencyExplorer()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(iw, "normalize", broken)
    explorer.size.value = 50
    assert explorer.last_error == "RuntimeError: boom"
    assert 'role="alert"' in explorer.status.value
    monkeypatch.undo()
    explorer.size.value = 100
    assert explorer.last_error is None


# EntropyExplorer (chapter 3) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("weights", "bits"),
    [
        ((1, 1, 1, 1), 2.0),  # uniform over 4: log2 4
        ((5, 5, 0, 0), 1.0),  # a fair coin's worth
        ((3, 0, 0, 0), 0.0),  # certain
        ((2, 1, 1, 0), 1.5),  # 1/2, 1/4, 1/4: 0.5 * 1 + 2 * 0.25 * 2
        ((4, 3, 2, 1), float(scipy.stats.entropy([4, 3, 2, 1], base=2))),
        ((10, 0.5, 0, 0.5), float(scipy.stats.entropy([10, 0.5, 0, 0.5], base=2))),
    ],
)
def test_entropy_explorer_follows_its_sliders(weights, bits):
    explorer = EntropyExplorer()
    for slider, w in zip(explorer.sliders, weights, strict=True):
        slider.value = w
    assert explorer.last_error is None
    total = sum(weights)
    p = [w / total for w in weights]
    assert explorer.p == pytest.approx(p, abs=1e-15)
    assert explorer.entropy_bits == pytest.approx(bits, abs=1e-12)
    assert explorer.ceiling_bits == 2.0
    assert bar_heights(explorer._bars) == pytest.approx(p, abs=1e-15)
    assert explorer._gauge.get_height() == pytest.approx(bits, abs=1e-12)
    assert f"H(p) = <b>{bits:.3f} bits</b>" in explorer.readout.value
    assert f"p(x) = weight / {total:g}" in explorer.readout.value
    alt = alt_from_html(explorer.figure.value)
    assert f"H = {bits:.3f} bits" in alt
    assert f"sunny {p[0]:.3f}" in alt


def test_entropy_explorer_initial_state_is_the_changeable_climate():
    explorer = EntropyExplorer()
    expected = -sum(x * math.log2(x) for x in (0.4, 0.3, 0.2, 0.1))
    assert explorer.entropy_bits == pytest.approx(expected, abs=1e-12)
    assert [s.description for s in explorer.sliders] == ["sunny", "cloudy", "rain", "snow"]
    assert repr(explorer) == "EntropyExplorer()"


def test_entropy_explorer_ceiling_is_log2_n():
    explorer = EntropyExplorer(weights=(1, 2, 3), labels=("a", "b", "c"))
    assert explorer.ceiling_bits == pytest.approx(math.log2(3), abs=1e-15)
    for slider in explorer.sliders:
        slider.value = 4
    assert explorer.entropy_bits == pytest.approx(math.log2(3), abs=1e-12)
    assert "log2 3 = 1.585 bits" in alt_from_html(explorer.figure.value)


def test_entropy_explorer_explains_all_zero_weights_and_recovers():
    explorer = EntropyExplorer()
    for slider in explorer.sliders:
        slider.value = 0
    assert explorer.last_error is None
    assert explorer.p is None and explorer.entropy_bits is None
    assert "Every weight is 0" in explorer.readout.value
    assert "Every weight is 0" in alt_from_html(explorer.figure.value)
    explorer.sliders[2].value = 1
    assert explorer.entropy_bits == 0.0
    assert explorer.p.tolist() == [0.0, 0.0, 1.0, 0.0]


def test_entropy_explorer_figure_changes_and_repeats():
    explorer = EntropyExplorer()
    first = explorer.figure.value
    explorer.sliders[0].value = 10
    assert explorer.figure.value != first
    assert alt_from_html(explorer.figure.value) != alt_from_html(first)
    explorer.sliders[0].value = 4
    assert explorer.figure.value == first  # fast redraws paint exactly what a full draw did


@pytest.mark.parametrize(
    "kwargs",
    [
        {"weights": (1,), "labels": ("a",)},
        {"weights": (1, 2), "labels": ("a", "b", "c")},
        {"weights": (0, 0), "labels": ("a", "b")},
        {"weights": (11, 1), "labels": ("a", "b")},
    ],
)
def test_entropy_explorer_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        EntropyExplorer(**kwargs)


def test_entropy_explorer_shows_a_failing_callback(monkeypatch):
    explorer = EntropyExplorer()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(iw, "entropy", broken)
    explorer.sliders[1].value = 5
    assert explorer.last_error == "RuntimeError: boom"
    assert "boom" in explorer.status.value
    monkeypatch.undo()
    explorer.sliders[1].value = 6
    assert explorer.last_error is None
    assert explorer.status.value == ""


# CrossEntropyExplorer (chapter 4) ----------------------------------------------------------

# The default truth, by hand: sunny 1/2, cloudy 1/4, rain 1/8, snow 1/8, so H(p) = 1.75 bits.
WEATHER_P = np.array([0.5, 0.25, 0.125, 0.125])


def cross_entropy_by_scipy(p, q) -> float:
    """``-sum p log2 q`` from scipy's ``xlogy`` (0 where p = 0, inf where q = 0 < p)."""
    from scipy.special import xlogy

    return float(-np.sum(xlogy(p, q)) / math.log(2))


def test_cross_entropy_explorer_initial_state_is_a_uniform_model():
    explorer = iw.CrossEntropyExplorer()
    assert isinstance(explorer, widgets.VBox)
    assert repr(explorer) == "CrossEntropyExplorer()"
    assert len(explorer.sliders) == 4
    # Uniform q over 4 outcomes: every outcome costs 2 bits, so H(p, q) = 2 exactly.
    assert explorer.q.tolist() == [0.25] * 4
    assert explorer.entropy_bits == 1.75
    assert explorer.cross_entropy_bits == 2.0
    assert explorer.gap_bits == 0.25
    assert [b.get_height() for b in explorer.p_bars] == WEATHER_P.tolist()
    assert [b.get_height() for b in explorer.q_bars] == [0.25] * 4
    for text in ("1.750 bits", "2.000 bits", "0.250 bits", "q(x) = weight / 4"):
        assert text in explorer.readout.value
    alt = alt_from_html(explorer.figure.value)
    assert "H(p) = 1.750 bits" in alt and "H(p, q) = 2.000 bits" in alt
    assert png_from_html(explorer.figure.value).size[0] > 300


@pytest.mark.parametrize(
    "weights",
    [(4, 2, 1, 1), (1, 1, 2, 4), (10, 0.1, 5, 2.5), (0.3, 7.7, 1.2, 9.9), (1, 0, 0, 0)],
)
def test_cross_entropy_explorer_follows_its_sliders(weights):
    explorer = iw.CrossEntropyExplorer()
    for slider, w in zip(explorer.sliders, weights, strict=True):
        slider.value = w
    assert explorer.last_error is None
    q = np.array(weights, dtype=float) / sum(weights)
    ce = cross_entropy_by_scipy(WEATHER_P, q)
    h = float(scipy.stats.entropy(WEATHER_P, base=2))
    assert explorer.q == pytest.approx(q, rel=1e-12)
    assert [b.get_height() for b in explorer.q_bars] == pytest.approx(q, rel=1e-12)
    assert explorer.entropy_bits == pytest.approx(h, rel=1e-12)
    if math.isinf(ce):
        assert math.isinf(explorer.cross_entropy_bits)
        return
    assert explorer.cross_entropy_bits == pytest.approx(ce, rel=1e-12)
    assert explorer.gap_bits == pytest.approx(ce - h, abs=1e-12)
    assert f"{ce:.3f} bits" in explorer.readout.value
    assert f"H(p, q) = {ce:.3f} bits" in alt_from_html(explorer.figure.value)


def test_cross_entropy_explorer_model_equal_to_truth_closes_the_gap():
    explorer = iw.CrossEntropyExplorer(weights=(4, 2, 1, 1))
    assert explorer.cross_entropy_bits == pytest.approx(1.75, abs=1e-15)
    assert explorer.gap_bits == pytest.approx(0.0, abs=1e-15)
    assert explorer._gap.gap.get_height() == pytest.approx(0.0, abs=1e-15)


def test_cross_entropy_explorer_draws_the_gap_between_the_two_bars():
    explorer = iw.CrossEntropyExplorer(weights=(1, 1, 2, 4))
    ce = cross_entropy_by_scipy(WEATHER_P, [0.125, 0.125, 0.25, 0.5])  # 2.625 bits by hand
    assert ce == pytest.approx(2.625)
    bars = explorer._gap
    assert bars.entropy.get_height() == pytest.approx(1.75)
    assert bars.cross_entropy.get_height() == pytest.approx(2.625)
    assert bars.gap.get_y() == pytest.approx(1.75)
    assert bars.gap.get_height() == pytest.approx(0.875)
    assert bars.gap_text.get_text() == "gap\n0.875 bits"


def test_cross_entropy_explorer_off_scale_value_is_labelled():
    explorer = iw.CrossEntropyExplorer(weights=(0.1, 10, 10, 10))
    q = np.array([0.1, 10, 10, 10]) / 30.1
    ce = cross_entropy_by_scipy(WEATHER_P, q)
    assert explorer.cross_entropy_bits == pytest.approx(ce, rel=1e-12)
    top = explorer._gap.entropy.axes.get_ylim()[1]
    assert ce > top
    assert explorer._gap.cross_entropy.get_height() < top
    assert explorer._gap.cross_entropy_text.get_text() == f"↑ {ce:.3f} bits"


def test_cross_entropy_explorer_zero_probability_makes_it_infinite_without_warnings():
    import warnings

    explorer = iw.CrossEntropyExplorer()
    before_png = explorer.figure.value
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explorer.sliders[2].value = 0  # the model rules out rain, which p gives 1/8
    assert explorer.last_error is None
    assert explorer.q[2] == 0
    assert cross_entropy_by_scipy(WEATHER_P, explorer.q) == math.inf
    assert explorer.cross_entropy_bits == math.inf
    assert explorer.gap_bits == math.inf
    assert "&infin; (infinite)" in explorer.readout.value
    assert "rain" in explorer.readout.value
    alt = alt_from_html(explorer.figure.value)
    assert "infinite H(p, q)" in alt and "rain" in alt
    assert explorer._gap.cross_entropy_text.get_text() == "∞ (infinite)"
    x, _ = explorer._missed_marks.get_data()
    rain = explorer.q_bars[2]
    assert list(x) == [pytest.approx(rain.get_x() + rain.get_width() / 2)]
    assert explorer.figure.value != before_png
    explorer.sliders[2].value = 1
    assert explorer.cross_entropy_bits == 2.0
    assert len(explorer._missed_marks.get_data()[0]) == 0
    assert explorer.figure.value == before_png


def test_cross_entropy_explorer_zero_where_p_is_zero_costs_nothing():
    # 0 log 0 = 0: a model may rule out what the truth never produces.
    explorer = iw.CrossEntropyExplorer(
        p=(0.5, 0.5, 0.0), weights=(1, 1, 0), labels=("heads", "tails", "edge")
    )
    assert explorer.cross_entropy_bits == 1.0
    assert explorer.gap_bits == 0.0
    assert len(explorer._missed_marks.get_data()[0]) == 0


def test_cross_entropy_explorer_explains_all_zero_weights_and_recovers():
    explorer = iw.CrossEntropyExplorer()
    for slider in explorer.sliders:
        slider.value = 0
    assert explorer.last_error is None
    assert explorer.q is None and explorer.cross_entropy_bits is None
    assert "Every weight is 0" in explorer.readout.value
    assert "no model q" in alt_from_html(explorer.figure.value)
    assert explorer._gap.cross_entropy_text.get_text() == "no model"
    explorer.sliders[0].value = 1
    assert explorer.q.tolist() == [1.0, 0.0, 0.0, 0.0]
    assert explorer.cross_entropy_bits == math.inf


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"p": (0.5, 0.4, 0.05, 0.05), "weights": (1, 1, 1)}, "one label and one weight"),
        ({"weights": (1, 1, 1, 11)}, r"weights must be in \[0, 10\]"),
        ({"p": (0.5, 0.6, 0.0, 0.0)}, "p must sum to 1"),
        ({"labels": ("a", "b")}, "one label and one weight"),
    ],
)
def test_cross_entropy_explorer_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        iw.CrossEntropyExplorer(**kwargs)


def test_cross_entropy_explorer_shows_a_failing_callback(monkeypatch):
    explorer = iw.CrossEntropyExplorer()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(iw, "cross_entropy", broken)
    explorer.sliders[0].value = 3
    assert explorer.last_error == "RuntimeError: boom"
    assert 'role="alert"' in explorer.status.value
    monkeypatch.undo()
    explorer.sliders[0].value = 1
    assert explorer.last_error is None
    assert explorer.status.value == ""


# --------------------------------------------------------------- chapter 5: divergences


def hand_kl_bits(p, q):
    """sum p log2(p/q) with 0 log 0 = 0 and inf where q = 0 < p, written out by hand."""
    total = 0.0
    for a, b in zip(p, q, strict=True):
        if a > 0:
            if b == 0:
                return math.inf
            total += a * math.log2(a / b)
    return total


def hand_js_bits(p, q):
    m = [(a + b) / 2 for a, b in zip(p, q, strict=True)]
    return 0.5 * hand_kl_bits(p, m) + 0.5 * hand_kl_bits(q, m)


def test_divergence_explorer_initial_state():
    explorer = iw.DivergenceExplorer()
    assert repr(explorer) == "DivergenceExplorer()"
    assert len(explorer.controls) == 8  # p and q weight for each of 4 outcomes
    p, q = [0.5, 0.3, 0.15, 0.05], [0.3, 0.2, 0.2, 0.3]  # (5, 3, 1.5, 0.5)/10, (3, 2, 2, 3)/10
    assert explorer.p == pytest.approx(p, rel=1e-15)
    assert explorer.q == pytest.approx(q, rel=1e-15)
    assert explorer.kl_pq == pytest.approx(hand_kl_bits(p, q), rel=1e-12)
    assert explorer.kl_qp == pytest.approx(hand_kl_bits(q, p), rel=1e-12)
    assert explorer.js == pytest.approx(hand_js_bits(p, q), rel=1e-12)
    assert f"{hand_kl_bits(p, q):.3f} bits" in explorer.readout.value
    assert f"D(q||p) = {hand_kl_bits(q, p):.3f} bits" in alt_from_html(explorer.figure.value)
    assert png_from_html(explorer.figure.value).size[0] > 300


def test_divergence_explorer_moves_both_directions():
    explorer = iw.DivergenceExplorer(p_weights=(1, 1), q_weights=(1, 1), labels=("H", "T"))
    assert explorer.kl_pq == 0.0 and explorer.kl_qp == 0.0 and explorer.js == 0.0
    explorer.q_sliders[1].value = 3  # q = (1/4, 3/4)
    assert explorer.kl_pq == pytest.approx(1 - 0.5 * math.log2(3), rel=1e-12)
    assert explorer.kl_qp == pytest.approx(0.75 * math.log2(3) - 1, rel=1e-12)
    assert explorer.kl_pq != pytest.approx(explorer.kl_qp)  # not symmetric
    heights = [b.get_height() for b in explorer._q_bars]
    assert heights == pytest.approx([0.25, 0.75])


def test_divergence_explorer_shows_infinity_when_q_misses_an_outcome():
    explorer = iw.DivergenceExplorer()
    before = explorer.figure.value
    explorer.q_sliders[2].value = 0  # q(rain) = 0 while p(rain) = 0.15
    assert explorer.last_error is None
    assert explorer.kl_pq == math.inf
    assert math.isfinite(explorer.kl_qp)  # q never produces rain, so nothing is missed
    q = [3 / 8, 2 / 8, 0, 3 / 8]
    assert explorer.kl_qp == pytest.approx(hand_kl_bits(q, [0.5, 0.3, 0.15, 0.05]), rel=1e-12)
    assert explorer.js <= 1.0
    assert "&infin;" in explorer.readout.value
    assert "probability 0 to rain" in explorer.readout.value
    assert "D(p||q) = infinite" in alt_from_html(explorer.figure.value)
    assert explorer.figure.value != before
    assert explorer._div_text[0].get_text() == "∞"


def test_divergence_explorer_disjoint_supports_reach_the_js_ceiling():
    explorer = iw.DivergenceExplorer(p_weights=(1, 0), q_weights=(0, 1), labels=("a", "b"))
    assert explorer.kl_pq == math.inf and explorer.kl_qp == math.inf
    assert explorer.js == pytest.approx(1.0, rel=1e-15)


def test_divergence_explorer_all_zero_weights_is_a_message_not_an_error():
    explorer = iw.DivergenceExplorer()
    for slider in explorer.q_sliders:
        slider.value = 0
    assert explorer.last_error is None
    assert explorer.q is None and explorer.kl_pq is None
    assert "Every weight of q is 0" in explorer.readout.value
    explorer.q_sliders[0].value = 1
    assert explorer.kl_qp == pytest.approx(-math.log2(0.5), rel=1e-12)  # q one-hot on sunny


@pytest.mark.parametrize(
    "kwargs",
    [
        {"p_weights": (1,), "q_weights": (1,), "labels": ("a",)},
        {"p_weights": (1, 2), "q_weights": (1, 2, 3), "labels": ("a", "b")},
        {"p_weights": (0, 0), "q_weights": (1, 1), "labels": ("a", "b")},
        {"p_weights": (1, 1), "q_weights": (11, 1), "labels": ("a", "b")},
    ],
)
def test_divergence_explorer_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        iw.DivergenceExplorer(**kwargs)


def test_gaussian_fit_explorer_initial_state():
    explorer = iw.GaussianFitExplorer(separation=6, weight=0.7)
    assert repr(explorer) == "GaussianFitExplorer()"
    # forward KL over Gaussians matches moments: mean w(-3) + (1-w)3, variance 1 + w(1-w)36
    assert explorer.forward.mean == pytest.approx(0.7 * -3 + 0.3 * 3, abs=0.01)
    assert explorer.forward.std == pytest.approx(math.sqrt(1 + 0.21 * 36), rel=0.005)
    # reverse KL sits on the heavier (left) bump and pays about -log2(0.7) bits
    assert explorer.reverse.mean == pytest.approx(-3, abs=0.05)
    assert explorer.reverse.std == pytest.approx(1, abs=0.05)
    assert explorer.divergences["reverse", "q||p"] == pytest.approx(-math.log2(0.7), abs=0.01)
    # each fit wins its own direction
    dv = explorer.divergences
    assert dv["forward", "p||q"] < dv["reverse", "p||q"]
    assert dv["reverse", "q||p"] < dv["forward", "q||p"]
    assert f"{explorer.forward.std:.3f}" in explorer.readout.value
    assert f"{math.sqrt(1 + 0.21 * 36):.3f}" in explorer.readout.value
    _, fwd_line, rev_line = explorer._lines
    assert rev_line.get_xdata()[np.argmax(rev_line.get_ydata())] == pytest.approx(-3, abs=0.2)
    assert fwd_line.get_ydata().max() < rev_line.get_ydata().max()


def test_gaussian_fit_explorer_moves_with_its_controls():
    explorer = iw.GaussianFitExplorer(separation=6, weight=0.7)
    before, alt_before = explorer.figure.value, alt_from_html(explorer.figure.value)
    explorer.weight.value = 0.3  # the right bump is now the heavier one
    assert explorer.last_error is None
    assert explorer.reverse.mean == pytest.approx(3, abs=0.05)
    assert explorer.figure.value != before
    assert alt_from_html(explorer.figure.value) != alt_before
    explorer.separation.value = 0.0  # one bump: both fits are that Gaussian
    for fit in (explorer.forward, explorer.reverse):
        assert fit.mean == pytest.approx(0, abs=0.01)
        assert fit.std == pytest.approx(1, rel=0.005)
        assert fit.divergence < 1e-4
    explorer.separation.value = 6.0
    explorer.weight.value = 0.7
    assert explorer.figure.value == before  # fast redraws paint exactly what a full draw did


@pytest.mark.parametrize("kwargs", [{"separation": 9}, {"separation": -1}, {"weight": 0.05}])
def test_gaussian_fit_explorer_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        iw.GaussianFitExplorer(**kwargs)


# ---------------------------------------------------------------------------------------------
# TrainingExplorer (chapter 6)
# ---------------------------------------------------------------------------------------------


def _independent_training(explorer, lr: float, epochs: int, noise: float):
    """Train and decompose again with scipy, checking the explorer's data and initial weights.

    The data set is made again with the chapter's call (seed 0) and must be the explorer's; the
    truth P is rebuilt from the stated model (not taken from the explorer or the data set); the
    initial weights are the documented N(0, 0.01^2) draw with seed 0; the gradient step is the
    textbook one. Returns, per epoch 0..epochs, the expected cross-entropy, floor, KL (nats)
    and mean loss on the labels.
    """
    from scipy import special

    from infolib.training import DEFAULT_TRUE_WEIGHTS, make_softmax_data

    data = make_softmax_data(300, label_noise=noise, seed=0)
    np.testing.assert_array_equal(explorer.data.X, data.X)
    np.testing.assert_array_equal(explorer.data.y, data.y)
    X, y = data.X, data.y
    Xa = np.hstack([X, np.ones((len(X), 1))])
    P = (1 - noise) * special.softmax(Xa @ DEFAULT_TRUE_WEIGHTS, axis=1) + noise / 3
    onehot = np.eye(3)[y]
    W = np.random.default_rng(0).normal(0.0, 0.01, size=(3, 3))
    np.testing.assert_array_equal(explorer.run.weights[0], W)
    floor = special.entr(P).sum(axis=1).mean()
    ce, kl, loss = [], [], []
    for t in range(epochs + 1):
        Z = Xa @ W
        Q = special.softmax(Z, axis=1)
        ce.append(-(P * np.log(Q)).sum(axis=1).mean())
        kl.append(special.rel_entr(P, Q).sum(axis=1).mean())
        loss.append((special.logsumexp(Z, axis=1) - Z[np.arange(len(y)), y]).mean())
        if t < epochs:
            W = W - lr * Xa.T @ (Q - onehot) / len(X)
    return np.array(ce), np.full(epochs + 1, floor), np.array(kl), np.array(loss)


def _check_training_explorer(explorer):
    """Compare the explorer's numbers and drawn curves with an independent training run."""
    lr = explorer.learning_rate.value
    epochs = explorer.epochs.value
    noise = explorer.label_noise.value
    ce, floor, kl, loss = _independent_training(explorer, lr, epochs, noise)
    assert explorer.last_error is None
    assert explorer.cross_entropy_nats == pytest.approx(ce[-1], rel=1e-10)
    assert explorer.floor_nats == pytest.approx(floor[-1], rel=1e-12)
    assert explorer.kl_nats == pytest.approx(kl[-1], rel=1e-8, abs=1e-15)
    assert explorer.train_loss_nats == pytest.approx(loss[-1], rel=1e-10)
    assert f"After {epochs} epochs" in explorer.readout.value
    assert f"{ce[-1]:.3f} nats" in explorer.readout.value
    assert f"KL gap <b>{kl[-1]:.3f} nats" in explorer.readout.value
    assert f"{floor[-1]:.3f} nats" in alt_from_html(explorer.figure.value)
    # The grey loss on the labels: every epoch, 0..epochs.
    x_loss, y_loss = explorer.curves.train_loss.get_data()
    np.testing.assert_array_equal(x_loss, np.arange(epochs + 1))
    np.testing.assert_allclose(y_loss, loss, rtol=1e-10)
    # The expected curves: at checkpoints, every epoch up to 5, then sparser, ending at the last
    # epoch; each drawn value is the independent one at that epoch.
    x, y_ce = explorer.curves.cross_entropy.get_data()
    checkpoints = np.asarray(x).astype(int)
    np.testing.assert_array_equal(x, checkpoints)
    assert checkpoints[:6].tolist() == [0, 1, 2, 3, 4, 5]
    assert checkpoints[-1] == epochs
    assert np.all(np.diff(checkpoints) > 0)
    assert len(checkpoints) <= 26
    np.testing.assert_allclose(y_ce, ce[checkpoints], rtol=1e-10)
    np.testing.assert_allclose(explorer.curves.kl.get_ydata(), kl[checkpoints], rtol=1e-8)
    np.testing.assert_allclose(explorer.curves.floor.get_ydata(), floor[checkpoints], rtol=1e-12)
    # The epoch axis follows the slider.
    assert explorer.curves.cross_entropy.axes.get_xlim() == (0.0, float(epochs))
    assert png_from_html(explorer.figure.value).size[0] > 500


def test_training_explorer_initial_state():
    explorer = iw.TrainingExplorer()
    assert repr(explorer) == "TrainingExplorer()"
    # The defaults are the right panel of chapter 6's training figure.
    assert explorer.learning_rate.value == pytest.approx(0.3)
    assert explorer.epochs.value == 200
    assert explorer.label_noise.value == pytest.approx(0.3)
    _check_training_explorer(explorer)
    # Every run starts from a nearly uniform model: expected cross-entropy about ln 3.
    assert explorer.parts.cross_entropy[0] == pytest.approx(math.log(3), abs=0.02)


@pytest.mark.parametrize(
    ("control", "value"),
    [("learning_rate", 1.5), ("epochs", 30), ("label_noise", 0.0), ("label_noise", 0.5)],
)
def test_training_explorer_controls_retrain_and_redraw(control, value):
    explorer = iw.TrainingExplorer()
    before, alt_before = explorer.figure.value, alt_from_html(explorer.figure.value)
    getattr(explorer, control).value = value
    _check_training_explorer(explorer)
    assert explorer.figure.value != before
    assert alt_from_html(explorer.figure.value) != alt_before


def test_training_explorer_epoch_axis_follows_the_slider():
    explorer = iw.TrainingExplorer()
    for epochs in (10, 70, 200, 40):
        explorer.epochs.value = epochs
        assert explorer.curves.cross_entropy.axes.get_xlim() == (0.0, float(epochs))
        assert explorer.curves.train_loss.get_xdata()[-1] == epochs
    _check_training_explorer(explorer)


def test_training_explorer_noise_raises_the_floor():
    explorer = iw.TrainingExplorer(label_noise=0.0)
    clean = explorer.floor_nats
    explorer.label_noise.value = 0.4
    assert explorer.floor_nats > clean + 0.3
    explorer.label_noise.value = 0.0
    assert explorer.floor_nats == clean


def test_training_explorer_redraw_matches_a_fresh_explorer():
    # Moving the controls away and back (including the epochs, which rescales the axis and
    # forces a full redraw) paints exactly what a fresh explorer does.
    moved = iw.TrainingExplorer()
    moved.epochs.value = 100
    moved.learning_rate.value = 0.5
    moved.label_noise.value = 0.1
    moved.epochs.value = 200
    moved.learning_rate.value = 0.3
    moved.label_noise.value = 0.3
    assert moved.figure.value == iw.TrainingExplorer().figure.value


@pytest.mark.parametrize(
    "kwargs", [{"learning_rate": 0.0}, {"epochs": 5}, {"epochs": 500}, {"label_noise": 0.9}]
)
def test_training_explorer_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        iw.TrainingExplorer(**kwargs)


# MisconceptionExplorer (chapter 7). Expected values by hand, for p = (1/2, 1/2) and
# q = (1/4, 3/4): H(p, q) = 1/2 log2 4 + 1/2 log2(4/3) = 2 - log2(3)/2, H(q, p) = 1 bit,
# D(q || p) = 1/4 log2(1/2) + 3/4 log2(3/2) = 3/4 log2(3) - 1, and with m = (3/8, 5/8),
# D(p || m) + D(m || q) = 1/2 log2(16/15) + 3/8 log2(3/2) + 5/8 log2(5/6).
HALF_QUARTER = {
    "entropy_p": 1.0,
    "entropy_q": 2 - 0.75 * math.log2(3),
    "cross_entropy_pq": 2 - 0.5 * math.log2(3),
    "cross_entropy_qp": 1.0,
    "kl_pq": 1 - 0.5 * math.log2(3),
    "kl_qp": 0.75 * math.log2(3) - 1,
    "kl_through_mixture": 0.5 * math.log2(16 / 15)
    + 0.375 * math.log2(1.5)
    + 0.625 * math.log2(5 / 6),
}


def half_quarter_explorer() -> iw.MisconceptionExplorer:
    return iw.MisconceptionExplorer(p_weights=(1, 1), q_weights=(1, 3), labels=("a", "b"))


def test_misconception_explorer_numbers_match_hand_derivations():
    explorer = half_quarter_explorer()
    assert explorer.last_error is None
    assert repr(explorer) == "MisconceptionExplorer()"
    for name, expected in HALF_QUARTER.items():
        assert getattr(explorer, name) == pytest.approx(expected, rel=1e-12), name
    assert explorer.p.tolist() == [0.5, 0.5]
    assert explorer.q.tolist() == [0.25, 0.75]
    assert f"D(p‖q) = <b>{HALF_QUARTER['kl_pq']:.3f}</b>" in explorer.readout.value
    entropy_bar, kl_bar = explorer._chain.entropy[0], explorer._chain.divergence[0]
    assert entropy_bar.get_height() == pytest.approx(1.0)
    assert kl_bar.get_y() == pytest.approx(1.0)
    assert kl_bar.get_height() == pytest.approx(HALF_QUARTER["kl_pq"])
    assert [b.get_height() for b in explorer._q_bars] == pytest.approx([0.25, 0.75])


def test_misconception_explorer_verdicts():
    explorer = half_quarter_explorer()
    # 0.2075 bits direct, 0.1016 bits through m: the triangle inequality fails.
    assert HALF_QUARTER["kl_pq"] > HALF_QUARTER["kl_through_mixture"]
    assert explorer.claims == {
        "perfect_model_scores_zero": False,
        "kl_symmetric": False,
        "names_interchangeable": False,
        "triangle_inequality": False,
        "finite_cost": True,
        "decomposition": True,
    }
    assert explorer.readout.value.count("✘ fails") == 4
    assert explorer.readout.value.count("✔ holds") == 2
    assert "2 of the 6 claims hold" in explorer.alt_text


def test_misconception_explorer_q_missing_part_of_the_support():
    explorer = half_quarter_explorer()
    before_png, before_alt = explorer.figure.value, explorer.alt_text
    explorer.q_sliders[0].value = 0  # q = (0, 1): "a" is impossible under the model
    assert explorer.last_error is None
    assert explorer.kl_pq == math.inf and explorer.cross_entropy_pq == math.inf
    assert explorer.kl_qp == 1.0  # log2(1 / (1/2))
    assert explorer.cross_entropy_qp == 1.0
    assert explorer.claims["finite_cost"] is False
    assert explorer.claims["decomposition"] is True  # inf = 1 + inf
    # inf <= inf must not count as the triangle inequality holding: no distance is infinite.
    assert explorer.claims["triangle_inequality"] is False
    assert "D(p‖q) = ∞: a distance is never infinite" in explorer.readout.value
    assert explorer._chain.texts[0].get_text() == "∞ (infinite)"
    assert explorer.figure.value != before_png
    assert explorer.alt_text != before_alt
    assert "D(p‖q) = ∞" in explorer.alt_text


@pytest.mark.parametrize(
    ("p_weights", "q_weights"),
    [((6, 3, 1), (2, 3, 5)), ((1, 1, 1), (1, 1, 2)), ((10, 0.5, 0), (0.5, 10, 0.5))],
)
def test_misconception_explorer_triangle_check_never_holds_for_distinct_pairs(p_weights, q_weights):
    # By convexity, D(p || m) and D(m || q) are each at most D(p || q) / 2 for m = (p + q) / 2,
    # so the detour through m is never longer: the check must fail for every p != q with
    # finite divergences. Expected values from scipy, in bits.
    explorer = iw.MisconceptionExplorer(p_weights=p_weights, q_weights=q_weights)
    p = np.array(p_weights) / sum(p_weights)
    q = np.array(q_weights) / sum(q_weights)
    m = (p + q) / 2
    direct = scipy.stats.entropy(p, q, base=2)
    halves = scipy.stats.entropy(p, m, base=2), scipy.stats.entropy(m, q, base=2)
    assert explorer.kl_pq == pytest.approx(direct, rel=1e-12)
    assert explorer.kl_through_mixture == pytest.approx(sum(halves), rel=1e-12)
    assert max(halves) <= direct / 2
    assert explorer.claims["triangle_inequality"] is False
    assert f"D(p‖q) = {direct:.3f}, through m: {sum(halves):.3f}" in explorer.readout.value


def test_misconception_explorer_equal_and_one_hot_pairs():
    explorer = half_quarter_explorer()
    explorer.q_sliders[1].value = 1  # q = p
    assert explorer.kl_pq == 0.0 and explorer.kl_qp == 0.0
    assert explorer.cross_entropy_pq == 1.0  # = H(p): not 0, p is not one-hot
    assert explorer.claims["perfect_model_scores_zero"] is False
    assert explorer.claims["kl_symmetric"] and explorer.claims["triangle_inequality"]
    explorer.p_sliders[0].value = 0  # p = (0, 1), one-hot
    assert explorer.entropy_p == 0.0
    assert explorer.claims["perfect_model_scores_zero"] is True
    assert explorer.kl_pq == pytest.approx(1.0)  # log2(1 / (1/2))


def test_misconception_explorer_all_zero_weights_and_back():
    explorer = half_quarter_explorer()
    first = explorer.figure.value
    explorer.p_sliders[0].value = 0
    explorer.p_sliders[1].value = 0
    assert explorer.last_error is None
    assert explorer.p is None and explorer.claims == {}
    assert "Every weight of the truth p is 0" in explorer.readout.value
    explorer.p_sliders[0].value = 1
    explorer.p_sliders[1].value = 1
    assert explorer.figure.value == first


@pytest.mark.parametrize(
    "kwargs",
    [
        {"p_weights": (0, 0, 0)},
        {"q_weights": (1, 11, 1)},
        {"p_weights": (1, 1), "q_weights": (1, 1, 1)},
        {"p_weights": (1,), "q_weights": (1,), "labels": ("a",)},
    ],
)
def test_misconception_explorer_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        iw.MisconceptionExplorer(**kwargs)
