"""From logits to probabilities and to the classification loss, without overflow.

A classifier outputs logits ``z`` (any real numbers); softmax turns them into the predicted
distribution ``q``. Computing ``exp(z)`` directly overflows for logits above about 709, and
computing the loss as ``log(sum(exp(z))) - z[y]`` rounds a tiny loss to exactly 0. The
functions here subtract the largest logit first and take ``log1p`` of the remaining mass, so
they are exact to a few ulps for any finite logits. The difference ``z - max(z)`` is kept with
its rounding error (an exact two-term sum): rounded alone, a difference near -700 would carry
an absolute error of up to 6e-14, which ``exp`` turns into a relative error 250 times an ulp.

Underflow (``exp`` of a difference below about -745 is 0) is intended here and never warns or
raises, even under ``np.errstate(all="raise")``.
"""

from __future__ import annotations

import math
from typing import Literal, overload

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

# softmax_unchecked and logsumexp_unchecked are for the package's other modules (fitting
# normalises Gaussian log-weights with them); they are not re-exported by infolib.
__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_from_logits",
    "cross_entropy_from_logits",
    "log_sigmoid",
    "log_softmax",
    "sigmoid",
    "softmax",
    "softmax_at_temperature",
]


# Elements per block: the temporaries of one block stay in the CPU cache (as in measures).
_BLOCK = 1 << 14


