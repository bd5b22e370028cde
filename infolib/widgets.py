"""The course's explorers: controls wired to infolib measures and figures.

Each explorer is an ipywidgets ``VBox`` subclass. Its controls are attributes (a test sets
``explorer.slider.value`` and reads the numbers back), its latest numbers are attributes too,
and the figure is a PNG inside an ``HTML`` widget with alt text that describes the current
state, so a screen reader hears what the picture shows. When a notebook is executed with
widget state saved, the initial state (controls, numbers and figure) appears on the static
page.

A callback that fails shows its error in the explorer's status line (``last_error`` holds
it) instead of disappearing into the kernel log.
"""

from __future__ import annotations

import html
import traceback
from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .fitting import discretized_gaussian, fit_gaussian, gaussian_mixture
from .measures import (
    cross_entropy,
    entropy,
    information_content,
    js_divergence,
    kl_divergence,
    normalize,
)
from .plots import (
    COLORS,
    BlitRenderer,
    CourseFigure,
    bar_value_labels,
    course_style,
    decomposition_bars,
    distribution_bars,
    divergence_bars,
    entropy_gap_bars,
    entropy_gauge,
    figure_to_data_uri,
    gaussian_fit_chart,
    new_figure,
    paired_bars,
    set_bar_heights,
    set_decomposition,
    set_divergence_bars,
    set_entropy_gap,
    set_training_curves,
    surprisal_curve,
    training_curves,
)
from .training import decompose_loss, make_softmax_data, train_softmax_regression

__all__ = [
    "CrossEntropyExplorer",
    "DivergenceExplorer",
    "EntropyExplorer",
    "FrequencyExplorer",
    "GaussianFitExplorer",
    "MisconceptionExplorer",
    "SurprisalExplorer",
    "TrainingExplorer",
]

_UNITS = {"bits": 2, "nats": float(np.e)}
_LOG_SYMBOL = {"bits": r"log<sub>2</sub>", "nats": "ln"}


def _slider(
    description: str,
    value: float,
    lo: float,
    hi: float,
    step: float,
    *,
    fmt: str,
    label_width: str,
    width: str,
) -> widgets.FloatSlider:
    """A float slider as the explorers use it: labelled, updating while dragged, fixed width."""
    return widgets.FloatSlider(
        value=value,
        min=lo,
        max=hi,
        step=step,
        readout_format=fmt,
        description=description,
        continuous_update=True,
        style={"description_width": label_width},
        layout=widgets.Layout(width=width),
    )


