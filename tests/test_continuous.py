"""Tests of infolib.continuous: differential entropy in closed form.

References come from outside the code under test: scipy.stats' own ``entropy`` of each frozen
distribution (in nats), numerical integration of -f ln f with ``scipy.integrate.quad``, and the
limit that defines differential entropy, H(density on a grid of step d) + log2(d).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import scipy.integrate
import scipy.stats
from hypothesis import given
from hypothesis import strategies as st

from infolib import differential_entropy, discretized_gaussian, entropy

FROZEN = {
    "gaussian": lambda s: scipy.stats.norm(0, s),
    "laplace": lambda s: scipy.stats.laplace(0, s / math.sqrt(2)),
    "uniform": lambda s: scipy.stats.uniform(-s * math.sqrt(3), 2 * s * math.sqrt(3)),
}


@pytest.mark.parametrize("family", sorted(FROZEN))
@pytest.mark.parametrize("std", [1e-3, 0.1, 0.5, 1.0, 3.0, 250.0])
def test_matches_scipy_entropy_of_the_same_density(family, std):
    dist = FROZEN[family](std)
    assert dist.std() == pytest.approx(std, rel=1e-12)  # the families really have this spread
    nats = float(dist.entropy())
    assert differential_entropy(family, std, base=math.e) == pytest.approx(nats, rel=1e-12)
    assert differential_entropy(family, std) == pytest.approx(nats / math.log(2), rel=1e-12)


@pytest.mark.parametrize("family", sorted(FROZEN))
def test_matches_numerical_integration_of_minus_f_log_f(family):
    dist = FROZEN[family](1.3)
    lo, hi = dist.support()
    lo, hi = max(lo, -40.0), min(hi, 40.0)

    def integrand(t: float) -> float:
        f = dist.pdf(t)
        return -f * math.log(f) if f > 0 else 0.0

    nats, _ = scipy.integrate.quad(integrand, lo, hi, points=[0.0], limit=200)
    assert differential_entropy(family, 1.3, base=math.e) == pytest.approx(nats, rel=1e-9)


def test_is_the_limit_of_grid_entropy_plus_log_step():
    # The definition behind the chapter's table: a fine grid's entropy grows like -log2(step).
    x = np.linspace(-20, 20, 40001)
    step = x[1] - x[0]
    grid = entropy(discretized_gaussian(x, 0.0, 0.7)) + math.log2(step)
    assert differential_entropy("gaussian", 0.7) == pytest.approx(grid, abs=1e-9)


def test_known_values_by_hand():
    # Uniform of width a: log2(a) bits, negative below width 1.
    assert differential_entropy("uniform", 0.5 / math.sqrt(12)) == pytest.approx(-1.0, abs=1e-15)
    assert differential_entropy("uniform", 4 / math.sqrt(12)) == pytest.approx(2.0, abs=1e-15)
    # Gaussian: (1/2) log2(2 pi e sigma^2), zero at sigma = 1 / sqrt(2 pi e).
    assert differential_entropy("gaussian", 1 / math.sqrt(2 * math.pi * math.e)) == pytest.approx(
        0.0, abs=1e-15
    )


@given(st.floats(min_value=1e-300, max_value=1e300))
def test_the_gaussian_has_the_largest_entropy_for_its_variance(std):
    h = {family: differential_entropy(family, std) for family in FROZEN}
    assert h["gaussian"] > h["laplace"] > h["uniform"]
    # Rescaling by a adds log2(a): h is not invariant, unlike a divergence.
    assert differential_entropy("gaussian", std) - differential_entropy(
        "gaussian", 1.0
    ) == pytest.approx(math.log2(std), abs=1e-12)


def test_arrays_give_one_value_per_entry_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = differential_entropy("laplace", np.array([[0.5, 1.0], [2.0, 4.0]]))
    assert h.shape == (2, 2)
    assert np.diff(h.ravel()) == pytest.approx([1.0, 1.0, 1.0])  # doubling adds one bit


@pytest.mark.parametrize(
    ("family", "std", "error", "message"),
    [
        (
            "normal",
            1.0,
            ValueError,
            ("^family must be one of 'gaussian', 'laplace' or 'uniform', got 'normal'"),
        ),
        (None, 1.0, TypeError, "^family must be one of"),
        ("gaussian", 0.0, ValueError, "^std must be positive, got 0.0"),
        (
            "gaussian",
            [1.0, -2.0],
            ValueError,
            ("^std must contain only positive numbers, found -2.0 at index 1"),
        ),
        ("gaussian", math.inf, ValueError, "std"),
        ("gaussian", math.nan, ValueError, "std"),
        ("gaussian", "1", TypeError, "std"),
        ("gaussian", True, TypeError, "std"),
    ],
)
def test_bad_input_gets_a_clear_error(family, std, error, message):
    with pytest.raises(error, match=message):
        differential_entropy(family, std)


def test_bad_base_is_refused():
    with pytest.raises(ValueError, match="base"):
        differential_entropy("gaussian", 1.0, base=1)
