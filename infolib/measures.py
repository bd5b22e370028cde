"""Information content, entropy, cross-entropy and divergences of discrete distributions.

Conventions shared by every function here:

* ``p`` is the true (data) distribution and ``q`` the model's; both are laid out along
  ``axis`` (default: the last), so a 2-D array is a batch of distributions, one per row.
* ``base`` sets the unit: 2 gives bits (the default), ``np.e`` gives nats, 10 gives hartleys.
* ``0 log 0 = 0``: an outcome with probability 0 under ``p`` contributes nothing.
* Inputs are validated, never repaired: a ``p`` that does not sum to 1 is an error (see
  :func:`normalize` for counts), never silently rescaled, clipped or smoothed. "Sums to 1"
  means within 1e-9 for float64 input, and within the input's own precision for float32 or
  float16 (``4 sqrt(n) eps``: 1.2e-6 for 10 float32 outcomes), so a framework's float32
  softmax output is accepted; every computation is done in float64.
* A single distribution gives a Python ``float``; a batch gives an ``ndarray``.

The divergences are computed from terms that are never negative (see the Notes of
:func:`kl_divergence`), so they keep about 15 significant digits even when ``p`` and ``q``
are nearly equal, where the textbook formula loses them all. ``kl_divergence`` is that of
the inputs divided by their sums, so the rounding of a float normalisation (about 1e-16)
does not swamp a smaller divergence either.

The bounds stated below (``0 <= H <= log n``, ``H(p, q) >= H(p)``, ``1 <= perplexity <= n``)
are theorems about exact distributions. Computed values meet them up to rounding: a few ulps,
which can also be the true value for float inputs that sum to slightly more or less than 1
(``np.full(11, 1/11)`` sums to more than 1, and its perplexity is truly a little above 11).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

# x_minus_log1p is for the package's other modules; it is not re-exported by infolib.
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

_LN2 = math.log(2.0)
_EPS = 2.0**-52
# Below this |u| = |q/p - 1| (and |t| for Jensen-Shannon), the divergence terms are summed from a
# series instead of the closed form, whose two large terms would cancel.
_SERIES_CUTOFF = 0.25
# f(u) = u - log1p(u) = 2 s^2 [1/(1 - s) - s P(s^2)], s = u / (2 + u), P(t) = sum t^j / (2j + 3).
_F_COEFFS = tuple(1.0 / (2 * j + 3) for j in range(9))
# g(t) = (1+t) log1p(t) + (1-t) log1p(-t) = t^2 sum_{k>=1} t^(2k-2) / (k (2k - 1)).
_G_COEFFS = tuple(1.0 / (k * (2 * k - 1)) for k in range(1, 15))
# Elements per block in the array computations: a block's temporaries (three buffers of
# 128 KiB) stay in the CPU cache, so each extra pass over a block costs little, whereas whole
# 10-million-element temporaries would each be written to and read back from memory.
_BLOCK = 1 << 14


def _horner(x: np.ndarray, coeffs: tuple[float, ...]) -> np.ndarray:
    """Evaluate ``sum(c_j x^j)`` at every element of ``x``."""
    acc = np.full_like(x, coeffs[-1])
    for c in coeffs[-2::-1]:
        acc *= x
        acc += c
    return acc


def _finish_x_minus_log1p(x: np.ndarray, out: np.ndarray, scratch: np.ndarray) -> np.ndarray:
    """Turn ``out``, holding ``log(1 + x)``, into ``x - log1p(x)``; ``scratch`` is overwritten.

    Where ``|x|`` is below the series cutoff the two terms would cancel, so there the series
    in ``s = x / (2 + x)`` replaces the difference.
    """
    np.subtract(x, out, out=out)
    # Flat indices, not a boolean mask: one scan of the mask instead of two (gather and
    # scatter). All three arrays are C-contiguous, so flat indices agree.
    small = np.flatnonzero(np.less(np.abs(x, out=scratch), _SERIES_CUTOFF))
    if small.size:
        xs = x.take(small)
        s = xs / (2.0 + xs)
        s2 = s * s
        series = 1.0 / (1.0 - s) - s * _horner(s2, _F_COEFFS)
        out.put(small, 2.0 * s2 * series)
    return out


def _x_minus_log1p_scalar(x: float, one_plus_x: float) -> float:
    """``x - log(one_plus_x)`` for one float: the method of :func:`_finish_x_minus_log1p`."""
    if -_SERIES_CUTOFF < x < _SERIES_CUTOFF:
        s = x / (2.0 + x)
        t = s * s
        c0, c1, c2, c3, c4, c5, c6, c7, c8 = _F_COEFFS
        poly = c0 + t * (
            c1 + t * (c2 + t * (c3 + t * (c4 + t * (c5 + t * (c6 + t * (c7 + t * c8))))))
        )
        return 2.0 * t * (1.0 / (1.0 - s) - s * poly)
    return x - math.log(one_plus_x)


def x_minus_log1p(x: ArrayLike, one_plus_x: ArrayLike | None = None) -> float | np.ndarray:
    """``x - log(1 + x)``, which is ``>= 0`` for ``x >= -1``, accurate to a few ulps everywhere.

    The careful helper behind :func:`kl_divergence`, for other modules (``fitting`` uses it
    for the Gaussian KL): near ``x = 0`` the two terms cancel, and there a series is summed
    instead. If ``1 + x`` is known more accurately than ``x`` (for ``x = q/p - 1`` with
    ``q << p``, ``x`` rounds towards -1 while ``q/p`` keeps its digits), pass it as
    ``one_plus_x``; its logarithm is then used instead of ``log1p(x)``.

    Parameters
    ----------
    x : array_like
        Real numbers ``>= -1``.
    one_plus_x : array_like, optional
        ``1 + x`` computed directly, same shape as ``x``.

    Returns
    -------
    float or ndarray
        ``x - log1p(x)``; ``inf`` at ``x = -1``. A float for scalar input.

    Examples
    --------
    >>> from infolib.measures import x_minus_log1p
    >>> x_minus_log1p(1e-10)  # x^2/2 - x^3/3, where x - log1p(x) in floats keeps 6 digits
    4.999999999666667e-21
    >>> round(x_minus_log1p(1.0), 12)  # 1 - ln 2
    0.30685281944
    """
    xs = np.array(x, dtype=np.float64)
    out = np.empty_like(xs)
    scratch = np.empty_like(xs)
    # x = -1: log 0 = -inf, so the result is +inf; tiny x underflows in the series.
    with np.errstate(divide="ignore", under="ignore"):
        if one_plus_x is None:
            np.log1p(xs, out=out)
        else:
            np.log(np.asarray(one_plus_x, dtype=np.float64), out=out)
    return v.scalar_or_array(_finish_x_minus_log1p(xs, out, scratch))


def _log_in_base(a: np.ndarray, ln_base: float, has_zero: bool, out: np.ndarray) -> np.ndarray:
    """Logarithm of ``a`` in the base with logarithm ``ln_base``, into ``out``.

    Entries where ``a == 0`` give 0 (for the convention ``0 log 0 = 0``).
    """
    log = np.log2 if ln_base == _LN2 else np.log  # log2 is exact on powers of two
    if has_zero:
        out.fill(0.0)
        log(a, out=out, where=a > 0)
    else:
        log(a, out=out)  # without where=, which costs a masked loop
    if ln_base != _LN2 and ln_base != 1.0:
        out /= ln_base
    return out


def _rows(a: np.ndarray, ax: int) -> np.ndarray:
    """``a`` as a C-contiguous 2-D array with one distribution per row."""
    if ax != a.ndim - 1:
        a = np.moveaxis(a, ax, -1)
    return np.ascontiguousarray(a.reshape(-1, a.shape[-1]))


def _blockwise(kernel, n_sums: int, *arrays: np.ndarray, n_mins: int = 0) -> np.ndarray:
    """Per-row sums computed block by block: ``kernel(*blocks, *buffers)`` returns an array of
    shape ``(rows in block, n_sums)`` for blocks of whole short rows or slices of one long row.

    Three scratch buffers of one block each are made once and handed to every call. The
    partial sums of a long row are added with ``math.fsum``, exactly, so that the blocking
    adds no rounding of its own; the last ``n_mins`` columns are minima instead, combined
    with ``min``. Every floating-point exception is silenced: underflow (``p log p`` of a
    subnormal ``p``) is intended, even under ``np.errstate(all="raise")``, and the callers
    validate the inputs from the minima and sums computed here, raising before any result
    from invalid input (``log`` of a negative entry, say) could be returned.
    """
    with np.errstate(all="ignore"):
        return _blockwise_sums(kernel, n_sums, arrays, n_mins)


def _blockwise_sums(kernel, n_sums: int, arrays: tuple[np.ndarray, ...], n_mins: int) -> np.ndarray:
    n_rows, n = arrays[0].shape
    size = min(_BLOCK, n_rows * n) if n <= _BLOCK else _BLOCK
    buffers = [np.empty(size) for _ in range(3)]
    out = np.empty((n_rows, n_sums))
    if n <= _BLOCK:
        step = max(1, _BLOCK // n)
        for r in range(0, n_rows, step):
            block = [a[r : r + step] for a in arrays]
            shape = block[0].shape
            views: list[np.ndarray] = [b[: shape[0] * n].reshape(shape) for b in buffers]
            out[r : r + step] = kernel(*block, *views)
    else:
        for r in range(n_rows):
            parts = []
            for c in range(0, n, _BLOCK):
                block = [a[r : r + 1, c : c + _BLOCK] for a in arrays]
                width = block[0].shape[1]
                views = [b[:width].reshape(1, width) for b in buffers]
                parts.append(kernel(*block, *views)[0])
            columns = list(zip(*parts, strict=True))
            out[r] = [math.fsum(c) for c in columns[: n_sums - n_mins]] + [
                min(c) for c in columns[n_sums - n_mins :]
            ]
    return out


def _check_pair(
    p: ArrayLike, q: ArrayLike, axis: object
) -> tuple[np.ndarray, np.ndarray, int, bool, bool]:
    """Validate ``p`` and ``q`` and return them with the axis and their has-zero flags."""
    p_arr, ax, p_zero = v.distribution(p, "p", axis)
    q_arr, _, q_zero = v.distribution(q, "q", axis)
    v.same_shape(p_arr, q_arr)
    return p_arr, q_arr, ax, p_zero, q_zero


def _large_pair(
    p: ArrayLike, q: ArrayLike, axis: object
) -> tuple[np.ndarray, np.ndarray, int, float, float] | None:
    """For a pair too large for one block: ``p`` and ``q`` checked but for their values, which
    the caller checks from its own minima and sums (see ``_validate.distribution_unchecked``).
    ``None`` for a pair that fits in one block (then use :func:`_check_pair`)."""
    if isinstance(p, np.ndarray) and p.size <= _BLOCK:
        return None
    p_arr, ax, p_eps = v.distribution_unchecked(p, "p", axis)
    if p_arr.size <= _BLOCK:
        return None
    q_arr, _, q_eps = v.distribution_unchecked(q, "q", axis)
    v.same_shape(p_arr, q_arr)
    return p_arr, q_arr, ax, p_eps, q_eps


def _batch_result(row_values: np.ndarray, a: np.ndarray, ax: int) -> float | np.ndarray:
    """Row results back in the batch's shape (``a`` without ``axis``); a float for one row."""
    shape = a.shape[:ax] + a.shape[ax + 1 :]
    return v.scalar_or_array(row_values.reshape(shape) + 0.0)


