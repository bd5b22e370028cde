"""Fitting one Gaussian to a distribution on a grid, by minimising either direction of KL.

The continuous problem (a density on the real line) is made discrete the simple way: the
density is evaluated at evenly spaced points ``x`` and the values are divided by their sum,
which turns them into a probability distribution over the grid. Every divergence is then
computed by :func:`infolib.kl_divergence` on those distributions. For smooth densities that
are negligible at both ends of the grid, such sums converge extremely fast as the grid gets
finer, so the grid values agree with the integrals (:func:`gaussian_kl` is the check).

Underflow is part of the method, not an accident to hide. ``exp(-z**2 / 2)`` is exactly 0 in
float64 once ``|z|`` exceeds about 38.6, so a narrow Gaussian discretised on a wide grid has
exact zeros far from its mean. Then :math:`D_{KL}(p \\| q)` is ``inf`` for a candidate ``q``
with a zero where ``p`` has mass (such a candidate is never chosen), and
:math:`D_{KL}(q \\| p)` is ``inf`` for every candidate that puts mass where ``p`` is exactly 0.
Nothing is smoothed, clipped or floored.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v
from .logits import logsumexp_unchecked, softmax_unchecked
from .measures import kl_divergence, x_minus_log1p

__all__ = [
    "GaussianFit",
    "discretized_gaussian",
    "fit_gaussian",
    "gaussian_kl",
    "gaussian_mixture",
]

_DIRECTIONS = ("forward", "reverse")
# Candidates per axis (means, standard deviations) on each refining pass, which searches one
# step of the previous pass either side of the best so far: each pass narrows it threefold.
_FINE = (7, 7)
#: How many of the coarse grid's local minima are refined (the best fit of them is returned).
_BASINS = 3


@dataclass(frozen=True)
class GaussianFit:
    """The Gaussian found by :func:`fit_gaussian`, and the divergence it reaches.

    Attributes
    ----------
    mean, std : float
        Parameters of the fitted Gaussian ``q``.
    divergence : float
        :math:`D_{KL}(p \\| q)` for ``direction="forward"``, :math:`D_{KL}(q \\| p)` for
        ``"reverse"``, in the unit of the ``base`` the fit was asked for.
    direction : str
        ``"forward"`` or ``"reverse"``.
    """

    mean: float
    std: float
    divergence: float
    direction: str


def _log_weights(g: np.ndarray, mu: np.ndarray, sigma: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Gaussian log-weights on the grid ``g``, relative to the grid point nearest the mean.

    Returns ``l`` of shape ``mu.shape + g.shape`` with :math:`l_i = -(z_i^2 - z_m^2)/2`,
    :math:`z = (x - \mu)/\sigma`, where ``m`` is the grid point nearest the mean (its index
    is returned too), so ``l <= 0`` and ``l_m = 0``. Written as
    :math:`l_i = -4 A_i B_i` with :math:`A_i = (x_i - x_m)/(2\sigma)` and
    :math:`B_i = (x_i + x_m - 2\mu)/(4\sigma)`, whose parts never overflow (all are halved
    or quartered first), this stays finite or exactly ``-inf`` (weight 0) for any finite
    input: ``z**2`` itself overflows once a mean lies more than about 1e154 standard
    deviations from the whole grid, and the naive form then gives ``-inf - (-inf) = NaN``.
    """
    mu_c, sigma_c = mu[..., None], sigma[..., None]
    half_x, quarter_x = 0.5 * g, 0.25 * g
    # 1. The nearest grid point: the neighbours lo < mu <= hi are compared through the sign
    #    of B for the pair (lo, hi), computed exactly as in step 2, so that every B below
    #    has the sign of its A and no l is positive.
    hi = np.clip(np.searchsorted(g, mu), 1, g.size - 1)
    mid = quarter_x[hi - 1] + quarter_x[hi] - 0.5 * mu
    m = np.where(mid > 0, hi - 1, hi)
    m = np.where(mu <= g[0], 0, np.where(mu >= g[-1], g.size - 1, m))
    m_c = m[..., None]
    # 2. A and B, then l = -4 A B. A = 0 (the point m itself) and B = 0 (a point as far from
    #    the mean as m) give l = 0 exactly, even where the other factor overflowed.
    a = (half_x - half_x[m_c]) / sigma_c
    b = (quarter_x + quarter_x[m_c] - 0.5 * mu_c) / sigma_c
    log_w = (-4.0 * a) * b
    log_w[(a == 0) | (b == 0)] = 0.0
    return log_w, m


