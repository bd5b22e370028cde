"""Readouts of the MisconceptionExplorer (chapter 10): six popular claims checked on a pair.

A truth ``p`` and a model ``q``, each from a weight per outcome, give six measures in bits,
and :func:`check_claims` decides, for that pair, whether each claim from popular material
holds. The view computes all of it in the page and mirrors :func:`check_claims` exactly.

The numbers are the keys of :func:`misconception_readout`; the verdicts are not numbers, so
they are kept apart: :func:`check_claims` returns a ``bool`` per claim key, and the view marks
each verdict with ``data-claim="KEY"`` and ``data-holds="true"`` or ``"false"`` (the browser
test compares those with :func:`check_claims`, and the chip's text, ✔ holds or ✘ fails, with
the attribute).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import _validate as v
from ..measures import cross_entropy, entropy, kl_divergence, normalize
from .checks import on_grid

__all__ = ["check_claims", "misconception_readout", "pair_measures"]

#: The weight sliders' range and step.
WEIGHT_RANGE = (0.0, 10.0, 0.5)

#: The claims checked, as ``(key, claim as popular material states it)``, in display order.
CLAIMS = (
    ("perfect_model_scores_zero", "A perfect model (q = p) has cross-entropy 0."),
    ("kl_symmetric", "KL divergence is symmetric: D(p‖q) = D(q‖p)."),
    ("names_interchangeable", "Which distribution is called p does not matter: H(p, q) = H(q, p)."),
    (
        "triangle_inequality",
        "KL divergence is a distance: going through the halfway mixture m cannot be shorter, "
        "D(p‖q) ≤ D(p‖m) + D(m‖q).",
    ),
    ("finite_cost", "A wrong model costs a finite number of extra bits."),
    (
        "decomposition",
        "Cross-entropy = entropy + KL divergence, and only the KL part depends on q.",
    ),
)

#: Relative and absolute tolerance of "equal" in the claims (as :func:`numpy.isclose`).
RTOL, ATOL = 1e-9, 1e-12


def pair_measures(
    p: Sequence[float] | np.ndarray, q: Sequence[float] | np.ndarray
) -> dict[str, float]:
    """``H(p)``, ``H(q)``, both cross-entropies, both KL divergences and the detour through m.

    All in bits; ``kl_through_mixture`` is ``D(p‖m) + D(m‖q)`` with ``m = (p + q) / 2``.

    Examples
    --------
    >>> pair_measures([0.5, 0.5], [0.5, 0.5])["kl_pq"]
    0.0
    """
    pa, qa = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = (pa + qa) / 2
    return {
        "entropy_p": float(entropy(pa)),
        "entropy_q": float(entropy(qa)),
        "cross_entropy_pq": float(cross_entropy(pa, qa)),
        "cross_entropy_qp": float(cross_entropy(qa, pa)),
        "kl_pq": float(kl_divergence(pa, qa)),
        "kl_qp": float(kl_divergence(qa, pa)),
        "kl_through_mixture": float(kl_divergence(pa, m)) + float(kl_divergence(m, qa)),
    }


def check_claims(p: Sequence[float], q: Sequence[float]) -> dict[str, bool]:
    """For a truth ``p`` and a model ``q``, whether each claim of ``CLAIMS`` holds.

    "Equal" means :func:`numpy.isclose` with ``rtol=1e-9, atol=1e-12`` (two infinities of the
    same sign are equal), so rounding in the last bits never flips a verdict.

    Parameters
    ----------
    p, q : sequence of float
        Two distributions over the same outcomes.

    Returns
    -------
    dict of str to bool
        One entry per claim key, in the order of ``CLAIMS``.

    Examples
    --------
    >>> claims = check_claims([0.5, 0.5], [0.25, 0.75])
    >>> claims["kl_symmetric"], claims["triangle_inequality"], claims["decomposition"]
    (False, False, True)
    >>> check_claims([0.5, 0.5], [0.0, 1.0])["finite_cost"]
    False
    """
    v = pair_measures(p, q)
    h_p, ce_pq, ce_qp = v["entropy_p"], v["cross_entropy_pq"], v["cross_entropy_qp"]
    kl_pq, kl_qp, via_m = v["kl_pq"], v["kl_qp"], v["kl_through_mixture"]

    def same(a: float, b: float) -> bool:
        return bool(np.isclose(a, b, rtol=RTOL, atol=ATOL))

    return {
        "perfect_model_scores_zero": h_p == 0.0,
        "kl_symmetric": same(kl_pq, kl_qp),
        "names_interchangeable": same(ce_pq, ce_qp),
        # A distance is never infinite, so an infinite D(p‖q) fails the claim (inf <= inf
        # would pass). By convexity the detour through m is never longer than the direct
        # way, so with p != q and finite divergences the check always fails.
        "triangle_inequality": bool(np.isfinite(kl_pq) and kl_pq <= via_m * (1 + RTOL) + ATOL),
        "finite_cost": bool(np.isfinite(kl_pq)),
        "decomposition": same(ce_pq, h_p + kl_pq),
    }


def misconception_readout(
    p_weights: Sequence[float], q_weights: Sequence[float]
) -> dict[str, float]:
    """Every number the MisconceptionExplorer shows for one setting of its weights.

    Parameters
    ----------
    p_weights, q_weights : sequence of float
        One weight per outcome for the truth ``p`` and for the model ``q``, multiples of 0.5
        in ``[0, 10]``.

    Returns
    -------
    dict
        ``p.i`` and ``q.i`` per outcome ``i``, and in bits ``entropy_p``, ``entropy_q``,
        ``cross_entropy_pq``, ``cross_entropy_qp``, ``kl_pq``, ``kl_qp`` and
        ``kl_through_mixture`` (see :func:`pair_measures`); ``inf`` where a divergence is
        infinite. Empty when every weight of ``p`` or of ``q`` is 0: there is no pair.

    Examples
    --------
    >>> r = misconception_readout([1, 1], [1, 3])
    >>> r["q.1"], r["entropy_p"], r["cross_entropy_qp"]
    (0.75, 1.0, 1.0)
    >>> misconception_readout([0, 0], [1, 3])
    {}
    """
    pw = on_grid("p_weights", p_weights, *WEIGHT_RANGE)
    qw = on_grid("q_weights", q_weights, *WEIGHT_RANGE)
    v.same_length(pw, qw, "p_weights", "q_weights")
    if not any(pw) or not any(qw):
        return {}
    p, q = normalize(pw), normalize(qw)
    out: dict[str, float] = {f"p.{i}": float(x) for i, x in enumerate(p)}
    out.update({f"q.{i}": float(x) for i, x in enumerate(q)})
    out.update(pair_measures(p, q))
    return out