def _kl_terms_small(p: list[float], q: list[float], w: float) -> tuple[list[float], list[float]]:
    """The terms of :func:`kl_divergence` for short lists, in Python floats (see its Notes).

    Returns the terms ``p f(u')``, ``u' = (q/p) / (1 + w) - 1``, over the outcomes ``p``
    can produce (``w = 0``: the inputs as given), and the ``q`` of those it cannot.
    Raises ``_Missed`` if ``q`` is 0 where ``p`` is not.
    """
    terms, extra = [], []
    log, cutoff, scale = math.log, _SERIES_CUTOFF, 1.0 + w
    for a, b in zip(p, q, strict=True):
        if a == 0.0:
            # Zero handling: 0 log 0 = 0, so the outcome adds only its q, to the second sum.
            extra.append(b)
            continue
        if b == 0.0:
            # Zero handling: q = 0 < p makes the divergence infinite; stop at once.
            raise _Missed
        # Step 1: u = q/p - 1 as (q - p)/p, exact near q = p (Sterbenz), and the ratio q/p,
        # whose logarithm stands for log1p(u) and keeps its digits when q << p.
        u = (b - a) / a
        ratio = b / a
        if w:
            # Guard 2 of step 4 (see _kl_normalised): the u and ratio of p/P and q/Q.
            u = (u - w) / scale
            ratio /= scale
        # Step 2: f(u) = u - log1p(u), from the series where |u| is small; step 3: p f(u).
        if -cutoff < u < cutoff:
            terms.append(a * _x_minus_log1p_scalar(u, ratio))
        elif u == math.inf:
            # Step 3 guard: a is subnormal and b/a overflowed, so u - log(ratio) would be
            # inf - inf; the term p f(u) is taken with the logarithms apart instead.
            terms.append((b - a) - a * (log(b) - log(a)))
        else:
            terms.append(a * (u - log(ratio)))
    return terms, extra


