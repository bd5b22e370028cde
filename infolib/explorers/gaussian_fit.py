"""GaussianFitExplorer (chapter 5): forward- and reverse-KL Gaussian fits to two bumps."""

from __future__ import annotations

import traitlets

from ..readouts.checks import on_slider
from ..readouts.gaussian_fit import (
    GRID,
    SEPARATION_RANGE,
    WEIGHT_RANGE,
    gaussian_fit_readout,
    gaussian_fit_table,
)
from .assets import bundle
from .base import Explorer

__all__ = ["GaussianFitExplorer"]


class GaussianFitExplorer(Explorer):
    """Fit one Gaussian to a two-bump mixture by forward and by reverse KL, side by side.

    The truth ``p`` is a mixture of two Gaussians of standard deviation 1 at ``-d/2`` and
    ``+d/2``, with weight ``w`` on the left bump, on an evenly spaced grid. The forward fit
    minimises :math:`D_{KL}(p \\| q)` and spreads over both bumps; the reverse fit minimises
    :math:`D_{KL}(q \\| p)` and, once the bumps are apart, settles on one. The fits (a grid
    search by :func:`infolib.fitting.fit_gaussian`) are tabulated for all 33 x 17 states of
    the sliders when the explorer is built, in a few seconds
    (:func:`~infolib.readouts.gaussian_fit.gaussian_fit_table`), and stored in the ``fits``
    trait; the page looks them up and draws the three curves, which are closed forms.

    Parameters
    ----------
    separation : float
        Distance ``d`` between the bumps' centres, a multiple of 0.25 in ``[0, 8]``.
    weight : float
        Weight ``w`` of the left bump, a multiple of 0.05 in ``[0.1, 0.9]``.

    Attributes
    ----------
    separation, weight : float
        The controls (synced traits: set them to move the sliders).
    fits : list of float
        The table of fits, eight numbers per state.

    Examples
    --------
    >>> from infolib.explorers import GaussianFitExplorer
    >>> explorer = GaussianFitExplorer(separation=6, weight=0.5)
    >>> round(explorer.readout["forward.std"], 2)  # sqrt(1 + 0.25 * 36): moment matching
    3.16
    >>> abs(round(explorer.readout["reverse.mean"], 1))  # on one bump
    3.0
    """

    title = "GaussianFitExplorer"
    _esm = bundle("gaussian_fit")
    separation = traitlets.Float().tag(sync=True)
    weight = traitlets.Float().tag(sync=True)
    grid = traitlets.List(traitlets.Float()).tag(sync=True)
    fits = traitlets.List(traitlets.Float()).tag(sync=True)

    def __init__(self, separation: float = 6.0, weight: float = 0.6) -> None:
        super().__init__(
            separation=separation, weight=weight, grid=list(GRID), fits=list(gaussian_fit_table())
        )

    @traitlets.validate("separation")
    def _check_separation(self, proposal: dict) -> float:
        d = on_slider("separation", proposal["value"], *SEPARATION_RANGE)
        return round(d * 4) / 4  # the slider's value, so the page and the table agree

    @traitlets.validate("weight")
    def _check_weight(self, proposal: dict) -> float:
        w = on_slider("weight", proposal["value"], *WEIGHT_RANGE)
        return round(w, 2)  # 0.35, not 0.1 + 5 * 0.05: what the slider gives

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.gaussian_fit_readout`)."""
        return gaussian_fit_readout(self.separation, self.weight)
