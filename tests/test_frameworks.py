"""Tests of infolib.frameworks: the emulation follows PyTorch's documented formula.

Expected values are derived by hand from the documentation's pointwise formula
``target * (log(target) - input)`` and its four reductions, or come from scipy.special.rel_entr.
"""

from __future__ import annotations

import math
import warnings

import mpmath
import numpy as np
import pytest
from scipy import special

from infolib.frameworks import torch_kl_div


def batch():
    truth = np.array([[0.5, 0.25, 0.25], [0.1, 0.6, 0.3]])
    model = np.array([[0.25, 0.25, 0.5], [0.2, 0.2, 0.6]])
    return truth, model


def test_batchmean_is_the_mean_kl_per_example():
    truth, model = batch()
    expected = special.rel_entr(truth, model).sum(axis=1).mean()
    assert torch_kl_div(np.log(model), truth, reduction="batchmean") == pytest.approx(
        expected, rel=1e-14
    )


def test_default_mean_divides_by_every_element():
    truth, model = batch()
    total = special.rel_entr(truth, model).sum()
    assert torch_kl_div(np.log(model), truth) == pytest.approx(total / 6, rel=1e-14)
    assert torch_kl_div(np.log(model), truth, reduction="sum") == pytest.approx(total, rel=1e-14)


def test_batchmean_divides_by_the_first_dimension_only():
    # A (batch, tokens, classes) = (2, 3, 4) input, as a language model produces: "batchmean"
    # divides the sum by 2 (a KL per sequence, summed over its 3 tokens), "mean" by all
    # 2 x 3 x 4 = 24 elements; the mean KL per token is the sum divided by 2 x 3 = 6.
    rng = np.random.default_rng(3)
    truth = rng.random((2, 3, 4))
    truth /= truth.sum(axis=-1, keepdims=True)
    model = rng.random((2, 3, 4))
    model /= model.sum(axis=-1, keepdims=True)
    per_token = special.rel_entr(truth, model).sum(axis=-1)  # shape (2, 3)
    total = per_token.sum()
    assert torch_kl_div(np.log(model), truth, reduction="batchmean") == pytest.approx(
        total / 2, rel=1e-14
    )
    assert torch_kl_div(np.log(model), truth, reduction="batchmean") == pytest.approx(
        per_token.sum(axis=1).mean(), rel=1e-14
    )
    assert torch_kl_div(np.log(model), truth) == pytest.approx(total / 24, rel=1e-14)
    # So "batchmean" is 3 (the number of tokens) times the mean KL per token.
    assert torch_kl_div(np.log(model), truth, reduction="batchmean") == pytest.approx(
        3 * per_token.mean(), rel=1e-14
    )


def test_none_returns_the_pointwise_terms():
    # One element by hand: target 0.5, model 0.25 -> 0.5 * (ln 0.5 - ln 0.25) = 0.5 ln 2.
    out = torch_kl_div(np.log([[0.25, 0.75]]), [[0.5, 0.5]], reduction="none")
    assert out.shape == (1, 2)
    assert out[0, 0] == pytest.approx(0.5 * math.log(2), rel=1e-15)
    assert out[0, 1] == pytest.approx(0.5 * math.log(0.5 / 0.75), rel=1e-14)


def test_swapping_the_arguments_computes_the_other_direction():
    truth, model = batch()
    reverse = special.rel_entr(model, truth).sum(axis=1).mean()
    assert torch_kl_div(np.log(truth), model, reduction="batchmean") == pytest.approx(
        reverse, rel=1e-14
    )


def test_probabilities_passed_as_input_give_a_meaningless_number():
    # sum t (ln t - q) for t = q = [0.5, 0.5]: ln 0.5 - 0.5 = -1.193..., negative, although the
    # true divergence of equal distributions is 0.
    value = torch_kl_div([[0.5, 0.5]], [[0.5, 0.5]], reduction="sum")
    assert value == pytest.approx(math.log(0.5) - 0.5, rel=1e-15)


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (
            ([[0.0, 0.0]], [[0.5, 0.5]]),
            {"reduction": "average"},
            "^reduction must be one of 'none', 'sum', 'mean' or 'batchmean', got 'average'",
        ),
        (
            ([[0.0, 0.0]], [[1.0, 0.0]]),
            {},
            r"^target must contain only positive numbers, found 0.0 at index \(0, 1\)",
        ),
        (([[0.0, 0.0]], [[0.5, 0.25, 0.25]]), {}, "input and target must have the same shape"),
        (([[np.nan, 0.0]], [[0.5, 0.5]]), {}, "input must contain only finite numbers"),
        ((0.0, [[0.5, 0.5]]), {}, r"input must be .*\(one log-probability per class\)"),
        (([[0.0, 0.0]], 1.0), {}, r"target must be .*\(one probability per class\)"),
    ],
)
def test_bad_input(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        torch_kl_div(*args, **kwargs)


def test_a_mean_that_fits_in_float64_is_returned_although_the_sum_overflows():
    # Each term is 0.25 (ln 0.25 + 1e308) = 2.5e307 by hand (ln 0.25 is far below the spacing
    # of floats near 1e308). Twelve of them: the mean is 2.5e307, the batch mean (3 rows)
    # 1e308, the sum 3e308, beyond the largest float (inf). The sum used to overflow, with a
    # RuntimeWarning, and take the two means with it.
    model = np.full((3, 4), -1e308)
    truth = np.full((3, 4), 0.25)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        assert torch_kl_div(model, truth) == pytest.approx(2.5e307, rel=1e-15, abs=0)
        assert torch_kl_div(model, truth, reduction="batchmean") == pytest.approx(
            1e308, rel=1e-15, abs=0
        )
        assert torch_kl_div(model, truth, reduction="sum") == math.inf


def test_a_tiny_target_underflows_quietly_under_errstate_raise():
    # The term 1e-320 * ln(1e-320) is subnormal: an intended underflow, not an error. The
    # reference is the same formula in mpmath on the exact float inputs.
    with mpmath.workdps(50):
        t = mpmath.mpf(1e-320)
        expected = float(t * mpmath.log(t))
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        got = torch_kl_div([[0.0, 0.0]], [[1e-320, 1.0]], reduction="sum")
    # A subnormal result carries about 6 significant digits at this size.
    assert got == pytest.approx(expected, rel=1e-6, abs=0)
