"""Matplotlib figure helpers: one course style, legible in light and dark page themes.

Figures are drawn on an opaque light background with dark ink, so they read the same when
the page around them is dark; colours come from the Okabe-Ito palette, which stays
distinguishable for the common forms of colour blindness. ``p`` (the truth) is always blue
and ``q`` (the model) always vermillion.

Plot functions draw what :mod:`infolib.measures` computes; they never compute a measure
themselves.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

import matplotlib as mpl
import numpy as np
import PIL.Image
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.rcsetup import cycler
from matplotlib.text import Text
from numpy.typing import ArrayLike

from .measures import binary_entropy, information_content

if TYPE_CHECKING:
    # What fill_between returns from matplotlib 3.10 on; pyproject allows 3.8, so the name is
    # needed only for annotations (which ``from __future__ import annotations`` never runs).
    from matplotlib.collections import FillBetweenPolyCollection

__all__ = [
    "COLORS",
    "CourseFigure",
    "DecompositionBars",
    "TrainingCurves",
    "bar_value_labels",
    "binary_entropy_curve",
    "binary_gradient_chart",
    "bits_per_character_bars",
    "block_coding_chart",
    "block_cross_entropy_chart",
    "code_comparison_chart",
    "code_length_chart",
    "code_space_chart",
    "coin_divergence_chart",
    "conditional_entropy_bars",
    "course_style",
    "cross_entropy_by_truth_chart",
    "decomposition_bars",
    "distribution_bars",
    "divergence_bars",
    "entropy_against_temperature",
    "estimator_bias_chart",
    "figure_to_png",
    "frequency_convergence",
    "gaussian_fit_chart",
    "gaussian_fit_panels",
    "gradient_scale_chart",
    "grid_limit_chart",
    "identity_check_chart",
    "information_diagram",
    "label_smoothing_chart",
    "minimum_at_truth_chart",
    "new_figure",
    "pseudocount_chart",
    "set_decomposition",
    "set_divergence_bars",
    "set_training_curves",
    "softmax_twice_chart",
    "surprisal_curve",
    "temperature_bars",
    "training_curves",
    "training_panels",
]

#: Okabe-Ito colours, by role.
COLORS = {
    "p": "#0072B2",  # blue: the true distribution
    "q": "#D55E00",  # vermillion: the model
    "accent": "#E69F00",  # orange: highlights, markers
    "good": "#009E73",  # bluish green
    "extra": "#CC79A7",  # reddish purple
    "sky": "#56B4E9",
    "ink": "#1a1a1a",
    "muted": "#595959",
    "paper": "#ffffff",
}

_RC = {
    "figure.facecolor": COLORS["paper"],
    "axes.facecolor": COLORS["paper"],
    "savefig.facecolor": COLORS["paper"],
    "savefig.transparent": False,
    "text.color": COLORS["ink"],
    "axes.labelcolor": COLORS["ink"],
    "axes.edgecolor": COLORS["muted"],
    "xtick.color": COLORS["ink"],
    "ytick.color": COLORS["ink"],
    "axes.prop_cycle": cycler(
        color=[COLORS[k] for k in ("p", "q", "accent", "good", "extra", "sky")]
    ),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "font.size": 11,
    "axes.titlesize": 12,
    "legend.frameon": False,
    "figure.dpi": 110,
    "savefig.dpi": 110,
    "savefig.bbox": "standard",
    "svg.hashsalt": "infolib",
    "path.simplify": True,
}


class CourseFigure(Figure):
    """A matplotlib figure that notebooks display as a PNG by ending a cell with it.

    It is not registered with pyplot, so it never shows twice and never leaks between cells.
    """

    def _repr_png_(self) -> bytes:
        return figure_to_png(self)


@contextmanager
def course_style():
    """Context manager applying the course's matplotlib style.

    Examples
    --------
    >>> from infolib.plots import course_style
    >>> import matplotlib as mpl
    >>> with course_style():
    ...     mpl.rcParams["figure.facecolor"]
    '#ffffff'
    """
    with mpl.rc_context(_RC):
        yield


def new_figure(
    width: float = 6.4, height: float = 3.4, ncols: int = 1
) -> tuple[CourseFigure, Axes]:
    """A figure in the course style, not registered with pyplot (so it never shows twice).

    Returns the figure and its axes (an array of axes when ``ncols > 1``).

    Examples
    --------
    >>> from infolib.plots import new_figure
    >>> fig, ax = new_figure()
    >>> fig.get_facecolor()[:3]
    (1.0, 1.0, 1.0)
    """
    with course_style():
        fig = CourseFigure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(1, ncols)
    return fig, axes


def figure_to_png(fig: Figure, *, freeze_layout: bool = False) -> bytes:
    """Render a figure to PNG bytes, quickly and deterministically (no timestamp).

    Draws with the Agg canvas and encodes with Pillow, which is about twice as fast as
    ``savefig`` for small figures. With ``freeze_layout=True`` the layout computed by this
    draw is kept for later draws (for figures whose data move but whose axes do not).

    Examples
    --------
    >>> from infolib.plots import new_figure, figure_to_png
    >>> fig, ax = new_figure(2, 1)
    >>> figure_to_png(fig)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    with course_style():
        canvas.draw()
    if freeze_layout and fig.get_layout_engine() is not None:
        fig.set_layout_engine("none")
    image = PIL.Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    buf = io.BytesIO()
    image.convert("RGB").save(buf, format="png")
    return buf.getvalue()


def surprisal_curve(
    ax: Axes,
    *,
    base: float = 2,
    p_min: float = 1e-3,
    unit: str = "bits",
    highlight: Sequence[tuple[float, str]] = (),
) -> Line2D:
    """Draw the surprisal curve ``I(p) = -log p`` for ``p`` in ``[p_min, 1]``.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    base : float
        Logarithm base of the curve (2: bits).
    p_min : float
        Left end of the curve; the curve is unbounded as ``p -> 0``.
    unit : str
        Unit name for the axis label.
    highlight : sequence of (p, label)
        Points to mark and label on the curve.

    Returns
    -------
    Line2D
        The curve.
    """
    p = np.geomspace(p_min, 1.0, 400)
    (line,) = ax.plot(p, information_content(p, base=base), color=COLORS["p"], lw=2.2)
    for x, label in highlight:
        y = float(information_content(x, base=base))
        ax.plot([x], [y], "o", color=COLORS["accent"], mec=COLORS["ink"], ms=7, zorder=3)
        unit_text = unit[:-1] if y == 1 and unit.endswith("s") else unit
        ax.annotate(
            f"{label}\n{y:.3g} {unit_text}",
            (x, y),
            xytext=(8, 4),
            textcoords="offset points",
            fontsize=9,
            color=COLORS["ink"],
        )
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, None)
    ax.set_xlabel("probability of the event, $p$")
    ax.set_ylabel(f"surprisal $I = -\\log p$ ({unit})")
    return line


# Distributions, entropy and codes (chapters 1 and 3).


def distribution_bars(
    ax: Axes,
    p: ArrayLike,
    labels: Sequence[object],
    *,
    color: str = COLORS["p"],
    label: str | None = None,
    width: float = 0.8,
    offset: float = 0.0,
    ylabel: str = "probability",
) -> BarContainer:
    """Draw one bar per outcome, on a probability axis from 0 to 1.

    Several distributions side by side: give each a narrower ``width`` and its own ``offset``
    (for two, ``width=0.4`` and offsets ``-0.2`` and ``0.2``).

    Parameters
    ----------
    ax : Axes
        Where to draw.
    p : array_like
        Bar heights: probabilities, or frequencies.
    labels : sequence
        One tick label per outcome.
    color, label : str
        Bar colour (``p`` is blue) and legend entry.
    width, offset : float
        Bar width and horizontal shift, in outcome slots.
    ylabel : str
        Label of the vertical axis.

    Returns
    -------
    BarContainer
        The bars.

    Examples
    --------
    >>> from infolib.plots import new_figure, distribution_bars
    >>> fig, ax = new_figure()
    >>> [float(b.get_height()) for b in distribution_bars(ax, [0.75, 0.25], ["H", "T"])]
    [0.75, 0.25]
    """
    heights = np.asarray(p, dtype=float)
    x = np.arange(heights.size)
    bars = ax.bar(
        x + offset,
        heights,
        width=width,
        color=color,
        edgecolor=COLORS["ink"],
        linewidth=0.6,
        label=label,
        zorder=2,
    )
    ax.set_xticks(x, [str(s) for s in labels])
    ax.set_ylim(0, 1.08)
    ax.set_ylabel(ylabel)
    ax.grid(axis="x", visible=False)
    return bars


def bar_value_labels(ax: Axes, bars: Sequence[Rectangle], fmt: str = "{:.2f}") -> list[Text]:
    """Write each bar's height just above it; returns the texts."""
    texts: list[Text] = []
    for rect in bars:
        h = rect.get_height()
        texts.append(
            ax.annotate(
                fmt.format(h),
                (rect.get_x() + rect.get_width() / 2, h),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=9,
                color=COLORS["ink"],
            )
        )
    return texts