class _Missed(Exception):
    """``q`` gives probability 0 to an outcome ``p`` can produce: the divergence is infinite."""


def _kl_small(p: list[float], p_sum: float, q: list[float], q_sum: float) -> float:
    """:func:`kl_divergence` in nats of two short distributions given as Python floats, with
    their sums (correctly rounded, by ``math.fsum``)."""
    try:
        terms, extra = _kl_terms_small(p, q, 0.0)
    except _Missed:
        return math.inf
    # Step 3: F, the sum of both lists, correctly rounded by fsum. Step 4: p_sum and q_sum
    # are each within half an ulp of the exact sums; fsum of both lists gives P - Q exactly.
    return _kl_normalised(
        math.fsum(terms + extra),
        p_sum,
        p_sum - q_sum,
        _EPS * max(p_sum, q_sum),
        better_differences=(lambda: (math.fsum(p + [-b for b in q]), 0.0),),
        normalised_terms=lambda w: _kl_small_normalised(p, p_sum, q, w),
    )


def _kl_small_normalised(p: list[float], p_sum: float, q: list[float], w: float) -> float:
    terms, extra = _kl_terms_small(p, q, w)
    return math.fsum(terms) / p_sum + math.fsum(extra) / (p_sum * (1.0 + w))


def _kl_normalised(
    first: float,
    p_sum: float,
    difference: float,
    error: float,
    *,
    better_differences=(),
    normalised_terms,
) -> float:
    """Step 4 of :func:`kl_divergence` for one distribution: from the generalised divergence
    ``first`` of the inputs as given to the divergence of the inputs divided by their sums.

    ``difference`` is ``sum(p) - sum(q)`` within ``error``; each of ``better_differences``,
    called in turn while needed, returns it more accurately, as ``(difference, error)``
    (the last one exactly). ``normalised_terms(w)`` sums the terms of the normalised inputs.
    """
    if first == 0.0:
        # Every term is 0: q equals p entry by entry (or differs only where p is so small that
        # the divergence underflows to 0 anyway).
        return 0.0
    # The divergence of p/sum(p) and q/sum(q) is first/sum(p) - f(w), where
    # 1 + w = sum(q)/sum(p) and f(w) = w - log1p(w) ~ w^2/2.
    w = -difference / p_sum
    w_term = _x_minus_log1p_scalar(w, 1.0 + w) if w else 0.0
    d = first / p_sum - w_term
    # Guard 1: an error dw in w moves f(w) by about (|w| + dw) dw. Where that could reach the
    # last bit of d, take sum(p) - sum(q) exactly (rare: for a thousand outcomes, only for
    # divergences below about 1e-9).
    for better in better_differences:
        dw = error / p_sum
        if (abs(w) + dw) * dw <= 2.0**-54 * d:
            break
        difference, error = better()
        w = -difference / p_sum
        w_term = _x_minus_log1p_scalar(w, 1.0 + w)
        d = first / p_sum - w_term
    # Guard 2: where f(w) is more than half of first/sum(p), their difference would lose
    # digits (the divergence is then below f(w), about 1e-32 for float-normalised inputs).
    # There the terms of the normalised inputs are summed instead: each is >= 0, so nothing
    # cancels.
    if w_term > first / (2.0 * p_sum):
        d = normalised_terms(w)
    return d


