r"""Readouts of the EstimationExplorer (chapter 9): the spread of entropy estimates.

For each true distribution and each sample size ``n`` the slider offers, ``REPEATS``
seeded samples of ``n`` outcomes are drawn and each is turned into a plug-in estimate
:math:`H(\hat p)` and a Miller-Madow estimate (:mod:`infolib.estimation`). Their mean and
standard deviation are tabulated by :func:`estimation_table` when the notebook runs (a table of
2 x 9 x 5 numbers in the widget state: the page cannot repeat NumPy's random draws). The page
computes only the closed forms: the true entropy, the biases and the first-order bias
:math:`-(m - 1) / (2 n \ln 2)` bits.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from ..estimation import miller_madow_entropy, plugin_entropy
from ..measures import entropy, normalize
from .frequency import check_seed

__all__ = [
    "check_distribution_name",
    "check_estimation_size",
    "estimation_probabilities",
    "estimation_readout",
    "estimation_table",
]

#: The sample sizes the slider offers.
SIZES = (4, 8, 16, 32, 64, 128, 256, 512, 1024)
#: How many seeded samples are drawn for each size and distribution.
REPEATS = 2000
#: Relative weights of the 8 outcomes of each true distribution.
DISTRIBUTIONS = {"uniform": (1,) * 8, "skewed": (64, 32, 16, 8, 4, 2, 1, 1)}
#: The columns of each row of the table, in order.
COLUMNS = ("plugin.mean", "plugin.sd", "miller_madow.mean", "miller_madow.sd", "seen.mean")


def check_distribution_name(name: object) -> str:
    """Check the name of a true distribution (``"uniform"`` or ``"skewed"``)."""
    if not isinstance(name, str) or name not in DISTRIBUTIONS:
        raise ValueError(f"distribution must be 'uniform' or 'skewed', got {name!r}")
    return name


def check_estimation_size(n: object) -> int:
    """Check a sample size: one of ``SIZES``."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or int(n) not in SIZES:
        raise ValueError(f"n must be one of {SIZES}, got {n!r}")
    return int(n)


def estimation_probabilities(name: str) -> list[float]:
    """The true probabilities of a distribution (:func:`infolib.normalize` of its weights).

    Examples
    --------
    >>> estimation_probabilities("skewed")[0]
    0.5
    """
    return [float(x) for x in normalize(DISTRIBUTIONS[check_distribution_name(name)])]


@cache
def estimation_table(seed: int = 1) -> dict[str, list[list[float]]]:
    """Mean and spread of the plug-in and Miller-Madow estimates, for every size and distribution.

    Parameters
    ----------
    seed : int
        Seed of :func:`numpy.random.default_rng`; each distribution's samples come from a fresh
        generator with this seed, size after size.

    Returns
    -------
    dict
        ``table[name][k]``: for ``n = SIZES[k]``, the values of ``COLUMNS`` (means and
        standard deviations, ``ddof=0``, over ``REPEATS`` samples, in bits; the mean number
        of distinct outcomes seen).

    Examples
    --------
    >>> table = estimation_table(1)
    >>> len(table["uniform"]), len(table["uniform"][0])
    (9, 5)
    """
    seed = check_seed(seed)
    out = {}
    for name in DISTRIBUTIONS:
        rng = np.random.default_rng(seed)
        p = estimation_probabilities(name)
        rows = []
        for n in SIZES:
            counts = rng.multinomial(n, p, size=REPEATS)
            plug = np.asarray(plugin_entropy(counts))
            mm = np.asarray(miller_madow_entropy(counts))
            seen = (counts > 0).sum(axis=1)
            rows.append(
                [
                    float(plug.mean()),
                    float(plug.std()),
                    float(mm.mean()),
                    float(mm.std()),
                    float(seen.mean()),
                ]
            )
        out[name] = rows
    return out


def estimation_readout(n: int, distribution: str, seed: int = 1) -> dict[str, float]:
    """Every number the EstimationExplorer shows for samples of size ``n``.

    Parameters
    ----------
    n : int
        The sample size, one of ``SIZES``.
    distribution : {"uniform", "skewed"}
        The true distribution of 8 outcomes.
    seed : int
        Seed of the samples (see :func:`estimation_table`).

    Returns
    -------
    dict
        ``n``; ``entropy`` (the true :math:`H(p)` in bits); the columns of
        :func:`estimation_table`; ``plugin.bias`` and ``miller_madow.bias`` (mean minus
        ``entropy``); ``first_order_bias``, :math:`-(m - 1) / (2 n \\ln 2)` bits with ``m``
        the number of outcomes of positive probability.

    Examples
    --------
    >>> r = estimation_readout(1024, "uniform")
    >>> r["entropy"], bool(abs(r["miller_madow.bias"]) < abs(r["plugin.bias"]))
    (3.0, True)
    """
    n, distribution = check_estimation_size(n), check_distribution_name(distribution)
    p = estimation_probabilities(distribution)
    row = estimation_table(check_seed(seed))[distribution][SIZES.index(n)]
    h = float(entropy(p))
    out: dict[str, float] = {"n": n, "entropy": h}
    out.update(zip(COLUMNS, row, strict=True))
    out["plugin.bias"] = out["plugin.mean"] - h
    out["miller_madow.bias"] = out["miller_madow.mean"] - h
    m = sum(1 for x in p if x > 0)
    out["first_order_bias"] = -(m - 1) / (2 * n * math.log(2))
    return out