def binary_entropy_curve(ax: Axes, *, highlight: Sequence[tuple[float, str]] = ()) -> Line2D:
    """Draw the binary entropy ``H(p) = -p log2 p - (1 - p) log2(1 - p)`` in bits, ``p`` in [0, 1].

    Parameters
    ----------
    ax : Axes
        Where to draw.
    highlight : sequence of (p, label)
        Points to mark and label on the curve.

    Returns
    -------
    Line2D
        The curve.
    """
    p = np.linspace(0.0, 1.0, 401)
    (line,) = ax.plot(p, binary_entropy(p), color=COLORS["p"], lw=2.2)
    for x, label in highlight:
        y = float(binary_entropy(x))
        ax.plot([x], [y], "o", color=COLORS["accent"], mec=COLORS["ink"], ms=7, zorder=3)
        ax.annotate(
            f"{label}\n{y:.3g} bits" if y != 1 else f"{label}\n1 bit",
            (x, y),
            xytext=(8, -24 if y > 0.9 else 4),
            textcoords="offset points",
            fontsize=9,
            color=COLORS["ink"],
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.1)
    ax.set_xlabel("probability of the first outcome, $p$")
    ax.set_ylabel("entropy $H$ (bits)")
    return line


def frequency_convergence(
    ax: Axes, running: Sequence[ArrayLike], p: float, *, outcome: str = "the outcome"
) -> list[Line2D]:
    """Running frequencies of one outcome against the number of trials, and its probability.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    running : sequence of array_like
        One array per simulated sequence: the frequency of the outcome after 1, 2, ... trials.
    p : float
        The probability the frequencies approach (drawn in the colour of ``p``).
    outcome : str
        The outcome's name, for the labels.

    Returns
    -------
    list of Line2D
        One line per sequence.
    """
    colors = [COLORS[k] for k in ("accent", "good", "extra", "q")]
    lines = []
    for i, freq in enumerate(running):
        f = np.asarray(freq, dtype=float)
        n = np.arange(1, f.size + 1)
        (line,) = ax.plot(n, f, color=colors[i % len(colors)], lw=1.4, label=f"sequence {i + 1}")
        lines.append(line)
    ax.axhline(p, color=COLORS["p"], lw=2.2, ls="--", label=f"probability {p:.3g}")
    ax.set_xscale("log")
    ax.set_xlim(1, max(np.size(f) for f in running))
    ax.set_ylim(0, 1)
    ax.set_xlabel("number of trials $n$ (log scale)")
    ax.set_ylabel(f"frequency of {outcome}")
    ax.legend(loc="upper right", fontsize=9)
    return lines


def code_length_chart(
    ax: Axes, lengths: ArrayLike, surprisal: ArrayLike, labels: Sequence[object]
) -> BarContainer:
    """Codeword lengths as bars, with each outcome's surprisal ``-log2 p(x)`` as a marker.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    lengths : array_like of int
        Codeword length of each outcome, in bits.
    surprisal : array_like
        ``-log2 p(x)`` of each outcome, in bits (from :func:`infolib.information_content`).
    labels : sequence
        One tick label per outcome.

    Returns
    -------
    BarContainer
        The bars.
    """
    n = np.asarray(lengths)
    x = np.arange(n.size)
    bars = ax.bar(
        x,
        n,
        width=0.6,
        color=COLORS["sky"],
        edgecolor=COLORS["ink"],
        lw=0.6,
        label="codeword length (bits)",
        zorder=2,
    )
    ax.plot(
        x,
        np.asarray(surprisal, dtype=float),
        "D",
        color=COLORS["p"],
        mec=COLORS["ink"],
        ms=8,
        label=r"surprisal $-\log_2 p(x)$ (bits)",
        zorder=3,
    )
    ax.set_xticks(x, [str(s) for s in labels])
    ax.set_ylabel("bits")
    ax.set_ylim(0, max(float(np.max(n)), float(np.max(surprisal))) * 1.3)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", fontsize=9)
    return bars


def block_coding_chart(ax: Axes, ks: ArrayLike, bits_per_outcome: ArrayLike, h: float) -> Line2D:
    """Bits per outcome of codes for blocks of ``k`` outcomes, inside ``[H, H + 1/k)``.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    ks : array_like of int
        Block sizes.
    bits_per_outcome : array_like
        Expected codeword length of each block code divided by its ``k``, in bits.
    h : float
        The entropy per outcome, in bits: the floor no code can beat.

    Returns
    -------
    Line2D
        The line of bits per outcome.
    """
    k = np.asarray(ks, dtype=float)
    fine = np.linspace(k.min(), k.max(), 200)
    ax.fill_between(
        fine,
        h,
        h + 1 / fine,
        color=COLORS["sky"],
        alpha=0.3,
        lw=0,
        label="guaranteed range $[H, H + 1/k)$",
    )
    ax.axhline(h, color=COLORS["p"], lw=2, ls="--", label=f"entropy $H$ = {h:.3f} bits")
    (line,) = ax.plot(
        k,
        np.asarray(bits_per_outcome, dtype=float),
        "o-",
        color=COLORS["accent"],
        mec=COLORS["ink"],
        ms=7,
        lw=1.6,
        label="Huffman code for blocks: bits per outcome",
        zorder=3,
    )
    ax.set_xticks(k)
    ax.set_xlim(k.min() - 0.3, k.max() + 0.3)
    ax.set_ylim(0, None)
    ax.set_xlabel("block size $k$ (outcomes coded together)")
    ax.set_ylabel("bits per outcome")
    ax.legend(loc="upper right", fontsize=9)
    return line


_OUTCOME_COLORS = [COLORS["sky"], COLORS["accent"], COLORS["good"], COLORS["extra"], COLORS["p"]]


