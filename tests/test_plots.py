"""Tests of infolib.plots: the drawing helpers draw the numbers they are given, and fast
re-rendering (BlitRenderer) paints what a full draw paints.

Expected values are written by hand or computed with ``math``; none come from infolib.
"""

from __future__ import annotations

import io
import math

import numpy as np
import PIL.Image
import pytest

from infolib.plots import (
    BlitRenderer,
    bar_value_labels,
    binary_entropy_curve,
    block_coding_chart,
    code_length_chart,
    distribution_bars,
    entropy_gauge,
    figure_to_png,
    frequency_convergence,
    new_figure,
    set_bar_heights,
)


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(PIL.Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def test_distribution_bars_draw_one_bar_per_outcome():
    _fig, ax = new_figure()
    bars = distribution_bars(ax, [0.5, 0.25, 0.25], ["a", "b", "c"], width=0.4, offset=0.2)
    assert [b.get_height() for b in bars] == [0.5, 0.25, 0.25]
    assert [b.get_x() + b.get_width() / 2 for b in bars] == pytest.approx([0.2, 1.2, 2.2])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    assert bars[0].get_facecolor()[:3] == pytest.approx((0, 0x72 / 255, 0xB2 / 255))  # p is blue


def test_set_bar_heights_moves_bars_and_their_labels():
    _fig, ax = new_figure()
    bars = distribution_bars(ax, [0.5, 0.5], ["H", "T"])
    texts = bar_value_labels(ax, bars)
    assert [t.get_text() for t in texts] == ["0.50", "0.50"]
    set_bar_heights(bars, [0.75, 0.25], texts)
    assert [b.get_height() for b in bars] == [0.75, 0.25]
    assert [t.get_text() for t in texts] == ["0.75", "0.25"]
    assert [t.xy[1] for t in texts] == [0.75, 0.25]
    with pytest.raises(ValueError):
        set_bar_heights(bars, [1.0])


def test_binary_entropy_curve_follows_the_formula():
    _fig, ax = new_figure()
    line = binary_entropy_curve(ax, highlight=[(0.5, "fair coin")])
    x, y = line.get_data()
    for p in (0.1, 0.25, 0.5, 0.9):
        i = int(np.argmin(np.abs(x - p)))
        expected = -p * math.log2(p) - (1 - p) * math.log2(1 - p)
        assert y[i] == pytest.approx(expected, rel=1e-12)
    assert y[0] == 0 and y[-1] == 0
    assert any("1 bit" in t.get_text() for t in ax.texts)


def test_entropy_gauge_draws_the_value_under_its_ceiling():
    _fig, ax = new_figure()
    bar = entropy_gauge(ax, 1.5, 2.0, ceiling_label="log2 4 = 2 bits")
    assert bar.get_height() == 1.5
    assert [line.get_ydata()[0] for line in ax.get_lines()] == [2.0]
    assert "log2 4 = 2 bits" in ax.get_title()
    assert ax.get_ylim()[1] > 2.0


def test_frequency_convergence_draws_each_sequence_and_the_probability():
    _fig, ax = new_figure()
    lines = frequency_convergence(ax, [[1, 0.5, 1 / 3], [0, 0.5, 2 / 3]], 0.5, outcome="heads")
    assert len(lines) == 2
    assert lines[1].get_ydata().tolist() == [0, 0.5, 2 / 3]
    assert lines[0].get_xdata().tolist() == [1, 2, 3]
    assert ax.get_xscale() == "log"


def test_code_length_and_block_coding_charts_draw_their_numbers():
    fig, (left, right) = new_figure(ncols=2)
    bars = code_length_chart(left, [1, 2, 3, 3], [1.32, 1.74, 2.32, 3.32], list("abcd"))
    assert [b.get_height() for b in bars] == [1, 2, 3, 3]
    line = block_coding_chart(right, [1, 2, 3], [1.03, 0.57, 0.42], 0.22)
    assert line.get_ydata().tolist() == [1.03, 0.57, 0.42]
    figure_to_png(fig)  # draws without error


def blit_figure():
    fig, ax = new_figure(4, 2)
    bars = distribution_bars(ax, [0.5, 0.3, 0.2], ["a", "b", "c"])
    texts = bar_value_labels(ax, bars)
    return fig, ax, bars, texts


def test_blit_renderer_repaints_exactly_after_a_round_trip():
    fig, _ax, bars, texts = blit_figure()
    renderer = BlitRenderer(fig, [*bars, *texts])
    first = renderer.png()
    set_bar_heights(bars, [0.2, 0.3, 0.5], texts)
    moved = renderer.png()
    assert moved != first
    set_bar_heights(bars, [0.5, 0.3, 0.2], texts)
    assert renderer.png() == first


def test_blit_renderer_paints_what_a_full_draw_paints():
    fig, _ax, bars, texts = blit_figure()
    renderer = BlitRenderer(fig, [*bars, *texts])
    renderer.png()
    set_bar_heights(bars, [0.2, 0.3, 0.5], texts)
    fast = pixels(renderer.png())
    reference_fig, _, reference_bars, reference_texts = blit_figure()
    set_bar_heights(reference_bars, [0.2, 0.3, 0.5], reference_texts)
    full = pixels(figure_to_png(reference_fig))
    assert fast.shape == full.shape
    rows, _ = np.nonzero(np.any(np.abs(fast - full) > 8, axis=-1))
    # The moving bars are painted last, so they cover the horizontal axis line beneath them;
    # that one line of pixels is the only difference.
    assert len(set(rows.tolist())) <= 1


def test_blit_renderer_invalidate_redraws_static_parts():
    fig, ax, bars, texts = blit_figure()
    renderer = BlitRenderer(fig, [*bars, *texts])
    first = renderer.png()
    ax.axhline(0.9, color="black")  # a new static part
    assert renderer.png() == first  # static parts come from the kept pixels
    renderer.invalidate()
    assert renderer.png() != first


def test_blit_renderer_data_uri_is_a_png():
    fig, _ax, bars, _texts = blit_figure()
    uri = BlitRenderer(fig, bars).data_uri()
    assert uri.startswith("data:image/png;base64,")
