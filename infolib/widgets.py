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

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .measures import information_content
from .plots import COLORS, figure_to_data_uri, new_figure, surprisal_curve

__all__ = ["SurprisalExplorer"]

_UNITS = {"bits": 2, "nats": float(np.e)}
_LOG_SYMBOL = {"bits": r"log<sub>2</sub>", "nats": "ln"}


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
                f'<p role="alert" style="color:{COLORS["q"]}">This explorer hit an error: '
                f"{html.escape(self.last_error)}</p>"
            )
        else:
            self.last_error = None
            self.status.value = ""

    def update(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _show_figure(self, alt: str) -> None:
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
        self.slider = widgets.FloatSlider(
            value=p,
            min=0.001,
            max=1.0,
            step=0.001,
            readout_format=".3f",
            description="p",
            continuous_update=True,
            style={"description_width": "2em"},
            layout=widgets.Layout(width="22em"),
        )
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