def code_space_chart(
    ax: Axes, codes: Sequence[tuple[str, Sequence[str]]], labels: Sequence[str]
) -> list[list[Rectangle]]:
    """Prefix codes as the share of code space each codeword claims (Kraft's picture).

    Think of every infinite string of bits as a point of ``[0, 1)``: the bits are its binary
    digits. A codeword ``w`` of length ``l`` claims every string that begins with it, the
    interval ``[w / 2^l, (w + 1) / 2^l)`` of width ``2^-l``. In a prefix code no codeword begins
    another, so the intervals do not overlap and their widths, the Kraft sum, add up to at
    most 1. Space no codeword claims is hatched.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    codes : sequence of (str, sequence of str)
        For each code, a row title and its codewords, one per outcome (``""`` for an outcome
        without a codeword). At most five outcomes.
    labels : sequence of str
        The outcomes' names, for the legend.

    Returns
    -------
    list of list of Rectangle
        For each code, its codewords' intervals, in outcome order (``None``-free: outcomes
        without a codeword are skipped).

    Examples
    --------
    >>> from infolib.plots import new_figure, code_space_chart
    >>> fig, ax = new_figure()
    >>> (row,) = code_space_chart(ax, [("code", ["0", "10", "110"])], ["a", "b", "c"])
    >>> [(float(r.get_x()), float(r.get_width())) for r in row]
    [(0.0, 0.5), (0.5, 0.25), (0.75, 0.125)]
    """
    if len(labels) > len(_OUTCOME_COLORS):
        raise ValueError(f"labels: at most {len(_OUTCOME_COLORS)} outcomes, got {len(labels)}")
    rows: list[list[Rectangle]] = []
    height = 0.62
    for y, (title, words) in enumerate(codes):
        row = []
        for word, color in zip(words, _OUTCOME_COLORS, strict=False):
            if not word:
                continue
            width = 2.0 ** -len(word)
            start = int(word, 2) * width
            (rect,) = ax.bar(
                start,
                height,
                width=width,
                bottom=y - height / 2,
                align="edge",
                color=color,
                edgecolor=COLORS["ink"],
                lw=0.8,
                zorder=2,
            )
            ax.text(
                start + width / 2,
                y,
                word,
                ha="center",
                va="center",
                fontsize=9 if width >= 1 / 8 else 7,
                family="monospace",
                color=COLORS["ink"],
                zorder=3,
            )
            row.append(rect)
        claimed = sum(r.get_width() for r in row)
        if claimed < 1:
            ax.bar(
                0,
                height,
                width=1,
                bottom=y - height / 2,
                align="edge",
                color="none",
                edgecolor=COLORS["muted"],
                hatch="///",
                lw=0,
                zorder=1,
            )
        ax.text(1.02, y, f"{title}\nKraft sum {claimed:g}", va="center", fontsize=9)
        rows.append(row)
    handles = [Rectangle((0, 0), 1, 1, color=c, ec=COLORS["ink"]) for c in _OUTCOME_COLORS]
    handles.append(Rectangle((0, 0), 1, 1, fc="none", ec=COLORS["muted"], hatch="///"))
    ax.legend(
        handles[: len(labels)] + handles[-1:],
        [*labels, "unused"],
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=len(labels) + 1,
        fontsize=9,
        frameon=False,
    )
    ax.set_xlim(0, 1)
    ax.set_ylim(len(codes) - 0.5, -0.5)  # first code on top
    ax.set_yticks([])
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "1/4", "1/2", "3/4", "1"])
    ax.set_xlabel("code space: all bit strings, as binary fractions $0.b_1 b_2 b_3 \\ldots$")
    ax.grid(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return rows


# Cross-entropy: codes, blocks, curves and label smoothing (chapter 4).


def code_comparison_chart(
    ax_prob: Axes,
    ax_len: Axes,
    labels: Sequence[str],
    p: ArrayLike,
    q: ArrayLike,
    lengths_p: ArrayLike,
    lengths_q: ArrayLike,
    *,
    prob_top: float = 0.75,
) -> tuple[BarContainer, BarContainer, BarContainer, BarContainer]:
    """Two codes side by side: the distributions they are built for, and their lengths.

    The left axes show the truth ``p`` (blue) beside the model ``q`` (vermillion) the second
    code is built for; the right axes show each code's codeword lengths in bits, with the
    same colours.

    Parameters
    ----------
    ax_prob, ax_len : Axes
        Where to draw the probabilities and the codeword lengths.
    labels : sequence of str
        The outcomes.
    p, q : array_like
        The truth and the model, one probability per outcome.
    lengths_p, lengths_q : array_like of int
        The codeword lengths, in bits, of the codes built for ``p`` and for ``q``.
    prob_top : float
        Top of the probability axis (room for the legend above the bars).

    Returns
    -------
    tuple of BarContainer
        The bars of ``p``, ``q``, the lengths of ``p``'s code and of ``q``'s code.

    Examples
    --------
    >>> from infolib.plots import new_figure, code_comparison_chart
    >>> fig, (left, right) = new_figure(ncols=2)
    >>> bars = code_comparison_chart(left, right, "ab", [0.5, 0.5], [0.75, 0.25], [1, 1], [1, 2])
    >>> [float(b.get_height()) for b in bars[3]], tuple(map(float, right.get_ylim()))
    ([1.0, 2.0], (0.0, 3.0))
    """
    paired: dict[str, Any] = {"width": 0.4}
    p_bars = distribution_bars(ax_prob, p, labels, offset=-0.2, label="truth $p$", **paired)
    q_bars = distribution_bars(
        ax_prob, q, labels, color=COLORS["q"], offset=0.2, label="code built for $q$", **paired
    )
    ax_prob.set_ylim(0, prob_top)
    ax_prob.legend(loc="upper center", fontsize=9)
    unit: dict[str, Any] = {"ylabel": "codeword length (bits)", **paired}
    lp_bars = distribution_bars(
        ax_len, lengths_p, labels, offset=-0.2, label="code for $p$", **unit
    )
    lq_bars = distribution_bars(
        ax_len, lengths_q, labels, color=COLORS["q"], offset=0.2, label="code for $q$", **unit
    )
    longest = int(max(np.max(lengths_p), np.max(lengths_q))) + 1
    ax_len.set_ylim(0, longest)
    ax_len.set_yticks(range(longest + 1))
    ax_len.legend(loc="upper left", fontsize=9)
    return p_bars, q_bars, lp_bars, lq_bars


def block_cross_entropy_chart(
    ax: Axes,
    ks: ArrayLike,
    shannon_bits: ArrayLike,
    huffman_bits: ArrayLike,
    *,
    h_pq: float,
    h_p: float,
    ylim: tuple[float, float] = (1.6, 2.6),
) -> tuple[Line2D, Line2D]:
    """Bits per outcome of block codes built for ``q``, on data from ``p``.

    Shannon codes for blocks of ``k`` outcomes are guaranteed to cost between ``H(p, q)`` and
    ``H(p, q) + 1/k`` bits per outcome (shaded); ``H(p)`` (dashed) is what no code beats.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    ks : array_like of int
        Block sizes.
    shannon_bits, huffman_bits : array_like
        Expected bits per outcome of the Shannon and Huffman codes for blocks of ``q``.
    h_pq, h_p : float
        The cross-entropy and the entropy, in bits.
    ylim : (float, float)
        Range of the bits axis.

    Returns
    -------
    (Line2D, Line2D)
        The Shannon and Huffman lines.

    Examples
    --------
    >>> from infolib.plots import new_figure, block_cross_entropy_chart
    >>> fig, ax = new_figure()
    >>> shannon, huffman = block_cross_entropy_chart(
    ...     ax, [1, 2], [2.4, 2.2], [2.1, 2.05], h_pq=2.0, h_p=1.7
    ... )
    >>> huffman.get_ydata().tolist()
    [2.1, 2.05]
    """
    k = np.asarray(ks, dtype=float)
    fine = np.linspace(1, k.max(), 200)
    ax.fill_between(
        fine,
        h_pq,
        h_pq + 1 / fine,
        color=COLORS["sky"],
        alpha=0.3,
        lw=0,
        label="guaranteed for Shannon codes: $[H(p, q), H(p, q) + 1/k)$",
    )
    ax.axhline(h_pq, color=COLORS["q"], lw=2, label="$H(p, q)$")
    ax.axhline(h_p, color=COLORS["p"], lw=2, ls="--", label="$H(p)$: no code does better")
    marks: dict[str, Any] = {"mec": COLORS["ink"]}
    (shannon,) = ax.plot(
        k, shannon_bits, "s-", color=COLORS["good"], ms=6, label="Shannon code for $q^k$", **marks
    )
    (huffman,) = ax.plot(
        k, huffman_bits, "o-", color=COLORS["accent"], ms=7, label="Huffman code for $q^k$", **marks
    )
    ax.set_xlabel("block size $k$ (days coded together)")
    ax.set_ylabel("bits per day, data from $p$")
    ax.set_ylim(*ylim)
    ax.legend(loc="upper right", fontsize=8.5)
    return shannon, huffman


_TRUTH_STYLES = [
    (COLORS["sky"], "-"),
    (COLORS["p"], "-"),
    (COLORS["extra"], "-."),
    (COLORS["ink"], "--"),
]


def cross_entropy_by_truth_chart(
    ax: Axes, q1: ArrayLike, curves: Sequence[tuple[float, ArrayLike, float]]
) -> list[Line2D]:
    """Cross-entropy of a two-outcome model against several truths, each marked at its minimum.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    q1 : array_like
        The model's probability of the first outcome, along the horizontal axis.
    curves : sequence of (float, array_like, float)
        For each truth (at most four): its probability of the first outcome, the cross-entropy
        in bits at each ``q1``, and its entropy in bits (drawn as a dot at ``q1 = p1``).

    Returns
    -------
    list of Line2D
        One curve per truth.

    Examples
    --------
    >>> from infolib.plots import new_figure, cross_entropy_by_truth_chart
    >>> fig, ax = new_figure()
    >>> lines = cross_entropy_by_truth_chart(ax, [0.25, 0.5, 0.75], [(0.5, [1.2, 1.0, 1.2], 1.0)])
    >>> lines[0].get_label()
    'truth $p$ = (0.5, 0.5)'
    """
    if len(curves) > len(_TRUTH_STYLES):
        raise ValueError(f"curves: at most {len(_TRUTH_STYLES)} truths, got {len(curves)}")
    lines = []
    for (p1, values, h), (color, ls) in zip(curves, _TRUTH_STYLES, strict=False):
        (line,) = ax.plot(
            q1, values, color=color, ls=ls, lw=2, label=f"truth $p$ = ({p1:g}, {1 - p1:.1g})"
        )
        ax.plot([p1], [h], "o", color=color, mec=COLORS["ink"], ms=8, zorder=3)
        lines.append(line)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 3)
    ax.set_xlabel("model's probability of the first outcome, $q(1)$")
    ax.set_ylabel("cross-entropy $H(p, q)$ (bits)")
    ax.legend(loc="upper center", fontsize=9)
    return lines


def label_smoothing_chart(
    ax: Axes,
    margins: ArrayLike,
    hard: ArrayLike,
    soft: ArrayLike,
    *,
    floor: float,
    best_margin: float,
    eps: float,
) -> tuple[Line2D, Line2D]:
    """Loss against the logit margin with a one-hot and with a smoothed target, in nats.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    margins : array_like
        The margins ``z_y - z_other`` along the horizontal axis.
    hard, soft : array_like
        The loss at each margin with the one-hot target and with the smoothed target ``t``.
    floor : float
        ``H(t)``, the smoothed loss's minimum, in nats.
    best_margin : float
        The margin at which the model predicts ``t`` itself (where the minimum is).
    eps : float
        The smoothing parameter, for the legend.

    Returns
    -------
    (Line2D, Line2D)
        The one-hot and smoothed loss curves.

    Examples
    --------
    >>> from infolib.plots import new_figure, label_smoothing_chart
    >>> fig, ax = new_figure()
    >>> hard, soft = label_smoothing_chart(
    ...     ax, [0, 5, 10], [1.1, 0.01, 0.0001], [1.2, 0.5, 1.0], floor=0.5, best_margin=5, eps=0.1
    ... )
    >>> print(soft.get_label())
    smoothed target, $\\varepsilon$ = 0.1
    """
    m = np.asarray(margins, dtype=float)
    (hard_line,) = ax.plot(m, hard, color=COLORS["ink"], lw=2, ls="--", label="one-hot target")
    (soft_line,) = ax.plot(
        m, soft, color=COLORS["q"], lw=2.2, label=f"smoothed target, $\\varepsilon$ = {eps:g}"
    )
    ax.axhline(floor, color=COLORS["q"], lw=1, ls=":")
    ax.plot(
        [best_margin],
        [floor],
        "o",
        color=COLORS["accent"],
        mec=COLORS["ink"],
        ms=8,
        zorder=3,
        label="minimum: $q = t$, loss $H(t)$",
    )
    ax.annotate(
        "floor $H(t)$",
        (m[-1] - 0.18 * (m[-1] - m[0]), floor),
        xytext=(0, 6),
        textcoords="offset points",
        color=COLORS["ink"],
        fontsize=9,
    )
    ax.set_xlim(m[0], m[-1])
    ax.set_ylim(0, 3)
    ax.set_xlabel(
        "logit margin $z_y - z_{\\mathrm{other}}$ (logits $z = (m, 0, 0)$, label $y = 0$)"
    )
    ax.set_ylabel("loss (nats)")
    ax.legend(loc="upper right", fontsize=9)
    return hard_line, soft_line


