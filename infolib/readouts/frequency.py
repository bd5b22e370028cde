"""Readouts of the FrequencyExplorer (chapter 1): frequencies of a seeded die's rolls.

The rolls are drawn once per die from ``np.random.default_rng(seed)``; the first ``n`` of them
are counted, so a larger ``n`` extends the same sequence, as if the reader kept rolling.
:func:`frequency_counts` tabulates the counts for every ``n`` the slider offers (a table of
2 x 10 x 6 integers that the widget state carries); the page divides them by ``n`` itself.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import _validate as v
from ..measures import normalize

__all__ = [
    "check_die",
    "check_seed",
    "check_size",
    "die_probabilities",
    "frequency_counts",
    "frequency_readout",
]

#: The numbers of rolls the slider offers.
SIZES = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000)
#: Relative weights of faces 1 to 6 of each die: fair, or loaded so a six comes up 3 times in 8.
DICE = {"fair": (1, 1, 1, 1, 1, 1), "loaded": (1, 1, 1, 1, 1, 3)}
#: The faces' names, in order.
FACES = ("1", "2", "3", "4", "5", "6")


def check_die(die: object) -> str:
    """Check the name of a die (``"fair"`` or ``"loaded"``)."""
    return str(v.check_choice(die, "die", tuple(DICE)))


def check_size(n: object) -> int:
    """Check a number of rolls: one of ``SIZES``."""
    return int(v.check_choice(v.check_int(n, "n"), "n", SIZES))


def check_seed(seed: object) -> int:
    """Check a seed: a non-negative integer."""
    return v.check_int(seed, "seed", minimum=0)


def die_probabilities(die: str) -> list[float]:
    """The probabilities of faces 1 to 6 of a die (:func:`infolib.normalize` of its weights).

    Examples
    --------
    >>> die_probabilities("loaded")[5]
    0.375
    """
    return [float(x) for x in normalize(DICE[check_die(die)])]


@cache
def frequency_counts(seed: int = 1) -> dict[str, list[list[int]]]:
    """How often each face came up in the first ``n`` rolls, for every ``n`` and die.

    Parameters
    ----------
    seed : int
        Seed of :func:`numpy.random.default_rng`; each die's 10,000 rolls come from a fresh
        generator with this seed.

    Returns
    -------
    dict
        ``counts[die][k][x]``: the count of face ``x + 1`` in the first ``SIZES[k]`` rolls.

    Examples
    --------
    >>> counts = frequency_counts(1)
    >>> [sum(c) for c in counts["fair"]] == list(SIZES)
    True
    """
    seed = check_seed(seed)
    out = {}
    for die in DICE:
        rolls = np.random.default_rng(seed).choice(6, size=SIZES[-1], p=die_probabilities(die))
        out[die] = [np.bincount(rolls[:n], minlength=6).tolist() for n in SIZES]
    return out


def frequency_readout(n: int, die: str, seed: int = 1) -> dict[str, float]:
    """Every number the FrequencyExplorer shows for ``n`` rolls of a die.

    Parameters
    ----------
    n : int
        The number of rolls, one of ``SIZES``.
    die : {"fair", "loaded"}
        Which die.
    seed : int
        Seed of the rolls (see :func:`frequency_counts`).

    Returns
    -------
    dict
        ``n``; for each face ``x`` (0 to 5) ``p.x`` (its probability), ``count.x`` and
        ``frequency.x`` (``count / n``); ``largest_gap``, the largest
        ``|frequency - probability|``.

    Examples
    --------
    >>> r = frequency_readout(10, "fair", seed=1)
    >>> r["n"], sum(r[f"count.{x}"] for x in range(6)), r["p.0"] == 1 / 6
    (10, 10, True)
    """
    n, die = check_size(n), check_die(die)
    p = die_probabilities(die)
    counts = frequency_counts(check_seed(seed))[die][SIZES.index(n)]
    out: dict[str, float] = {"n": n}
    for x in range(6):
        out[f"p.{x}"] = p[x]
        out[f"count.{x}"] = counts[x]
        out[f"frequency.{x}"] = counts[x] / n
    out["largest_gap"] = max(abs(counts[x] / n - p[x]) for x in range(6))
    return out
