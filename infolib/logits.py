"""From logits to probabilities and to the classification loss, without overflow.

A classifier outputs logits ``z`` (any real numbers); softmax turns them into the predicted
distribution ``q``. Computing ``exp(z)`` directly overflows for logits above about 709, and
computing the loss as ``log(sum(exp(z))) - z[y]`` rounds a tiny loss to exactly 0. The
functions here subtract the largest logit first and take ``log1p`` of the remaining mass, so
they are exact to a few ulps for any finite logits.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

__all__ = ["cross_entropy_from_logits", "log_softmax", "softmax"]


def _shifted(z: np.ndarray, ax: int) -> tuple[np.ndarray, np.ndarray]:
    """Return ``z - max(z)`` and ``log1p(sum of exp over all but one maximal entry)``.

    Leaving one maximal entry (whose exponential is exactly 1) out of the sum and using
    ``log1p`` keeps ``log_softmax`` of a confident prediction at its true tiny value.
    """
    top = np.argmax(z, axis=ax)
    top_k = np.expand_dims(top, ax)
    zmax = np.take_along_axis(z, top_k, axis=ax)
    with np.errstate(over="ignore"):  # logits 1e308 apart: -inf, the rounded true value
        shifted = z - zmax
    e = np.exp(shifted)
    np.put_along_axis(e, top_k, 0.0, axis=ax)
    rest = e.sum(axis=ax, keepdims=True)
    return shifted, np.log1p(rest)


def log_softmax(z: ArrayLike, *, axis: int = -1) -> np.ndarray:
    r"""Logarithm of the softmax, :math:`z_k - \log \sum_j e^{z_j}`, in nats.

    Parameters
    ----------
    z : array_like
        Finite logits; classes along ``axis``.
    axis : int, optional
        The class axis. Default: the last.

    Returns
    -------
    ndarray
        Log-probabilities (all ``<= 0``), same shape as ``z``.

    Examples
    --------
    >>> from infolib import log_softmax
    >>> log_softmax([0.0, 0.0]).round(6)
    array([-0.693147, -0.693147])
    >>> log_softmax([1000.0, 0.0])
    array([    0., -1000.])
    >>> float(-log_softmax([50.0, 0.0, 0.0])[0])  # 2 e^-50, not rounded to 0
    3.8574996959278356e-22
    """
    a = v.finite(z, "z")
    ax = v.check_axis(a, axis, "z")
    shifted, log_rest = _shifted(a, ax)
    return shifted - log_rest


def softmax(z: ArrayLike, *, axis: int = -1) -> np.ndarray:
    r"""Softmax :math:`q_k = e^{z_k} / \sum_j e^{z_j}`, stable for any finite logits.

    Parameters
    ----------
    z : array_like
        Finite logits; classes along ``axis``.
    axis : int, optional
        The class axis. Default: the last.

    Returns
    -------
    ndarray
        A distribution along ``axis`` (non-negative, summing to 1 up to rounding).

    Notes
    -----
    Adding the same constant to every logit leaves the softmax unchanged; subtracting the
    largest logit first keeps every exponential in ``(0, 1]``, so nothing overflows.

    Examples
    --------
    >>> from infolib import softmax
    >>> softmax([0.0, 0.0, 0.0]).round(4)
    array([0.3333, 0.3333, 0.3333])
    >>> softmax([1000.0, 1000.0])
    array([0.5, 0.5])
    """
    a = v.finite(z, "z")
    ax = v.check_axis(a, axis, "z")
    shifted, log_rest = _shifted(a, ax)
    e = np.exp(shifted)
    e /= np.expm1(log_rest) + 1.0
    return e


def cross_entropy_from_logits(
    z: ArrayLike, target: ArrayLike, *, base: float = 2, axis: int = -1
) -> float | np.ndarray:
    r"""Per-example cross-entropy :math:`H(p, \mathrm{softmax}(z))` computed from logits.

    Parameters
    ----------
    z : array_like
        Finite logits: one vector per example, classes along ``axis``.
    target : array_like
        Either integer class labels ``y`` (shape of ``z`` without ``axis``; whole-number
        floats are accepted), giving the negative log-likelihood :math:`-\log_b q(y)`; or
        target distributions ``p`` of the same shape as ``z`` (soft labels, label
        smoothing), giving :math:`-\sum_k p_k \log_b q_k`. A ``target`` with the shape
        of ``z`` is read as distributions, any other shape as labels.
    base : float, optional
        Logarithm base: 2 for bits (default). Deep-learning libraries report nats: pass
        ``base=np.e`` to match them (and average over the batch yourself).
    axis : int, optional
        The class axis of ``z`` (and of a distribution ``target``). Default: the last.

    Returns
    -------
    float or ndarray
        One loss per example, never negative, never overflowing; a float for one example.

    Notes
    -----
    The gradient of the loss (in nats) with respect to the logits is
    :math:`\mathrm{softmax}(z) - p`, which for a label ``y`` is ``softmax(z) - onehot(y)``.

    Examples
    --------
    >>> from infolib import cross_entropy_from_logits
    >>> cross_entropy_from_logits([0.0, 0.0], 1)
    1.0
    >>> cross_entropy_from_logits([[2.0, 0.0], [0.0, 0.0]], [0, 1], base=np.e).round(6)
    array([0.126928, 0.693147])
    >>> cross_entropy_from_logits([1000.0, 0.0], 1, base=np.e)
    1000.0
    >>> cross_entropy_from_logits([0.0, 0.0], [0.5, 0.5])
    1.0
    """
    ln_b = v.check_base(base)
    a = v.finite(z, "z")
    ax = v.check_axis(a, axis, "z")
    # One rule, no guessing: a target shaped like z holds distributions, anything else labels.
    try:
        target_shape = np.shape(target)
    except ValueError:  # ragged nested lists
        raise ValueError(
            "target must be a rectangular array of labels or distributions; NumPy could not "
            "build one"
        ) from None
    if target_shape == a.shape:
        p, _, _ = v.distribution(target, "target", ax)
        logq = log_softmax(a, axis=ax)
        # where: 0 log q = 0 even where log q is -inf.
        terms = np.multiply(p, logq, out=np.zeros_like(logq), where=p > 0)
        loss = -terms.sum(axis=ax)
    else:
        batch_shape = a.shape[:ax] + a.shape[ax + 1 :]
        y = v.labels(target, "target", a.shape[ax], batch_shape)
        shifted, log_rest = _shifted(a, ax)
        picked = np.take_along_axis(shifted, np.expand_dims(y, ax), axis=ax)
        loss = np.squeeze(log_rest - picked, axis=ax)
    if ln_b != 1.0:
        loss = loss / ln_b
    return v.scalar_or_array(loss + 0.0)
