"""Readouts of the chapter 8 TemperatureExplorer against hand values and scipy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import softmax as scipy_softmax
from scipy.stats import entropy as scipy_entropy

from infolib.readouts.temperature import temperature_readout


def test_hand_case_two_classes() -> None:
    # v = (2, 0) at T = 2 is the softmax of (1, 0): p_0 = e / (e + 1); the student is uniform.
    r = temperature_readout([2, 0], [0, 0], 2.0)
    p0 = math.e / (math.e + 1)
    assert r["p.0"] == pytest.approx(p0, rel=1e-15) and r["q.0"] == 0.5
    assert r["ceiling"] == 1.0
    assert r["entropy"] == pytest.approx(
        -p0 * math.log2(p0) - (1 - p0) * math.log2(1 - p0), rel=1e-14
    )
    assert r["kl"] == pytest.approx(
        p0 * math.log(2 * p0) + (1 - p0) * math.log(2 * (1 - p0)), rel=1e-13
    )
    assert r["grad"] == pytest.approx((p0 - 0.5) / 2, rel=1e-14)
    assert r["scaled"] == pytest.approx(4 * (p0 - 0.5) / 2, rel=1e-14)
    assert set(r) == {"p.0", "p.1", "q.0", "q.1", "entropy", "ceiling", "kl", "grad", "scaled"}


@pytest.mark.parametrize("t", [0.25, 1.0, 3.75, 10.0])
def test_against_scipy(t: float) -> None:
    v, z = [6.0, 4.0, 1.0, -2.0], [2.0, 2.5, 1.5, 0.0]
    r = temperature_readout(v, z, t)
    p, q = scipy_softmax(np.array(v) / t), scipy_softmax(np.array(z) / t)
    np.testing.assert_allclose([r[f"p.{i}"] for i in range(4)], p, rtol=1e-13)
    np.testing.assert_allclose([r[f"q.{i}"] for i in range(4)], q, rtol=1e-13)
    assert r["entropy"] == pytest.approx(scipy_entropy(p, base=2), rel=1e-12)
    assert r["kl"] == pytest.approx(scipy_entropy(p, q), rel=1e-12)
    assert r["grad"] == pytest.approx(np.abs(q - p).max() / t, rel=1e-12)
    assert r["scaled"] == pytest.approx(t * np.abs(q - p).max(), rel=1e-12)


def test_raw_gradient_fades_like_one_over_t_squared_and_the_scaled_one_settles() -> None:
    # Hinton et al. (2015), eq. 4: for large T the gradient is about (z_i - v_i - mean) / (K T²)
    # for logits of zero mean; times T² it tends to the centred difference over K.
    v, z = [6.0, 4.0, 1.0, -2.0], [2.0, 2.5, 1.5, 0.0]
    d = np.subtract(z, v)
    limit = np.abs(d - d.mean()).max() / 4
    scaled = [temperature_readout(v, z, t)["scaled"] for t in (4.0, 7.0, 10.0)]
    assert abs(scaled[-1] - limit) < abs(scaled[0] - limit) and scaled[-1] == pytest.approx(
        limit, rel=0.07
    )
    raw = [temperature_readout(v, z, t)["grad"] for t in (5.0, 10.0)]
    assert raw[0] / raw[1] == pytest.approx(4.0, rel=0.05)


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        (([1, 0], [0, 0], 0.3), ValueError, "temperature must be a multiple of 0.25 in [0.25, 10]"),
        (([1, 0], [0, 0], 0.0), ValueError, "temperature must be a multiple of 0.25"),
        (([1, 0], [0, 0], 10.25), ValueError, "got 10.25"),
        (([1, 0.3], [0, 0], 1.0), ValueError, "teacher[1] must be a multiple of 0.5 in [-10, 10]"),
        (([1, 0], [0, 11], 1.0), ValueError, "student[1] must be a multiple of 0.5"),
        (([1, 0], [0, 0, 0], 1.0), ValueError, "one logit per class each, got 2 and 3"),
        (([1, 0], [0, 0], "1"), TypeError, "temperature must be a real number"),
    ],
)
def test_bad_input_is_named(args, error, words) -> None:
    with pytest.raises(error) as info:
        temperature_readout(*args)
    assert words in str(info.value)
