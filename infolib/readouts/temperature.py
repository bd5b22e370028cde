"""Readouts of the TemperatureExplorer (chapter 8): soft targets and distillation at temperature T.

A teacher's logits ``v`` and a student's logits ``z`` over the same classes, both divided by
the temperature ``T`` before the softmax: the teacher's soft targets ``p_T``, the student's
``q_T``, the entropy of the soft targets, the soft-target loss's distance from its floor, and
the size of its gradient with respect to a student logit, with and without the factor ``T**2``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..logits import softmax_at_temperature
from ..measures import entropy, kl_divergence
from .checks import on_grid, on_slider

__all__ = ["temperature_readout"]

#: The temperature slider's range and step.
TEMPERATURE_RANGE = (0.25, 10.0, 0.25)
#: The range and grid of the teacher's and student's logits (set in code, not by sliders).
LOGIT_RANGE = (-10.0, 10.0, 0.5)


def temperature_readout(
    teacher: Sequence[float], student: Sequence[float], temperature: float
) -> dict[str, float]:
    r"""Every number the TemperatureExplorer shows for one temperature.

    Parameters
    ----------
    teacher, student : sequence of float
        The teacher's logits ``v`` and the student's ``z``, one per class, multiples of 0.5
        in ``[-10, 10]``.
    temperature : float
        ``T``, a multiple of 0.25 in ``[0.25, 10]``.

    Returns
    -------
    dict
        ``p.i`` (the soft targets :math:`\mathrm{softmax}(v / T)`), ``q.i`` (the student's
        :math:`\mathrm{softmax}(z / T)`), ``entropy`` (:math:`H(p_T)` in bits), ``ceiling``
        (:math:`\log_2 K` bits), ``kl`` (:math:`D_{KL}(p_T \parallel q_T)` in nats: the
        soft-target loss :math:`H(p_T, q_T)` minus its floor :math:`H(p_T)`), ``grad`` (the
        largest :math:`|\partial H(p_T, q_T) / \partial z_i| = |q_i - p_i| / T`, nats per unit
        of logit) and ``scaled`` (``T**2`` times ``grad``).

    Examples
    --------
    >>> r = temperature_readout([2.0, 0.0], [0.0, 0.0], 2.0)
    >>> round(r["p.0"], 4), r["q.0"], r["ceiling"]
    (0.7311, 0.5, 1.0)
    >>> round(r["grad"], 4), round(r["scaled"], 4)
    (0.1155, 0.4621)
    """
    v = on_grid("teacher", teacher, *LOGIT_RANGE)
    z = on_grid("student", student, *LOGIT_RANGE)
    if len(v) != len(z):
        raise ValueError(
            f"teacher and student must have one logit per class each, got {len(v)} and {len(z)}"
        )
    t = on_slider("temperature", temperature, *TEMPERATURE_RANGE)
    p = softmax_at_temperature(v, t)
    q = softmax_at_temperature(z, t)
    grad = float(np.max(np.abs(q - p))) / t
    out = {f"p.{i}": float(x) for i, x in enumerate(p)}
    out.update({f"q.{i}": float(x) for i, x in enumerate(q)})
    out["entropy"] = float(entropy(p))
    out["ceiling"] = float(np.log2(len(v)))
    out["kl"] = float(kl_divergence(p, q, base=np.e))
    out["grad"] = grad
    out["scaled"] = t * t * grad
    return out
