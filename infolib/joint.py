"""Joint entropy, conditional entropy and mutual information of two discrete variables.

Conventions shared by every function here:

* The joint distribution is a 2-D table ``pxy`` with **one row per value of** ``X`` **and one
  column per value of** ``Y``: ``pxy[i, j] = p(X = x_i, Y = y_j)``. Its row sums are the
  marginal ``p(x)``, its column sums the marginal ``p(y)``. For the other variable's point of
  view pass the transpose: ``conditional_entropy(pxy.T)`` is ``H(X | Y)``.
* The table must be non-negative, finite and sum to 1 over all its cells (within 1e-9 for
  float64 input, within its own precision for float32 or float16); it is validated, never
  repaired. Divide a table of counts by its total first.
* ``base`` sets the unit: 2 gives bits (the default), ``np.e`` nats.
* ``0 log 0 = 0``: a cell of probability 0 contributes nothing, and so does a row of zeros
  (a value of ``X`` that never happens).
* Every computation is done in float64, with correctly rounded sums (``math.fsum``) of
  terms that are never negative, and without floating-point warnings.

The bounds and identities below (chain rule, ``0 <= I(X; Y) <= min(H(X), H(Y))``) are
theorems about exact distributions; computed values meet them up to a few ulps.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v
from .measures import kl_divergence

__all__ = ["conditional_entropy", "joint_entropy", "marginals", "mutual_information"]

_LN2 = math.log(2.0)


def _minus_sum_p_log(p: np.ndarray, ratio: np.ndarray, ln_b: float) -> float:
    """``-sum(p log ratio)`` over the cells where ``p > 0``, in the base of ``ln_b``.

    Each ``ratio`` is at most 1 where ``p > 0`` (callers pass ``p`` itself or ``p / p(x)``), so
    every term is non-negative and the correctly rounded sum has no cancellation.
    """
    keep = p > 0
    if ln_b == _LN2:  # log2 is exact on powers of two: 1/4 gives exactly 2 bits
        terms = -p[keep] * np.log2(ratio[keep])
        return math.fsum(terms.tolist()) + 0.0
    terms = -p[keep] * np.log(ratio[keep])
    return math.fsum(terms.tolist()) / ln_b + 0.0


def marginals(pxy: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The marginal distributions ``p(x)`` (row sums) and ``p(y)`` (column sums) of a joint table.

    Parameters
    ----------
    pxy : array_like
        A joint distribution: a 2-D table, one row per value of ``X``, one column per value
        of ``Y``, non-negative and summing to 1 over all cells.

    Returns
    -------
    px, py : ndarray
        :math:`p(x) = \\sum_y p(x, y)` and :math:`p(y) = \\sum_x p(x, y)`, in float64.

    Examples
    --------
    >>> from infolib import marginals
    >>> px, py = marginals([[0.5, 0.25], [0.0, 0.25]])
    >>> px, py
    (array([0.75, 0.25]), array([0.5, 0.5]))
    """
    a, _ = v.joint_table(pxy, "pxy")
    return a.sum(axis=1), a.sum(axis=0)


def joint_entropy(pxy: ArrayLike, *, base: float = 2) -> float:
    r"""Joint entropy :math:`H(X, Y) = -\sum_{x, y} p(x, y) \log_b p(x, y)`.

    The entropy of the pair ``(X, Y)`` taken as one variable: the average surprisal of
    learning both values. Not to be confused with the cross-entropy :math:`H(p, q)`
    (:func:`infolib.cross_entropy`), which has the same shape of symbol but takes two
    distributions over the same outcomes, not two variables.

    Parameters
    ----------
    pxy : array_like
        A joint distribution: a 2-D table, rows ``x``, columns ``y``, summing to 1.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float
        :math:`H(X, Y)`: at least :math:`\max(H(X), H(Y))` and at most
        :math:`H(X) + H(Y)`.

    Notes
    -----
    It is the entropy of the table's cells read as one distribution, with
    :math:`0 \log 0 = 0`; every term is non-negative.

    References
    ----------
    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley
       (2006), section 2.2.

    Examples
    --------
    >>> from infolib import joint_entropy
    >>> joint_entropy([[0.25, 0.25], [0.25, 0.25]])  # two fair coins: 2 bits
    2.0
    >>> joint_entropy([[0.5, 0.0], [0.0, 0.5]])  # one coin, seen twice: 1 bit
    1.0
    """
    ln_b = v.check_base(base)
    a, _ = v.joint_table(pxy, "pxy")
    return _minus_sum_p_log(a, a, ln_b)