def _kl_block(
    p: np.ndarray,
    q: np.ndarray,
    u: np.ndarray,
    f: np.ndarray,
    scratch: np.ndarray,
    *,
    p_zero: bool,
    q_zero: bool,
    w: np.ndarray | None = None,
) -> np.ndarray:
    """Per-row sums over one block for :func:`kl_divergence` (see its Notes).

    Returns columns ``[sum p f(u), sum of q where p = 0, sum p, sum q]``. With ``w`` (one
    value per row), ``u`` is replaced by ``u' = (u - w) / (1 + w)``, the ``u`` of the
    normalised inputs. ``u``, ``f`` and ``scratch`` are buffers shaped like ``p``, overwritten.
    """
    sums = np.empty((p.shape[0], 4))
    # For step 4: the sums P and Q of the rows, taken here while the block is in the cache.
    np.add.reduce(p, axis=1, out=sums[:, 2])
    np.add.reduce(q, axis=1, out=sums[:, 3])
    # Step 1: u = q/p - 1 in buffer u, as (q - p)/p: near q = p the subtraction is exact
    # (Sterbenz), so u keeps its digits. Buffer f gets the ratio q/p itself, whose logarithm
    # stands for log1p(u): once q << p, u rounds towards -1 but q/p keeps its digits.
    if p_zero or q_zero:
        # Zero handling, only when a zero is present (the masked ufuncs cost extra): where
        # p = 0 the outcome adds q to the second column instead; where q = 0 < p the row is
        # infinite (the caller marks it). Both get u = 0 and ratio 1, a zero term.
        pos = p > 0
        keep = pos & (q > 0) if q_zero else pos
        u.fill(0.0)
        f.fill(1.0)
        np.subtract(q, p, out=u, where=keep)
        np.divide(u, p, out=u, where=keep)
        np.divide(q, p, out=f, where=keep)
        np.sum(q, axis=1, where=~pos, out=sums[:, 1])
    else:
        np.subtract(q, p, out=u)
        # Buffer u reused in place: each entry of q - p is divided by its own p, so no entry
        # is read after it is overwritten. inf where p is subnormal and q/p overflows: see
        # the guard of step 3.
        u /= p
        np.divide(q, p, out=f)
        sums[:, 1] = 0.0
    if w is not None:
        # Guard 2 of step 4 (see _kl_normalised): the u and ratio of the normalised inputs
        # p/P, q/Q, with 1 + w = Q/P, updated in place (each element depends only on itself).
        one_plus_w = 1.0 + w[:, None]
        u -= w[:, None]
        u /= one_plus_w
        f /= one_plus_w
    # Step 2: f = u - log1p(u) >= 0, from the series where |u| is small. Buffer f is reused
    # in place: log(q/p) overwrites the ratio, which nothing reads again, and then
    # _finish_x_minus_log1p turns it into u - log(q/p), using buffer scratch for |u|.
    np.log(f, out=f)
    _finish_x_minus_log1p(u, f, scratch)
    # Step 3: the terms p f(u), each >= 0, in buffer f again (f(u) is not needed once
    # multiplied), and their sum per row.
    f *= p
    f.sum(axis=1, out=sums[:, 0])
    # Step 3 guard (rare, so checked on the row sums rather than per entry): q/p overflowed
    # for a subnormal p, and f is inf - inf there. The term p f(u) = (q - p) - p log(q/p) is
    # then computed with the logarithms apart; u is still intact and marks those entries.
    if not np.isfinite(sums[:, 0]).all():
        big = np.isinf(u)
        pb, qb = p[big], q[big]
        f[big] = (qb - pb) - pb * (np.log(qb) - np.log(pb))
        f.sum(axis=1, out=sums[:, 0])
    return sums


