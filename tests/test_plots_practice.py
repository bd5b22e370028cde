"""Tests of the chapter 8 figure builders in infolib.plots: they draw the numbers they are given.

Expected values are written by hand; none come from infolib.
"""

from __future__ import annotations

import pytest

from infolib.plots import (
    binary_gradient_chart,
    entropy_against_temperature,
    gradient_scale_chart,
    new_figure,
    temperature_bars,
)


def test_binary_gradient_chart_draws_both_curves_and_shades_the_wrong_side():
    _fig, ax = new_figure()
    ce, se = binary_gradient_chart(ax, [-6, -2, 0, 2], [-1.0, -0.9, -0.5, -0.1], [0, -0.1, -0.1, 0])
    assert ce.get_ydata().tolist() == [-1.0, -0.9, -0.5, -0.1]
    assert se.get_linestyle() == "--" and ax.get_xlim() == (-6.0, 2.0)
    (span,) = ax.patches  # a rectangle in data x, axes y
    assert span.get_x() == -6 and span.get_x() + span.get_width() == -2
    assert "confidently wrong" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_temperature_bars_one_group_per_class_centred():
    _fig, ax = new_figure()
    bars = temperature_bars(ax, ["a", "b", "c"], [[0.8, 0.15, 0.05], [0.5, 0.3, 0.2]], [1, 4])
    assert [b.get_height() for b in bars[0]] == [0.8, 0.15, 0.05]
    centres = [r.get_x() + r.get_width() / 2 for r in (bars[0][1], bars[1][1])]
    assert centres == pytest.approx([0.8, 1.2])  # width 0.4 each, around slot 1
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["T = 1", "T = 4"]


def test_entropy_against_temperature_has_its_ceiling():
    _fig, ax = new_figure()
    line = entropy_against_temperature(ax, [0.5, 1, 2], [0.2, 0.9, 1.5], 2.0)
    assert line.get_xdata().tolist() == [0.5, 1, 2]
    assert any(ln.get_ydata()[0] == 2.0 for ln in ax.lines if ln is not line)
    assert ax.get_ylim()[1] == pytest.approx(2.24)


def test_gradient_scale_chart_is_log_log_with_the_limit():
    _fig, ax = new_figure()
    raw, scaled = gradient_scale_chart(ax, [1, 10, 100], [0.5, 0.01, 1e-4], [0.5, 1.0, 0.82], 0.81)
    assert raw.get_ydata().tolist() == [0.5, 0.01, 1e-4]
    assert scaled.get_ydata().tolist() == [0.5, 1.0, 0.82]
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert any(ln.get_ydata()[0] == 0.81 for ln in ax.lines)