# Divergences and Gaussian fits (chapter 5).


def divergence_bars(
    ax: Axes, labels: Sequence[str], colors: Sequence[str], *, top: float = 4.0
) -> tuple[BarContainer, list[Text]]:
    """Empty bars, one per divergence, on a bits axis from 0 to ``top``.

    Fill them with :func:`set_divergence_bars`, which also labels each bar with its value.

    Examples
    --------
    >>> from infolib.plots import new_figure, divergence_bars, set_divergence_bars
    >>> fig, ax = new_figure()
    >>> bars, texts = divergence_bars(ax, ["a", "b"], ["C0", "C1"], top=2)
    >>> set_divergence_bars(bars, texts, [0.5, float("inf")], top=2)
    >>> [b.get_height() for b in bars], [t.get_text() for t in texts]
    ([0.5, 2.0], ['0.500', '∞'])
    """
    return _empty_bars(ax, labels, colors, top=top * 1.12, ylabel="bits")


def _empty_bars(
    ax: Axes, labels: Sequence[str], colors: Sequence[str], *, top: float, ylabel: str
) -> tuple[BarContainer, list[Text]]:
    """Bars of height 0 at ``0, 1, ...``, one per label, each with an empty text at its foot.

    The y-axis runs from 0 to ``top``, with no vertical grid lines. A setter
    (:func:`set_divergence_bars`, :func:`set_decomposition`) later gives each bar its height
    and moves its text, the value, onto it.
    """
    x = np.arange(len(labels))
    bars = ax.bar(
        x,
        np.zeros(len(labels)),
        width=0.6,
        color=list(colors),
        edgecolor=COLORS["ink"],
        linewidth=0.6,
        zorder=2,
    )
    texts = [
        ax.text(i, 0, "", ha="center", va="bottom", fontsize=9, color=COLORS["ink"])
        for i in range(len(labels))
    ]
    ax.set_xticks(x, list(labels), fontsize=9)
    ax.set_ylim(0, top)
    ax.set_ylabel(ylabel)
    ax.grid(axis="x", visible=False)
    return bars, texts


def set_divergence_bars(
    bars: Sequence[Rectangle], texts: Sequence[Text], values: ArrayLike, *, top: float = 4.0
) -> None:
    """Show divergences as bars; a value above ``top`` (or ``inf``) fills the axis, hatched."""
    for rect, text, value in zip(bars, texts, np.asarray(values, dtype=float), strict=True):
        over = not value <= top
        height = float(top if over else value)
        rect.set_height(height)
        rect.set_hatch("//" if over else "")
        text.set_position((rect.get_x() + rect.get_width() / 2, height))
        text.set_text("∞" if np.isinf(value) else f"{value:.3f}")


def gaussian_fit_chart(
    ax: Axes,
    x: ArrayLike,
    p: ArrayLike,
    q_forward: ArrayLike,
    q_reverse: ArrayLike,
    *,
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
) -> tuple[Line2D, Line2D, Line2D]:
    """Draw a target ``p`` and two fitted Gaussians, as densities over an evenly spaced grid.

    Each distribution over the grid is divided by the grid step, so the curves are densities
    (probability per unit of ``x``) and curves on different grids are comparable. ``p`` is
    blue and thick; the forward fit (minimising :math:`D_{KL}(p \\| q)`) vermillion; the
    reverse fit (minimising :math:`D_{KL}(q \\| p)`) reddish purple and dashed.

    Returns
    -------
    (Line2D, Line2D, Line2D)
        The lines of ``p``, the forward fit and the reverse fit; move them with
        ``set_ydata(distribution / step)``.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.plots import new_figure, gaussian_fit_chart
    >>> fig, ax = new_figure()
    >>> x = np.linspace(-1, 1, 5)
    >>> lines = gaussian_fit_chart(ax, x, [0.2] * 5, [0.2] * 5, [0.2] * 5)
    >>> lines[0].get_ydata().round(3).tolist()
    [0.4, 0.4, 0.4, 0.4, 0.4]
    """
    grid = np.asarray(x, dtype=float)
    step = grid[1] - grid[0]
    (p_line,) = ax.plot(
        grid, np.asarray(p) / step, color=COLORS["p"], lw=3.2, label="truth $p$ (two bumps)"
    )
    (fwd_line,) = ax.plot(
        grid,
        np.asarray(q_forward) / step,
        color=COLORS["q"],
        lw=2,
        label=r"forward fit: min $D_{KL}(p \parallel q)$",
    )
    (rev_line,) = ax.plot(
        grid,
        np.asarray(q_reverse) / step,
        color=COLORS["extra"],
        lw=2.2,
        ls="--",
        label=r"reverse fit: min $D_{KL}(q \parallel p)$",
    )
    ax.set_xlim(*(xlim or (grid[0], grid[-1])))
    ax.set_ylim(*(ylim or (0, None)))
    ax.set_xlabel("$x$")
    ax.set_ylabel("probability density")
    ax.legend(loc="upper right", fontsize=8.5)
    return p_line, fwd_line, rev_line


def gaussian_fit_panels(
    x: ArrayLike,
    panels: Sequence[tuple[str, ArrayLike, ArrayLike, ArrayLike]],
    *,
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
) -> CourseFigure:
    """A figure of :func:`gaussian_fit_chart` panels stacked vertically, one per target.

    Parameters
    ----------
    x : array_like
        The evenly spaced grid all distributions live on.
    panels : sequence of (str, array_like, array_like, array_like)
        For each panel: its title, the target ``p``, the forward fit and the reverse fit, as
        distributions over ``x``.
    xlim, ylim : (float, float), optional
        Axis ranges shared by the panels.

    Returns
    -------
    CourseFigure
        The figure (a notebook cell ending with it displays it).

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.plots import gaussian_fit_panels
    >>> flat = [0.25] * 4
    >>> panels = [("a", flat, flat, flat), ("b", flat, flat, flat)]
    >>> fig = gaussian_fit_panels(np.arange(4.0), panels)
    >>> [ax.get_title() for ax in fig.axes]
    ['a', 'b']
    """
    with course_style():
        fig = CourseFigure(figsize=(6.4, 2.7 * len(panels)), layout="constrained")
        axes = np.atleast_1d(fig.subplots(len(panels), 1))
    for ax, (title, p, q_forward, q_reverse) in zip(axes, panels, strict=True):
        gaussian_fit_chart(ax, x, p, q_forward, q_reverse, xlim=xlim, ylim=ylim)
        ax.set_title(title, fontsize=10)
    return fig


def coin_divergence_chart(
    ax: Axes, heads: ArrayLike, forward: ArrayLike, reverse: ArrayLike, js: ArrayLike
) -> tuple[Line2D, Line2D, Line2D]:
    """Both KL divergences and the Jensen-Shannon divergence between a fair coin and a model.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    heads : array_like
        The model's probability of heads, along the horizontal axis.
    forward, reverse, js : array_like
        :math:`D(p \\parallel q)`, :math:`D(q \\parallel p)` and :math:`JS(p, q)` in bits at
        each ``heads``, for the fair coin ``p``.

    Returns
    -------
    (Line2D, Line2D, Line2D)
        The three curves.

    Examples
    --------
    >>> from infolib.plots import new_figure, coin_divergence_chart
    >>> fig, ax = new_figure()
    >>> lines = coin_divergence_chart(ax, [0.5, 1.0], [0.0, float("inf")], [0.0, 1.0], [0.0, 0.31])
    >>> [line.get_label()[:6] for line in lines]
    ['$D(p \\\\', '$D(q \\\\', '$JS(p,']
    """
    h = np.asarray(heads, dtype=float)
    (fwd,) = ax.plot(h, forward, color=COLORS["q"], lw=2.2, label=r"$D(p \parallel q)$: unbounded")
    (rev,) = ax.plot(
        h, reverse, color=COLORS["extra"], lw=2.2, ls="--", label=r"$D(q \parallel p)$"
    )
    (jsd,) = ax.plot(h, js, color=COLORS["good"], lw=2.2, label="$JS(p, q)$")
    ax.axhline(1, color=COLORS["muted"], lw=1, ls=":")
    ax.set_ylim(0, 3)
    ax.set_xlim(0, 1)
    ax.set_xlabel(r"model's probability of heads, $q(\mathrm{heads})$")
    ax.set_ylabel("bits")
    ax.legend(loc="upper center", fontsize=9)
    return fwd, rev, jsd


