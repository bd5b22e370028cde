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


# Chapter figure builders: each draws exactly the numbers it is given, where the text says.


def test_code_comparison_chart_draws_both_distributions_and_both_codes():
    from infolib.plots import code_comparison_chart

    _fig, (left, right) = new_figure(ncols=2)
    bars = code_comparison_chart(
        left, right, ["a", "b", "c"], [0.5, 0.25, 0.25], [0.25, 0.25, 0.5], [1, 2, 2], [2, 2, 1]
    )
    assert [[float(b.get_height()) for b in c] for c in bars] == [
        [0.5, 0.25, 0.25],
        [0.25, 0.25, 0.5],
        [1, 2, 2],
        [2, 2, 1],
    ]
    assert right.get_ylim() == (0, 3)  # one bit of room above the longest codeword
    assert [t.get_text() for t in left.get_legend().get_texts()] == [
        "truth $p$",
        "code built for $q$",
    ]


def test_block_cross_entropy_chart_shades_the_shannon_guarantee():
    from infolib.plots import block_cross_entropy_chart

    _fig, ax = new_figure()
    shannon, huffman = block_cross_entropy_chart(
        ax, [1, 2, 4], [2.5, 2.3, 2.1], [2.2, 2.1, 2.05], h_pq=2.0, h_p=1.8
    )
    assert shannon.get_ydata().tolist() == [2.5, 2.3, 2.1]
    assert huffman.get_xdata().tolist() == [1, 2, 4]
    band = ax.collections[0].get_paths()[0].vertices
    assert band[:, 1].max() == pytest.approx(3.0)  # H(p, q) + 1/k at k = 1
    assert band[:, 1].min() == pytest.approx(2.0)
    assert sorted(line.get_ydata()[0] for line in ax.get_lines()[:2]) == [1.8, 2.0]


def test_cross_entropy_by_truth_chart_marks_each_minimum_and_refuses_a_fifth_truth():
    from infolib.plots import cross_entropy_by_truth_chart

    _fig, ax = new_figure()
    lines = cross_entropy_by_truth_chart(
        ax, [0.3, 0.7], [(0.7, [1.2, 0.9], 0.88), (1.0, [1.7, 0.5], 0.0)]
    )
    assert [line.get_label() for line in lines] == ["truth $p$ = (0.7, 0.3)", "truth $p$ = (1, 0)"]
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert [(d.get_xdata()[0], d.get_ydata()[0]) for d in dots] == [(0.7, 0.88), (1.0, 0.0)]
    with pytest.raises(ValueError, match="curves: at most 4 truths, got 5"):
        cross_entropy_by_truth_chart(ax, [0.5], [(0.5, [1.0], 1.0)] * 5)


def test_label_smoothing_chart_puts_the_minimum_on_the_floor():
    from infolib.plots import label_smoothing_chart

    _fig, ax = new_figure()
    hard, soft = label_smoothing_chart(
        ax, [-2, 5, 12], [2.0, 0.1, 0.0], [2.1, 0.4, 0.9], floor=0.3, best_margin=3.4, eps=0.05
    )
    assert hard.get_ydata().tolist() == [2.0, 0.1, 0.0]
    assert soft.get_label() == "smoothed target, $\\varepsilon$ = 0.05"
    dot = next(line for line in ax.get_lines() if line.get_marker() == "o")
    assert (dot.get_xdata()[0], dot.get_ydata()[0]) == (3.4, 0.3)
    assert ax.get_xlim() == (-2, 12)


def test_gaussian_fit_panels_draw_one_panel_per_target_as_densities():
    from infolib.plots import gaussian_fit_panels

    x = np.array([0.0, 0.5, 1.0, 1.5])  # step 0.5: densities are twice the probabilities
    fig = gaussian_fit_panels(
        x,
        [
            ("one", [0.1, 0.4, 0.4, 0.1], [0.25] * 4, [0.0, 0.5, 0.5, 0.0]),
            ("two", [0.25] * 4, [0.25] * 4, [0.25] * 4),
        ],
        ylim=(0, 1.2),
    )
    assert [ax.get_title() for ax in fig.axes] == ["one", "two"]
    p_line, _forward, rev_line = fig.axes[0].get_lines()
    assert p_line.get_ydata().tolist() == [0.2, 0.8, 0.8, 0.2]
    assert rev_line.get_ydata().tolist() == [0.0, 1.0, 1.0, 0.0]
    assert fig.axes[1].get_ylim() == (0, 1.2)


