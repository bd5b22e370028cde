"""Readouts of the GaussianFitExplorer (chapter 5): one Gaussian fitted to two bumps, both ways.

The truth ``p`` is a mixture of two Gaussians of standard deviation 1 at ``-d/2`` and ``+d/2``
with weight ``w`` on the left one, discretised on the grid ``GRID``. The fits (a grid
search by :func:`infolib.fitting.fit_gaussian`) are too heavy for the page, so they are
tabulated here for every state the two sliders can reach (:func:`gaussian_fit_table`); the
page looks them up and draws the curves, which are closed forms.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..fitting import discretized_gaussian, fit_gaussian, gaussian_mixture
from ..measures import kl_divergence
from .checks import on_slider

__all__ = [
    "gaussian_fit_readout",
    "gaussian_fit_state",
    "gaussian_fit_table",
    "mixture_moments",
    "state_index",
    "states",
]

#: The separation slider (range, step) and the left weight slider.
SEPARATION_RANGE = (0.0, 8.0, 0.25)
WEIGHT_RANGE = (0.1, 0.9, 0.05)
#: The grid ``p`` and the fits live on (``np.linspace`` arguments) and the bumps' width.
GRID = (-16.0, 16.0, 161)
BUMP_STD = 1.0
#: The fits' search: candidate means and standard deviations, refining passes. On the grid,
#: no candidate underflows to 0 anywhere and ``p`` is positive everywhere, so every
#: divergence in the search is finite.
MEAN_RANGE = (-6.0, 6.0)
STD_RANGE = (0.6, 8.0)
REFINEMENTS = 10
#: What the table holds for each state, in order.
FIELDS = (
    "forward.mean",
    "forward.std",
    "forward.kl_pq",
    "forward.kl_qp",
    "reverse.mean",
    "reverse.std",
    "reverse.kl_pq",
    "reverse.kl_qp",
)


def _steps(lo: float, hi: float, step: float) -> int:
    return round((hi - lo) / step) + 1


def states() -> list[tuple[float, float]]:
    """Every ``(separation, weight)`` the sliders can reach, in the table's order.

    Each value is the float a slider gives for its decimal value (``0.35``, not
    ``0.1 + 5 * 0.05``), separation-major.

    Examples
    --------
    >>> len(states()), states()[0], states()[-1]
    (561, (0.0, 0.1), (8.0, 0.9))
    """
    d_lo, _, d_step = SEPARATION_RANGE
    w_lo, _, w_step = WEIGHT_RANGE
    return [
        (d_lo + i * d_step, round(w_lo + j * w_step, 2))
        for i in range(_steps(*SEPARATION_RANGE))
        for j in range(_steps(*WEIGHT_RANGE))
    ]


def state_index(separation: float, weight: float) -> int:
    """Row of :func:`gaussian_fit_table` for one state of the sliders (checked on the grid)."""
    d = on_slider("separation", separation, *SEPARATION_RANGE)
    w = on_slider("weight", weight, *WEIGHT_RANGE)
    i = round((d - SEPARATION_RANGE[0]) / SEPARATION_RANGE[2])
    j = round((w - WEIGHT_RANGE[0]) / WEIGHT_RANGE[2])
    return i * _steps(*WEIGHT_RANGE) + j


def mixture_moments(
    separation: float, weight: float, bump_std: float = BUMP_STD
) -> tuple[float, float]:
    """Mean and standard deviation of the two-bump truth, from its definition.

    A mixture of :math:`N(-d/2, \\sigma^2)` with weight ``w`` and :math:`N(d/2, \\sigma^2)`
    with weight ``1 - w`` has mean :math:`w(-d/2) + (1 - w)(d/2)` and variance
    :math:`\\sigma^2 + w(1 - w)d^2`: what the forward (moment-matching) fit should match.

    Examples
    --------
    >>> mixture_moments(6.0, 0.5)  # std sqrt(1 + 9)
    (0.0, 3.1622776601683795)
    """
    d, w = float(separation), float(weight)
    mean = w * (-d / 2) + (1 - w) * (d / 2)
    return mean, float(np.sqrt(bump_std**2 + w * (1 - w) * d * d))


def gaussian_fit_state(separation: float, weight: float) -> tuple[float, ...]:
    """The fits for one state: the ``FIELDS`` in order (means, stds, KLs in bits)."""
    state_index(separation, weight)
    x = np.linspace(*GRID)
    d = float(separation)
    p = gaussian_mixture(x, [0.0 - d / 2, d / 2], [BUMP_STD] * 2, [weight, 1 - weight])
    # Forward: the Gaussian with p's own mean and standard deviation on the grid. Minimising
    # D(p || q) over q proportional to exp(-(x - mu)^2 / (2 s^2)) on the grid, an exponential
    # family with statistics x and x^2, matches those moments (moment matching; Bishop 2006,
    # 10.7); on this fine, wide grid q's moments equal (mu, s) to far below rounding. A search
    # finds the same fit only to about 3 decimals, which the page would show as a mismatch.
    mean = float(np.sum(p * x))
    std = float(np.sqrt(np.sum(p * (x - mean) ** 2)))
    fits = [(mean, std)]
    # Reverse: no closed form (it settles on one bump or spans both), so a search.
    fit = fit_gaussian(
        p,
        x,
        direction="reverse",
        mean_range=MEAN_RANGE,
        std_range=STD_RANGE,
        refinements=REFINEMENTS,
    )
    fits.append((fit.mean, fit.std))
    out: list[float] = []
    for mu, s in fits:
        q = discretized_gaussian(x, mu, s)
        out += [mu, s, float(kl_divergence(p, q)), float(kl_divergence(q, p))]
    return tuple(out)


@cache
def gaussian_fit_table() -> tuple[float, ...]:
    """Both fits for every state of the sliders: ``len(FIELDS)`` floats per state, flat.

    The rows follow :func:`states`; row ``state_index(d, w)`` starts at entry
    ``state_index(d, w) * len(FIELDS)``. Computed once per process (a few seconds).
    """
    return tuple(x for d, w in states() for x in gaussian_fit_state(d, w))


def gaussian_fit_readout(
    separation: float, weight: float, table: tuple[float, ...] | None = None
) -> dict[str, float]:
    """Every number the GaussianFitExplorer shows for one state of its sliders.

    Parameters
    ----------
    separation : float
        Distance ``d`` between the bumps, a multiple of 0.25 in ``[0, 8]``.
    weight : float
        Weight ``w`` of the left bump, a multiple of 0.05 in ``[0.1, 0.9]``.
    table : sequence of float, optional
        The table to read the fits from; default :func:`gaussian_fit_table`.

    Returns
    -------
    dict
        ``centre.0`` and ``centre.1`` (``-d/2`` and ``d/2``), ``weight.0`` and ``weight.1``
        (``w`` and ``1 - w``), ``mixture_mean`` and ``mixture_std``
        (:func:`mixture_moments`), and for each fit (``forward``, ``reverse``) its ``mean``,
        ``std`` and both KL directions ``kl_pq`` and ``kl_qp`` in bits.

    Examples
    --------
    >>> r = gaussian_fit_readout(6.0, 0.5)
    >>> round(r["forward.std"], 2), abs(round(r["reverse.mean"], 1)), r["centre.0"]
    (3.16, 3.0, -3.0)
    """
    row = state_index(separation, weight) * len(FIELDS)
    values = (table if table is not None else gaussian_fit_table())[row : row + len(FIELDS)]
    d, w = float(separation), float(weight)
    mean, std = mixture_moments(d, w)
    out = {"centre.0": 0.0 - d / 2, "centre.1": d / 2, "weight.0": w, "weight.1": 1 - w}
    out.update({"mixture_mean": mean, "mixture_std": std})
    out.update({key: float(v) for key, v in zip(FIELDS, values, strict=True)})
    return out