def grid_limit_chart(
    ax: Axes,
    steps: ArrayLike,
    grid_entropy: ArrayLike,
    grid_kl: ArrayLike,
    *,
    h: float,
    kl: float,
) -> tuple[Line2D, Line2D]:
    """Entropy and KL divergence of densities made discrete, against the grid step.

    As the step :math:`\\Delta` shrinks, the entropy of the discrete distribution follows
    :math:`h - \\log_2 \\Delta` (dashed) and grows without bound, while the divergence stays
    at the divergence of the densities (dotted).

    Parameters
    ----------
    ax : Axes
        Where to draw; the step axis is logarithmic, finer grids to the right.
    steps : array_like
        The grid steps.
    grid_entropy, grid_kl : array_like
        The entropy of ``p`` and the divergence ``D(p || q)`` on each grid, in bits.
    h, kl : float
        The differential entropy of ``p``'s density and the divergence of the densities, in
        bits.

    Returns
    -------
    (Line2D, Line2D)
        The grid entropies and the grid divergences.

    Examples
    --------
    >>> from infolib.plots import new_figure, grid_limit_chart
    >>> fig, ax = new_figure()
    >>> ent, div = grid_limit_chart(ax, [1.0, 0.5], [2.05, 3.05], [0.64, 0.64], h=2.05, kl=0.64)
    >>> ax.get_xscale(), ent.get_ydata().tolist()
    ('log', [2.05, 3.05])
    """
    d = np.asarray(steps, dtype=float)
    limit = np.geomspace(d.max(), d.min(), 50)
    marks: dict[str, Any] = {"mec": COLORS["ink"], "ms": 7, "lw": 0, "zorder": 3}
    ax.plot(
        limit, h - np.log2(limit), color=COLORS["p"], lw=1.6, ls="--", label="$h - \\log_2 \\Delta$"
    )
    (ent,) = ax.plot(d, grid_entropy, "o", color=COLORS["p"], label="entropy on the grid", **marks)
    ax.axhline(kl, color=COLORS["q"], lw=1.4, ls=":", label="$D$ of the densities")
    (div,) = ax.plot(
        d, grid_kl, "s", color=COLORS["q"], label="$D(p \\parallel q)$ on the grid", **marks
    )
    ax.set_xscale("log")
    ax.set_xlim(d.max() * 1.6, d.min() / 1.6)  # finer grids to the right
    ax.set_ylim(0, None)
    ax.set_xlabel("grid step $\\Delta$")
    ax.set_ylabel("bits")
    ax.legend(loc="upper left", fontsize=9)
    return ent, div


# Training a classifier (chapter 7).


class TrainingCurves(NamedTuple):
    """The artists of :func:`training_curves`, moved by :func:`set_training_curves`.

    Attributes
    ----------
    cross_entropy, floor, kl, train_loss : matplotlib.lines.Line2D
        The curves of the expected cross-entropy, the entropy floor ``H(p)``, the KL gap
        (drawn from 0) and the loss on the sampled labels.
    gap : matplotlib.collections.FillBetweenPolyCollection
        The shaded band between the floor and the expected cross-entropy.
    """

    cross_entropy: Line2D
    floor: Line2D
    kl: Line2D
    train_loss: Line2D
    gap: FillBetweenPolyCollection


def training_curves(
    ax: Axes, *, max_epochs: int, top: float, unit: str = "nats", legend: bool = True
) -> TrainingCurves:
    """Empty curves of a training run: expected cross-entropy, entropy floor, KL gap, loss.

    The expected cross-entropy is vermillion (it belongs to the model ``q``), the floor
    ``H(p)`` a dashed blue line (it belongs to the truth ``p``), the KL gap between them is
    shaded green and also drawn on its own from 0, and the loss on the sampled labels is a
    thin grey line. Fill them with :func:`set_training_curves`.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    max_epochs : int
        Right end of the epoch axis.
    top : float
        Top of the vertical axis, in ``unit``.
    unit : str
        Unit of the values, for the axis label.
    legend : bool
        Whether to add a legend.

    Returns
    -------
    TrainingCurves
        The artists, to pass to :func:`set_training_curves`.

    Examples
    --------
    >>> from infolib.plots import new_figure, training_curves, set_training_curves
    >>> fig, ax = new_figure()
    >>> curves = training_curves(ax, max_epochs=2, top=1.2)
    >>> set_training_curves(curves, [0, 1, 2], [1.1, 0.8, 0.7], [0.6] * 3, [0.5, 0.2, 0.1])
    >>> curves.kl.get_ydata().tolist()
    [0.5, 0.2, 0.1]
    """
    with course_style():
        gap = ax.fill_between(
            [0.0], [0.0], [0.0], color=COLORS["good"], alpha=0.18, lw=0, label="KL gap (shaded)"
        )
        (train,) = ax.plot(
            [], [], color=COLORS["muted"], lw=1.0, ls=(0, (1, 1.5)), label="loss on the labels"
        )
        (kl,) = ax.plot([], [], color=COLORS["good"], lw=1.8, label="$D_{KL}(p \\| q)$")
        (floor,) = ax.plot([], [], "--", color=COLORS["p"], lw=1.8, label="floor $H(p)$")
        (cross,) = ax.plot([], [], color=COLORS["q"], lw=2.2, label="$H(p, q)$")
        ax.set_xlim(0, max_epochs)
        ax.set_ylim(0, top)
        ax.set_xlabel("epoch")
        ax.set_ylabel(f"average over examples ({unit})")
        if legend:
            # Above the axes, where no curve can run into it.
            ax.legend(
                handles=[cross, floor, kl, gap, train],
                loc="lower center",
                bbox_to_anchor=(0.5, 1.0),
                ncols=3,
                fontsize=8.5,
            )
    return TrainingCurves(cross, floor, kl, train, gap)


def set_training_curves(
    artists: TrainingCurves,
    epochs: ArrayLike,
    cross_entropy: ArrayLike,
    floor: ArrayLike,
    kl: ArrayLike,
    train_loss: ArrayLike | None = None,
    train_epochs: ArrayLike | None = None,
) -> None:
    """Set the curves of :func:`training_curves` to one run's numbers.

    ``cross_entropy``, ``floor`` and ``kl`` are given at ``epochs``; ``train_loss`` at
    ``train_epochs`` (default: the same epochs), or not at all.
    """
    x = np.asarray(epochs, dtype=float)
    ce = np.asarray(cross_entropy, dtype=float)
    h = np.asarray(floor, dtype=float)
    artists.cross_entropy.set_data(x, ce)
    artists.floor.set_data(x, h)
    artists.kl.set_data(x, np.asarray(kl, dtype=float))
    artists.gap.set_data(x, h, ce)
    if train_loss is None:
        artists.train_loss.set_data([], [])
    else:
        artists.train_loss.set_data(x if train_epochs is None else train_epochs, train_loss)


# Checking the identity, its minimum, training runs, softmax twice (chapter 7).


def identity_check_chart(
    ax: Axes, ax_err: Axes, h_pq: ArrayLike, h_p_plus_kl: ArrayLike
) -> tuple[PathCollection, PathCollection]:
    """Check ``H(p, q) = H(p) + D(p || q)`` on many pairs: both sides, and their difference.

    Parameters
    ----------
    ax, ax_err : Axes
        Where to draw the two sides against each other, and their difference (in units of
        :math:`10^{-15}` bits).
    h_pq, h_p_plus_kl : array_like
        The left and right sides for each pair, in bits.

    Returns
    -------
    (PathCollection, PathCollection)
        The two scatter plots.

    Examples
    --------
    >>> from infolib.plots import new_figure, identity_check_chart
    >>> fig, (ax, ax_err) = new_figure(ncols=2)
    >>> both, diff = identity_check_chart(ax, ax_err, [1.0, 2.5], [1.0, 2.5 + 4.4e-16])
    >>> diff.get_offsets()[:, 1].round(2).tolist(), tuple(map(float, ax.get_xlim()))
    ([0.0, -0.44], (0.0, 3.0))
    """
    left = np.asarray(h_pq, dtype=float)
    right = np.asarray(h_p_plus_kl, dtype=float)
    top = float(np.ceil(left.max()))
    dots: dict[str, Any] = {"s": 5, "alpha": 0.45, "lw": 0}
    ax.plot([0, top], [0, top], color=COLORS["muted"], lw=1, ls="--", label="diagonal")
    both = ax.scatter(left, right, color=COLORS["p"], label=f"{left.size:,} pairs", **dots)
    ax.set_xlim(0, top)
    ax.set_ylim(0, top)
    ax.set_xlabel("$H(p, q)$ (bits)")
    ax.set_ylabel("$H(p) + D_{KL}(p \\parallel q)$ (bits)")
    ax.legend(loc="upper left", fontsize=9)
    diff = ax_err.scatter(left, (left - right) * 1e15, color=COLORS["good"], **dots)
    ax_err.axhline(0, color=COLORS["muted"], lw=1)
    ax_err.set_xlim(0, top)
    ax_err.set_ylim(-4, 4)
    ax_err.set_xlabel("$H(p, q)$ (bits)")
    ax_err.set_ylabel("difference ($10^{-15}$ bits)")
    return both, diff


def minimum_at_truth_chart(
    ax: Axes,
    heads: ArrayLike,
    cross_entropy: ArrayLike,
    kl: ArrayLike,
    *,
    h_p: float,
    p_heads: float,
) -> tuple[Line2D, Line2D]:
    """Cross-entropy and KL divergence of coin models against the truth: one minimiser.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    heads : array_like
        The model's probability of heads.
    cross_entropy, kl : array_like
        ``H(p, q)`` and ``D(p || q)`` in bits at each ``heads``.
    h_p : float
        ``H(p)`` in bits, the constant gap between the two curves.
    p_heads : float
        The truth's probability of heads, where both curves are smallest.

    Returns
    -------
    (Line2D, Line2D)
        The cross-entropy and KL curves.

    Examples
    --------
    >>> from infolib.plots import new_figure, minimum_at_truth_chart
    >>> fig, ax = new_figure()
    >>> ce, kl = minimum_at_truth_chart(
    ...     ax, [0.5, 0.7], [1.0, 1.2], [0.0, 0.2], h_p=1.0, p_heads=0.5
    ... )
    >>> (ce.get_ydata() - kl.get_ydata()).tolist()
    [1.0, 1.0]
    """
    (ce_line,) = ax.plot(heads, cross_entropy, color=COLORS["q"], lw=2.2, label="$H(p, q)$")
    (kl_line,) = ax.plot(heads, kl, color=COLORS["good"], lw=2.2, label="$D_{KL}(p \\parallel q)$")
    ax.axhline(h_p, color=COLORS["p"], lw=1.6, ls="--", label="$H(p)$")
    ax.axvline(p_heads, color=COLORS["muted"], lw=1, ls=":")
    ax.annotate(
        "both smallest at $q = p$",
        (p_heads, 0.0),
        xytext=(0.36, 2.6),
        fontsize=9.5,
        arrowprops={"arrowstyle": "->", "color": COLORS["muted"]},
    )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 4)
    ax.set_xlabel("the model's probability of heads, $q(\\mathrm{heads})$")
    ax.set_ylabel("bits")
    ax.legend(loc="upper center", fontsize=9)
    return ce_line, kl_line