class Explorer(widgets.VBox):
    """Base class: a figure, a live readout, a status line, and safe updates."""

    #: Short name shown by ``repr`` (keeps notebook text outputs short and stable).
    title = "Explorer"

    def __init__(self, controls: list[widgets.Widget], fig: Figure, **kwargs) -> None:
        self.fig = fig
        #: The reader's controls, in display order (benchmarks and tests drive them).
        self.controls = list(controls)
        self.figure = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.readout = widgets.HTML()
        self.status = widgets.HTML()
        self.last_error: str | None = None
        super().__init__(
            [
                widgets.HBox(controls, layout=widgets.Layout(flex_flow="row wrap")),
                self.readout,
                self.figure,
                self.status,
            ],
            **kwargs,
        )
        self.add_class("infolib-explorer")

    def _wire(self, *controls: widgets.Widget) -> None:
        for control in controls:
            control.observe(self._on_change, names="value")

    def _on_change(self, _change: dict | None = None) -> None:
        try:
            self.update()
        except Exception as err:  # shown to the reader, kept for tests
            self.last_error = "".join(traceback.format_exception_only(err)).strip()
            self.status.value = (
                '<p role="alert" style="color:#8a3300">This explorer hit an error: '
                f"{html.escape(self.last_error)}</p>"
            )
        else:
            self.last_error = None
            self.status.value = ""

    def update(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    #: Set by explorers that redraw only their moving artists (text is slow to draw).
    renderer: BlitRenderer | None = None

    def _show_figure(self, alt: str) -> None:
        if self.renderer is not None:
            uri = self.renderer.data_uri()
        else:
            uri = figure_to_data_uri(self.fig, freeze_layout=True)
        self.figure.value = (
            f'<img src="{uri}" alt="{html.escape(alt)}" '
            f'style="max-width:100%;height:auto;border-radius:4px">'
        )
        self.alt_text = alt

    def __repr__(self) -> str:
        return f"{self.title}()"


class SurprisalExplorer(Explorer):
    """Move the probability ``p`` of an event and watch its surprisal ``-log p``.

    Parameters
    ----------
    p : float
        Initial probability, in ``[0.001, 1]``.
    unit : {"bits", "nats"}
        Initial unit.

    Attributes
    ----------
    slider : ipywidgets.FloatSlider
        The probability ``p``.
    unit : ipywidgets.ToggleButtons
        Bits (base 2) or nats (base e).
    surprisal : float
        The current ``-log p`` in the chosen unit.
    marker : matplotlib.lines.Line2D
        The point drawn at ``(p, surprisal)``.

    Examples
    --------
    >>> from infolib.widgets import SurprisalExplorer
    >>> explorer = SurprisalExplorer(p=0.5)
    >>> explorer.surprisal
    1.0
    >>> explorer.slider.value = 0.125
    >>> explorer.surprisal
    3.0
    """

    title = "SurprisalExplorer"

    def __init__(self, p: float = 0.25, unit: str = "bits") -> None:
        if unit not in _UNITS:
            raise ValueError(f"unit must be 'bits' or 'nats', got {unit!r}")
        if not 0.001 <= p <= 1:
            raise ValueError(f"p must be in [0.001, 1] for this explorer, got {p!r}")
        self.slider = _slider("p", p, 0.001, 1.0, 0.001, fmt=".3f", label_width="2em", width="22em")
        self.unit = widgets.ToggleButtons(
            options=list(_UNITS),
            value=unit,
            description="unit",
            style={"button_width": "5em", "description_width": "3em"},
        )
        fig, ax = new_figure(6.4, 3.2)
        self._ax = ax
        self._curve = surprisal_curve(ax, base=_UNITS[unit], unit=unit)
        (self.marker,) = ax.plot(
            [], [], "o", ms=10, color=COLORS["accent"], mec=COLORS["ink"], mew=1.2, zorder=4
        )
        (self._guide,) = ax.plot([], [], ":", color=COLORS["muted"], lw=1.2)
        super().__init__([self.slider, self.unit], fig)
        self._wire(self.slider, self.unit)
        self._on_change()

    def update(self) -> None:
        """Recompute the surprisal for the current controls and redraw."""
        p = float(self.slider.value)
        unit = self.unit.value
        base = _UNITS[unit]
        self.p = p
        self.surprisal = information_content(p, base=base)
        if self._curve.get_label() != unit:
            xs = self._curve.get_xdata()
            self._curve.set_ydata(information_content(xs, base=base))
            self._curve.set_label(unit)
            self._ax.set_ylabel(f"surprisal $I = -\\log p$ ({unit})")
            self._ax.set_ylim(0, float(information_content(0.001, base=base)) * 1.05)
        self.marker.set_data([p], [self.surprisal])
        self._guide.set_data([p, p, 0], [0, self.surprisal, self.surprisal])
        flips = self.surprisal if unit == "bits" else self.surprisal / np.log(2)
        self.readout.value = (
            f'<p aria-live="polite" style="font-size:1.1em">'
            f"p = {p:.3f} &rarr; I = &minus;{_LOG_SYMBOL[unit]} {p:.3f} = "
            f"<b>{self.surprisal:.3f} {unit}</b> "
            f"(as surprising as {flips:.2f} fair coins all landing heads)</p>"
        )
        self._show_figure(
            f"Surprisal curve I(p) = -log p in {unit}, falling from "
            f"{information_content(0.001, base=base):.1f} {unit} at p = 0.001 to 0 at p = 1; "
            f"the marker is at p = {p:.3f}, I = {self.surprisal:.3f} {unit}."
        )


#: Relative weights of faces 1 to 6 for each die of the FrequencyExplorer.
_DICE = {"fair": (1, 1, 1, 1, 1, 1), "loaded": (1, 1, 1, 1, 1, 3)}
#: Opening tag of the readout tables of the FrequencyExplorer and EntropyExplorer.
_READOUT_TABLE = (
    '<table style="font-size:0.9em;border-collapse:separate;border-spacing:0.9em 0.1em">'
)


class FrequencyExplorer(Explorer):
    """Roll a seeded die ``n`` times and compare the frequency of each face with its probability.

    The rolls come from ``np.random.default_rng(seed)``, drawn once: a larger ``n`` extends the
    same sequence of rolls, as if the reader kept rolling.

    Parameters
    ----------
    n : int
        Initial number of rolls, one of :attr:`SIZES`.
    die : {"fair", "loaded"}
        Initial die: fair, or loaded so that a six comes up 3 times in 8.
    seed : int
        Seed of the random generator.

    Attributes
    ----------
    size : ipywidgets.SelectionSlider
        The number of rolls ``n``.
    die : ipywidgets.ToggleButtons
        Which die is rolled.
    p : ndarray
        The die's probabilities of faces 1 to 6.
    counts, frequencies : ndarray
        How often each face came up in the first ``n`` rolls, as counts and as fractions.
    largest_gap : float
        The largest ``|frequency - probability|`` over the six faces.

    Examples
    --------
    >>> from infolib.widgets import FrequencyExplorer
    >>> explorer = FrequencyExplorer(n=100, die="fair")
    >>> int(explorer.counts.sum())
    100
    >>> explorer.size.value = 10_000
    >>> bool(explorer.largest_gap < 0.02)
    True
    """

    title = "FrequencyExplorer"
    #: The sample sizes the slider offers.
    SIZES = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000)
    FACES = ("1", "2", "3", "4", "5", "6")

    def __init__(self, n: int = 20, die: str = "loaded", seed: int = 1) -> None:
        if die not in _DICE:
            raise ValueError(f"die must be 'fair' or 'loaded', got {die!r}")
        if n not in self.SIZES:
            raise ValueError(f"n must be one of {self.SIZES}, got {n!r}")
        self.probabilities = {name: normalize(w) for name, w in _DICE.items()}
        self.rolls = {
            name: np.random.default_rng(seed).choice(6, size=self.SIZES[-1], p=p)
            for name, p in self.probabilities.items()
        }
        self.size = widgets.SelectionSlider(
            options=[(f"{k:,}", k) for k in self.SIZES],
            value=n,
            description="rolls n",
            continuous_update=True,
            style={"description_width": "4em"},
            layout=widgets.Layout(width="24em"),
        )
        self.die = widgets.ToggleButtons(
            options=list(_DICE),
            value=die,
            description="die",
            style={"button_width": "5em", "description_width": "3em"},
        )
        fig, ax = new_figure(6.4, 3.2)
        self._ax = ax
        zeros = np.zeros(6)
        self._truth, self._freq = paired_bars(
            ax,
            zeros,
            zeros,
            self.FACES,
            first_label="probability $p(x)$",
            second_label="frequency in $n$ rolls",
            second_color=COLORS["accent"],
        )
        ax.set_xlabel("face $x$")
        ax.set_ylabel("probability or frequency")
        ax.set_ylim(0, 0.6)
        ax.legend(loc="upper left", fontsize=9)
        self._title = ax.set_title(" ", fontsize=10)
        self.renderer = BlitRenderer(fig, [*self._truth, *self._freq, self._title])
        super().__init__([self.size, self.die], fig)
        self._wire(self.size, self.die)
        self._on_change()

    def update(self) -> None:
        """Count the first ``n`` rolls of the chosen die and redraw."""
        n = int(self.size.value)
        die = self.die.value
        p = self.probabilities[die]
        counts = np.bincount(self.rolls[die][:n], minlength=6)
        frequencies = normalize(counts)
        self.n, self.p, self.counts, self.frequencies = n, p, counts, frequencies
        self.largest_gap = float(np.max(np.abs(frequencies - p)))
        set_bar_heights(self._truth, p)
        set_bar_heights(self._freq, frequencies)
        self._title.set_text(f"{n:,} rolls of the {die} die")
        top = max(0.6, float(frequencies.max()) * 1.1)
        if self._ax.get_ylim()[1] != top:
            self._ax.set_ylim(0, top)
            self.renderer.invalidate()
        rows = "".join(
            f"<tr><th>{face}</th><td>{p[x]:.3f}</td><td>{counts[x]}</td>"
            f"<td>{frequencies[x]:.3f}</td></tr>"
            for x, face in enumerate(self.FACES)
        )
        self.readout.value = (
            f'<div aria-live="polite"><p style="font-size:1.1em">{n:,} rolls of the {die} die: '
            f"the largest gap between a frequency and its probability is "
            f"<b>{self.largest_gap:.3f}</b>.</p>"
            f"{_READOUT_TABLE}<tr><th>face</th><th>p(x)</th><th>count</th>"
            f"<th>frequency</th></tr>{rows}</table></div>"
        )
        freq_text = ", ".join(
            f"{face}: {f:.3f}" for face, f in zip(self.FACES, frequencies, strict=True)
        )
        self._show_figure(
            f"Bar chart of the {die} die, faces 1 to 6. Probabilities: "
            + ", ".join(f"{face}: {q:.3f}" for face, q in zip(self.FACES, p, strict=True))
            + f". Frequencies in {n:,} rolls beside them: {freq_text}. "
            f"Largest gap {self.largest_gap:.3f}."
        )


