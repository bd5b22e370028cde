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
from typing import TYPE_CHECKING, NamedTuple

import matplotlib as mpl
import numpy as np
import PIL.Image
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
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
    "block_coding_chart",
    "code_length_chart",
    "course_style",
    "decomposition_bars",
    "distribution_bars",
    "divergence_bars",
    "entropy_against_temperature",
    "figure_to_png",
    "frequency_convergence",
    "gaussian_fit_chart",
    "gradient_scale_chart",
    "new_figure",
    "set_decomposition",
    "set_divergence_bars",
    "set_training_curves",
    "surprisal_curve",
    "temperature_bars",
    "training_curves",
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
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel("bits")
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


# The chain in one chart (chapter 8).


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
    x = np.arange(len(labels))
    zeros = np.zeros(len(labels))
    entropy = ax.bar(
        x,
        zeros,
        width=0.6,
        color=list(colors),
        edgecolor=COLORS["ink"],
        linewidth=0.6,
        zorder=2,
    )
    divergence = ax.bar(
        x,
        zeros,
        width=0.6,
        color=COLORS["accent"],
        edgecolor=COLORS["ink"],
        hatch="//",
        linewidth=0.6,
        zorder=2,
    )
    texts = [
        ax.text(i, 0, "", ha="center", va="bottom", fontsize=9, color=COLORS["ink"])
        for i in range(len(labels))
    ]
    ax.set_xticks(x, list(labels), fontsize=9)
    ax.set_xlim(-0.6, len(labels) - 0.4)
    ax.set_ylim(0, top)
    ax.set_ylabel(f"cross-entropy ({unit})")
    ax.grid(axis="x", visible=False)
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