def _kl_rows(
    p: np.ndarray, q: np.ndarray, p_zero: bool | None, q_zero: bool | None, check=None
) -> tuple[np.ndarray, bool]:
    """:func:`kl_divergence` in nats of each row of the 2-D arrays ``p`` and ``q``, and
    whether ``q`` has a zero. ``p_zero``, ``q_zero``: whether ``p``, ``q`` have zeros; ``None``
    for unknown, when each block finds out from its own minima, and ``check(sums, minima)``
    validates ``p`` and ``q`` from the rows' sums and the minima before step 4."""
    n = p.shape[1]

    def block(pb, qb, u, f, scratch):
        # Zero handling: each block finds its own zeros from its minima, which the
        # validation of large inputs needs anyway.
        lows = np.minimum.reduce(pb, axis=1), np.minimum.reduce(qb, axis=1)
        pz = bool((lows[0] == 0.0).any()) if p_zero is None else p_zero
        qz = bool((lows[1] == 0.0).any()) if q_zero is None else q_zero
        sums = _kl_block(pb, qb, u, f, scratch, p_zero=pz, q_zero=qz)
        return np.concatenate([sums, np.stack(lows, axis=1)], axis=1)

    # Steps 1-3, and the sums P and Q of step 4, block by block: the block loop keeps the
    # three buffers in the CPU cache (see _BLOCK).
    if p.size <= _BLOCK:  # one block: no need for the blocking machinery
        # Only kl_divergence's large inputs (more than one block) leave the flags unknown.
        assert p_zero is not None and q_zero is not None
        sums = _kl_block(p, q, *(np.empty_like(p) for _ in range(3)), p_zero=p_zero, q_zero=q_zero)
    else:
        sums = _blockwise(block, 6, p, q, n_mins=2)
    if check is not None:
        # Large inputs: validated here, before step 4 uses the sums, so that no result from
        # invalid input is returned.
        lows = (float(sums[:, 4].min()), float(sums[:, 5].min()))
        check(sums[:, 2:4], lows)
        q_zero = lows[1] == 0.0
    # Step 4, row by row: from F to the divergence of p/P and q/Q. The plain sums (pairwise
    # within a block, exactly added across blocks) are off by at most min(n, block) eps
    # times the sum; more accurate differences are taken only if needed (guard 1).
    m = min(n, _BLOCK)
    d = np.empty(p.shape[0])
    for r, (f_sum, extra, p_sum, q_sum) in enumerate(sums[:, :4].tolist()):
        d[r] = _kl_normalised(
            f_sum + extra,
            p_sum,
            p_sum - q_sum,
            m * _EPS * (p_sum + q_sum),
            better_differences=(
                lambda r=r: _split_difference(p[r], q[r]),
                lambda r=r: (math.fsum(p[r].tolist() + (-q[r]).tolist()), 0.0),
            ),
            normalised_terms=lambda w, r=r: _kl_rows_normalised(p[r : r + 1], q[r : r + 1], w),
        )
    return d, bool(q_zero)