class EntropyExplorer(Explorer):
    """Set a weight for each outcome; see the distribution, its entropy and the ``log n`` ceiling.

    Each slider sets a non-negative weight; the distribution is the weights divided by their
    total (:func:`infolib.normalize`), so it always sums to 1 and the reader sees both.

    Parameters
    ----------
    weights : sequence of float
        Initial weights, each in ``[0, 10]``, not all 0.
    labels : sequence of str
        The outcomes' names, one per weight (2 to 6 outcomes).

    Attributes
    ----------
    sliders : list of ipywidgets.FloatSlider
        One weight per outcome.
    p : ndarray or None
        The current distribution (``None`` while every weight is 0).
    entropy_bits : float or None
        ``H(p)`` in bits.
    ceiling_bits : float
        ``log2 n``, the entropy of the uniform distribution over the ``n`` outcomes.

    Examples
    --------
    >>> from infolib.widgets import EntropyExplorer
    >>> explorer = EntropyExplorer(weights=(1, 1, 1, 1))
    >>> explorer.entropy_bits, explorer.ceiling_bits
    (2.0, 2.0)
    >>> explorer.sliders[0].value = 2
    >>> explorer.p.tolist()
    [0.4, 0.2, 0.2, 0.2]
    """

    title = "EntropyExplorer"

    def __init__(
        self,
        weights: Sequence[float] = (4, 3, 2, 1),
        labels: Sequence[str] = ("sunny", "cloudy", "rain", "snow"),
    ) -> None:
        if not 2 <= len(labels) <= 6 or len(weights) != len(labels):
            raise ValueError(
                f"give 2 to 6 outcomes, one weight per label; got {len(weights)} weights and "
                f"{len(labels)} labels"
            )
        if any(not 0 <= w <= 10 for w in weights) or not any(weights):
            raise ValueError(f"weights must be in [0, 10] and not all 0, got {tuple(weights)}")
        self.labels = tuple(str(s) for s in labels)
        self.sliders = [
            _slider(label, w, 0.0, 10.0, 0.5, fmt=".1f", label_width="4em", width="16em")
            for w, label in zip(weights, self.labels, strict=True)
        ]
        n = len(self.labels)
        self.ceiling_bits = float(np.log2(n))
        with course_style():
            fig = CourseFigure(figsize=(6.4, 3.2), layout="constrained")
            ax, gauge = fig.subplots(1, 2, width_ratios=(3, 1))
        self._bars = distribution_bars(ax, np.zeros(n), self.labels, label="$p(x)$")
        self._bar_text = bar_value_labels(ax, self._bars)
        ax.set_title("distribution $p$ = weights / total", fontsize=10)
        self._gauge = entropy_gauge(
            gauge,
            0.0,
            self.ceiling_bits,
            ceiling_label=f"$\\log_2 {n}$ = {self.ceiling_bits:.3g} bits",
        )
        self._gauge_text = bar_value_labels(gauge, [self._gauge], fmt="{:.3f}")
        self._gauge_text[0].set_bbox({"facecolor": COLORS["paper"], "edgecolor": "none", "pad": 1})
        self.renderer = BlitRenderer(
            fig, [*self._bars, *self._bar_text, self._gauge, *self._gauge_text]
        )
        super().__init__(self.sliders, fig)
        self._wire(*self.sliders)
        self._on_change()

    def update(self) -> None:
        """Normalise the weights, recompute the entropy and redraw."""
        weights = np.array([s.value for s in self.sliders], dtype=float)
        self.weights = weights
        n = len(self.labels)
        ceiling = f"log<sub>2</sub> {n} = {self.ceiling_bits:.3f} bits"
        if not weights.any():
            self.p = None
            self.entropy_bits = None
            set_bar_heights(self._bars, np.zeros(n), self._bar_text)
            set_bar_heights([self._gauge], [0.0], self._gauge_text, fmt="{:.3f}")
            self.readout.value = (
                '<p aria-live="polite">Every weight is 0, so there is no distribution to '
                "divide out: raise at least one weight.</p>"
            )
            self._show_figure("Every weight is 0: no distribution is shown.")
            return
        p = normalize(weights)
        h = entropy(p)
        self.p, self.entropy_bits = p, h
        set_bar_heights(self._bars, p, self._bar_text)
        set_bar_heights([self._gauge], [h], self._gauge_text, fmt="{:.3f}")
        head = "".join(f"<th>{html.escape(s)}</th>" for s in self.labels)
        w_row = "".join(f"<td>{w:g}</td>" for w in weights)
        p_row = "".join(f"<td>{x:.3f}</td>" for x in p)
        self.readout.value = (
            '<div aria-live="polite">'
            f"{_READOUT_TABLE}<tr><th>outcome</th>"
            f"{head}</tr><tr><th>weight</th>{w_row}</tr>"
            f"<tr><th>p(x) = weight / {weights.sum():g}</th>{p_row}</tr></table>"
            f'<p style="font-size:1.1em">H(p) = <b>{h:.3f} bits</b>, under the ceiling '
            f"{ceiling} (reached only when every weight is equal).</p></div>"
        )
        dist_text = ", ".join(f"{s} {x:.3f}" for s, x in zip(self.labels, p, strict=True))
        self._show_figure(
            f"Bar chart of the distribution p: {dist_text}. Beside it, the entropy "
            f"H = {h:.3f} bits as a bar under a dashed ceiling at log2 {n} = "
            f"{self.ceiling_bits:.3f} bits."
        )


#: Readout tables with room between the columns.
_TABLE_STYLE = 'style="font-size:0.9em;border-collapse:separate;border-spacing:0.9em 0.1em"'


class DivergenceExplorer(Explorer):
    """Set weights for a truth ``p`` and a model ``q``; see both KL directions and JS.

    Each slider sets a non-negative weight; each distribution is its weights divided by
    their total (:func:`infolib.normalize`). The readout and the right-hand bars show
    :math:`D_{KL}(p \\| q)`, :math:`D_{KL}(q \\| p)` and the Jensen-Shannon divergence, all in
    bits. A zero weight is allowed and is shown for what it does: a KL divergence becomes
    infinite when one distribution gives probability 0 to an outcome the other can produce.

    Parameters
    ----------
    p_weights, q_weights : sequence of float
        Initial weights, each in ``[0, 10]``, not all 0.
    labels : sequence of str
        The outcomes' names, one per weight (2 to 6 outcomes).

    Attributes
    ----------
    p_sliders, q_sliders : list of ipywidgets.FloatSlider
        One weight per outcome for ``p`` and for ``q``.
    p, q : ndarray or None
        The current distributions (``None`` while every weight of one is 0).
    kl_pq, kl_qp, js : float or None
        :math:`D_{KL}(p \\| q)`, :math:`D_{KL}(q \\| p)` and :math:`JS(p, q)` in bits.

    Examples
    --------
    >>> from infolib.widgets import DivergenceExplorer
    >>> explorer = DivergenceExplorer(p_weights=(1, 1), q_weights=(1, 3), labels=("H", "T"))
    >>> round(explorer.kl_pq, 4), round(explorer.kl_qp, 4)
    (0.2075, 0.1887)
    >>> explorer.q_sliders[0].value = 0
    >>> explorer.kl_pq, round(explorer.kl_qp, 4)
    (inf, 1.0)
    """

    title = "DivergenceExplorer"

    def __init__(
        self,
        p_weights: Sequence[float] = (5, 3, 1.5, 0.5),
        q_weights: Sequence[float] = (3, 2, 2, 3),
        labels: Sequence[str] = ("sunny", "cloudy", "rain", "snow"),
    ) -> None:
        n = len(labels)
        if not 2 <= n <= 6 or len(p_weights) != n or len(q_weights) != n:
            raise ValueError(
                f"give 2 to 6 outcomes and one p and one q weight per label; got "
                f"{len(p_weights)} p weights, {len(q_weights)} q weights, {n} labels"
            )
        for name, weights in (("p_weights", p_weights), ("q_weights", q_weights)):
            if any(not 0 <= w <= 10 for w in weights) or not any(weights):
                raise ValueError(f"{name} must be in [0, 10] and not all 0, got {tuple(weights)}")
        self.labels = tuple(str(s) for s in labels)

        def slider(value: float, name: str) -> widgets.FloatSlider:
            return _slider(name, value, 0.0, 10.0, 0.5, fmt=".1f", label_width="5em", width="48%")

        self.p_sliders = [slider(w, f"p({s})") for w, s in zip(p_weights, self.labels, strict=True)]
        self.q_sliders = [slider(w, f"q({s})") for w, s in zip(q_weights, self.labels, strict=True)]
        with course_style():
            fig = CourseFigure(figsize=(6.4, 3.2), layout="constrained")
            ax, side = fig.subplots(1, 2, width_ratios=(2.2, 1))
        zeros = np.zeros(n)
        self._p_bars, self._q_bars = paired_bars(
            ax, zeros, zeros, self.labels, first_label="truth $p$", second_label="model $q$"
        )
        self._p_text = bar_value_labels(ax, self._p_bars)
        self._q_text = bar_value_labels(ax, self._q_bars)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=9)
        self._top = 4.0
        self._div_bars, self._div_text = divergence_bars(
            side,
            [r"$D(p \parallel q)$", r"$D(q \parallel p)$", "JS"],
            [COLORS["q"], COLORS["extra"], COLORS["good"]],
            top=self._top,
        )
        side.axhline(1.0, color=COLORS["muted"], lw=1, ls=":")
        side.annotate(
            "JS ceiling: 1 bit",
            (2.35, 1.0),
            xytext=(0, 3),
            textcoords="offset points",
            ha="right",
            fontsize=8,
            color=COLORS["muted"],
        )
        side.set_title("bits", fontsize=10)
        side.set_ylabel("")
        self.renderer = BlitRenderer(
            fig,
            [
                *self._p_bars,
                *self._q_bars,
                *self._p_text,
                *self._q_text,
                *self._div_bars,
                *self._div_text,
            ],
        )
        controls = [s for pair in zip(self.p_sliders, self.q_sliders, strict=True) for s in pair]
        super().__init__(controls, fig)
        self._wire(*controls)
        self._on_change()

    def _missing(self, a: np.ndarray, b: np.ndarray) -> str:
        """Names of the outcomes that ``a`` can produce and ``b`` calls impossible."""
        return ", ".join(s for s, x, y in zip(self.labels, a, b, strict=True) if x > 0 and y == 0)

    def update(self) -> None:
        """Normalise both sets of weights, recompute the divergences and redraw."""
        n = len(self.labels)
        p_w = np.array([s.value for s in self.p_sliders], dtype=float)
        q_w = np.array([s.value for s in self.q_sliders], dtype=float)
        if not p_w.any() or not q_w.any():
            self.p = normalize(p_w) if p_w.any() else None
            self.q = normalize(q_w) if q_w.any() else None
            self.kl_pq = self.kl_qp = self.js = None
            set_bar_heights(self._p_bars, np.zeros(n), self._p_text)
            set_bar_heights(self._q_bars, np.zeros(n), self._q_text)
            set_divergence_bars(self._div_bars, self._div_text, [0, 0, 0], top=self._top)
            for text in self._div_text:
                text.set_text("")
            who = "p" if not p_w.any() else "q"
            self.readout.value = (
                f'<p aria-live="polite">Every weight of {who} is 0, so {who} is not a '
                "distribution: raise at least one of its weights.</p>"
            )
            self._show_figure(f"Every weight of {who} is 0: no distributions are shown.")
            return
        p, q = normalize(p_w), normalize(q_w)
        self.p, self.q = p, q
        self.kl_pq = kl_divergence(p, q)
        self.kl_qp = kl_divergence(q, p)
        self.js = js_divergence(p, q)
        set_bar_heights(self._p_bars, p, self._p_text)
        set_bar_heights(self._q_bars, q, self._q_text)
        set_divergence_bars(
            self._div_bars, self._div_text, [self.kl_pq, self.kl_qp, self.js], top=self._top
        )

        def value(d: float, first: str, a: np.ndarray, second: str, b: np.ndarray) -> str:
            if np.isinf(d):
                return (
                    f"<b>&infin;</b> ({second} gives probability 0 to "
                    f"{html.escape(self._missing(a, b))}, which {first} can produce)"
                )
            return f"<b>{d:.3f} bits</b>"

        head = "".join(f"<th>{html.escape(s)}</th>" for s in self.labels)
        p_row = "".join(f"<td>{x:.3f}</td>" for x in p)
        q_row = "".join(f"<td>{x:.3f}</td>" for x in q)
        self.readout.value = (
            '<div aria-live="polite">'
            f"<table {_TABLE_STYLE}><tr><th>outcome</th>{head}</tr>"
            f"<tr><th>p(x)</th>{p_row}</tr><tr><th>q(x)</th>{q_row}</tr></table>"
            f"<p>D<sub>KL</sub>(p &#8741; q) = {value(self.kl_pq, 'p', p, 'q', q)}; "
            f"D<sub>KL</sub>(q &#8741; p) = {value(self.kl_qp, 'q', q, 'p', p)}; "
            f"JS(p, q) = <b>{self.js:.3f} bits</b> (never above 1 bit).</p></div>"
        )

        def spoken(d: float) -> str:
            return "infinite" if np.isinf(d) else f"{d:.3f} bits"

        p_text = ", ".join(f"{s} {x:.3f}" for s, x in zip(self.labels, p, strict=True))
        q_text = ", ".join(f"{s} {x:.3f}" for s, x in zip(self.labels, q, strict=True))
        self._show_figure(
            f"Paired bars of the truth p ({p_text}) and the model q ({q_text}). Beside them, "
            f"three bars: D(p||q) = {spoken(self.kl_pq)}, D(q||p) = {spoken(self.kl_qp)}, "
            f"JS = {self.js:.3f} bits."
        )