def discretized_gaussian(x: ArrayLike, mean: ArrayLike, std: ArrayLike) -> np.ndarray:
    r"""A Gaussian density on an evenly spaced grid, normalised to a probability distribution.

    .. math::

       q_i = \frac{\exp\!\big(-(x_i - \mu)^2 / (2\sigma^2)\big)}
                  {\sum_j \exp\!\big(-(x_j - \mu)^2 / (2\sigma^2)\big)}

    Parameters
    ----------
    x : array_like
        Evenly spaced, increasing grid points (e.g. ``np.linspace(-10, 10, 401)``).
    mean, std : array_like
        Mean and (positive) standard deviation; arrays broadcast against each other, which
        gives a batch of distributions.

    Returns
    -------
    ndarray
        Shape ``broadcast(mean, std).shape + (len(x),)``; each distribution sums to 1.

    Notes
    -----
    The exponent is shifted so that the largest value is exactly 1 before normalising, so
    the result never overflows and never sums to 0. Points more than about 38.6 standard
    deviations from the grid point nearest the mean underflow to exactly 0: such a ``q``
    gives those outcomes probability 0, and a divergence :math:`D_{KL}(p \| q)` with
    ``p > 0`` there is infinite. The grid should cover the bulk of the Gaussian, or the
    result is a truncated Gaussian.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.fitting import discretized_gaussian
    >>> x = np.linspace(-1, 1, 3)
    >>> discretized_gaussian(x, 0.0, 1.0).round(4)
    array([0.2741, 0.4519, 0.2741])
    >>> discretized_gaussian(x, [0.0, 1.0], 1.0).shape
    (2, 3)
    """
    g = v.even_grid(x, "x")
    mu = v.finite_values(mean, "mean")
    sigma = v.positive_values(std, "std")
    mu, sigma = np.broadcast_arrays(mu, sigma)
    # Far from the mean the weights underflow to exactly 0, and for a mean very far from
    # the grid the log-weights overflow to -inf: both intended, neither may warn.
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        log_w, _ = _log_weights(g, mu, sigma)
        # The package's one softmax; log_w is exactly 0 at the nearest grid point (its
        # largest), -inf where a weight is exactly 0.
        return softmax_unchecked(log_w, log_w.ndim - 1, zero_max=True)


