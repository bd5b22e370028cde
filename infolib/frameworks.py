"""What deep-learning libraries compute, re-created with NumPy from their documentation.

The course does not install PyTorch or TensorFlow. To show the numbers those libraries print,
and where their conventions trip people up, this module re-creates the *documented* formula of
a function whose conventions differ from the mathematics. It is an emulation written from the
documentation cited in each docstring, not the library itself: use it to predict and check
numbers, not to train models.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

__all__ = ["torch_kl_div"]

_REDUCTIONS = ("none", "sum", "mean", "batchmean")
# 2**-64: terms of at most the largest float, scaled by it, cannot overflow a sum of fewer
# than 2**64 of them.
_SCALE = 2.0**-64


def torch_kl_div(
    input: ArrayLike,  # PyTorch's own argument name, on purpose
    target: ArrayLike,
    *,
    reduction: str = "mean",
) -> float | np.ndarray:
    r"""Emulate ``torch.nn.functional.kl_div(input, target, reduction=...)`` with NumPy.

    PyTorch documents the function as computing, element by element,

    .. math::

       L = \text{target} \cdot (\log \text{target} - \text{input}),

    where ``input`` holds the **model's log-probabilities** (natural logarithm) and ``target``
    the **true probabilities**, and then reducing ``L``: ``"mean"`` (the default) divides the
    sum by the number of *elements*, ``"batchmean"`` by the batch size (the first dimension
    only: for inputs shaped ``(batch, tokens, classes)`` that gives a sum over each sequence's
    tokens, not a mean per token), ``"sum"`` adds everything and ``"none"`` returns ``L``. So
    for a batch of true distributions ``P`` and model distributions ``Q`` (one per row),

    ``torch_kl_div(log(Q), P, reduction="batchmean")`` is the mean of
    :math:`D_{KL}(P_i \| Q_i)` in nats: the truth is the *second* argument, the reverse of the
    notation :math:`D_{KL}(p \| q)`, and the model goes in as logarithms.

    Parameters
    ----------
    input : array_like
        What PyTorch expects as the model's log-probabilities. Any finite numbers are
        accepted, as PyTorch accepts them, so that the effect of passing the wrong thing (say,
        probabilities) can be computed.
    target : array_like
        The true probabilities, same shape as ``input``; entries must be positive (this
        emulation does not model PyTorch's handling of zeros).
    reduction : {"mean", "batchmean", "sum", "none"}, optional
        As in PyTorch. Default ``"mean"``, PyTorch's default.

    Returns
    -------
    float or ndarray
        The reduced value, in nats (an array for ``"none"``); ``inf`` only when the reduced
        value itself exceeds the largest float, not when an intermediate sum does.

    Notes
    -----
    Source: the PyTorch documentation of ``torch.nn.functional.kl_div`` and
    ``torch.nn.KLDivLoss`` (https://docs.pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html),
    which gives the pointwise formula and the four reductions, and warns that
    ``reduction="mean"`` does not return the true KL divergence value while ``"batchmean"``
    does.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib import kl_divergence
    >>> from infolib.frameworks import torch_kl_div
    >>> P = np.array([[0.5, 0.5], [0.9, 0.1]])
    >>> Q = np.array([[0.25, 0.75], [0.5, 0.5]])
    >>> batchmean = torch_kl_div(np.log(Q), P, reduction="batchmean")
    >>> bool(np.isclose(batchmean, kl_divergence(P, Q, base=np.e).mean()))
    True
    >>> bool(np.isclose(torch_kl_div(np.log(Q), P), batchmean / 2))  # "mean": / (2 x 2)
    True
    """
    v.check_choice(reduction, "reduction", _REDUCTIONS)
    x = v.finite(input, "input", what="one log-probability per class")
    t = v.finite(target, "target", what="one probability per class")
    v.same_shape(x, t, "input", "target")
    if not (t > 0).all():  # this emulation does not model PyTorch's handling of zeros
        raise ValueError(v.describe_nonpositive(t, "target"))
    # A tiny target times its logarithm may underflow (to a term of about 0): intended.
    with np.errstate(under="ignore"):
        pointwise = t * (np.log(t) - x)
    if reduction == "none":
        return pointwise
    divisor = {"sum": 1, "mean": pointwise.size, "batchmean": pointwise.shape[0]}[reduction]
    with np.errstate(over="ignore"):
        total = float(pointwise.sum())
    if math.isfinite(total):
        return total / divisor
    # Finite terms whose sum overflows: sum them scaled by an exact power of two, divide,
    # then scale back, so a mean that fits in float64 is returned (and only a result beyond
    # the largest float becomes inf).
    with np.errstate(under="ignore"):
        scaled = float((pointwise * _SCALE).sum())
    return scaled / divisor / _SCALE