class GaussianFitExplorer(Explorer):
    """Fit one Gaussian to a two-bump mixture by forward and by reverse KL, side by side.

    The truth ``p`` is a mixture of two Gaussians of standard deviation 1 at ``-d/2`` and
    ``+d/2``, with weight ``w`` on the left bump, discretised on an evenly spaced grid. The
    forward fit minimises :math:`D_{KL}(p \\| q)` and spreads over both bumps; the reverse
    fit minimises :math:`D_{KL}(q \\| p)` and, once the bumps are apart, settles on one.
    Both fits are searched by :func:`infolib.fitting.fit_gaussian` over means in
    ``[-6, 6]`` and standard deviations in ``[0.6, 8]``; on the grid ``[-16, 16]`` no such
    candidate underflows to 0 anywhere, and the mixture is positive everywhere, so every
    divergence in the search is finite.

    Parameters
    ----------
    separation : float
        Distance ``d`` between the bumps' centres, in ``[0, 8]``.
    weight : float
        Weight ``w`` of the left bump, in ``[0.1, 0.9]``.

    Attributes
    ----------
    separation, weight : ipywidgets.FloatSlider
        The controls.
    x, p : ndarray
        The grid and the current mixture over it.
    forward, reverse : GaussianFit
        The two fits (mean, standard deviation, and the divergence each minimises, in bits).
    divergences : dict
        ``{("forward", "p||q"): ..., ("forward", "q||p"): ..., ("reverse", ...): ...}``: both
        directions of KL, in bits, for each fit.

    Examples
    --------
    >>> from infolib.widgets import GaussianFitExplorer
    >>> explorer = GaussianFitExplorer(separation=6, weight=0.5)
    >>> round(explorer.forward.std, 2)  # sqrt(1 + 0.25 * 36): moment matching
    3.16
    >>> abs(round(explorer.reverse.mean, 1))  # on one bump
    3.0
    """

    title = "GaussianFitExplorer"
    #: The grid, the bumps' standard deviation and the search ranges (see the class notes).
    grid = (-16.0, 16.0, 161)
    bump_std = 1.0
    mean_range = (-6.0, 6.0)
    std_range = (0.6, 8.0)

    def __init__(self, separation: float = 5.0, weight: float = 0.6) -> None:
        if not 0 <= separation <= 8:
            raise ValueError(f"separation must be in [0, 8], got {separation!r}")
        if not 0.1 <= weight <= 0.9:
            raise ValueError(f"weight must be in [0.1, 0.9], got {weight!r}")
        self.separation = _slider(
            "separation d", separation, 0.0, 8.0, 0.25, fmt=".2f", label_width="7em", width="24em"
        )
        self.weight = _slider(
            "left weight w", weight, 0.1, 0.9, 0.05, fmt=".2f", label_width="7em", width="24em"
        )
        lo, hi, n = self.grid
        self.x = np.linspace(lo, hi, n)
        flat = np.full(n, 1.0 / n)
        fig, ax = new_figure(6.4, 3.2)
        self._lines = gaussian_fit_chart(
            ax, self.x, flat, flat, flat, xlim=(-9.0, 9.0), ylim=(0.0, 0.62)
        )
        self._step = float(self.x[1] - self.x[0])
        self.renderer = BlitRenderer(fig, self._lines)
        super().__init__([self.separation, self.weight], fig)
        self._wire(self.separation, self.weight)
        self._on_change()

    def update(self) -> None:
        """Rebuild the mixture, refit both directions and redraw."""
        d, w = float(self.separation.value), float(self.weight.value)
        self.p = gaussian_mixture(self.x, [-d / 2, d / 2], [self.bump_std] * 2, [w, 1 - w])
        fits = {
            direction: fit_gaussian(
                self.p,
                self.x,
                direction=direction,
                mean_range=self.mean_range,
                std_range=self.std_range,
                refinements=5,
            )
            for direction in ("forward", "reverse")
        }
        self.forward, self.reverse = fits["forward"], fits["reverse"]
        self.divergences = {}
        qs = {}
        for name, fit in fits.items():
            q = discretized_gaussian(self.x, fit.mean, fit.std)
            qs[name] = q
            self.divergences[name, "p||q"] = kl_divergence(self.p, q)
            self.divergences[name, "q||p"] = kl_divergence(q, self.p)
        for line, dist in zip(self._lines, (self.p, qs["forward"], qs["reverse"]), strict=True):
            line.set_ydata(dist / self._step)
        # Moments of the mixture, from its definition: what the forward fit should match.
        mix_mean = w * (-d / 2) + (1 - w) * (d / 2)
        mix_std = float(np.sqrt(self.bump_std**2 + w * (1 - w) * d * d))
        self.mixture_mean, self.mixture_std = mix_mean, mix_std
        dv = self.divergences
        self.readout.value = (
            '<div aria-live="polite">'
            f"<p>Truth p: bumps at &minus;{d / 2:.2f} and +{d / 2:.2f} (weights {w:.2f} and "
            f"{1 - w:.2f}); its mean is {mix_mean:.3f} and its standard deviation "
            f"{mix_std:.3f}.</p>"
            f"<table {_TABLE_STYLE}><tr><th>fit</th><th>mean</th><th>std</th>"
            "<th>D(p &#8741; q)</th><th>D(q &#8741; p)</th></tr>"
            f"<tr><th>forward (min D(p &#8741; q))</th><td>{self.forward.mean:.3f}</td>"
            f"<td>{self.forward.std:.3f}</td><td><b>{dv['forward', 'p||q']:.3f} bits</b></td>"
            f"<td>{dv['forward', 'q||p']:.3f} bits</td></tr>"
            f"<tr><th>reverse (min D(q &#8741; p))</th><td>{self.reverse.mean:.3f}</td>"
            f"<td>{self.reverse.std:.3f}</td><td>{dv['reverse', 'p||q']:.3f} bits</td>"
            f"<td><b>{dv['reverse', 'q||p']:.3f} bits</b></td></tr></table></div>"
        )
        self._show_figure(
            f"A two-bump truth p with bumps at -{d / 2:.2f} and +{d / 2:.2f} and left weight "
            f"{w:.2f}. The forward-KL fit is a Gaussian with mean {self.forward.mean:.2f} and "
            f"standard deviation {self.forward.std:.2f}; the reverse-KL fit has mean "
            f"{self.reverse.mean:.2f} and standard deviation {self.reverse.std:.2f}."
        )