def gaussian_mixture(
    x: ArrayLike, means: ArrayLike, stds: ArrayLike, weights: ArrayLike
) -> np.ndarray:
    r"""A mixture of Gaussian densities on an evenly spaced grid, normalised to a distribution.

    .. math::

       p_i \propto \sum_k w_k \, \frac{1}{\sigma_k} \exp\!\big(-(x_i - \mu_k)^2 / (2\sigma_k^2)\big)

    Parameters
    ----------
    x : array_like
        Evenly spaced, increasing grid points.
    means, stds : array_like
        One mean and one positive standard deviation per component (1-D, same length).
    weights : array_like
        The mixture weights, a probability distribution over the components.

    Returns
    -------
    ndarray
        A distribution over the grid, shape ``(len(x),)``.

    Notes
    -----
    Computed in log space (log-sum-exp over the components), so a point underflows to 0
    only when it is about 38.6 standard deviations from every component, measured from the
    most probable grid point.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.fitting import gaussian_mixture
    >>> x = np.linspace(-4, 4, 9)
    >>> p = gaussian_mixture(x, [-2, 2], [1, 1], [0.5, 0.5])
    >>> round(float(p.sum()), 15), bool(p[2] == p[6])
    (1.0, True)
    """
    g = v.even_grid(x, "x")
    mu = v.finite_values(means, "means")
    v.check_ndim(mu, "means", 1, "one mean per component")
    sigma = v.positive_values(stds, "stds")
    v.same_shape(mu, sigma, "means", "stds")
    w, _, _ = v.distribution(weights, "weights")
    v.same_shape(mu, w, "means", "weights")
    keep = w > 0
    mu, sigma, w = mu[keep], sigma[keep], w[keep]
    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        # 1. Each component's log-weights relative to its own nearest grid point m_k ...
        log_w, m = _log_weights(g, mu, sigma)
        # 2. ... plus that point's own log-weight, -z_m^2 / 2 + ln(w_k / sigma_k), shifted so
        #    the best component's is 0. If every z_m^2 overflows, the components are compared
        #    by ln|z_m| (the smallest wins outright: its z^2 is smaller by more than 1e290).
        z_m = (0.5 * g[m] - 0.5 * mu) / (0.5 * sigma)
        offset = -0.5 * z_m * z_m + (np.log(w) - np.log(sigma))
        if np.isneginf(offset).all():
            ln_z = np.log(np.abs(0.5 * g[m] - 0.5 * mu)) - np.log(0.5 * sigma)
            offset = np.where(ln_z == ln_z.min(), 0.0, -np.inf)
        log_terms = (offset - offset.max())[:, None] + log_w
        # 3. Log-sum-exp over the components (a point where every component's weight is
        #    exactly 0 stays -inf), then the softmax over the grid: the package's own two.
        log_p = logsumexp_unchecked(log_terms, 0)
        return softmax_unchecked(log_p, 0)


def gaussian_kl(
    mean1: ArrayLike,
    std1: ArrayLike,
    mean2: ArrayLike,
    std2: ArrayLike,
    *,
    base: float = 2,
) -> float | np.ndarray:
    r"""Closed-form KL divergence between two Gaussian densities on the real line.

    .. math::

       D_{KL}\big(\mathcal N(\mu_1, \sigma_1^2) \,\|\, \mathcal N(\mu_2, \sigma_2^2)\big)
       = \ln\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}
         - \frac12 \quad \text{nats.}

    Parameters
    ----------
    mean1, std1 : array_like
        The first Gaussian, the one the expectation is taken under (the truth ``p``).
    mean2, std2 : array_like
        The second Gaussian (the model ``q``). All four broadcast against each other.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float or ndarray
        The divergence; 0 exactly when both means and both standard deviations agree.

    Notes
    -----
    The formula follows from :math:`D = E_p[\ln p(X) - \ln q(X)]` with
    :math:`E_p[(X - \mu_1)^2] = \sigma_1^2` and
    :math:`E_p[(X - \mu_2)^2] = \sigma_1^2 + (\mu_1 - \mu_2)^2`. It is evaluated as
    :math:`\tfrac12 (t - \ln(1 + t)) + (\mu_1 - \mu_2)^2 / (2\sigma_2^2)` with
    :math:`t = r^2 - 1`, :math:`r = \sigma_1/\sigma_2`: two non-negative terms, so nothing
    cancels in their sum. The first comes from the series of
    :func:`infolib.kl_divergence` when :math:`|t| < 1/4` (nearly equal widths), and
    otherwise from :math:`\ln(1 + t) = 2 \ln r` with :math:`\ln r` taken of the ratio
    itself, never of a rounded :math:`1 + t`. Checked against 60-digit references over
    width ratios from :math:`10^{-12}` to :math:`10^{12}` and assorted mean differences:
    within :math:`3 \cdot 10^{-15}` relative (the worst just outside the series' range),
    about :math:`10^{-16}` typically. A divergence beyond the largest float is ``inf``; an
    extreme ratio such as :math:`\sigma_1/\sigma_2 = 10^{-600}` still gives its finite value.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.fitting import gaussian_kl
    >>> gaussian_kl(0, 1, 0, 1)
    0.0
    >>> round(gaussian_kl(0, 1, 1, 1, base=np.e), 6)  # (mu1 - mu2)^2 / 2 nats
    0.5
    >>> round(gaussian_kl(0, 1, 0, 2), 4), round(gaussian_kl(0, 2, 0, 1), 4)  # not symmetric
    (0.459, 1.164)
    """
    ln_b = v.check_base(base)
    m1 = v.finite_values(mean1, "mean1")
    s1 = v.positive_values(std1, "std1")
    m2 = v.finite_values(mean2, "mean2")
    s2 = v.positive_values(std2, "std2")
    m1, s1, m2, s2 = np.broadcast_arrays(m1, s1, m2, s2)
    shape = m1.shape
    # 1-D copies: the shared helper below works on flat arrays and overwrites one argument.
    m1, s1, m2, s2 = (a.reshape(-1).copy() for a in (m1, s1, m2, s2))
    # Ratios far from 1 over- or underflow on purpose here (the result is then 0, inf or an
    # exact logarithm); none of that may warn, or raise under np.errstate(all="raise").
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        d = _gaussian_kl_nats(m1, s1, m2, s2)
        if ln_b != 1.0:
            d /= ln_b  # a base just above 1 may overflow a finite divergence to inf
    return v.scalar_or_array(d.reshape(shape) + 0.0)