def _kl_rows_normalised(p: np.ndarray, q: np.ndarray, w: float) -> float:
    """Guard 2 of step 4 for one row: the sum of the normalised inputs' terms."""
    # The row's sum, exactly: it is a rare path, for divergences below about 1e-32.
    p_sum = math.fsum(p[0].tolist())
    sums = _kl_block(
        p, q, *(np.empty_like(p) for _ in range(3)), p_zero=True, q_zero=True, w=np.array([w])
    )
    return sums[0, 0] / p_sum + sums[0, 1] / (p_sum * (1.0 + w))


def _split_difference(p: np.ndarray, q: np.ndarray) -> tuple[float, float]:
    """``sum(p) - sum(q)`` of two 1-D distributions, and a bound on its error.

    Each entry is split into a high part, a multiple of 2**-50 (every partial sum of these
    is exact, since a distribution sums to less than 4), and a low part below 2**-51, whose
    sums carry an error below ``m**2 eps 2**-51`` for blocks of ``m`` entries.
    """

    def block(pb, qb, hi, lo, _):
        sums = np.empty((1, 4))
        for col, x in ((0, pb), (1, qb)):
            np.add(x, 4.0, out=hi)  # the spacing of floats in [4, 8) is 2**-50
            hi -= 4.0
            np.subtract(x, hi, out=lo)
            sums[0, col], sums[0, col + 2] = np.add.reduce(hi, None), np.add.reduce(lo, None)
        return sums

    hi_p, hi_q, lo_p, lo_q = _blockwise(block, 4, p[None], q[None])[0].tolist()
    m = min(p.size, _BLOCK)
    return (hi_p - hi_q) + (lo_p - lo_q), p.size * m * _EPS * 2.0**-50 + _EPS * abs(hi_p - hi_q)


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
    with np.errstate(divide="ignore"):  # p = 0: an infinite surprisal, by design
        logs = _log_in_base(a, ln_b, False, np.empty_like(a))
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
        The average surprisal, in ``0 <= H <= log_b(n)`` for ``n`` outcomes (up to a few
        ulps of rounding; see the module notes); a float for one distribution, an array with
        ``axis`` removed for a batch.

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
    small = v.small_distribution(p, axis)
    if small is not None:
        values = small[0]
        if ln_b == _LN2:  # log2 is exact on powers of two, as in _log_in_base
            return -math.fsum([x * math.log2(x) for x in values if x > 0.0]) + 0.0
        return -math.fsum([x * math.log(x) for x in values if x > 0.0]) / ln_b + 0.0
    p, ax, eps = v.distribution_unchecked(p, "p", axis)
    if p.size > _BLOCK:
        # Large: validated from the minimum and sums taken block by block in the same pass,
        # while each block is in the CPU cache, instead of two more passes over memory.
        rows = _rows(p, ax)

        def block(pb: np.ndarray, logs: np.ndarray, *_: np.ndarray) -> np.ndarray:
            lowest = np.minimum.reduce(pb, axis=1)
            h = _entropy_of(pb, 1, ln_b, bool((lowest == 0.0).any()), logs)
            return np.stack([h, np.add.reduce(pb, axis=1), lowest], axis=1)

        result = _blockwise(block, 3, rows, n_mins=1)
        v.check_distribution_summary(p, eps, ax, axis, "p", result[:, 2].min(), result[:, 1])
        return _batch_result(result[:, 0], p, ax)
    # One block: no blocking machinery, and no np.errstate unless needed.
    has_zero = v.check_distribution_values(p, eps, ax, axis, "p")
    try:
        h = _entropy_of(p, ax, ln_b, has_zero)
    except FloatingPointError:  # the caller's np.errstate(under="raise"); see _blockwise
        with np.errstate(under="ignore"):
            h = _entropy_of(p, ax, ln_b, has_zero)
    return v.scalar_or_array(h + 0.0)


def _entropy_of(
    p: np.ndarray, ax: int, ln_b: float, has_zero: bool, out: np.ndarray | None = None
) -> np.ndarray:
    """``-sum(p log p)`` along ``ax``, with ``0 log 0 = 0``; ``out`` is a buffer like ``p``."""
    logs = _log_in_base(p, ln_b, has_zero, np.empty_like(p) if out is None else out)
    return -_dot_along(p, logs, ax)