class CrossEntropyExplorer(Explorer):
    """A fixed truth ``p`` and a model ``q`` set by weights: compare ``H(p)`` with ``H(p, q)``.

    Each slider sets a non-negative weight for one outcome, and the model is
    ``q = weights / total`` (:func:`infolib.normalize`), so moving one slider never needs the
    others re-balanced by hand. The figure shows ``p`` (blue) and ``q`` (vermillion) as bars,
    and ``H(p)`` beside ``H(p, q)`` with the gap between them hatched (chapter 5 names the
    gap: the KL divergence). A model that gives probability 0 to an outcome ``p`` can produce
    makes ``H(p, q)`` infinite; the explorer shows it as such, with the outcome marked.

    Parameters
    ----------
    p : sequence of float
        The true distribution (fixed), 2 to 6 outcomes.
    weights : sequence of float, optional
        Initial weights of the model, one per outcome, each in ``[0, 10]``. Default: all 1
        (a uniform ``q``).
    labels : sequence of str
        The outcomes' names.

    Attributes
    ----------
    sliders : list of ipywidgets.FloatSlider
        One model weight per outcome.
    p : ndarray
        The truth.
    q : ndarray or None
        The current model (``None`` while every weight is 0).
    entropy_bits : float
        ``H(p)`` in bits.
    cross_entropy_bits, gap_bits : float or None
        ``H(p, q)`` and ``H(p, q) - H(p)`` in bits: ``inf`` when ``q`` gives probability 0 to
        an outcome of ``p``, ``None`` while there is no model.
    p_bars, q_bars : matplotlib.container.BarContainer
        The bars of ``p`` and ``q``.

    Examples
    --------
    >>> from infolib.widgets import CrossEntropyExplorer
    >>> explorer = CrossEntropyExplorer()
    >>> explorer.entropy_bits, explorer.cross_entropy_bits
    (1.75, 2.0)
    >>> explorer.sliders[2].value = 0
    >>> explorer.cross_entropy_bits
    inf
    """

    title = "CrossEntropyExplorer"

    def __init__(
        self,
        p: Sequence[float] = (0.5, 0.25, 0.125, 0.125),
        weights: Sequence[float] | None = None,
        labels: Sequence[str] = ("sunny", "cloudy", "rain", "snow"),
    ) -> None:
        self.p = np.array(p, dtype=float)
        self.entropy_bits = entropy(self.p)  # also checks that p is a distribution
        n = self.p.size
        if weights is None:
            weights = (1.0,) * n
        if not 2 <= n <= 6 or len(labels) != n or len(weights) != n:
            raise ValueError(
                f"give 2 to 6 outcomes, one label and one weight each; got p of size {n}, "
                f"{len(labels)} labels and {len(weights)} weights"
            )
        if any(not 0 <= w <= 10 for w in weights):
            raise ValueError(f"weights must be in [0, 10], got {tuple(weights)}")
        self.labels = tuple(str(s) for s in labels)
        self.sliders = [
            _slider(f"w({label})", w, 0.0, 10.0, 0.1, fmt=".1f", label_width="5em", width="18em")
            for w, label in zip(weights, self.labels, strict=True)
        ]
        fig, (ax, ax_gap) = new_figure(6.4, 3.2, ncols=2)
        self.p_bars, self.q_bars = paired_bars(
            ax, self.p, np.zeros(n), self.labels, first_label="truth $p$", second_label="model $q$"
        )
        ax.legend(loc="upper right", fontsize=9)
        # A cross marks each outcome that p can produce and q rules out.
        (self._missed_marks,) = ax.plot([], [], "x", color=COLORS["q"], ms=9, mew=2.2, zorder=4)
        # The axis shows up to about twice the log n ceiling of H(p); a larger H(p, q) is
        # drawn off the scale, with its value written on it.
        self._gap = entropy_gap_bars(ax_gap, top=2 * float(np.log2(n)) + 0.5)
        self.renderer = BlitRenderer(fig, [*self.q_bars, self._missed_marks, *self._gap.moving])
        super().__init__(self.sliders, fig)
        self._wire(*self.sliders)
        self._on_change()

    def update(self) -> None:
        """Normalise the weights into ``q``, recompute ``H(p, q)`` and redraw."""
        weights = np.array([s.value for s in self.sliders], dtype=float)
        self.weights = weights
        if weights.any():
            self.q = normalize(weights)
            self.cross_entropy_bits = cross_entropy(self.p, self.q)
            self.gap_bits = self.cross_entropy_bits - self.entropy_bits
        else:
            self.q = self.cross_entropy_bits = self.gap_bits = None
        set_bar_heights(self.q_bars, np.zeros_like(weights) if self.q is None else self.q)
        missed = self._missed()
        self._missed_marks.set_data(
            [b.get_x() + b.get_width() / 2 for i, b in enumerate(self.q_bars) if i in missed],
            [0.03] * len(missed),
        )
        set_entropy_gap(self._gap, self.entropy_bits, self.cross_entropy_bits)
        self.readout.value = self._readout_html(weights)
        self._show_figure(self._alt_text())

    def _missed(self) -> list[int]:
        """Indices of the outcomes that ``p`` can produce and ``q`` gives probability 0."""
        if self.q is None:
            return []
        return [i for i in range(self.p.size) if self.p[i] > 0 and self.q[i] == 0]

    def _readout_html(self, weights: np.ndarray) -> str:
        head = "".join(f"<th>{html.escape(s)}</th>" for s in self.labels)
        w_row = "".join(f"<td>{w:g}</td>" for w in weights)
        p_row = "".join(f"<td>{x:.3f}</td>" for x in self.p)
        h = f"H(p) = <b>{self.entropy_bits:.3f} bits</b>"
        if self.q is None:
            q_row = "".join("<td>&ndash;</td>" for _ in weights)
            q_head = "q(x) = weight / total"
            verdict = (
                f"{h}. Every weight is 0, so there is no model q to compare: raise at least "
                "one weight."
            )
        else:
            q_row = "".join(f"<td>{x:.3f}</td>" for x in self.q)
            q_head = f"q(x) = weight / {weights.sum():g}"
            if np.isinf(self.cross_entropy_bits):
                names = ", ".join(self.labels[i] for i in self._missed())
                verdict = (
                    f"{h}; H(p, q) = <b>&infin; (infinite)</b>: q gives probability 0 to "
                    f"{html.escape(names)}, which p can produce. A code built for q has no "
                    "codeword for it."
                )
            else:
                verdict = (
                    f"{h}; H(p, q) = <b>{self.cross_entropy_bits:.3f} bits</b>; the gap "
                    f"H(p, q) &minus; H(p) = <b>{self.gap_bits:.3f} bits</b> "
                    "(chapter 5 names it)."
                )
        return (
            '<div aria-live="polite">'
            '<table style="font-size:0.9em;border-collapse:separate;border-spacing:0.6em 0">'
            f"<tr><th>outcome</th>{head}</tr><tr><th>truth p(x)</th>{p_row}</tr>"
            f"<tr><th>weight</th>{w_row}</tr><tr><th>{q_head}</th>{q_row}</tr></table>"
            f'<p style="font-size:1.1em">{verdict}</p></div>'
        )

    def _alt_text(self) -> str:
        def listed(values: np.ndarray) -> str:
            return ", ".join(f"{s} {x:.3f}" for s, x in zip(self.labels, values, strict=True))

        text = f"Left: bar chart of the true distribution p ({listed(self.p)})"
        h = f"H(p) = {self.entropy_bits:.3f} bits"
        if self.q is None:
            return f"{text}; every model weight is 0, so there is no model q. Right: {h}."
        text += f" beside the model q ({listed(self.q)}). Right: {h} "
        if np.isinf(self.cross_entropy_bits):
            names = ", ".join(self.labels[i] for i in self._missed())
            return (
                f"{text}beside an infinite H(p, q): q gives probability 0 to {names} (marked "
                "with a cross), which p can produce."
            )
        return (
            f"{text}beside H(p, q) = {self.cross_entropy_bits:.3f} bits; the gap of "
            f"{self.gap_bits:.3f} bits between them is hatched."
        )


