"""The GaussianFitExplorer's readout and table against closed forms and direct computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import rel_entr

from infolib import discretized_gaussian, gaussian_mixture, kl_divergence
from infolib.readouts.gaussian_fit import (
    FIELDS,
    GRID,
    gaussian_fit_readout,
    gaussian_fit_table,
    mixture_moments,
    state_index,
    states,
)
from infolib.readouts.support import printed

X = np.linspace(*GRID)


def gaussian_on_grid(mean: float, std: float) -> np.ndarray:
    w = np.exp(-((X - mean) ** 2) / (2 * std**2))
    return w / w.sum()


def mixture_on_grid(d: float, w: float) -> np.ndarray:
    m = w * np.exp(-((X + d / 2) ** 2) / 2) + (1 - w) * np.exp(-((X - d / 2) ** 2) / 2)
    return m / m.sum()


def kl_bits(a: np.ndarray, b: np.ndarray) -> float:
    return float(rel_entr(a, b).sum() / math.log(2))


@pytest.fixture(scope="module")
def table() -> np.ndarray:
    return np.array(gaussian_fit_table()).reshape(-1, len(FIELDS))


@pytest.mark.parametrize(("d", "w"), [(0.0, 0.5), (6.0, 0.5), (5.0, 0.6), (8.0, 0.1), (2.25, 0.85)])
def test_mixture_moments_match_the_definition_and_a_fine_integral(d: float, w: float) -> None:
    mean, std = mixture_moments(d, w)
    # Closed form by hand: mean w(-d/2) + (1 - w)(d/2) = (1 - 2w) d/2; variance 1 + w(1 - w) d^2.
    assert mean == pytest.approx((1 - 2 * w) * d / 2, abs=1e-15)
    assert std == pytest.approx(math.sqrt(1 + w * (1 - w) * d * d), rel=1e-15)
    # A Riemann sum of the continuous mixture density on a fine grid.
    x = np.linspace(-30, 30, 600_001)
    dens = (
        w * np.exp(-((x + d / 2) ** 2) / 2) + (1 - w) * np.exp(-((x - d / 2) ** 2) / 2)
    ) / math.sqrt(2 * math.pi)
    dx = x[1] - x[0]
    m1 = (x * dens).sum() * dx
    assert mean == pytest.approx(m1, abs=1e-9)
    assert std == pytest.approx(math.sqrt(((x - m1) ** 2 * dens).sum() * dx), rel=1e-9)


def test_states_are_the_sliders_values_in_table_order() -> None:
    s = states()
    assert len(s) == 33 * 17
    assert {d for d, _ in s} == {k / 4 for k in range(33)}
    assert {w for _, w in s} == {float(f"{0.1 + k * 0.05:.2f}") for k in range(17)}
    assert [state_index(d, w) for d, w in s] == list(range(len(s)))


def test_table_has_eight_numbers_per_state(table) -> None:
    assert table.shape == (561, 8)
    assert np.isfinite(table).all()
    assert (table[:, [1, 5]] > 0).all()  # standard deviations
    assert (table[:, [2, 3, 6, 7]] >= 0).all()  # divergences


def test_forward_fit_matches_the_moments_of_the_truth(table) -> None:
    # Moment matching (Bishop 2006, 10.7): the mixture's moments from its definition.
    moments = np.array([mixture_moments(d, w) for d, w in states()])
    assert np.abs(table[:, 0] - moments[:, 0]).max() < 1e-9
    assert np.abs(table[:, 1] - moments[:, 1]).max() < 1e-9
    # ... so the page prints the fit and the mixture's moments alike.
    for (mean, std), row in zip(moments, table, strict=True):
        assert (printed(row[0], 3), printed(row[1], 3)) == (printed(mean, 3), printed(std, 3))


@pytest.mark.parametrize("state", [(0.0, 0.1), (2.5, 0.35), (5.0, 0.6), (8.0, 0.9)])
def test_forward_fit_is_a_minimum_of_the_forward_divergence(table, state) -> None:
    # Every nearby Gaussian (mean or width moved by 1e-3) is further from p in D(p || q).
    x = np.linspace(*GRID)
    d, w = state
    p = gaussian_mixture(x, [-d / 2, d / 2], [1.0, 1.0], [w, 1 - w])
    mean, std, forward = table[state_index(d, w), :3]
    for dm, ds in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)]:
        q = discretized_gaussian(x, mean + dm, std + ds)
        assert kl_divergence(p, q) > forward


def test_each_fit_wins_the_direction_it_minimises(table) -> None:
    assert (table[:, 2] <= table[:, 6] + 1e-12).all()  # forward: D(p || q)
    # reverse: D(q || p), a search refined REFINEMENTS times: within 1e-10 bits where the two
    # fits coincide (a one-bump truth), far better than the 1e-3 the page prints.
    assert (table[:, 7] <= table[:, 3] + 1e-10).all()


def test_one_bump_is_fitted_exactly_both_ways(table) -> None:
    r = gaussian_fit_readout(0.0, 0.3)
    for fit in ("forward", "reverse"):
        assert r[f"{fit}.mean"] == pytest.approx(0.0, abs=1e-9)
        assert r[f"{fit}.std"] == pytest.approx(1.0, abs=1e-3)
        assert r[f"{fit}.kl_pq"] < 1e-7 and r[f"{fit}.kl_qp"] < 1e-7


@pytest.mark.parametrize(("w", "side"), [(0.3, 1), (0.7, -1)])
def test_reverse_fit_settles_on_the_heavier_bump(w: float, side: int) -> None:
    r = gaussian_fit_readout(8.0, w)
    assert r["reverse.mean"] == pytest.approx(side * 4.0, abs=0.05)
    assert r["reverse.std"] == pytest.approx(1.0, abs=0.05)
    assert r["forward.std"] == pytest.approx(math.sqrt(1 + w * (1 - w) * 64), abs=0.01)


@pytest.mark.parametrize(("d", "w"), [(5.0, 0.6), (8.0, 0.1), (3.75, 0.45), (0.25, 0.9)])
def test_divergences_are_those_of_the_fitted_gaussians(d: float, w: float) -> None:
    r = gaussian_fit_readout(d, w)
    p = mixture_on_grid(d, w)
    for fit in ("forward", "reverse"):
        q = gaussian_on_grid(r[f"{fit}.mean"], r[f"{fit}.std"])
        assert r[f"{fit}.kl_pq"] == pytest.approx(kl_bits(p, q), rel=1e-8, abs=1e-12)
        assert r[f"{fit}.kl_qp"] == pytest.approx(kl_bits(q, p), rel=1e-8, abs=1e-12)


def test_readout_keys_and_the_bumps() -> None:
    r = gaussian_fit_readout(5.0, 0.6)
    assert set(r) == {
        "centre.0",
        "centre.1",
        "weight.0",
        "weight.1",
        "mixture_mean",
        "mixture_std",
    } | set(FIELDS)
    assert (r["centre.0"], r["centre.1"], r["weight.0"]) == (-2.5, 2.5, 0.6)
    assert r["weight.1"] == pytest.approx(0.4, abs=1e-15)
    assert math.copysign(1, gaussian_fit_readout(0.0, 0.5)["centre.0"]) == 1  # never "-0.00"


def test_a_given_table_is_read() -> None:
    fake = tuple(float(i) for i in range(561 * 8))
    r = gaussian_fit_readout(0.25, 0.15, fake)
    row = (1 * 17 + 1) * 8
    assert [r[k] for k in FIELDS] == list(fake[row : row + 8])


@pytest.mark.parametrize(
    ("d", "w", "error", "match"),
    [
        (0.1, 0.5, ValueError, r"^separation must be a multiple of 0.25 in \[0, 8\]"),
        (8.25, 0.5, ValueError, "^separation must be a multiple of 0.25"),
        (2.0, 0.95, ValueError, r"^weight must be a multiple of 0.05 in \[0.1, 0.9\]"),
        (np.nan, 0.5, ValueError, "^separation must be a finite number, got nan"),
        (2.0, True, TypeError, "^weight must be a real number, got True"),
        ("2", 0.5, TypeError, "^separation must be a real number, got '2'"),
    ],
)
def test_states_off_the_sliders_are_refused(d: float, w: float, error, match: str) -> None:
    with pytest.raises(error, match=match):
        gaussian_fit_readout(d, w)