def training_panels(
    panels: Sequence[tuple[str, ArrayLike, ArrayLike, ArrayLike, ArrayLike, ArrayLike]],
    *,
    max_epochs: int,
    top: float,
) -> CourseFigure:
    """Training runs side by side, each drawn with :func:`training_curves`, one legend above.

    Parameters
    ----------
    panels : sequence of (str, array_like, array_like, array_like, array_like, array_like)
        For each run: its title, the epochs, and at those epochs the expected cross-entropy,
        the floor, the KL gap and the training loss, in nats.
    max_epochs : int
        Right end of the epoch axes.
    top : float
        Top of the loss axes, in nats.

    Returns
    -------
    CourseFigure
        The figure.

    Examples
    --------
    >>> from infolib.plots import training_panels
    >>> run = ([0, 1], [1.0, 0.8], [0.5, 0.5], [0.5, 0.3], [0.9, 0.7])
    >>> fig = training_panels([("a", *run), ("b", *run)], max_epochs=1, top=1.2)
    >>> [ax.get_title() for ax in fig.axes], len(fig.legends)
    (['a', 'b'], 1)
    """
    with course_style():
        fig = CourseFigure(figsize=(7.6, 3.6), layout="constrained")
        axes = np.atleast_1d(fig.subplots(1, len(panels)))
    for ax, (title, epochs, cross_entropy, floor, kl, train_loss) in zip(axes, panels, strict=True):
        curves = training_curves(ax, max_epochs=max_epochs, top=top, legend=False)
        set_training_curves(curves, epochs, cross_entropy, floor, kl, train_loss)
        ax.set_title(title)
    for ax in axes[1:]:
        ax.set_ylabel("")
    fig.legend(
        handles=[curves.cross_entropy, curves.floor, (curves.kl, curves.gap), curves.train_loss],
        labels=[
            "expected $H(p, q)$",
            "floor: mean $H(p(\\cdot\\mid x))$",
            "KL gap (line from 0; shading above the floor)",
            "training loss",
        ],
        loc="outside upper center",
        ncols=2,
        fontsize=8.5,
    )
    return fig


def softmax_twice_chart(
    ax_loss: Axes,
    ax_grad: Axes,
    margins: ArrayLike,
    loss: ArrayLike,
    loss_twice: ArrayLike,
    grad: ArrayLike,
    grad_twice: ArrayLike,
) -> None:
    """The loss from logits against the same loss with softmax applied twice, and gradients.

    Parameters
    ----------
    ax_loss, ax_grad : Axes
        Where to draw the losses (nats) and their derivatives with respect to the true logit.
    margins : array_like
        The margin of the true logit over the others, along both horizontal axes.
    loss, loss_twice : array_like
        The correct loss and the softmax-twice loss at each margin, in nats.
    grad, grad_twice : array_like
        Their derivatives with respect to the true logit.

    Examples
    --------
    >>> from infolib.plots import new_figure, softmax_twice_chart
    >>> fig, (a, b) = new_figure(ncols=2)
    >>> softmax_twice_chart(a, b, [0, 1], [1.1, 0.55], [1.0, 0.9], [-0.67, -0.4], [-0.2, -0.15])
    >>> [line.get_label() for line in b.get_lines()]
    ['loss from logits', 'softmax applied twice']
    """
    m = np.asarray(margins, dtype=float)
    twice: dict[str, Any] = {
        "color": COLORS["extra"],
        "lw": 2.2,
        "ls": "--",
        "label": "softmax applied twice",
    }
    right: dict[str, Any] = {"color": COLORS["q"], "lw": 2.2, "label": "loss from logits"}
    xlabel = "margin of the true logit, $z_y - z_{\\mathrm{other}}$"
    ax_loss.plot(m, loss, **right)
    ax_loss.plot(m, loss_twice, **twice)
    ax_loss.set_ylim(0, 9)
    ax_loss.set_xlabel(xlabel)
    ax_loss.set_ylabel("loss (nats)")
    ax_loss.legend(loc="upper right", fontsize=9)
    ax_grad.plot(m, grad, **right)
    ax_grad.plot(m, grad_twice, **twice)
    ax_grad.set_ylim(-1.05, 0.05)
    ax_grad.set_xlabel(xlabel)
    ax_grad.set_ylabel("$\\partial\\,\\mathrm{loss} / \\partial z_y$")
    ax_grad.legend(loc="center left", fontsize=9)


# The chain in one chart (chapter 10).


class DecompositionBars(NamedTuple):
    """The artists of :func:`decomposition_bars`, moved by :func:`set_decomposition`.

    Attributes
    ----------
    entropy : matplotlib.container.BarContainer
        The solid bottom segments, one entropy per bar.
    divergence : matplotlib.container.BarContainer
        The hatched segments on top of them, one KL divergence per bar.
    texts : list of matplotlib.text.Text
        The value labels above the bars.
    """

    entropy: BarContainer
    divergence: BarContainer
    texts: list[Text]


def decomposition_bars(
    ax: Axes,
    labels: Sequence[str],
    colors: Sequence[str],
    *,
    top: float,
    unit: str = "bits",
    entropy_labels: Sequence[str] | None = None,
) -> DecompositionBars:
    r"""Empty stacked bars, each a cross-entropy split into an entropy and a KL divergence.

    Bar ``i`` shows a cross-entropy :math:`H(a, b) = H(a) + D_{KL}(a \| b)`, for data from
    ``a`` coded with a code built for ``b``: a solid segment for the
    entropy :math:`H(a)` of the distribution the data come from, in ``colors[i]`` (blue for
    ``p``), and on top of it a hatched orange segment for the divergence, the extra bits.
    Fill them with :func:`set_decomposition`.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    labels : sequence of str
        One tick label per bar.
    colors : sequence of str
        The colour of each bar's entropy segment.
    top : float
        Top of the vertical axis, in ``unit``; larger totals are drawn off the scale.
    unit : str
        Unit of the values, for the labels.
    entropy_labels : sequence of str, optional
        The legend entry of each bar's entropy segment (repeats are shown once). Default:
        one entry, "entropy of the data's distribution". The legend sits above the axes.

    Returns
    -------
    DecompositionBars
        The artists, to pass to :func:`set_decomposition`.

    Examples
    --------
    >>> from infolib.plots import COLORS, new_figure, decomposition_bars, set_decomposition
    >>> fig, ax = new_figure()
    >>> bars = decomposition_bars(ax, ["a", "b"], [COLORS["p"]] * 2, top=3)
    >>> set_decomposition(bars, [1.5, 1.5], [0.25, float("inf")])
    >>> [t.get_text() for t in bars.texts]
    ['1.750 bits', '∞ (infinite)']
    >>> bars.divergence[0].get_y(), bars.divergence[0].get_height()
    (1.5, 0.25)
    """
    entropy, texts = _empty_bars(ax, labels, colors, top=top, ylabel=f"cross-entropy ({unit})")
    divergence = ax.bar(
        np.arange(len(labels)),
        np.zeros(len(labels)),
        width=0.6,
        color=COLORS["accent"],
        edgecolor=COLORS["ink"],
        hatch="//",
        linewidth=0.6,
        zorder=2,
    )
    ax.set_xlim(-0.6, len(labels) - 0.4)
    names = entropy_labels or ["entropy of the data's distribution"] * len(labels)
    handles: dict[str, Artist] = {}
    for name, rect in zip(names, entropy, strict=True):
        handles.setdefault(name, rect)
    handles["$D_{KL}$: the extra bits"] = divergence[0]
    # Above the axes, where no bar can cover it.
    ax.legend(
        list(handles.values()),
        list(handles),
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=len(handles),
        fontsize=8.5,
        handlelength=1.4,
        columnspacing=1.0,
    )
    return DecompositionBars(entropy, divergence, texts)


def set_decomposition(
    artists: DecompositionBars,
    entropies: ArrayLike,
    divergences: ArrayLike,
    *,
    unit: str = "bits",
) -> None:
    """Set the bars of :func:`decomposition_bars` to entropies and divergences.

    Each bar is labelled with its total, the cross-entropy. A total beyond the axis (or an
    infinite divergence) is drawn to just under the top and labelled with an arrow (or
    "infinite"). Only the artists' data change.
    """
    h = np.asarray(entropies, dtype=float)
    d = np.asarray(divergences, dtype=float)
    first = artists.entropy[0]
    # Off-scale bars stop short of the top, leaving room for their label.
    cap = 0.86 * first.axes.get_ylim()[1]
    for low, high, text, h_i, d_i in zip(
        artists.entropy, artists.divergence, artists.texts, h, d, strict=True
    ):
        total = float(h_i + d_i)
        h_shown = min(float(h_i), cap)
        shown = min(total, cap)
        low.set_height(h_shown)
        high.set_y(h_shown)
        high.set_height(shown - h_shown)
        if np.isinf(total):
            label = "∞ (infinite)"
        else:
            label = f"{total:.3f} {unit}" if total <= cap else f"↑ {total:.3f} {unit}"
        text.set_text(label)
        text.set_y(shown)