def _gaussian_kl_nats(m1: np.ndarray, s1: np.ndarray, m2: np.ndarray, s2: np.ndarray) -> np.ndarray:
    """The steps of :func:`gaussian_kl` in nats, on validated 1-D float arrays."""
    # 1. ln r with r = s1/s2: from the ratio itself (one rounding, so ln r keeps its digits
    #    for any r), or, where the ratio over- or underflows, from two logarithms whose
    #    difference is then above 700 in size and so loses nothing to cancellation.
    r = s1 / s2
    ln_r = np.log(r)
    outside = (r < np.finfo(np.float64).tiny) | (r == np.inf)
    ln_r[outside] = np.log(s1[outside]) - np.log(s2[outside])
    # 2. t = r**2 - 1 = d (2 + d) with d = r - 1 = (s1 - s2)/s2, whose numerator is exact
    #    when the widths are within a factor of 2 (Sterbenz). Halved first: (t / 2) is finite
    #    as long as the divergence is.
    d = (s1 - s2) / s2
    half_t = (0.5 * d) * (2.0 + d)
    # 3. (t - ln(1 + t)) / 2. Where r**2 is a normal number, the shared helper of
    #    kl_divergence: a series near t = 0, else t - ln(r**2). Beyond, ln(1 + t) = 2 ln r is
    #    tiny beside t (r > e**300) or t is -1 beside a huge -2 ln r (r < e**-300).
    half_f = half_t - ln_r
    moderate = np.flatnonzero(np.abs(ln_r) < 300.0)
    if moderate.size:
        t = 2.0 * half_t[moderate]
        r_m = r[moderate]
        # ratio = r**2, from t itself where that is exact to half an ulp (the error of t
        # then largely cancels in t - ln(1 + t)), from r elsewhere (1 + t cancels as r -> 0).
        ratio = np.where(np.abs(t) < 0.5, 1.0 + t, r_m * r_m)
        half_f[moderate] = 0.5 * x_minus_log1p(t, ratio)
    # 4. The means: (mu1 - mu2)^2 / (2 s2^2). A difference of two huge means that overflows
    #    is halved first; halving is exact there, since both means are then above 1e307.
    diff = m1 - m2
    delta = diff / s2
    wide = ~np.isfinite(diff)
    delta[wide] = (0.5 * m1[wide] - 0.5 * m2[wide]) / (0.5 * s2[wide])
    # Two non-negative terms: nothing cancels, so the sum keeps the digits of both.
    return half_f + (0.5 * delta) * delta