def test_coin_divergence_chart_draws_the_three_divergences():
    from infolib.plots import coin_divergence_chart

    _fig, ax = new_figure()
    fwd, rev, js = coin_divergence_chart(ax, [0.0, 0.5], [math.inf, 0.0], [1.0, 0.0], [0.311, 0.0])
    assert fwd.get_ydata().tolist() == [math.inf, 0.0]
    assert rev.get_linestyle() == "--"
    assert js.get_label() == "$JS(p, q)$"
    assert ax.get_ylim() == (0, 3)


def test_identity_check_chart_plots_the_difference_in_units_of_1e_minus_15():
    from infolib.plots import identity_check_chart

    _fig, (ax, ax_err) = new_figure(ncols=2)
    both, diff = identity_check_chart(ax, ax_err, [0.5, 3.2], [0.5, 3.2 - 2**-51])
    assert diff.get_offsets()[:, 1].tolist() == pytest.approx([0.0, 2**-51 * 1e15])
    assert both.get_label() == "2 pairs"
    assert ax.get_xlim() == (0, 4)  # the next whole bit above the largest H(p, q)


def test_minimum_at_truth_chart_draws_both_curves_and_the_entropy():
    from infolib.plots import minimum_at_truth_chart

    _fig, ax = new_figure()
    ce, kl = minimum_at_truth_chart(ax, [0.2, 0.8], [1.9, 0.9], [1.0, 0.0], h_p=0.9, p_heads=0.8)
    assert ce.get_ydata().tolist() == [1.9, 0.9]
    assert kl.get_ydata().tolist() == [1.0, 0.0]
    flat = [line for line in ax.get_lines() if line.get_label() == "$H(p)$"]
    assert list(flat[0].get_ydata()) == [0.9, 0.9]


def test_training_panels_share_one_legend_and_fill_each_run():
    from infolib.plots import training_panels

    run = ("clean", [0, 1, 2], [1.0, 0.7, 0.6], [0.5] * 3, [0.5, 0.2, 0.1], [0.9, 0.6, 0.4])
    noisy = ("noisy", [0, 1, 2], [1.1, 0.9, 0.95], [0.8] * 3, [0.3, 0.1, 0.15], [1.0, 0.7, 0.5])
    fig = training_panels([run, noisy], max_epochs=2, top=1.2)
    assert [ax.get_title() for ax in fig.axes] == ["clean", "noisy"]
    assert len(fig.legends) == 1
    kl_lines = [
        next(ln for ln in ax.get_lines() if ln.get_label().startswith("$D_{KL}")) for ax in fig.axes
    ]
    assert [line.get_ydata().tolist() for line in kl_lines] == [[0.5, 0.2, 0.1], [0.3, 0.1, 0.15]]
    assert fig.axes[1].get_ylabel() == ""


def test_softmax_twice_chart_draws_losses_and_gradients_in_their_own_axes():
    from infolib.plots import softmax_twice_chart

    _fig, (a, b) = new_figure(ncols=2)
    softmax_twice_chart(a, b, [-1, 1], [2.3, 0.3], [1.2, 0.8], [-0.9, -0.25], [-0.2, -0.1])
    assert [line.get_ydata().tolist() for line in a.get_lines()] == [[2.3, 0.3], [1.2, 0.8]]
    assert [line.get_ydata().tolist() for line in b.get_lines()] == [[-0.9, -0.25], [-0.2, -0.1]]
    assert b.get_ylabel() == "$\\partial\\,\\mathrm{loss} / \\partial z_y$"


def test_grid_limit_chart_draws_the_runaway_entropy_and_the_steady_divergence():
    from infolib.plots import grid_limit_chart

    _fig, ax = new_figure()
    ent, div = grid_limit_chart(
        ax, [1.0, 0.1, 0.01], [2.0, 5.3, 8.6], [0.6, 0.6, 0.6], h=2.0, kl=0.6
    )
    assert ent.get_ydata().tolist() == [2.0, 5.3, 8.6]
    assert div.get_xdata().tolist() == [1.0, 0.1, 0.01]
    limit = next(line for line in ax.get_lines() if line.get_label() == "$h - \\log_2 \\Delta$")
    x, y = limit.get_data()
    assert y == pytest.approx([2.0 - math.log2(step) for step in x])
    left, right = ax.get_xlim()
    assert left > right  # finer grids to the right
    assert ax.get_xscale() == "log"