def _dot_along(a: np.ndarray, b: np.ndarray, ax: int) -> np.ndarray:
    """``sum(a * b)`` along ``ax``; ``b`` is overwritten. Terms where ``a == 0`` are 0 (``b``
    must be finite there)."""
    if a.ndim == 1 and a.size <= 4096:
        # One call instead of a product and a sum. Only for short vectors: on longer ones
        # the BLAS call was measured several times slower than the two ufuncs here.
        return np.dot(a, b)
    b *= a
    return np.add.reduce(b, axis=ax)


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
        When ``q`` is within rounding of ``p``, the computed ``H(p, q)`` can fall below
        ``H(p)`` by a few ulps (each sum is rounded, and float inputs sum to 1 only within an
        ulp): use :func:`kl_divergence` for their difference, which is never negative.

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
    small_p = v.small_distribution(p, axis)
    small_q = v.small_distribution(q, axis) if small_p is not None else None
    if small_p is not None and small_q is not None and len(small_p[0]) == len(small_q[0]):
        p_values, q_values = small_p[0], small_q[0]
        log = math.log2 if ln_b == _LN2 else math.log
        if 0.0 in q_values:
            if any(b == 0.0 < a for a, b in zip(p_values, q_values, strict=True)):
                return math.inf if ln_b > 0 else -math.inf
            pairs = [(a, b) for a, b in zip(p_values, q_values, strict=True) if a > 0.0]
            p_values, q_values = [a for a, _ in pairs], [b for _, b in pairs]
        h_small = -math.fsum([a * log(b) for a, b in zip(p_values, q_values, strict=True)])
        return (h_small if ln_b == _LN2 else h_small / ln_b) + 0.0
    large = _large_pair(p, q, axis)
    if large is not None:
        # Validated from minima and sums taken in the same pass, block by block (see entropy).
        p, q, ax, p_eps, q_eps = large
        p_rows, q_rows = _rows(p, ax), _rows(q, ax)

        def block(pb: np.ndarray, qb: np.ndarray, logs: np.ndarray, *_: np.ndarray) -> np.ndarray:
            p_low, q_low = np.minimum.reduce(pb, axis=1), np.minimum.reduce(qb, axis=1)
            q_zero = bool((q_low == 0.0).any())
            h = _cross_entropy_of(pb, qb, 1, ln_b, q_zero, logs)
            missed = ((qb == 0.0) & (pb > 0.0)).any(axis=1) if q_zero else np.zeros(len(pb))
            sums = [np.add.reduce(pb, axis=1), np.add.reduce(qb, axis=1)]
            return np.stack([h, *sums, missed, p_low, q_low], axis=1)

        res = _blockwise(block, 6, p_rows, q_rows, n_mins=2)
        v.check_distribution_summary(p, p_eps, ax, axis, "p", res[:, 4].min(), res[:, 1])
        v.check_distribution_summary(q, q_eps, ax, axis, "q", res[:, 5].min(), res[:, 2])
        h = res[:, 0]
        h[res[:, 3] > 0] = np.inf if ln_b > 0 else -np.inf  # see below
        return _batch_result(h, p, ax)
    p, q, ax, _, q_zero = _check_pair(p, q, axis)
    try:  # one block: no blocking machinery, and no np.errstate unless needed
        h = _cross_entropy_of(p, q, ax, ln_b, q_zero)
    except FloatingPointError:  # the caller's np.errstate(under="raise"); see _blockwise
        with np.errstate(under="ignore"):
            h = _cross_entropy_of(p, q, ax, ln_b, q_zero)
    if q_zero:
        missed = ((q == 0) & (p > 0)).any(axis=ax)
        # +inf bits; a base below 1 flips every sign, so -inf there.
        h = np.where(missed, np.inf if ln_b > 0 else -np.inf, h)
    return v.scalar_or_array(h + 0.0)