class TrainingExplorer(Explorer):
    """Train a tiny softmax classifier and watch its expected loss split into floor plus KL.

    The data are those of chapter 6: 300 examples with 2 features from a known softmax-linear
    model with 3 classes (:func:`infolib.training.make_softmax_data`, seed 0), so the true
    conditional ``p(y | x)`` of every example is known. Every control change retrains from
    scratch by full-batch gradient descent in nats
    (:func:`infolib.training.train_softmax_regression`, seed 0)
    and redraws: the expected cross-entropy ``mean_i H(p_i, q_i)``, its floor
    ``mean_i H(p_i)`` and the KL gap ``mean_i D_KL(p_i || q_i)``
    (:func:`infolib.training.decompose_loss`), plus the loss on the sampled labels. The three
    expected quantities are evaluated at about 25 checkpoint epochs (every epoch up to 5, then
    spaced geometrically, sparser where the curves flatten), which keeps each update within a
    few milliseconds; the loss on the labels is drawn at every epoch. The epoch axis runs from
    0 to the chosen number of epochs.

    The defaults are the right panel of chapter 6's training figure: learning rate 0.3, 200
    epochs, label noise 0.3.

    Parameters
    ----------
    learning_rate : float
        Initial step size, in ``[0.05, 4]``.
    epochs : int
        Initial number of epochs, in ``[10, 200]``.
    label_noise : float
        Initial probability that a label is replaced by a uniformly random class, in
        ``[0, 0.6]``.

    Attributes
    ----------
    learning_rate, epochs, label_noise : ipywidgets sliders
        The controls.
    data : infolib.training.LabelledData
        The current data set (it changes with the label noise only).
    run : infolib.training.SoftmaxRun
        The current training run, every epoch recorded.
    checkpoints : ndarray of int
        The epochs at which ``parts`` is evaluated.
    parts : infolib.training.LossDecomposition
        Expected cross-entropy, floor and KL in nats at the checkpoints.
    cross_entropy_nats, floor_nats, kl_nats, train_loss_nats : float
        The numbers after the last epoch.
    curves : infolib.plots.TrainingCurves
        The drawn curves.

    Examples
    --------
    >>> from infolib.widgets import TrainingExplorer
    >>> explorer = TrainingExplorer(label_noise=0.0)
    >>> bool(explorer.kl_nats < explorer.parts.kl[0])
    True
    >>> explorer.label_noise.value = 0.4
    >>> bool(explorer.floor_nats > 0.8)
    True
    """

    title = "TrainingExplorer"
    n_examples = 300
    max_epochs = 200

    def __init__(
        self, learning_rate: float = 0.3, epochs: int = 200, label_noise: float = 0.3
    ) -> None:
        if not 0.05 <= learning_rate <= 4.0:
            raise ValueError(f"learning_rate must be in [0.05, 4], got {learning_rate!r}")
        if not 10 <= epochs <= self.max_epochs:
            raise ValueError(f"epochs must be in [10, {self.max_epochs}], got {epochs!r}")
        if not 0.0 <= label_noise <= 0.6:
            raise ValueError(f"label_noise must be in [0, 0.6], got {label_noise!r}")
        slider = {
            "continuous_update": True,
            "style": {"description_width": "8em"},
            "layout": widgets.Layout(width="24em"),
        }
        self.learning_rate = widgets.FloatSlider(
            value=learning_rate,
            min=0.05,
            max=4.0,
            step=0.05,
            readout_format=".2f",
            description="learning rate",
            **slider,
        )
        self.epochs = widgets.IntSlider(
            value=epochs, min=10, max=self.max_epochs, step=10, description="epochs", **slider
        )
        self.label_noise = widgets.FloatSlider(
            value=label_noise,
            min=0.0,
            max=0.6,
            step=0.05,
            readout_format=".2f",
            description="label noise",
            **slider,
        )
        # Over the sliders' whole range no curve rises above about 1.10 nats (ln 3 at epoch 0,
        # then the losses only fall), so the vertical axis is fixed.
        fig, ax = new_figure(6.4, 3.4)
        self._ax = ax
        self.curves = training_curves(ax, max_epochs=epochs, top=1.3, legend=False)
        self._x_right = epochs
        with course_style():
            ax.legend(
                handles=[
                    self.curves.cross_entropy,
                    self.curves.floor,
                    (self.curves.kl, self.curves.gap),
                    self.curves.train_loss,
                ],
                labels=[
                    "expected $H(p, q)$",
                    "floor: mean $H(p(\\cdot\\mid x))$",
                    "KL gap (line from 0; shading above the floor)",
                    "loss on the sampled labels",
                ],
                loc="lower center",
                bbox_to_anchor=(0.5, 1.0),
                ncols=2,
                fontsize=8.5,
            )
        self.renderer = BlitRenderer(fig, self.curves.moving)
        self._data_noise: float | None = None
        super().__init__([self.learning_rate, self.epochs, self.label_noise], fig)
        self._wire(self.learning_rate, self.epochs, self.label_noise)
        self._on_change()

    @staticmethod
    def checkpoint_epochs(epochs: int) -> np.ndarray:
        """Every epoch up to 5, then about 20 more spaced geometrically up to ``epochs``."""
        late = np.round(np.geomspace(5, epochs, 20)).astype(int)
        return np.unique(np.r_[np.arange(6), late])

    def update(self) -> None:
        """Retrain for the current controls, split the expected loss, and redraw."""
        noise = round(float(self.label_noise.value), 10)
        if noise != self._data_noise:
            self.data = make_softmax_data(self.n_examples, label_noise=noise, seed=0)
            self._data_noise = noise
        lr = float(self.learning_rate.value)
        epochs = int(self.epochs.value)
        self.run = train_softmax_regression(
            self.data.X, self.data.y, epochs=epochs, learning_rate=lr, n_classes=3, seed=0
        )
        self.checkpoints = self.checkpoint_epochs(epochs)
        self.parts = decompose_loss(self.data.P, self.run.Q[self.checkpoints], base=np.e)
        self.cross_entropy_nats = float(self.parts.cross_entropy[-1])
        self.floor_nats = float(self.parts.floor[-1])
        self.kl_nats = float(self.parts.kl[-1])
        self.train_loss_nats = float(self.run.train_loss[-1])
        if epochs != self._x_right:  # the epoch axis follows the slider (a full redraw)
            self._x_right = epochs
            self._ax.set_xlim(0, epochs)
            self.renderer.invalidate()
        set_training_curves(
            self.curves,
            self.checkpoints,
            self.parts.cross_entropy,
            self.parts.floor,
            self.parts.kl,
            self.run.train_loss,
            self.run.epochs,
        )
        self.readout.value = (
            f'<p aria-live="polite" style="font-size:1.05em">After {epochs} epochs '
            f"(learning rate {lr:.2f}, label noise {noise:.2f}): expected cross-entropy "
            f"<b>{self.cross_entropy_nats:.3f} nats</b> = floor (mean entropy of p(·|x)) "
            f"<b>{self.floor_nats:.3f} nats</b> + KL gap <b>{self.kl_nats:.3f} nats</b>. "
            f"Loss on the sampled labels: {self.train_loss_nats:.3f} nats.</p>"
        )
        ce0, kl0 = float(self.parts.cross_entropy[0]), float(self.parts.kl[0])
        best = int(np.argmin(self.parts.kl))
        self._show_figure(
            f"Training curves over {epochs} epochs with learning rate {lr:.2f} and label noise "
            f"{noise:.2f}. The expected cross-entropy (vermillion) falls from {ce0:.3f} to "
            f"{self.cross_entropy_nats:.3f} nats towards the dashed blue entropy floor at "
            f"{self.floor_nats:.3f} nats; the KL gap (green) goes from {kl0:.3f} to "
            f"{self.kl_nats:.3f} nats, smallest ({float(self.parts.kl[best]):.3f} nats) at "
            f"epoch {int(self.checkpoints[best])}; the loss on the sampled labels (thin grey) "
            f"ends at {self.train_loss_nats:.3f} nats."
        )