def test_code_space_chart_gives_each_codeword_its_share_and_hatches_the_rest():
    from infolib.plots import code_space_chart

    _fig, ax = new_figure()
    full, partial = code_space_chart(
        ax, [("full", ["0", "10", "11"]), ("partial", ["00", "", "010"])], ["a", "b", "c"]
    )
    assert [(r.get_x(), r.get_width()) for r in full] == [(0.0, 0.5), (0.5, 0.25), (0.75, 0.25)]
    assert [(r.get_x(), r.get_width()) for r in partial] == [(0.0, 0.25), (0.25, 0.125)]
    hatched = [p for p in ax.patches if p.get_hatch() == "///"]
    assert len(hatched) == 1  # only the partial code leaves space over
    texts = [t.get_text() for t in ax.texts]
    assert "full\nKraft sum 1" in texts and "partial\nKraft sum 0.375" in texts
    with pytest.raises(ValueError, match="labels: at most 5 outcomes, got 6"):
        code_space_chart(ax, [("x", ["0"])], list("abcdef"))


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


def test_estimator_bias_chart_draws_means_truth_and_first_order_curve():
    from infolib.plots import estimator_bias_chart

    _fig, ax = new_figure()
    plug, mm, pred = estimator_bias_chart(
        ax, [8, 64], [2.25, 2.9], [2.6, 3.0], 3.0, [-0.5, -0.0625]
    )
    assert plug.get_ydata().tolist() == [2.25, 2.9]
    assert mm.get_ydata().tolist() == [2.6, 3.0]
    assert pred.get_ydata().tolist() == [2.5, 2.9375]  # 3 - 0.5 and 3 - 1/16, exact in binary
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["8", "64"]
    figure_to_png(_fig)


def test_pseudocount_chart_draws_the_curve_and_an_optional_reference():
    from infolib.plots import pseudocount_chart

    _fig, ax = new_figure()
    line = pseudocount_chart(ax, [0.1, 1, 10], [1.5, 0.75, 0.25], ylabel="KL (bits)")
    assert line.get_ydata().tolist() == [1.5, 0.75, 0.25]
    assert len(ax.lines) == 1
    pseudocount_chart(ax, [0.1, 1], [1, 2], ylabel="x", reference=0.5, reference_label="true")
    assert ax.lines[-1].get_ydata()[0] == 0.5
    figure_to_png(_fig)


def test_bits_per_character_bars_label_each_bar_top_to_bottom():
    from infolib.plots import bits_per_character_bars

    _fig, ax = new_figure()
    bars = bits_per_character_bars(ax, ["uniform", "bigram"], [4.75, 3.125])
    assert [b.get_width() for b in bars] == [4.75, 3.125]
    assert [t.get_text() for t in ax.texts] == ["4.750", "3.125"]
    named = {t.get_position()[1]: t.get_text() for t in ax.get_yticklabels()}
    assert named == {1: "uniform", 0: "bigram"}  # the first label on top
    assert [b.get_y() + b.get_height() / 2 for b in bars] == [1, 0]
    figure_to_png(_fig)


def test_divergence_and_decomposition_bars_start_empty_and_fill_on_their_axis():
    from infolib.plots import (
        decomposition_bars,
        divergence_bars,
        set_decomposition,
        set_divergence_bars,
    )

    _fig, ax = new_figure()
    bars, texts = divergence_bars(ax, ["forward", "backward"], ["C0", "C1"], top=2.0)
    assert [b.get_height() for b in bars] == [0.0, 0.0] and [t.get_text() for t in texts] == [
        "",
        "",
    ]
    assert ax.get_ylim() == pytest.approx((0.0, 2.24)) and ax.get_ylabel() == "bits"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["forward", "backward"]
    assert not any(line.get_visible() for line in ax.xaxis.get_gridlines())
    set_divergence_bars(bars, texts, [0.5, 3.0], top=2.0)
    assert [b.get_height() for b in bars] == [0.5, 2.0] and bars[1].get_hatch() == "//"
    assert [t.get_position() for t in texts] == [(0.0, 0.5), (1.0, 2.0)]
    figure_to_png(_fig)

    _fig, ax = new_figure()
    parts = decomposition_bars(ax, ["a", "b", "c"], ["C0"] * 3, top=2.0, unit="nats")
    assert ax.get_ylim() == (0.0, 2.0) and ax.get_xlim() == pytest.approx((-0.6, 2.6))
    assert ax.get_ylabel() == "cross-entropy (nats)"
    assert not any(line.get_visible() for line in ax.xaxis.get_gridlines())
    set_decomposition(parts, [1.0, 1.0, 1.0], [0.25, 0.0, 5.0], unit="nats")
    # A total beyond 0.86 of the axis (1.72) stops there, labelled with an arrow.
    assert [b.get_height() for b in parts.entropy] == [1.0, 1.0, 1.0]
    assert [b.get_y() for b in parts.divergence] == [1.0, 1.0, 1.0]
    assert [b.get_height() for b in parts.divergence] == pytest.approx([0.25, 0.0, 0.72])
    assert [t.get_text() for t in parts.texts] == ["1.250 nats", "1.000 nats", "↑ 6.000 nats"]
    figure_to_png(_fig)