@overload
def _shifted(
    z: np.ndarray, ax: int, keep: Literal[True] = ...
) -> tuple[np.ndarray, np.ndarray, np.ndarray]: ...
@overload
def _shifted(z: np.ndarray, ax: int, keep: Literal[False]) -> tuple[None, None, np.ndarray]: ...
def _shifted(
    z: np.ndarray, ax: int, keep: bool = True
) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray]:
    """``z - max(z)`` as an exact sum ``d + e``, and ``log1p`` of the other entries' mass.

    Returns ``d``, the rounded difference; ``e``, its rounding error (so ``d + e`` is
    ``z - max(z)`` exactly, and ``exp(d + e) = exp(d) (1 + e)`` to well within an ulp, since
    ``|e| <= 2**-53 |d|`` is below 1e-13 wherever ``exp(d)`` is not 0); and
    ``log1p(sum of exp(d + e) over all but one maximal entry)``, with ``axis`` kept. Leaving
    one maximal entry (whose exponential is exactly 1) out of the sum and using ``log1p``
    keeps ``log_softmax`` of a confident prediction at its true tiny value.

    Where logits lie more than the largest float apart, ``d`` is ``-inf`` (the correctly
    rounded value) and ``e`` is 0. The work is done in blocks that stay in the CPU cache.
    Without ``keep``, ``d`` and ``e`` live only block by block and ``None`` is returned for
    them (the loss from labels needs only ``log1p`` of the mass).
    """
    last = ax == z.ndim - 1
    moved = z if last else np.moveaxis(z, ax, -1)
    rows = np.ascontiguousarray(moved).reshape(-1, moved.shape[-1])
    n_rows, n = rows.shape
    top = np.argmax(rows, axis=1)
    zmax = rows[np.arange(n_rows), top] if n_rows > 1 else rows[0, top]
    if keep:
        d, e = np.empty_like(rows), np.empty_like(rows)
    else:  # one block's worth of scratch, reused
        size = min(rows.size, _BLOCK)
        d_buf, e_buf = np.empty(size), np.empty(size)
    if rows.size <= _BLOCK and float(zmax.max()) - float(np.minimum.reduce(rows, None)) < 1e308:
        # One block with no overflow possible: no np.errstate unless the caller's makes the
        # intended underflow of exp raise.
        if not keep:
            d, e = d_buf.reshape(rows.shape), e_buf.reshape(rows.shape)
        try:
            rest = _shift_block(rows, zmax[:, None], d, e, top)
        except FloatingPointError:
            with np.errstate(under="ignore"):
                rest = _shift_block(rows, zmax[:, None], d, e, top)
    else:
        rest = np.zeros(n_rows)
        # Logits 1e308 apart overflow to -inf (and inf - inf gives NaN, replaced by 0); exp
        # underflows to 0 by design for differences below about -745.
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            if n <= _BLOCK:
                step = max(1, _BLOCK // n)
                blocks = ((slice(r, r + step), slice(0, n)) for r in range(0, n_rows, step))
            else:
                blocks = (
                    (slice(r, r + 1), slice(c, c + _BLOCK))
                    for r in range(n_rows)
                    for c in range(0, n, _BLOCK)
                )
            for rs, cs in blocks:
                zb = rows[rs, cs]
                if keep:
                    db, eb = d[rs, cs], e[rs, cs]
                else:
                    db, eb = d_buf[: zb.size].reshape(zb.shape), e_buf[: zb.size].reshape(zb.shape)
                rest[rs] += _shift_block(zb, zmax[rs, None], db, eb, top[rs] - cs.start)
    shape = moved.shape
    log_rest = np.log1p(rest).reshape((*shape[:-1], 1))
    if not keep:
        return None, None, log_rest if last else np.moveaxis(log_rest, -1, ax)
    d, e = d.reshape(shape), e.reshape(shape)
    if last:
        return d, e, log_rest
    return np.moveaxis(d, -1, ax), np.moveaxis(e, -1, ax), np.moveaxis(log_rest, -1, ax)


def _difference_and_error(
    z: np.ndarray, zmax: np.ndarray, d: np.ndarray, e: np.ndarray
) -> np.ndarray:
    """``d = z - zmax`` rounded and ``e`` its exact rounding error, into ``d`` and ``e``.

    Knuth's TwoSum of ``z`` and ``-zmax``: ``e = (z - z') + (-zmax - m')`` with
    ``m' = d - z`` and ``z' = d - m'``. Where ``d`` overflowed, ``e`` is 0. Returns a scratch
    array shaped like ``d``.
    """
    np.subtract(z, zmax, out=d)
    np.subtract(d, z, out=e)  # m', about -zmax
    part = d - e  # z'
    np.subtract(z, part, out=part)
    np.negative(e, out=e)
    e -= zmax
    e += part
    if not np.isfinite(d).all():
        e[~np.isfinite(d)] = 0.0
    return part


def _shift_block(
    z: np.ndarray, zmax: np.ndarray, d: np.ndarray, e: np.ndarray, top: np.ndarray
) -> np.ndarray:
    """One block of :func:`_shifted`: fills ``d`` and ``e``, returns the rows' mass sums.

    ``top`` holds each row's maximal entry's column within this block (outside
    ``[0, width)`` if it lies in another block).
    """
    part = _difference_and_error(z, zmax, d, e)
    mass = np.exp(d, out=part)
    e1 = 1.0 + e
    mass *= e1
    inside = np.flatnonzero((top >= 0) & (top < z.shape[1]))
    mass[inside, top[inside]] = 0.0
    return mass.sum(axis=1)


def _label_loss_small(z: list[float], y: int, ln_b: float) -> float:
    """:func:`cross_entropy_from_logits` of one short vector of logits (Python floats, their
    spread well below the largest float) and a valid label: the steps of :func:`_shifted`
    and of the label path, one float at a time, with the mass summed exactly (``math.fsum``).
    """
    z_max = max(z)
    top = z.index(z_max)
    terms = []
    d_y = e_y = 0.0
    for k, z_k in enumerate(z):
        # TwoSum of z_k and -z_max, as in _difference_and_error: d + e is z_k - z_max exactly.
        d = z_k - z_max
        m = d - z_k
        e = (z_k - (d - m)) + (-z_max - m)
        if k == y:
            d_y, e_y = d, e
        if k != top:
            terms.append(math.exp(d) * (1.0 + e))  # underflows to 0 without a warning
    loss = (math.log1p(math.fsum(terms)) - e_y) - d_y
    return (loss if ln_b == 1.0 else loss / ln_b) + 0.0


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
    d, e, log_rest = _shifted(a, ax)
    return d + (e - log_rest)


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
    return softmax_unchecked(a, v.check_axis(a, axis, "z"))


def softmax_unchecked(z: np.ndarray, axis: int, *, zero_max: bool = False) -> np.ndarray:
    """:func:`softmax` of a float64 array the caller has checked, along a non-negative ``axis``.

    For the package's own modules: the one softmax, for arrays that are not logits from a
    reader. Entries may be ``-inf`` (probability exactly 0) as long as every slice has a
    finite maximum; the caller guarantees that. With ``zero_max`` the caller also guarantees
    that every slice's maximum is exactly 0 (Gaussian log-weights relative to their largest):
    then ``z - max(z)`` is ``z`` itself, exactly, and the exponentials are simply normalised,
    without the two-term differences. ``z`` may then be overwritten.
    """
    if zero_max:
        with np.errstate(under="ignore"):
            q = np.exp(z, out=z)
        q /= np.add.reduce(q, axis=axis, keepdims=True)  # at least 1: the maximum's own term
        return q
    d, e, log_rest = _shifted(z, axis)
    with np.errstate(under="ignore"):  # exp of differences below about -745 is 0 by design
        q = np.exp(d)
        q *= 1.0 + e
    q /= np.expm1(log_rest) + 1.0
    return q


def logsumexp_unchecked(z: np.ndarray, axis: int) -> np.ndarray:
    """``log(sum(exp(z)))`` along a non-negative ``axis`` of a float64 array the caller has
    checked, with ``axis`` removed; a slice of only ``-inf`` (no mass) gives ``-inf``.

    For the package's own modules, from the same steps as :func:`softmax`: the largest entry
    plus ``log1p`` of the others' mass, each exponential carrying the rounding error of its
    ``z - max(z)``.
    """
    top = np.max(z, axis=axis, keepdims=True)
    empty = np.isneginf(top)
    if empty.any():
        # Any finite stand-in gives those slices a finite sum, replaced by -inf below.
        z = np.where(empty, 0.0, z)
        top = np.where(empty, 0.0, top)
    _, _, log_rest = _shifted(z, axis, keep=False)
    out = top + log_rest
    out[empty] = -np.inf
    return np.squeeze(out, axis=axis)


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
        One loss per example, never negative; a float for one example. ``inf`` only where
        the loss exceeds the largest float in the requested unit (logits about 1e308
        apart).

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
    # Far below any 1e300: the loss in nats (about the spread) stays finite in this base.
    small = v.small_logits(z, axis, 1e300 * min(1.0, abs(ln_b)))
    if small is not None:
        label = v.small_label(target, len(small))
        if label is not None:
            # The same steps in Python floats: NumPy's per-call cost dominates at this size.
            return _label_loss_small(small, label, ln_b)
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
        d, e, log_rest = _shifted(a, ax)
        p, _, _ = v.distribution(target, "target", ax)
        # -log q = (log_rest - e) - d, each part summed against p; where p = 0 the term is
        # 0 even if d is -inf (logits further apart than the largest float).
        pos = p > 0
        near = np.multiply(p, log_rest - e, out=np.zeros_like(p), where=pos).sum(axis=ax)
        far = np.multiply(p, d, out=np.zeros_like(p), where=pos).sum(axis=ax)
    else:
        batch_shape = a.shape[:ax] + a.shape[ax + 1 :]
        y = np.expand_dims(v.labels(target, "target", a.shape[ax], batch_shape), ax)
        p = None
        _, _, log_rest = _shifted(a, ax, keep=False)
        # z[y] - max(z) and its rounding error, for the labels only.
        z_y = np.take_along_axis(a, y, axis=ax)
        z_max = np.max(a, axis=ax, keepdims=True)
        far, e_y = np.empty_like(z_y), np.empty_like(z_y)
        with np.errstate(over="ignore", invalid="ignore"):  # logits 1e308 apart: see _shifted
            _difference_and_error(z_y, z_max, far, e_y)
        near = np.squeeze(log_rest - e_y, axis=ax)
        far = np.squeeze(far, axis=ax)
    # A loss beyond the largest float is inf, by design; np.errstate (which costs as much as
    # the rest of a small call) only where that can happen, for differences above 1e300.
    if np.abs(far).max() < 1e300 * min(1.0, abs(ln_b)):
        loss = near - far
        if ln_b != 1.0:
            loss = loss / ln_b
    else:
        with np.errstate(over="ignore"):
            loss = near - far
            if ln_b != 1.0:
                loss = loss / ln_b
    if not np.isfinite(far).all():
        # Logits more than the largest float apart: the loss in nats is infinite, but in
        # another base it may be finite (2e308 nats are 8.7e307 hartleys). Take z - max(z)
        # in halves, which cannot overflow, and convert with 2 / ln(base).
        half = a / 2.0 - np.take_along_axis(a, np.expand_dims(np.argmax(a, axis=ax), ax), ax) / 2.0
        half_far = (
            np.multiply(p, half, out=np.zeros_like(p), where=p > 0).sum(axis=ax)
            if p is not None
            else np.squeeze(np.take_along_axis(half, y, axis=ax), axis=ax)
        )
        with np.errstate(over="ignore"):
            rescued = near / ln_b - half_far * (2.0 / ln_b)
        loss = np.where(np.isfinite(far), loss, rescued)
    return v.scalar_or_array(loss + 0.0)


# ---------------------------------------------------------------------------------------------
# The binary case: one logit per example, the sigmoid, and binary cross-entropy (chapter 8).


def _softplus(x: np.ndarray) -> np.ndarray:
    """``log(1 + e^x)`` to a few ulps for every finite ``x``, never overflowing.

    Written as ``max(x, 0) + log1p(e^{-|x|})``: the exponential lies in ``(0, 1]``, and
    ``log1p`` keeps the tiny value ``e^x`` of a very negative ``x`` (where ``1 + e^x`` would
    round to 1). Both terms are non-negative, so the sum loses nothing to cancellation.
    """
    with np.errstate(under="ignore"):  # e^{-|x|} below about 1e-308 is 0 by design
        tail = np.log1p(np.exp(-np.abs(x)))
    return np.maximum(x, 0.0) + tail


def _binary_pair(
    y: ArrayLike, y_name: str, other: ArrayLike, other_name: str, *, logits: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Validate targets ``y`` (probabilities) and a same-shaped ``other`` (q or logits)."""
    a = v.probabilities(y, y_name)
    if logits:
        b = v.finite_values(other, other_name)
        if b.size == 0:
            raise ValueError(f"{other_name} must not be empty")
    else:
        b = v.probabilities(other, other_name)
    v.same_shape(a, b, y_name, other_name)
    return a, b


def sigmoid(z: ArrayLike) -> float | np.ndarray:
    r"""The logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`, elementwise.

    Parameters
    ----------
    z : array_like
        Finite logits, any shape (a scalar too).

    Returns
    -------
    float or ndarray
        Probabilities in ``[0, 1]``, same shape as ``z``; a float for a scalar.

    Notes
    -----
    The sigmoid is the two-class softmax: :math:`\mathrm{softmax}(z_0, z_1)_1 =
    \sigma(z_1 - z_0)`. For ``z >= 0`` it is computed as :math:`1 / (1 + e^{-z})` and for
    ``z < 0`` as :math:`e^{z} / (1 + e^{z})`, so the exponential never overflows and a tiny
    probability keeps its digits instead of being ``1 - (1 - \text{tiny})``.

    Examples
    --------
    >>> from infolib import sigmoid
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-800.0, 800.0]).tolist()
    [0.0, 1.0]
    >>> sigmoid(-40.0)  # e^-40, not rounded to 0
    4.248354255291589e-18
    """
    a = v.finite_values(z, "z")
    with np.errstate(under="ignore"):  # e^{-|z|} below about 1e-308 is 0 by design
        t = np.exp(-np.abs(a))
    s = np.where(a >= 0, 1.0 / (1.0 + t), t / (1.0 + t))
    return v.scalar_or_array(s)


def log_sigmoid(z: ArrayLike, *, base: float = np.e) -> float | np.ndarray:
    r"""The logarithm of the sigmoid, :math:`\log \sigma(z) = -\mathrm{softplus}(-z)`.

    Parameters
    ----------
    z : array_like
        Finite logits, any shape.
    base : float, optional
        Logarithm base; nats (``np.e``) by default, as the libraries' losses use.

    Returns
    -------
    float or ndarray
        Log-probabilities, all ``<= 0``, same shape as ``z``.

    Notes
    -----
    :math:`\log \sigma(z) = -\log(1 + e^{-z})`, computed as
    :math:`-(\max(-z, 0) + \log(1 + e^{-|z|}))`: exact to a few ulps for any finite ``z``.
    Taking ``log(sigmoid(z))`` instead gives ``-inf`` once :math:`\sigma(z)` underflows
    (``z`` below about -745), and rounds :math:`\log \sigma(z)` to 0 for ``z`` above about
    37. ``1 - sigma(z) = sigma(-z)``, so ``log_sigmoid(-z)`` is the log-probability of the
    other class.

    Examples
    --------
    >>> from infolib import log_sigmoid
    >>> log_sigmoid(-1000.0)
    -1000.0
    >>> log_sigmoid(40.0)  # -e^-40, not rounded to 0
    -4.248354255291589e-18
    >>> log_sigmoid(0.0, base=2)
    -1.0
    """
    ln_b = v.check_base(base)
    a = v.finite_values(z, "z")
    out = -_softplus(-a)
    if ln_b != 1.0:
        # A log-probability near -1.8e308 nats is below -inf in a base just above 1, or in
        # base 2: the result is then -inf, silently, as the docstring says.
        with np.errstate(over="ignore"):
            out = out / ln_b
    return v.scalar_or_array(out + 0.0)


def binary_cross_entropy(p: ArrayLike, q: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    r"""Binary cross-entropy :math:`H([1-p, p], [1-q, q])`, elementwise.

    Parameters
    ----------
    p : array_like
        The target probability of class 1 (a sampled 0/1 label, or a soft target in ``[0, 1]``).
    q : array_like
        The model's probability of class 1, same shape as ``p``.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float or ndarray
        :math:`-p \log q - (1 - p) \log(1 - q)`, never negative; ``inf`` where ``q`` gives
        probability 0 to a class ``p`` allows.

    Notes
    -----
    This is :func:`infolib.cross_entropy` of the two-outcome distributions ``[1 - p, p]`` and
    ``[1 - q, q]``: the ``K = 2`` case, one number per example instead of a pair. A term whose
    ``p``-weight is 0 counts 0 (``0 log 0 = 0``), even where its logarithm is infinite.
    :math:`\log(1 - q)` is computed as ``log1p(-q)``, exact for small ``q``. No clipping: a
    confident wrong ``q`` costs what it costs. When the model gives logits, use
    :func:`binary_cross_entropy_from_logits`, which cannot lose ``q`` to rounding first.

    Examples
    --------
    >>> from infolib import binary_cross_entropy
    >>> binary_cross_entropy(1, 0.5)
    1.0
    >>> binary_cross_entropy([1, 0, 1], [0.25, 0.25, 0.0]).tolist()
    [2.0, 0.4150374992788438, inf]
    >>> binary_cross_entropy(0.5, 0.5)
    1.0
    """
    ln_b = v.check_base(base)
    a, b = _binary_pair(p, "p", q, "q", logits=False)
    # log 0 = -inf where the model rules a class out; the product 0 * -inf (NaN) of a class
    # with weight 0 is computed but never used: each term counts only where its weight is
    # positive, so 0 log 0 counts 0.
    # Products of a weight with a log of a probability near 1 may underflow: intended.
    with np.errstate(divide="ignore", invalid="ignore", under="ignore"):
        log_q = np.log(b)
        log_not_q = np.log1p(-b)
        loss = np.zeros_like(a)
        np.subtract(loss, a * log_q, out=loss, where=a > 0)
        np.subtract(loss, (1.0 - a) * log_not_q, out=loss, where=a < 1)
    if ln_b != 1.0:
        with np.errstate(under="ignore"):
            loss = loss / ln_b
    return v.scalar_or_array(loss + 0.0)


def binary_cross_entropy_from_logits(
    y: ArrayLike, z: ArrayLike, *, base: float = 2
) -> float | np.ndarray:
    r"""Binary cross-entropy of targets ``y`` and the model :math:`q = \sigma(z)`, from logits.

    What PyTorch's ``BCEWithLogitsLoss`` and Keras's ``BinaryCrossentropy(from_logits=True)``
    compute per element (before they average, and in nats).

    Parameters
    ----------
    y : array_like
        The target probability of class 1: sampled 0/1 labels, or soft targets in ``[0, 1]``.
    z : array_like
        Finite logits, same shape as ``y``.
    base : float, optional
        Logarithm base: 2 for bits (default); pass ``np.e`` to match the libraries.

    Returns
    -------
    float or ndarray
        :math:`y \,\mathrm{softplus}(-z) + (1 - y)\,\mathrm{softplus}(z)`, never negative
        (for a base above 1). Finite, except where the loss in this base exceeds the largest
        float (logits near :math:`\pm 10^{308}` in bits): then ``inf``, without a warning.

    Notes
    -----
    With :math:`-\log \sigma(z) = \mathrm{softplus}(-z)` and
    :math:`-\log(1 - \sigma(z)) = \mathrm{softplus}(z)`, where
    :math:`\mathrm{softplus}(x) = \log(1 + e^x) = \max(x, 0) + \log(1 + e^{-|x|})`, the loss
    needs no probability at all, so it cannot turn ``inf`` when :math:`\sigma(z)` rounds to 0
    or 1. Its derivative with respect to the logit (in nats) is :math:`\sigma(z) - y`.

    Examples
    --------
    >>> from infolib import binary_cross_entropy_from_logits
    >>> binary_cross_entropy_from_logits(1, 0.0)
    1.0
    >>> binary_cross_entropy_from_logits([1, 0], [-1000.0, 1000.0], base=np.e).tolist()
    [1000.0, 1000.0]
    >>> binary_cross_entropy_from_logits(1, 40.0, base=np.e)  # e^-40, not rounded to 0
    4.248354255291589e-18
    """
    ln_b = v.check_base(base)
    a, b = _binary_pair(y, "y", z, "z", logits=True)
    # Each term only where its weight is positive (the other softplus may be huge, not inf).
    loss = np.zeros_like(a)
    # A tiny softplus times a weight may underflow (intended); a loss near the largest float
    # in nats overflows to inf in base 2 (returned silently, as documented).
    with np.errstate(under="ignore", over="ignore"):
        np.add(loss, a * _softplus(-b), out=loss, where=a > 0)
        np.add(loss, (1.0 - a) * _softplus(b), out=loss, where=a < 1)
        if ln_b != 1.0:
            loss = loss / ln_b
    return v.scalar_or_array(loss + 0.0)


def softmax_at_temperature(z: ArrayLike, temperature: float, *, axis: int = -1) -> np.ndarray:
    r"""The softmax of ``z / T``: :math:`q_k = e^{z_k / T} / \sum_j e^{z_j / T}`.

    Parameters
    ----------
    z : array_like
        Finite logits; classes along ``axis``.
    temperature : float
        ``T > 0``. Above 1 the distribution flattens towards uniform (as ``T`` grows without
        bound); below 1 it sharpens towards the largest logit (as ``T`` tends to 0); 1 gives
        :func:`softmax`.
    axis : int, optional
        The class axis. Default: the last.

    Returns
    -------
    ndarray
        A distribution along ``axis``.

    Notes
    -----
    Dividing by ``T`` scales the gaps between the logits, which is all the softmax sees.
    Knowledge distillation (Hinton, Vinyals and Dean, 2015) trains a student on the
    teacher's ``softmax_at_temperature(v, T)``. A ``ValueError`` is raised if ``z / T``
    overflows (a tiny ``T`` and large logits).

    Examples
    --------
    >>> from infolib import softmax_at_temperature
    >>> softmax_at_temperature([2.0, 0.0], 2.0).round(4)  # the softmax of [1, 0]
    array([0.7311, 0.2689])
    >>> softmax_at_temperature([2.0, 0.0], 0.01)  # nearly the argmax
    array([1.00000000e+00, 1.38389653e-87])
    """
    a = v.finite(z, "z")
    t = v.check_real(temperature, "temperature", positive=True)
    with np.errstate(over="ignore"):
        scaled = a / t
    if not np.isfinite(scaled).all():
        raise ValueError(
            f"z / temperature overflows for temperature {temperature!r}: use a larger "
            f"temperature or smaller logits"
        )
    return softmax(scaled, axis=axis)