def _cross_entropy_of(
    p: np.ndarray,
    q: np.ndarray,
    ax: int,
    ln_b: float,
    q_zero: bool,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """``-sum(p log q)`` along ``ax``, without the infinite terms (0 where ``q == 0``)."""
    logs = _log_in_base(q, ln_b, q_zero, np.empty_like(q) if out is None else out)
    return -_dot_along(p, logs, ax)


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
    :math:`u = q/p - 1` and :math:`f(u) = u - \log(1 + u) \ge 0`,

    .. math::

       D_{KL}(p \| q) = \sum_{p > 0} p \, f(u) \; + \sum_{p = 0} q
       \; + \; \Big(\sum p - \sum q\Big),

    in four steps:

    1. ``u`` is computed as ``(q - p)/p`` (exact subtraction near ``q = p``) and
       :math:`\log(1 + u)` as ``log(q/p)``, which keeps its digits when ``q << p``;
    2. ``f(u)`` is summed from a series where ``|u| < 1/4``, where the two terms would cancel;
    3. the first two sums, of non-negative terms, give the generalised divergence
       :math:`F \ge 0` of the inputs as given (where a subnormal ``p`` makes ``q/p``
       overflow, that term is taken as ``(q - p) - p (log q - log p)``; where ``q = 0 < p``
       the result is ``inf``);
    4. the last sum is zero for exact distributions, but float inputs sum to 1 only up to
       their rounding (about ``1e-16``; up to ``1e-9`` is accepted). The result is the
       divergence of the inputs divided by their sums, :math:`p/P` and :math:`q/Q`, which is
       :math:`F/P - f(w)` with :math:`1 + w = Q/P`. Since :math:`f(w) \approx w^2/2`, the
       plain sums serve unless the divergence is tiny; where their rounding could reach its
       last digit, :math:`P - Q` is taken more accurately (from the entries split into high
       and low parts, and finally exactly with ``math.fsum``).

    So the result does not depend on the rounding of the inputs' normalisation: nearly equal
    distributions whose divergence is ``1e-21`` give ``1e-21``, not the ``1e-16`` by which
    their float sums differ. For inputs that sum to exactly 1 it is
    :math:`\sum p \log(p/q)` of the inputs themselves. It keeps about 15 significant digits
    down to the smallest divergences: where :math:`f(w)` exceeds half of :math:`F/P`
    (divergences below about ``1e-32`` for float-normalised inputs), step 4 instead sums the
    non-negative terms of the normalised inputs, so that nothing cancels.

    Short 1-D inputs (up to 32 outcomes) take the same steps in Python floats, with
    correctly rounded sums (``math.fsum``); arrays are processed in blocks that stay in the
    CPU cache, and large ones are validated from their minima and the sums of step 4, taken
    in the same pass as steps 1-3.

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
    small_p = v.small_distribution(p, axis)
    small_q = v.small_distribution(q, axis) if small_p is not None else None
    if small_p is not None and small_q is not None and len(small_p[0]) == len(small_q[0]):
        # Small-input path: the same steps in Python floats, since NumPy's per-call cost
        # dominates at this size.
        d_small = _kl_small(*small_p, *small_q)
        return (d_small if ln_b == 1.0 else d_small / ln_b) + 0.0
    check: Callable[[np.ndarray, tuple[float, float]], None] | None
    p_zero: bool | None
    q_zero: bool | None
    large = _large_pair(p, q, axis)
    if large is not None:
        # Large input: validated from the minima and the sums of step 4, taken block by
        # block in the same pass as steps 1-3 (see entropy).
        p, q, ax, p_eps, q_eps = large
        p_large, q_large = p, q

        def check_summary(sums: np.ndarray, lows: tuple[float, float]) -> None:
            v.check_distribution_summary(p_large, p_eps, ax, axis, "p", lows[0], sums[:, 0])
            v.check_distribution_summary(q_large, q_eps, ax, axis, "q", lows[1], sums[:, 1])

        check = check_summary
        p_zero = q_zero = None  # found block by block
    else:
        p, q, ax, p_zero, q_zero = _check_pair(p, q, axis)
        check = None
    # From here p and q are validated arrays; p_rows and q_rows hold one distribution per row.
    p_rows, q_rows = _rows(p, ax), _rows(q, ax)
    # Steps 1-4. The guard of step 3 overflows (q/p) and subtracts inf - inf by design, and
    # tiny terms underflow: none of these may warn or raise under the caller's np.errstate.
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        d, q_zero = _kl_rows(p_rows, q_rows, p_zero, q_zero, check)
    if q_zero:
        # Zero handling: q = 0 < p somewhere in a row makes its divergence infinite.
        d[((q_rows == 0) & (p_rows > 0)).any(axis=1)] = np.inf
    if ln_b != 1.0:
        # Nats to the caller's base; a tiny divergence may underflow, which is intended.
        with np.errstate(under="ignore"):
            d /= ln_b  # after the inf, so that a base below 1 turns it into -inf
    return _batch_result(d, p, ax)


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
    p, q, ax, _, _ = _check_pair(p, q, axis)
    a, b = _rows(p, ax), _rows(q, ax)
    with np.errstate(under="ignore"):  # tiny p and q underflow by design
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
        with np.errstate(under="ignore"):
            js = js / ln_b
    return _batch_result(js, p, ax)


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
    with np.errstate(under="ignore"):  # p log p of a subnormal p underflows
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
        entropy. The bound ``n`` holds up to a few ulps: ``np.full(11, 1/11)`` sums to
        slightly more than 1 (1/11 rounds up), and its perplexity is truly
        11.0000000000000004; the computed value is 11.000000000000004.

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
    with np.errstate(under="ignore"):  # tiny counts underflow to 0 by design
        if not np.isfinite(total).all():
            # Finite counts whose total overflows: scale by the largest count first.
            a = a / a.max(axis=ax, keepdims=True)
            total = a.sum(axis=ax, keepdims=True)
        return a / total