# Two variables: joint and conditional entropy, mutual information (chapter 6).


def conditional_entropy_bars(
    ax: Axes,
    labels: Sequence[str],
    entropies_given: ArrayLike,
    h_y: float,
    h_y_given_x: float,
    *,
    unit: str = "bits",
) -> BarContainer:
    r"""One bar per value :math:`x` of :math:`H(Y \mid X = x)`, against :math:`H(Y)` and
    their average :math:`H(Y \mid X)`.

    Shows that conditioning reduces entropy on average but not for every value: a bar may
    rise above the dashed line :math:`H(Y)`, while the solid line, the average of the bars
    weighted by :math:`p(x)`, never does.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    labels : sequence of str
        One tick label per value of ``X`` (say what the value is and its probability).
    entropies_given : array_like
        :math:`H(Y \mid X = x)` for each value, in ``unit``.
    h_y, h_y_given_x : float
        :math:`H(Y)` and :math:`H(Y \mid X)`, in ``unit``.
    unit : str
        The unit, for the axis label.

    Returns
    -------
    BarContainer
        The bars, each labelled with its value to 3 decimals.

    Examples
    --------
    >>> from infolib.plots import new_figure, conditional_entropy_bars
    >>> fig, ax = new_figure()
    >>> bars = conditional_entropy_bars(ax, ["a", "b"], [0.5, 1.0], 0.8, 0.6)
    >>> [float(b.get_height()) for b in bars], [t.get_text() for t in ax.texts]
    ([0.5, 1.0], ['0.500', '1.000'])
    """
    values = np.asarray(entropies_given, dtype=float)
    x = np.arange(len(labels))
    bars = ax.bar(
        x,
        values,
        width=0.55,
        color=COLORS["sky"],
        edgecolor=COLORS["ink"],
        linewidth=0.6,
        zorder=2,
        label=r"$H(Y \mid X = x)$",
    )
    for i, value in enumerate(values):
        ax.text(i, value, f"{value:.3f}", ha="center", va="bottom", fontsize=9, color=COLORS["ink"])
    ax.axhline(
        h_y, color=COLORS["p"], lw=2, ls="--", zorder=3, label=r"$H(Y)$, before $X$ is known"
    )
    ax.axhline(
        h_y_given_x,
        color=COLORS["q"],
        lw=2,
        zorder=3,
        label=r"$H(Y \mid X)$, the average over $p(x)$",
    )
    ax.set_xticks(x, list(labels), fontsize=9)
    ax.set_xlim(-0.6, len(labels) - 0.4)
    ax.set_ylim(0, 1.3 * max(float(values.max()), h_y))
    ax.set_ylabel(f"entropy of $Y$ ({unit})")
    ax.grid(axis="x", visible=False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, fontsize=8.5)
    return bars


def information_diagram(
    ax: Axes,
    h_x_given_y: float,
    mutual_information: float,
    h_y_given_x: float,
    *,
    unit: str = "bits",
) -> list[Rectangle]:
    r"""The two-variable information diagram as three horizontal bars.

    Top: :math:`H(X, Y)`. Middle: :math:`H(X) = H(X \mid Y) + I(X; Y)`. Bottom:
    :math:`H(Y) = I(X; Y) + H(Y \mid X)`, placed so that the two copies of :math:`I(X; Y)`
    line up, and both lower bars together span exactly :math:`H(X, Y)` (MacKay, figure 8.1).

    Parameters
    ----------
    ax : Axes
        Where to draw.
    h_x_given_y, mutual_information, h_y_given_x : float
        :math:`H(X \mid Y)`, :math:`I(X; Y)` and :math:`H(Y \mid X)`, in ``unit``, as infolib
        computes them (the other three quantities are their sums).
    unit : str
        The unit, for the axis label.

    Returns
    -------
    list of Rectangle
        The segments: :math:`H(X, Y)`, then :math:`H(X \mid Y)` and :math:`I(X; Y)` of the
        middle bar, then :math:`I(X; Y)` and :math:`H(Y \mid X)` of the bottom one.

    Examples
    --------
    >>> from infolib.plots import new_figure, information_diagram
    >>> fig, ax = new_figure()
    >>> parts = information_diagram(ax, 0.5, 0.25, 0.75)
    >>> [(float(r.get_x()), float(r.get_width())) for r in parts]
    [(0.0, 1.5), (0.0, 0.5), (0.5, 0.25), (0.5, 0.25), (0.75, 0.75)]
    """
    a, i, b = float(h_x_given_y), float(mutual_information), float(h_y_given_x)
    total = a + i + b
    rows: list[tuple[int, list[tuple[float, float, str, str | None]]]] = [
        (2, [(0.0, total, COLORS["p"], r"$H(X, Y)$")]),
        (1, [(0.0, a, COLORS["accent"], r"$H(X \mid Y)$"), (a, i, COLORS["good"], r"$I(X; Y)$")]),
        (0, [(a, i, COLORS["good"], None), (a + i, b, COLORS["extra"], r"$H(Y \mid X)$")]),
    ]
    parts: list[Rectangle] = []
    for y, segments in rows:
        for left, width, color, label in segments:
            rect = ax.barh(
                y,
                width,
                left=left,
                height=0.6,
                color=color,
                edgecolor=COLORS["ink"],
                linewidth=0.6,
                zorder=2,
                label=label,
            )[0]
            parts.append(rect)
    for y, end, value in ((2, total, total), (1, a + i, a + i), (0, total, i + b)):
        ax.text(
            end + 0.02 * max(total, 1e-12),
            y,
            f"{value:.3f}",
            va="center",
            fontsize=9,
            color=COLORS["ink"],
        )
    ax.set_yticks([2, 1, 0], [r"$H(X, Y)$", r"$H(X)$", r"$H(Y)$"])
    ax.set_xlim(0, 1.15 * max(total, 1e-12))
    ax.set_ylim(-0.6, 2.6)
    ax.set_xlabel(unit)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, fontsize=8.5)
    return parts


# ---------------------------------------------------------------------------------------------
# Cross-entropy in practice: the binary case, temperature and distillation (chapter 8).


def binary_gradient_chart(
    ax: Axes,
    z: ArrayLike,
    cross_entropy_gradient: ArrayLike,
    squared_error_gradient: ArrayLike,
) -> tuple[Line2D, Line2D]:
    """Two gradients with respect to the logit of a sigmoid unit whose label is 1.

    The cross-entropy gradient (vermillion, the loss of the course) and the squared-error
    gradient (dashed purple), against the logit ``z``; the region where the model is
    confidently wrong (``z`` below -2, so :math:`\\sigma(z) < 0.12`) is shaded.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    z : array_like
        Logits, increasing.
    cross_entropy_gradient, squared_error_gradient : array_like
        The two derivatives at each logit, computed by the caller.

    Returns
    -------
    tuple of Line2D
        The cross-entropy curve and the squared-error curve.

    Examples
    --------
    >>> from infolib.plots import new_figure, binary_gradient_chart
    >>> fig, ax = new_figure()
    >>> ce, se = binary_gradient_chart(ax, [-1, 0, 1], [-0.7, -0.5, -0.3], [-0.1, -0.1, -0.05])
    >>> se.get_ydata().tolist()
    [-0.1, -0.1, -0.05]
    """
    x = np.asarray(z, dtype=float)
    with course_style():
        ax.axvspan(x[0], -2.0, color=COLORS["accent"], alpha=0.15, lw=0, label="confidently wrong")
        ax.axhline(0.0, color=COLORS["muted"], lw=1)
        (ce,) = ax.plot(
            x,
            cross_entropy_gradient,
            color=COLORS["q"],
            lw=2.2,
            label="cross-entropy: $\\sigma - y$",
        )
        (se,) = ax.plot(
            x,
            squared_error_gradient,
            color=COLORS["extra"],
            lw=2.2,
            ls="--",
            label="squared error: $(\\sigma - y)\\,\\sigma(1 - \\sigma)$",
        )
        ax.set_xlim(x[0], x[-1])
        ax.set_xlabel("logit $z$ (true label $y = 1$)")
        ax.set_ylabel("derivative of the loss w.r.t. $z$")
        ax.legend(loc="lower right", fontsize=9)
    return ce, se