def conditional_entropy(pxy: ArrayLike, *, base: float = 2) -> float:
    r"""Conditional entropy of the column variable given the row variable, :math:`H(Y \mid X)`.

    .. math::

       H(Y \mid X) = \sum_x p(x)\, H(Y \mid X = x)
                   = -\sum_{x, y} p(x, y) \log_b \frac{p(x, y)}{p(x)},

    the entropy that is left in ``Y``, on average, once ``X`` is known. For :math:`H(X \mid Y)`
    pass the transpose, ``pxy.T``.

    Parameters
    ----------
    pxy : array_like
        A joint distribution: a 2-D table, rows ``x`` (the variable that is known), columns
        ``y``, summing to 1.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float
        :math:`H(Y \mid X)`, with :math:`0 \le H(Y \mid X) \le H(Y)`; 0 when ``Y`` is a
        function of ``X``, :math:`H(Y)` when the two are independent.

    Notes
    -----
    Computed from the second form, cell by cell: :math:`p(y \mid x) = p(x, y)/p(x)` is at
    most 1 (a float sum of non-negative numbers is never below any of them), so every term
    is non-negative and nothing cancels, unlike :math:`H(X, Y) - H(X)`, which loses the
    digits of a small conditional entropy. Cells of probability 0 contribute nothing, and a
    row of zeros (a value of ``X`` that never occurs) has no conditional distribution and
    no weight. The chain rule :math:`H(X, Y) = H(X) + H(Y \mid X)` holds up to rounding.

    References
    ----------
    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley
       (2006), section 2.2 (definition and chain rule) and theorem 2.6.5 (conditioning
       reduces entropy).

    Examples
    --------
    >>> from infolib import conditional_entropy
    >>> pxy = [[0.25, 0.25], [0.5, 0.0]]  # X = 0: Y is a fair coin; X = 1: Y is certain
    >>> conditional_entropy(pxy)  # 0.5 * 1 bit + 0.5 * 0 bits
    0.5
    >>> round(conditional_entropy([[0.25, 0.25], [0.5, 0.0]], base=np.e), 6)
    0.346574
    """
    ln_b = v.check_base(base)
    a, _ = v.joint_table(pxy, "pxy")
    px = a.sum(axis=1, keepdims=True)
    # p(y | x) where p(x, y) > 0 (then p(x) > 0 too); 1 elsewhere, where it is never used.
    ratio = np.divide(a, px, out=np.ones_like(a), where=a > 0)
    return _minus_sum_p_log(a, ratio, ln_b)


def mutual_information(pxy: ArrayLike, *, base: float = 2) -> float:
    r"""Mutual information :math:`I(X; Y) = D_{KL}\big(p(x, y) \parallel p(x)\,p(y)\big)`.

    How far the joint distribution is from the product of its marginals, which is what it
    would be if ``X`` and ``Y`` were independent; equivalently the entropy of either variable
    that knowing the other removes on average,

    .. math::

       I(X; Y) = H(Y) - H(Y \mid X) = H(X) - H(X \mid Y) = \sum_{x, y} p(x, y)
       \log_b \frac{p(x, y)}{p(x)\,p(y)}.

    Parameters
    ----------
    pxy : array_like
        A joint distribution: a 2-D table, rows ``x``, columns ``y``, summing to 1.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float
        :math:`I(X; Y)`, symmetric in ``X`` and ``Y`` (the transpose gives the same value),
        with :math:`0 \le I(X; Y) \le \min(H(X), H(Y))`, and 0 exactly when ``X`` and ``Y``
        are independent.

    Notes
    -----
    Computed as the divergence of the table from the outer product of its marginals, by
    :func:`infolib.kl_divergence`, whose terms are never negative: the difference
    :math:`H(X) + H(Y) - H(X, Y)` of three entropies would lose every digit of a small
    dependence. The table and the marginals are divided by the table's total first (1 up to
    rounding), so that the product of the marginals sums to 1 as closely as the table does.
    Where that product underflows to 0 (marginals below about ``1e-154``) the terms
    :math:`p(x, y) \log(p(y \mid x) / p(y))` are summed instead, which form no product.

    References
    ----------
    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley
       (2006), sections 2.3 and 2.4.
    .. [2] D. J. C. MacKay, *Information Theory, Inference, and Learning Algorithms*,
       Cambridge University Press (2003), chapter 8.

    Examples
    --------
    >>> from infolib import mutual_information
    >>> mutual_information([[0.5, 0.0], [0.0, 0.5]])  # Y is a copy of X: 1 bit shared
    1.0
    >>> mutual_information([[0.125, 0.375], [0.125, 0.375]])  # an outer product: independent
    0.0
    """
    ln_b = v.check_base(base)
    a, _ = v.joint_table(pxy, "pxy")
    total = math.fsum(a.ravel().tolist())
    p = a / total
    px, py = p.sum(axis=1), p.sum(axis=0)
    product = np.outer(px, py)
    keep = p > 0
    if (product[keep] > 0).all():
        d = float(kl_divergence(p.ravel(), product.ravel(), base=math.e))
    else:
        # p(x) p(y) underflowed to 0 where p(x, y) > 0 (both marginals below about 1e-154),
        # which would make the divergence infinite. Sum p log(p(y | x) / p(y)) instead: the
        # ratio p(y | x) is at least p(x, y), so no factor underflows.
        rows = np.broadcast_to(px[:, None], p.shape)[keep]
        cols = np.broadcast_to(py[None, :], p.shape)[keep]
        terms = p[keep] * (np.log(p[keep] / rows) - np.log(cols))
        d = math.fsum(terms.tolist())
    return (d if ln_b == 1.0 else d / ln_b) + 0.0