#: The claims the MisconceptionExplorer checks: (key, claim as popular material states it).
_CLAIMS = (
    ("perfect_model_scores_zero", "A perfect model (q = p) has cross-entropy 0."),
    ("kl_symmetric", "KL divergence is symmetric: D(p‖q) = D(q‖p)."),
    ("names_interchangeable", "Which distribution is called p does not matter: H(p, q) = H(q, p)."),
    (
        "triangle_inequality",
        "KL divergence is a distance: going through the halfway mixture m cannot be shorter, "
        "D(p‖q) ≤ D(p‖m) + D(m‖q).",
    ),
    ("finite_cost", "A wrong model costs a finite number of extra bits."),
    (
        "decomposition",
        "Cross-entropy = entropy + KL divergence, and only the KL part depends on q.",
    ),
)


def _bits(x: float) -> str:
    return "∞" if np.isinf(x) else f"{x:.3f}"


class MisconceptionExplorer(Explorer):
    """Choose a truth ``p`` and a model ``q``; see which popular claims hold for that pair.

    Each distribution is set by one weight slider per outcome and normalised
    (:func:`infolib.normalize`). The figure shows ``p`` beside ``q``, and the cross-entropy in
    both directions, each split into an entropy and a KL divergence. The readout computes, in
    bits, :math:`H(p)`, :math:`H(q)`, :math:`H(p, q)`, :math:`H(q, p)`,
    :math:`D_{KL}(p \\| q)` and :math:`D_{KL}(q \\| p)`, and checks six claims from popular
    material against them.

    Parameters
    ----------
    p_weights, q_weights : sequence of float
        Initial weights of the outcomes under ``p`` and ``q``, each in ``[0, 10]``, not all 0.
    labels : sequence of str
        The outcomes' names, one per weight (2 to 4 outcomes).

    Attributes
    ----------
    p_sliders, q_sliders : list of ipywidgets.FloatSlider
        The weights of ``p`` and of ``q``, one slider per outcome.
    p, q : ndarray or None
        The current distributions (``None`` while all of that distribution's weights are 0).
    entropy_p, entropy_q, cross_entropy_pq, cross_entropy_qp, kl_pq, kl_qp : float or None
        :math:`H(p)`, :math:`H(q)`, :math:`H(p, q)`, :math:`H(q, p)`,
        :math:`D_{KL}(p \\| q)`, :math:`D_{KL}(q \\| p)` in bits.
    kl_through_mixture : float or None
        :math:`D_{KL}(p \\| m) + D_{KL}(m \\| q)` with :math:`m = (p + q)/2`.
    claims : dict of str to bool
        For each claim's key (:attr:`CLAIMS`), whether it holds for the current pair.

    Examples
    --------
    >>> from infolib.widgets import MisconceptionExplorer
    >>> explorer = MisconceptionExplorer(p_weights=(1, 1), q_weights=(1, 3), labels=("a", "b"))
    >>> explorer.entropy_p, round(explorer.kl_pq, 6)
    (1.0, 0.207519)
    >>> explorer.claims["kl_symmetric"], explorer.claims["decomposition"]
    (False, True)
    >>> explorer.q_sliders[1].value = 1
    >>> explorer.kl_pq, explorer.claims["kl_symmetric"]
    (0.0, True)
    """

    title = "MisconceptionExplorer"
    #: The claims checked, as ``(key, claim)`` pairs in display order.
    #:
    #: :meta hide-value:
    CLAIMS = _CLAIMS
    #: Top of the cross-entropy axis, in bits; larger values are drawn off the scale.
    TOP_BITS = 5.0

    def __init__(
        self,
        p_weights: Sequence[float] = (6, 3, 1),
        q_weights: Sequence[float] = (2, 3, 5),
        labels: Sequence[str] = ("sunny", "cloudy", "rain"),
    ) -> None:
        if not 2 <= len(labels) <= 4 or not len(p_weights) == len(q_weights) == len(labels):
            raise ValueError(
                f"give 2 to 4 outcomes and one weight per label for each of p and q; got "
                f"{len(p_weights)} and {len(q_weights)} weights and {len(labels)} labels"
            )
        for name, weights in (("p_weights", p_weights), ("q_weights", q_weights)):
            if any(not 0 <= w <= 10 for w in weights) or not any(weights):
                raise ValueError(f"{name} must be in [0, 10] and not all 0, got {tuple(weights)}")
        self.labels = tuple(str(s) for s in labels)
        n = len(self.labels)

        def sliders(weights: Sequence[float]) -> list[widgets.FloatSlider]:
            return [
                _slider(label, w, 0.0, 10.0, 0.5, fmt=".1f", label_width="3.5em", width="13em")
                for w, label in zip(weights, self.labels, strict=True)
            ]

        self.p_sliders = sliders(p_weights)
        self.q_sliders = sliders(q_weights)
        with course_style():
            fig = CourseFigure(figsize=(6.4, 3.2), layout="constrained")
            dist_ax, chain_ax = fig.subplots(1, 2, width_ratios=(1, 1))
        zeros = np.zeros(n)
        self._p_bars, self._q_bars = paired_bars(
            dist_ax, zeros, zeros, self.labels, first_label="truth $p$", second_label="model $q$"
        )
        dist_ax.legend(loc="upper right", fontsize=8.5)
        self._chain = decomposition_bars(
            chain_ax,
            ["$H(p, q)$\ndata from $p$", "$H(q, p)$\nnames swapped"],
            [COLORS["p"], COLORS["q"]],
            top=self.TOP_BITS,
            entropy_labels=["$H(p)$", "$H(q)$"],
        )
        super().__init__([*self.p_sliders, *self.q_sliders], fig)
        # Text is the slow part of drawing: redraw only the bars and their value labels.
        self.renderer = BlitRenderer(fig, [*self._p_bars, *self._q_bars, *self._chain.moving])
        row = {"layout": widgets.Layout(flex_flow="row wrap")}
        self.children = (
            widgets.VBox(
                [
                    widgets.HTML("<b>truth p</b>: a weight for each outcome"),
                    widgets.HBox(self.p_sliders, **row),
                    widgets.HTML("<b>model q</b>: a weight for each outcome"),
                    widgets.HBox(self.q_sliders, **row),
                ]
            ),
            *self.children[1:],
        )
        self._wire(*self.p_sliders, *self.q_sliders)
        self._on_change()

    def _clear(self, which: str) -> None:
        self.p = self.q = None
        self.entropy_p = self.entropy_q = None
        self.cross_entropy_pq = self.cross_entropy_qp = None
        self.kl_pq = self.kl_qp = self.kl_through_mixture = None
        self.claims = {}
        zeros = np.zeros(len(self.labels))
        set_bar_heights(self._p_bars, zeros)
        set_bar_heights(self._q_bars, zeros)
        set_decomposition(self._chain, [0.0, 0.0], [0.0, 0.0])
        for text in self._chain.texts:
            text.set_text("")
        self.readout.value = (
            f'<p aria-live="polite">Every weight of {which} is 0, so there is no distribution '
            "to divide out: raise at least one of its weights.</p>"
        )
        self._show_figure(f"Every weight of {which} is 0: no pair is shown.")

    def update(self) -> None:
        """Normalise both sets of weights, recompute every measure, check the claims, redraw."""
        p_weights = np.array([s.value for s in self.p_sliders], dtype=float)
        q_weights = np.array([s.value for s in self.q_sliders], dtype=float)
        for which, weights in (("the truth p", p_weights), ("the model q", q_weights)):
            if not weights.any():
                self._clear(which)
                return
        p, q = normalize(p_weights), normalize(q_weights)
        m = (p + q) / 2
        self.p, self.q = p, q
        self.entropy_p, self.entropy_q = entropy(p), entropy(q)
        self.cross_entropy_pq, self.cross_entropy_qp = cross_entropy(p, q), cross_entropy(q, p)
        self.kl_pq, self.kl_qp = kl_divergence(p, q), kl_divergence(q, p)
        self.kl_through_mixture = kl_divergence(p, m) + kl_divergence(m, q)
        h_p, h_q = self.entropy_p, self.entropy_q
        ce_pq, ce_qp = self.cross_entropy_pq, self.cross_entropy_qp
        kl_pq, kl_qp, via_m = self.kl_pq, self.kl_qp, self.kl_through_mixture

        def same(a: float, b: float) -> bool:
            return bool(np.isclose(a, b, rtol=1e-9, atol=1e-12))

        self.claims = {
            "perfect_model_scores_zero": h_p == 0.0,
            "kl_symmetric": same(kl_pq, kl_qp),
            "names_interchangeable": same(ce_pq, ce_qp),
            # A distance is never infinite, so an infinite D(p‖q) fails the claim (inf <= inf
            # would pass). By convexity the detour through m is never longer than the direct
            # way, so with p != q and finite divergences the check always fails.
            "triangle_inequality": bool(np.isfinite(kl_pq) and kl_pq <= via_m * (1 + 1e-9) + 1e-12),
            "finite_cost": bool(np.isfinite(kl_pq)),
            "decomposition": same(ce_pq, h_p + kl_pq),
        }
        evidence = {
            "perfect_model_scores_zero": f"even q = p scores H(p, p) = H(p) = {_bits(h_p)}",
            "kl_symmetric": f"D(p‖q) = {_bits(kl_pq)}, D(q‖p) = {_bits(kl_qp)}",
            "names_interchangeable": f"H(p, q) = {_bits(ce_pq)}, H(q, p) = {_bits(ce_qp)}",
            "triangle_inequality": (
                "D(p‖q) = ∞: a distance is never infinite"
                if np.isinf(kl_pq)
                else f"D(p‖q) = {_bits(kl_pq)}, through m: {_bits(via_m)}"
            ),
            "finite_cost": (
                "q gives probability 0 to an outcome p produces"
                if np.isinf(kl_pq)
                else f"D(p‖q) = {_bits(kl_pq)}"
            ),
            "decomposition": (
                f"{_bits(ce_pq)} = {_bits(h_p)} + {_bits(kl_pq)}; H(p) does not involve q"
            ),
        }
        set_bar_heights(self._p_bars, p)
        set_bar_heights(self._q_bars, q)
        set_decomposition(self._chain, [h_p, h_q], [kl_pq, kl_qp])

        def verdict(holds: bool) -> str:
            # Darker ink on a pale chip: the palette's green and vermillion fall below the
            # 4.5:1 text contrast WCAG asks for on white; these reach about 7:1.
            ink, chip, mark, word = (
                ("#00583f", "#d5f2e7", "✔", "holds")
                if holds
                else ("#8a3300", "#ffe3d3", "✘", "fails")
            )
            return (
                f'<td><span style="color:{ink};background:{chip};font-weight:bold;'
                f'padding:0 .3em;border-radius:3px">{mark} {word}</span></td>'
            )

        rows = "".join(
            f"<tr><td>{html.escape(claim)}</td><td>{html.escape(evidence[key])}</td>"
            f"{verdict(self.claims[key])}</tr>"
            for key, claim in self.CLAIMS
        )
        head = "".join(f"<th>{html.escape(s)}</th>" for s in self.labels)
        p_row = "".join(f"<td>{x:.3f}</td>" for x in p)
        q_row = "".join(f"<td>{x:.3f}</td>" for x in q)
        self.readout.value = (
            '<div aria-live="polite" style="font-size:0.9em">'
            f"<table><tr><td></td>{head}</tr><tr><th>p</th>{p_row}</tr>"
            f"<tr><th>q</th>{q_row}</tr></table>"
            f"<p>In bits: H(p) = {_bits(h_p)}, H(q) = {_bits(h_q)}, "
            f"H(p, q) = <b>{_bits(ce_pq)}</b>, H(q, p) = {_bits(ce_qp)}, "
            f"D(p‖q) = <b>{_bits(kl_pq)}</b>, D(q‖p) = {_bits(kl_qp)}.</p>"
            "<table><tr><th>claim</th><th>for this pair (bits)</th><th>verdict</th></tr>"
            f"{rows}</table></div>"
        )
        holds = sum(self.claims.values())
        self._show_figure(
            "Left: bar chart of the truth p ("
            + ", ".join(f"{s} {x:.3f}" for s, x in zip(self.labels, p, strict=True))
            + ") beside the model q ("
            + ", ".join(f"{s} {x:.3f}" for s, x in zip(self.labels, q, strict=True))
            + f"). Right: two stacked bars. H(p, q) = {_bits(ce_pq)} bits, made of "
            f"H(p) = {_bits(h_p)} and D(p‖q) = {_bits(kl_pq)}; with the names swapped, "
            f"H(q, p) = {_bits(ce_qp)} bits, made of H(q) = {_bits(h_q)} and "
            f"D(q‖p) = {_bits(kl_qp)}. {holds} of the {len(self.CLAIMS)} claims hold for "
            "this pair."
        )
