"""Information content, entropy, cross-entropy and divergences of discrete distributions.

Conventions shared by every function here:

* ``p`` is the true (data) distribution and ``q`` the model's; both are laid out along
  ``axis`` (default: the last), so a 2-D array is a batch of distributions, one per row.
* ``base`` sets the unit: 2 gives bits (the default), ``np.e`` gives nats, 10 gives hartleys.
* ``0 log 0 = 0``: an outcome with probability 0 under ``p`` contributes nothing.
* Inputs are validated, never repaired: a ``p`` that does not sum to 1 is an error (see
  :func:`normalize` for counts), never silently rescaled, clipped or smoothed.
* A single distribution gives a Python ``float``; a batch gives an ``ndarray``.

The divergences are computed from terms that are never negative (see the Notes of
:func:`kl_divergence`), so they keep about 15 significant digits even when ``p`` and ``q``
are nearly equal, where the textbook formula loses them all.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

__all__ = [
    "binary_entropy",
    "cross_entropy",
    "entropy",
    "information_content",
    "js_divergence",
    "kl_divergence",
    "normalize",
    "perplexity",
]

_LN2 = float(np.log(2.0))
# Below this |u| = |q/p - 1| (and |t| for Jensen-Shannon), the divergence terms are summed from a
# series instead of the closed form, whose two large terms would cancel.
_SERIES_CUTOFF = 0.25
# f(u) = u - log1p(u) = 2 s^2 [1/(1 - s) - s P(s^2)], s = u / (2 + u), P(t) = sum t^j / (2j + 3).
_F_COEFFS = tuple(1.0 / (2 * j + 3) for j in range(9))
# g(t) = (1+t) log1p(t) + (1-t) log1p(-t) = t^2 sum_{k>=1} t^(2k-2) / (k (2k - 1)).
_G_COEFFS = tuple(1.0 / (k * (2 * k - 1)) for k in range(1, 15))


def _log_in_base(a: np.ndarray, base: object, ln_base: float, has_zero: bool) -> np.ndarray:
    """Logarithm of ``a`` in ``base`` into a fresh buffer; entries where ``a == 0`` give 0."""
    if has_zero:
        out = np.zeros_like(a)
        where = a > 0
    else:
        out, where = None, True
    if ln_base == _LN2:
        # log2 is exact on powers of two, so a fair coin is exactly 1 bit.
        res = np.log2(a, out=out, where=where) if has_zero else np.log2(a)
    else:
        res = np.log(a, out=out, where=where) if has_zero else np.log(a)
        if ln_base != 1.0:
            res /= ln_base
    return res


def _horner(x: np.ndarray, coeffs: tuple[float, ...]) -> np.ndarray:
    """Evaluate ``sum(c_j x^j)`` at every element of ``x``."""
    acc = np.full_like(x, coeffs[-1])
    for c in coeffs[-2::-1]:
        acc *= x
        acc += c
    return acc


def _u_minus_log1p(u: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    """``u - log1p(u) >= 0`` for ``u = q/p - 1 >= -1``, accurate to a few ulps everywhere.

    ``ratio`` is ``q/p`` computed directly, and ``log(ratio)`` stands for ``log1p(u)``: once
    ``q << p``, ``u`` rounds towards -1 and ``log1p(u)`` loses digits (or gives ``-inf``).
    Near ``u = 0`` the two terms cancel, so there the series in ``s = u / (2 + u)`` is used.
    ``ratio`` is overwritten; it saves an allocation on large inputs.
    """
    f = np.log(ratio)
    np.subtract(u, f, out=f)
    # Flat indices, not a boolean mask: one scan of the mask instead of two (gather and
    # scatter), which halves this step on large inputs.
    small = np.flatnonzero(np.less(np.abs(u, out=ratio), _SERIES_CUTOFF))
    if small.size:
        us = u.take(small)
        s = us / (2.0 + us)
        s2 = s * s
        series = 1.0 / (1.0 - s) - s * _horner(s2, _F_COEFFS)
        f.put(small, 2.0 * s2 * series)
    return f


def _exact_sum_difference(
    a: np.ndarray, b: np.ndarray, work_a: np.ndarray, work_b: np.ndarray
) -> np.ndarray:
    """``sum(a) - sum(b)`` along the last axis, correctly rounded in practice.

    Each entry (all in [0, 1], each row summing to about 1) is split into a high part, a
    multiple of 2**-50 whose running sums are exactly representable, and a low part below
    2**-51. The high sums and their difference are exact; only the tiny low sums carry
    rounding error. ``work_a`` and ``work_b`` (shaped like ``a``) are overwritten.
    """
    hi_a = np.add(a, 4.0, out=work_a)
    hi_a -= 4.0
    hi_b = np.add(b, 4.0, out=work_b)
    hi_b -= 4.0
    hi = hi_a.sum(axis=-1) - hi_b.sum(axis=-1)
    lo_a = np.subtract(a, hi_a, out=work_a)
    lo_b = np.subtract(b, hi_b, out=work_b)
    return hi + (lo_a.sum(axis=-1) - lo_b.sum(axis=-1))


def _check_pair(p: ArrayLike, q: ArrayLike, axis: object):
    a, ax, p_zero = v.distribution(p, "p", axis)
    b, _, q_zero = v.distribution(q, "q", axis)
    v.same_shape(a, b)
    if ax != a.ndim - 1:
        a, b = np.moveaxis(a, ax, -1), np.moveaxis(b, ax, -1)
    return a, b, p_zero, q_zero


def information_content(p: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    r"""Information content (surprisal) :math:`I = -\log_b p` of each probability.

    Parameters
    ----------
    p : array_like
        Probabilities in ``[0, 1]``, any shape.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float or ndarray
        ``-log(p)`` elementwise; ``inf`` where ``p == 0`` (an impossible event would be
        infinitely surprising), ``0`` where ``p == 1``. A float for scalar input.

    Notes
    -----
    Surprisal is unbounded above: halving a probability adds exactly one bit. It is the only
    continuous function of ``p`` (up to the choice of unit) that is zero for a certain event
    and adds over independent events, :math:`I(p_1 p_2) = I(p_1) + I(p_2)`.

    References
    ----------
    .. [1] C. E. Shannon, "A Mathematical Theory of Communication", Bell System Technical
       Journal 27 (1948).

    Examples
    --------
    >>> from infolib import information_content
    >>> information_content(0.5)
    1.0
    >>> information_content([1, 0.25, 1 / 1024])
    array([ 0.,  2., 10.])
    >>> round(information_content(0.5, base=np.e), 6)
    0.693147
    """
    ln_b = v.check_base(base)
    a = v.probabilities(p, "p")
    with np.errstate(divide="ignore"):
        logs = _log_in_base(a, base, ln_b, has_zero=False)
    res = np.negative(logs)
    res += 0.0  # turn -0.0 (from p == 1) into 0.0
    return v.scalar_or_array(res)


def entropy(p: ArrayLike, *, base: float = 2, axis: int = -1) -> float | np.ndarray:
    r"""Shannon entropy :math:`H(p) = -\sum_x p(x) \log_b p(x)`.

    Parameters
    ----------
    p : array_like
        A distribution (non-negative, summing to 1 within ``1e-9``) along ``axis``, or a
        batch of them.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.
    axis : int, optional
        The axis along which each distribution lies. Default: the last.

    Returns
    -------
    float or ndarray
        The average surprisal, in ``0 <= H <= log_b(n)`` for ``n`` outcomes; a float for one
        distribution, an array with ``axis`` removed for a batch.

    Notes
    -----
    Uses the convention :math:`0 \log 0 = 0` (the limit of :math:`p \log p` as
    :math:`p \to 0`). Every term :math:`-p \log p` is non-negative, so the sum carries no
    cancellation.

    References
    ----------
    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley
       (2006), section 2.1.

    Examples
    --------
    >>> from infolib import entropy
    >>> entropy([0.5, 0.5])
    1.0
    >>> entropy([1 / 8] * 8)
    3.0
    >>> entropy([1, 0, 0])
    0.0
    >>> entropy([[0.5, 0.5], [0.25, 0.75]]).round(4)
    array([1.    , 0.8113])
    >>> round(entropy([0.5, 0.5], base=np.e), 6)
    0.693147
    """
    ln_b = v.check_base(base)
    a, ax, has_zero = v.distribution(p, "p", axis)
    terms = _log_in_base(a, base, ln_b, has_zero)
    np.multiply(terms, a, out=terms)  # p log p, 0 where p == 0
    h = -terms.sum(axis=ax)
    return v.scalar_or_array(h + 0.0)


def cross_entropy(
    p: ArrayLike, q: ArrayLike, *, base: float = 2, axis: int = -1
) -> float | np.ndarray:
    r"""Cross-entropy :math:`H(p, q) = -\sum_x p(x) \log_b q(x)`.

    The average number of bits (for ``base=2``) needed to code outcomes drawn from the true
    distribution ``p`` with a code built for the model ``q``.

    Parameters
    ----------
    p : array_like
        The true distribution (or a batch of them) along ``axis``.
    q : array_like
        The model's distribution, same shape as ``p``.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.
    axis : int, optional
        The axis along which each distribution lies. Default: the last.

    Returns
    -------
    float or ndarray
        :math:`H(p, q) \ge H(p)`; ``inf`` where ``q`` gives probability 0 to an outcome that
        ``p`` can produce. Outcomes with ``p(x) = 0`` contribute nothing, whatever ``q(x)``.

    Notes
    -----
    :math:`H(p, q) = H(p) + D_{KL}(p \| q)`. It is not symmetric, and it is not zero for a
    perfect model unless ``p`` is one-hot: its minimum over ``q`` is :math:`H(p)`, reached
    at ``q = p``.

    References
    ----------
    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley
       (2006), section 5.4.

    Examples
    --------
    >>> from infolib import cross_entropy
    >>> cross_entropy([0.5, 0.5], [0.5, 0.5])
    1.0
    >>> round(cross_entropy([0.5, 0.5], [0.25, 0.75]), 6)
    1.207519
    >>> cross_entropy([1, 0], [0.5, 0.5])
    1.0
    >>> cross_entropy([0.5, 0.5], [1, 0])
    inf
    """
    ln_b = v.check_base(base)
    a, b, _, q_zero = _check_pair(p, q, axis)
    terms = _log_in_base(b, base, ln_b, q_zero)
    np.multiply(terms, a, out=terms)
    h = -terms.sum(axis=-1)
    if q_zero:
        missed = ((b == 0) & (a > 0)).any(axis=-1)
        # +inf bits; a base below 1 flips every sign, so -inf there.
        h = np.where(missed, np.inf if ln_b > 0 else -np.inf, h)
    return v.scalar_or_array(h + 0.0)


def kl_divergence(
    p: ArrayLike, q: ArrayLike, *, base: float = 2, axis: int = -1
) -> float | np.ndarray:
    r"""Kullback-Leibler divergence :math:`D_{KL}(p \| q) = \sum_x p(x) \log_b \frac{p(x)}{q(x)}`.

    The extra cost, in bits for ``base=2``, of coding data from ``p`` with a code built for
    ``q``: :math:`D_{KL}(p \| q) = H(p, q) - H(p)`.

    Parameters
    ----------
    p : array_like
        The true distribution (or a batch of them) along ``axis``.
    q : array_like
        The model's distribution, same shape as ``p``.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.
    axis : int, optional
        The axis along which each distribution lies. Default: the last.

    Returns
    -------
    float or ndarray
        Never negative; exactly 0 when ``p`` and ``q`` are equal; ``inf`` when ``q`` gives
        probability 0 to an outcome that ``p`` can produce.

    Notes
    -----
    The divergence is not computed as ``H(p, q) - H(p)`` nor as a sum of
    ``p log(p/q)`` terms: both subtract nearly equal numbers when ``q`` is close to ``p``
    and lose every digit of a divergence of, say, ``1e-12``. Instead, with
    :math:`u = q/p - 1`,

    .. math::

       D_{KL}(p \| q) = \sum_x p \, (u - \log(1 + u)) \; + \; \Big(\sum_x p - \sum_x q\Big),

    where every term of the first sum is non-negative (and is evaluated from a series when
    ``|u|`` is small), and the second sum, zero for exact distributions, is the rounding
    of the inputs themselves; it is computed exactly. If the inputs' sums differ by more
    than their divergence (only possible when the divergence is below about ``1e-16``), the
    non-negative first sum alone is returned.

    References
    ----------
    .. [1] S. Kullback and R. A. Leibler, "On Information and Sufficiency", Annals of
       Mathematical Statistics 22 (1951).
    .. [2] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley
       (2006), section 2.3.

    Examples
    --------
    >>> from infolib import kl_divergence
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    >>> round(kl_divergence([0.5, 0.5], [0.25, 0.75]), 6)
    0.207519
    >>> round(kl_divergence([0.25, 0.75], [0.5, 0.5]), 6)  # not symmetric
    0.188722
    >>> kl_divergence([0.5, 0.5], [1, 0])
    inf
    """
    ln_b = v.check_base(base)
    a, b, p_zero, q_zero = _check_pair(p, q, axis)
    missed = None
    if p_zero or q_zero:
        pos = a > 0
        missed = ((b == 0) & pos).any(axis=-1) if q_zero else None
        safe_b = np.where(pos & (b == 0), a, b) if q_zero else b
        scratch = np.ones_like(a)
        with np.errstate(over="ignore"):  # only for subnormal p; see below
            u = np.divide(safe_b - a, a, out=np.zeros_like(a), where=pos)
            np.divide(safe_b, a, out=scratch, where=pos)
        # Outcomes that p cannot produce add q(x) to the first sum (and -q(x) to the second).
        extra = np.where(pos, 0.0, b).sum(axis=-1)
    else:
        safe_b = b
        u = b - a
        with np.errstate(over="ignore"):  # only for subnormal p; see below
            u /= a
            scratch = np.divide(b, a)
        extra = 0.0
    with np.errstate(invalid="ignore"):  # inf - inf where q/p overflowed; see below
        f = _u_minus_log1p(u, scratch)
    f *= a
    if u.max() == np.inf:
        # q/p overflowed (subnormal p): there the term is (q - p) - p log(q/p), logs apart.
        big = u == np.inf
        pb, qb = a[big], safe_b[big]
        f[big] = (qb - pb) - pb * (np.log(qb) - np.log(pb))
    first = f.sum(axis=-1) + extra
    total = first + _exact_sum_difference(a, b, u, scratch)
    d = np.where(total < 0, first, total)
    if missed is not None:
        d = np.where(missed, np.inf, d)
    if ln_b != 1.0:
        d = d / ln_b  # after the inf, so that a base below 1 turns it into -inf
    return v.scalar_or_array(d + 0.0)


def js_divergence(
    p: ArrayLike, q: ArrayLike, *, base: float = 2, axis: int = -1
) -> float | np.ndarray:
    r"""Jensen-Shannon divergence, a symmetric and bounded relative of KL.

    .. math::

       JS(p, q) = \tfrac12 D_{KL}(p \| m) + \tfrac12 D_{KL}(q \| m), \qquad m = \tfrac12 (p + q).

    Parameters
    ----------
    p, q : array_like
        Two distributions (or batches) of the same shape, along ``axis``.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.
    axis : int, optional
        The axis along which each distribution lies. Default: the last.

    Returns
    -------
    float or ndarray
        ``JS(p, q) = JS(q, p)``, between 0 (equal) and :math:`\log_b 2` (disjoint
        supports), so at most 1 bit. Always finite.

    Notes
    -----
    With :math:`t = (q - p)/(p + q)` each outcome contributes
    :math:`\frac{p+q}{4}\,[(1+t)\log(1+t) + (1-t)\log(1-t)] \ge 0`, evaluated from its
    series when ``|t|`` is small, so nearly equal inputs keep their digits. Its square root
    is a metric (Endres and Schindelin, 2003).

    References
    ----------
    .. [1] J. Lin, "Divergence measures based on the Shannon entropy", IEEE Transactions on
       Information Theory 37 (1991).

    Examples
    --------
    >>> from infolib import js_divergence
    >>> js_divergence([1, 0], [0, 1])
    1.0
    >>> js_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    >>> js_divergence([0.5, 0.5], [0.25, 0.75]) == js_divergence([0.25, 0.75], [0.5, 0.5])
    True
    """
    ln_b = v.check_base(base)
    a, b, _, _ = _check_pair(p, q, axis)
    total = a + b
    t = np.divide(b - a, total, out=np.zeros_like(a), where=total > 0)
    g = np.empty_like(t)
    small = np.abs(t) < _SERIES_CUTOFF
    ts = t[small]
    t2 = ts * ts
    g[small] = t2 * _horner(t2, _G_COEFFS)
    tl = t[~small]
    # (1 +- t) log1p(+-t) with the convention 0 log 0 = 0 at t = -+1.
    plus = np.multiply(1.0 + tl, np.log1p(tl, out=np.zeros_like(tl), where=tl > -1.0))
    minus = np.multiply(1.0 - tl, np.log1p(-tl, out=np.zeros_like(tl), where=tl < 1.0))
    g[~small] = plus + minus
    g *= total
    js = g.sum(axis=-1) / 4.0
    # JS <= ln 2 is a theorem; this removes a rounding excursion of at most a few ulps.
    js = np.minimum(js, _LN2)
    if ln_b != 1.0:
        js = js / ln_b
    return v.scalar_or_array(js + 0.0)


def binary_entropy(p: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    r"""Entropy of a coin with heads probability ``p``: :math:`H([p, 1 - p])`, elementwise.

    Parameters
    ----------
    p : array_like
        Probabilities in ``[0, 1]``, any shape.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float or ndarray
        :math:`-p \log p - (1-p) \log(1-p)`: 0 at ``p`` = 0 or 1, maximal (1 bit) at 0.5.

    Examples
    --------
    >>> from infolib import binary_entropy
    >>> binary_entropy(0.5)
    1.0
    >>> binary_entropy([0, 1, 0.11]).round(4)
    array([0.    , 0.    , 0.4999])
    """
    ln_b = v.check_base(base)
    a = v.probabilities(p, "p")
    # log1p(-p) keeps log(1 - p) accurate for small p, where 1 - p would round.
    log_a = np.log(a, out=np.zeros_like(a), where=a > 0)
    log_c = np.log1p(-a, out=np.zeros_like(a), where=a < 1)
    h = -(a * log_a + (1.0 - a) * log_c)
    if ln_b != 1.0:
        h = h / ln_b
    return v.scalar_or_array(h + 0.0)


def perplexity(p: ArrayLike, *, axis: int = -1) -> float | np.ndarray:
    r"""Perplexity: the effective number of equally likely outcomes of a distribution.

    .. math::

       \mathrm{PP}(p) = 2^{H_{\text{bits}}(p)} = e^{H_{\text{nats}}(p)},

    the entropy exponentiated in the base of its own logarithm.

    Parameters
    ----------
    p : array_like
        A distribution (or a batch) along ``axis``.
    axis : int, optional
        The axis along which each distribution lies. Default: the last.

    Returns
    -------
    float or ndarray
        Between 1 (a certain outcome) and ``n`` (uniform over ``n`` outcomes). It does not
        depend on the logarithm base, as long as the exponent uses the same base as the
        entropy.

    Examples
    --------
    >>> from infolib import perplexity
    >>> perplexity([0.25] * 4)
    4.0
    >>> perplexity([1, 0, 0])
    1.0
    """
    return v.scalar_or_array(np.exp2(entropy(p, base=2, axis=axis)))


def normalize(counts: ArrayLike, *, axis: int = -1) -> np.ndarray:
    """Turn non-negative counts (or weights) into a probability distribution along ``axis``.

    Parameters
    ----------
    counts : array_like
        Finite, non-negative numbers, with a positive total along ``axis``.
    axis : int, optional
        The axis to normalise along. Default: the last.

    Returns
    -------
    ndarray
        ``counts / counts.sum(axis)``, in float64; a new array.

    Examples
    --------
    >>> from infolib import normalize
    >>> normalize([2, 1, 1])
    array([0.5 , 0.25, 0.25])
    >>> normalize([[1, 3], [5, 5]])
    array([[0.25, 0.75],
           [0.5 , 0.5 ]])
    """
    a = v.as_float_array(counts, "counts")
    ax = v.check_axis(a, axis, "counts")
    if a.size == 0:
        raise ValueError("counts must not be empty")
    if not np.isfinite(a).all():
        raise ValueError(v.describe_nonfinite(a, "counts"))
    if a.min() < 0:
        raise ValueError(v.describe_negative(a, "counts"))
    with np.errstate(over="ignore"):
        total = a.sum(axis=ax, keepdims=True)
    if (total <= 0).any():
        raise ValueError(
            f"counts must have a positive total along axis {axis}; found a slice of all zeros"
        )
    if not np.isfinite(total).all():
        # Finite counts whose total overflows: scale by the largest count first.
        a = a / a.max(axis=ax, keepdims=True)
        total = a.sum(axis=ax, keepdims=True)
    return a / total
