"""Tests of infolib.plots: the drawing helpers draw the numbers they are given.

Expected values are written by hand or computed with ``math``; none come from infolib.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from infolib.plots import (
    bar_value_labels,
    binary_entropy_curve,
    block_coding_chart,
    code_length_chart,
    distribution_bars,
    figure_to_png,
    frequency_convergence,
    new_figure,
)


def test_distribution_bars_draw_one_bar_per_outcome():
    _fig, ax = new_figure()
    bars = distribution_bars(ax, [0.5, 0.25, 0.25], ["a", "b", "c"], width=0.4, offset=0.2)
    assert [b.get_height() for b in bars] == [0.5, 0.25, 0.25]
    assert [b.get_x() + b.get_width() / 2 for b in bars] == pytest.approx([0.2, 1.2, 2.2])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    assert bars[0].get_facecolor()[:3] == pytest.approx((0, 0x72 / 255, 0xB2 / 255))  # p is blue


def test_bar_value_labels_write_each_height_above_its_bar():
    _fig, ax = new_figure()
    bars = distribution_bars(ax, [0.75, 0.25], ["H", "T"])
    texts = bar_value_labels(ax, bars)
    assert [t.get_text() for t in texts] == ["0.75", "0.25"]
    assert [t.xy for t in texts] == [(0, 0.75), (1, 0.25)]


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


def test_information_diagram_lines_up_the_shared_part():
    from infolib.plots import information_diagram

    _fig, ax = new_figure()
    # H(X|Y) = 0.25, I = 0.5, H(Y|X) = 0.125: H(X) = 0.75, H(Y) = 0.625, H(X, Y) = 0.875.
    joint, x_only, shared_x, shared_y, y_only = information_diagram(ax, 0.25, 0.5, 0.125)
    assert (joint.get_x(), joint.get_width()) == (0.0, 0.875)
    assert (x_only.get_x(), x_only.get_width()) == (0.0, 0.25)
    assert (shared_x.get_x(), shared_x.get_width()) == (shared_y.get_x(), shared_y.get_width())
    assert (shared_x.get_x(), shared_x.get_width()) == (0.25, 0.5)
    assert (y_only.get_x(), y_only.get_x() + y_only.get_width()) == (0.75, 0.875)
    assert [t.get_text() for t in ax.texts] == ["0.875", "0.750", "0.625"]
    figure_to_png(_fig)


def test_conditional_entropy_bars_draw_each_row_and_both_lines():
    from infolib.plots import conditional_entropy_bars

    _fig, ax = new_figure()
    bars = conditional_entropy_bars(ax, ["x = 0", "x = 1"], [0.25, 1.0], 0.75, 0.5)
    assert [b.get_height() for b in bars] == [0.25, 1.0]
    levels = sorted(line.get_ydata()[0] for line in ax.lines)
    assert levels == [0.5, 0.75]
    assert [t.get_text() for t in ax.texts] == ["0.250", "1.000"]
    figure_to_png(_fig)
