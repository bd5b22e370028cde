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

import ipywidgets as widgets
import numpy as np
import PIL.Image
import pytest

import infolib.widgets as iw
from infolib.widgets import SurprisalExplorer


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