def temperature_bars(
    ax: Axes,
    labels: Sequence[object],
    distributions: Sequence[ArrayLike],
    temperatures: Sequence[float],
) -> list[BarContainer]:
    """Grouped bars: one distribution per temperature, one group per class.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    labels : sequence
        The classes' names.
    distributions : sequence of array_like
        ``softmax(z / T)`` for each temperature, computed by the caller.
    temperatures : sequence of float
        The temperatures, for the legend.

    Returns
    -------
    list of BarContainer
        One per temperature.

    Examples
    --------
    >>> from infolib.plots import new_figure, temperature_bars
    >>> fig, ax = new_figure()
    >>> bars = temperature_bars(ax, ["a", "b"], [[0.9, 0.1], [0.6, 0.4]], [1, 4])
    >>> [float(b.get_height()) for b in bars[1]]
    [0.6, 0.4]
    """
    colors = [COLORS[k] for k in ("p", "sky", "accent", "q", "good", "extra")]
    width = 0.8 / len(distributions)
    bars = []
    with course_style():
        for k, (q, t) in enumerate(zip(distributions, temperatures, strict=True)):
            offset = (k - (len(distributions) - 1) / 2) * width
            bars.append(
                distribution_bars(
                    ax,
                    q,
                    labels,
                    color=colors[k % len(colors)],
                    width=width,
                    offset=offset,
                    label=f"T = {t:g}",
                )
            )
        ax.legend(loc="upper right", fontsize=9)
    return bars


def entropy_against_temperature(
    ax: Axes, temperatures: ArrayLike, entropies: ArrayLike, ceiling: float, *, unit: str = "bits"
) -> Line2D:
    """The entropy of ``softmax(z / T)`` against ``T`` (log scale), under its ceiling ``log K``.

    Examples
    --------
    >>> from infolib.plots import new_figure, entropy_against_temperature
    >>> fig, ax = new_figure()
    >>> line = entropy_against_temperature(ax, [0.5, 1, 2], [0.1, 0.5, 1.2], 2.0)
    >>> line.get_ydata().tolist(), ax.get_xscale()
    ([0.1, 0.5, 1.2], 'log')
    """
    with course_style():
        (line,) = ax.plot(temperatures, entropies, color=COLORS["p"], lw=2.2, label="$H(p_T)$")
        ax.axhline(ceiling, color=COLORS["muted"], lw=1.4, ls="--", label="ceiling $\\log_2 K$")
        ax.set_xscale("log")
        ax.set_ylim(0, ceiling * 1.12)
        ax.set_xlabel("temperature $T$ (log scale)")
        ax.set_ylabel(f"entropy ({unit})")
        ax.legend(loc="lower right", fontsize=9)
    return line


def gradient_scale_chart(
    ax: Axes, temperatures: ArrayLike, raw: ArrayLike, scaled: ArrayLike, limit: float
) -> tuple[Line2D, Line2D]:
    """The soft-target gradient's size against ``T``, without and with the factor ``T**2``.

    Both axes logarithmic: the raw gradient falls along a line of slope -2 (as ``1/T**2``);
    the scaled one levels off at ``limit`` (dotted), the large-``T`` value.

    Examples
    --------
    >>> from infolib.plots import new_figure, gradient_scale_chart
    >>> fig, ax = new_figure()
    >>> raw, scaled = gradient_scale_chart(ax, [1, 10], [0.5, 0.008], [0.5, 0.8], 0.81)
    >>> scaled.get_ydata().tolist(), ax.get_yscale()
    ([0.5, 0.8], 'log')
    """
    with course_style():
        (r,) = ax.plot(temperatures, raw, color=COLORS["q"], lw=2.2, label="gradient")
        (s,) = ax.plot(
            temperatures, scaled, color=COLORS["good"], lw=2.2, label="$T^2\\times$ gradient"
        )
        ax.axhline(limit, color=COLORS["muted"], lw=1.2, ls=":", label="large-$T$ limit")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("temperature $T$ (log scale)")
        ax.set_ylabel("largest $|\\partial C / \\partial z_i|$ (nats)")
        ax.legend(loc="lower left", fontsize=9)
    return r, s


# Estimating from samples: bias of the plug-in entropy, pseudo-counts, a real text (chapter 9).


def estimator_bias_chart(
    ax: Axes,
    sizes: ArrayLike,
    plugin_means: ArrayLike,
    miller_madow_means: ArrayLike,
    truth: float,
    first_order: ArrayLike,
    *,
    unit: str = "bits",
) -> list[Line2D]:
    r"""Mean entropy estimates against the sample size ``n``, with the truth they miss.

    Draws the mean plug-in estimate and the mean Miller-Madow estimate for each ``n`` (log
    axis), the true entropy :math:`H(p)` as a dashed line, and the first-order prediction of
    the plug-in mean, :math:`H(p) + \text{bias}(n)`, as a dotted curve.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    sizes : array_like
        The sample sizes ``n``.
    plugin_means, miller_madow_means : array_like
        The mean estimates for each ``n``, in ``unit``.
    truth : float
        :math:`H(p)`, in ``unit``.
    first_order : array_like
        The first-order bias for each ``n`` (negative), in ``unit``.
    unit : str
        The unit, for the axis label.

    Returns
    -------
    list of Line2D
        The plug-in, Miller-Madow and first-order lines, in that order.

    Examples
    --------
    >>> from infolib.plots import new_figure, estimator_bias_chart
    >>> fig, ax = new_figure()
    >>> lines = estimator_bias_chart(ax, [10, 100], [1.5, 1.9], [1.8, 2.0], 2.0, [-0.4, -0.04])
    >>> [float(y) for y in lines[2].get_ydata()]
    [1.6, 1.96]
    """
    n = np.asarray(sizes, dtype=float)
    first = np.asarray(first_order, dtype=float)
    ax.axhline(truth, color=COLORS["ink"], lw=1.5, ls="--", label=r"true $H(p)$")
    (plug,) = ax.plot(
        n, np.asarray(plugin_means, dtype=float), "o-", color=COLORS["p"], label="plug-in, mean"
    )
    (mm,) = ax.plot(
        n,
        np.asarray(miller_madow_means, dtype=float),
        "s-",
        color=COLORS["q"],
        label="Miller-Madow, mean",
    )
    (pred,) = ax.plot(
        n, truth + first, ":", color=COLORS["muted"], lw=2, label=r"$H(p) - (m-1)/(2n \ln 2)$"
    )
    ax.set_xscale("log", base=2)
    ax.set_xticks(n, [f"{int(x):,}" for x in n], fontsize=9)
    ax.minorticks_off()
    ax.set_xlabel("sample size $n$")
    ax.set_ylabel(f"entropy estimate ({unit})")
    ax.set_ylim(max(0.0, float(np.min(plugin_means)) - 0.3), truth + 0.3)
    ax.legend(loc="lower right", fontsize=9)
    return [plug, mm, pred]


def pseudocount_chart(
    ax: Axes,
    pseudocounts: ArrayLike,
    values: ArrayLike,
    *,
    ylabel: str,
    reference: float | None = None,
    reference_label: str = "",
) -> Line2D:
    """A quantity computed from smoothed counts against the pseudo-count added to every bin.

    The pseudo-count is a modelling choice: this chart shows how much the answer depends on
    it. An optional horizontal line marks a reference value (the true divergence, say).

    Parameters
    ----------
    ax : Axes
        Where to draw.
    pseudocounts : array_like
        The pseudo-counts, all positive (log axis).
    values : array_like
        The quantity for each pseudo-count (finite).
    ylabel : str
        The y-axis label, with its unit.
    reference : float, optional
        A value to mark with a dashed line.
    reference_label : str
        Its legend label.

    Returns
    -------
    Line2D
        The curve.

    Examples
    --------
    >>> from infolib.plots import new_figure, pseudocount_chart
    >>> fig, ax = new_figure()
    >>> line = pseudocount_chart(ax, [0.01, 1], [2.0, 0.5], ylabel="KL (bits)")
    >>> [float(y) for y in line.get_ydata()]
    [2.0, 0.5]
    """
    a = np.asarray(pseudocounts, dtype=float)
    (line,) = ax.plot(
        a, np.asarray(values, dtype=float), "o-", color=COLORS["p"], label="plug-in, smoothed"
    )
    if reference is not None:
        ax.axhline(reference, color=COLORS["ink"], lw=1.5, ls="--", label=reference_label)
    ax.set_xscale("log")
    ax.set_xlabel("pseudo-count added to every bin")
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper right", fontsize=9)
    return line


def bits_per_character_bars(
    ax: Axes, labels: Sequence[str], values: ArrayLike, *, unit: str = "bits per character"
) -> BarContainer:
    """Horizontal bars of bits per character, one per model or measurement, each labelled.

    Parameters
    ----------
    ax : Axes
        Where to draw.
    labels : sequence of str
        One label per bar, top to bottom.
    values : array_like
        The values, in ``unit``.
    unit : str
        The unit, for the axis label.

    Returns
    -------
    BarContainer
        The bars, each labelled with its value to 3 decimals.

    Examples
    --------
    >>> from infolib.plots import new_figure, bits_per_character_bars
    >>> fig, ax = new_figure()
    >>> bars = bits_per_character_bars(ax, ["a", "b"], [4.75, 3.25])
    >>> [t.get_text() for t in ax.texts]
    ['4.750', '3.250']
    """
    v = np.asarray(values, dtype=float)
    y = np.arange(len(labels))[::-1]
    colors = [COLORS[k] for k in ("muted", "sky", "p", "q", "good", "extra")]
    bars = ax.barh(
        y, v, height=0.6, color=[colors[i % len(colors)] for i in range(len(v))], zorder=2
    )
    for yi, value in zip(y, v, strict=True):
        ax.text(value + 0.05, yi, f"{value:.3f}", va="center", fontsize=9, color=COLORS["ink"])
    ax.set_yticks(y, list(labels), fontsize=9)
    ax.set_xlim(0, 1.15 * float(v.max()))
    ax.set_xlabel(unit)
    ax.grid(axis="y", visible=False)
    return bars