def fit_gaussian(
    p: ArrayLike,
    x: ArrayLike,
    *,
    direction: str = "forward",
    base: float = 2,
    mean_range: tuple[float, float] | None = None,
    std_range: tuple[float, float] | None = None,
    coarse: tuple[int, int] = (25, 13),
    refinements: int = 6,
) -> GaussianFit:
    r"""The Gaussian ``q`` on the grid ``x`` that minimises one direction of KL from ``p``.

    ``direction="forward"`` minimises :math:`D_{KL}(p \| q)` (the cost of coding data from
    ``p`` with ``q``'s code: ``q`` must cover everything ``p`` can produce);
    ``direction="reverse"`` minimises :math:`D_{KL}(q \| p)` (``q`` is penalised for putting
    mass where ``p`` has little, so it settles inside one bump of ``p``).

    Parameters
    ----------
    p : array_like
        The target distribution over the grid points, summing to 1.
    x : array_like
        Evenly spaced, increasing grid points, one per entry of ``p``.
    direction : {"forward", "reverse"}
        Which divergence to minimise.
    base : float, optional
        Unit of the reported divergence: 2 for bits (default), ``np.e`` for nats. The search
        itself runs in nats, so the fit is the same in every unit; a base below 1 reports a
        negative divergence, as :func:`infolib.kl_divergence` does.
    mean_range : (float, float), optional
        Candidate means; default: the whole grid.
    std_range : (float, float), optional
        Candidate standard deviations; default: twice the grid step to a quarter of the
        grid's width.
    coarse : (int, int), optional
        Candidate means and standard deviations on the first, coarse pass (at least 2
        each). Its spacing must be fine enough to put a candidate in the best basin.
    refinements : int, optional
        Refining passes after the coarse one; each narrows the search threefold.

    Returns
    -------
    GaussianFit
        The best mean and standard deviation found, and the divergence they reach.

    Raises
    ------
    ValueError
        For invalid input, or when every candidate's divergence is infinite (in the
        reverse direction: ``p`` has exact zeros wherever a candidate puts mass).

    Notes
    -----
    The search is a grid search, vectorised: a coarse grid of candidate means (linear) and
    standard deviations (geometric) is evaluated in one batched call of
    :func:`infolib.kl_divergence`; then a finer grid one coarse step either side of the best
    candidate, and so on, from each of the three best local minima of the coarse grid; the
    best refined fit is returned. Refining several basins matters for the reverse direction,
    whose divergence over two bumps has a basin on each bump and one spanning both, and the
    coarse grid can rank them wrongly (bumps 5 apart with weights 0.6 and 0.4: the spanning
    fit wins once refined, by about 1%). When two bumps are equally good, which one is
    returned depends on rounding.

    Over all Gaussians, the forward optimum matches the mean and variance of ``p`` (moment
    matching: Bishop 2006, section 10.7); on a fine grid the search lands there too. The
    reverse direction has no such closed form.

    References
    ----------
    .. [1] C. M. Bishop, *Pattern Recognition and Machine Learning*, Springer (2006),
       sections 10.1.2 and 10.7.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.fitting import fit_gaussian, gaussian_mixture
    >>> x = np.linspace(-16, 16, 321)
    >>> p = gaussian_mixture(x, [-3, 3], [1, 1], [0.6, 0.4])
    >>> forward = fit_gaussian(p, x, direction="forward", mean_range=(-6, 6))
    >>> round(forward.mean, 2), round(forward.std ** 2, 2)  # mean -0.6, variance 1 + 0.24 * 36
    (-0.6, 9.64)
    >>> reverse = fit_gaussian(p, x, direction="reverse", mean_range=(-6, 6))
    >>> round(reverse.mean, 1), round(reverse.std, 1)  # sits on the heavier bump
    (-3.0, 1.0)
    """
    v.check_choice(direction, "direction", _DIRECTIONS)
    refinements = v.check_int(refinements, "refinements", minimum=0)
    first, second = v.pair(coarse, "coarse", "integers (means, standard deviations)")
    n_means = v.check_int(first, "coarse[0]", minimum=2)
    n_stds = v.check_int(second, "coarse[1]", minimum=2)
    ln_b = v.check_base(base)
    g = v.even_grid(x, "x")
    target, _, _ = v.distribution(p, "p")
    v.same_shape(target, g, "p", "x")
    step = float(g[1] - g[0])
    quarter_width = float(0.25 * g[-1] - 0.25 * g[0])  # halved first: the width may overflow
    m_lo, m_hi = v.check_range(mean_range, "mean_range", (float(g[0]), float(g[-1])))
    s_lo, s_hi = v.check_range(std_range, "std_range", (2 * step, quarter_width), positive=True)

    # Tiny tail probabilities, their ratios and a geometric range reaching subnormal
    # widths underflow on purpose (to values of about 0); that may not raise.
    def divergences(means: np.ndarray, stds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every candidate's divergence in nats, as a (len(means), len(stds)) grid."""
        grid_m, grid_s = np.meshgrid(means, stds, indexing="ij")
        q = discretized_gaussian(g, grid_m.ravel(), grid_s.ravel())
        target_batch = np.broadcast_to(target, q.shape)
        if direction == "forward":
            d = np.asarray(kl_divergence(target_batch, q, base=np.e))
        else:
            d = np.asarray(kl_divergence(q, target_batch, base=np.e))
        return d.reshape(grid_m.shape), grid_m

    def refine(mean: float, std: float, nats: float, m_step: float, s_ratio: float) -> tuple:
        """``refinements`` passes, each a finer grid one step either side of the best so far."""
        best = (mean, std, nats)
        for _ in range(refinements):
            means = np.linspace(max(m_lo, best[0] - m_step), min(m_hi, best[0] + m_step), _FINE[0])
            stds = np.geomspace(
                max(s_lo, best[1] / s_ratio), min(s_hi, best[1] * s_ratio), _FINE[1]
            )
            d, _ = divergences(means, stds)
            i, j = np.unravel_index(int(np.argmin(d)), d.shape)
            if d[i, j] <= best[2]:
                best = (float(means[i]), float(stds[j]), float(d[i, j]))
            m_step, s_ratio = means[1] - means[0], stds[1] / stds[0]
        return best

    with np.errstate(under="ignore"):
        means = np.linspace(m_lo, m_hi, n_means)
        stds = np.geomspace(s_lo, s_hi, n_stds)
        # The search minimises nats, whatever the unit asked for: a base below 1 turns every
        # divergence negative (as in kl_divergence), and an argmin over those would pick the worst.
        d, _ = divergences(means, stds)
        if not np.isfinite(d).any():
            raise ValueError(
                f"every candidate Gaussian has an infinite {direction} divergence: "
                + (
                    "each gives probability 0 to a grid point where p > 0; widen std_range"
                    if direction == "forward"
                    else "p is exactly 0 on grid points where each candidate has mass"
                )
            )
        # Refine from every local minimum of the coarse grid among its _BASINS best, not only
        # from the best coarse point: two basins can be close on the coarse grid and swap order
        # once refined (a reverse fit over two bumps 5 apart: one bump, or both).
        padded = np.pad(d, 1, constant_values=np.inf)
        neighbours = np.stack(
            [
                padded[1 + di : padded.shape[0] - 1 + di, 1 + dj : padded.shape[1] - 1 + dj]
                for di in (-1, 0, 1)
                for dj in (-1, 0, 1)
                if di or dj
            ]
        )
        is_minimum = np.isfinite(d) & (d <= neighbours.min(axis=0))
        starts = sorted(zip(d[is_minimum], *np.nonzero(is_minimum), strict=True))[:_BASINS]
        m_step, s_ratio = means[1] - means[0], stds[1] / stds[0]
        fits = [
            refine(float(means[i]), float(stds[j]), float(nats), m_step, s_ratio)
            for nats, i, j in starts
        ]
    mean, std, nats = min(fits, key=lambda fit: fit[2])
    # Same conversion as kl_divergence(..., base=base): nats divided by ln(base).
    return GaussianFit(mean, std, nats if ln_b == 1.0 else nats / ln_b, direction)
