"""Matplotlib figure helpers: one course style, legible in light and dark page themes.

Figures are drawn on an opaque light background with dark ink, so they read the same when
the page around them is dark; colours come from the Okabe-Ito palette, which stays
distinguishable for the common forms of colour blindness. ``p`` (the truth) is always blue
and ``q`` (the model) always vermillion.

Plot functions draw what :mod:`infolib.measures` computes; they never compute a measure
themselves.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .measures import information_content

__all__ = [
    "COLORS",
    "CourseFigure",
    "course_style",
    "figure_to_data_uri",
    "figure_to_png",
    "new_figure",
    "surprisal_curve",
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
    "axes.prop_cycle": mpl.cycler(
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
    ``savefig`` for the small figures of the explorers. With ``freeze_layout=True`` the
    layout computed by this draw is kept for later draws (explorers move data, not axes).

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


def figure_to_data_uri(fig: Figure, *, freeze_layout: bool = False) -> str:
    """The figure as a ``data:image/png;base64,...`` URI, for embedding in HTML."""
    png = figure_to_png(fig, freeze_layout=freeze_layout)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


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
        y = information_content(x, base=base)
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
