"""FrequencyExplorer (chapter 1): roll a seeded die ``n`` times, compare frequencies with ``p``."""

from __future__ import annotations

import traitlets

from ..readouts.frequency import (
    DICE,
    FACES,
    SIZES,
    check_die,
    check_size,
    die_probabilities,
    frequency_counts,
    frequency_readout,
)
from .assets import bundle
from .base import SeededTable

__all__ = ["FrequencyExplorer"]


class FrequencyExplorer(SeededTable):
    """Roll a seeded die ``n`` times and compare the frequency of each face with its probability.

    The rolls come from ``np.random.default_rng(seed)``, drawn once per die: a larger ``n``
    extends the same sequence of rolls, as if the reader kept rolling. Their counts for every
    ``n`` are tabulated when the explorer is made
    (:func:`~infolib.readouts.frequency.frequency_counts`, a synced table of 120 integers); the
    view divides them by ``n`` and finds the largest gap in the page. :attr:`readout` gives
    infolib's numbers.

    Parameters
    ----------
    n : int
        Initial number of rolls, one of :attr:`SIZES` (10 to 10,000).
    die : {"fair", "loaded"}
        Initial die: fair, or loaded so that a six comes up 3 times in 8.
    seed : int
        Seed of the random generator.

    Attributes
    ----------
    size_index : int
        Index of ``n`` in :attr:`SIZES` (a synced trait: the slider moves over these indices).
    n : int
        The number of rolls, ``SIZES[size_index]`` (set it to move the slider).
    die : str
        Which die is rolled (a synced trait).
    counts : dict
        ``counts[die][k][x]``: the count of face ``x + 1`` in the first ``SIZES[k]`` rolls.

    Examples
    --------
    >>> from infolib.explorers import FrequencyExplorer
    >>> explorer = FrequencyExplorer(n=100, die="fair")
    >>> sum(explorer.readout[f"count.{x}"] for x in range(6))
    100
    >>> explorer.n = 10_000
    >>> explorer.size_index, bool(explorer.readout["largest_gap"] < 0.02)
    (9, True)
    """

    title = "FrequencyExplorer"
    #: The numbers of rolls the slider offers.
    SIZES = SIZES
    FACES = FACES
    TABLE = "counts"
    _esm = bundle("frequency")
    die = traitlets.Unicode().tag(sync=True)
    counts = traitlets.Dict().tag(sync=True)
    _check_size = staticmethod(check_size)
    _tabulate = staticmethod(frequency_counts)

    def __init__(self, n: int = 20, die: str = "loaded", seed: int = 1) -> None:
        n, die = check_size(n), check_die(die)
        probabilities = {name: die_probabilities(name) for name in DICE}
        super().__init__(n, seed, die=die, probabilities=probabilities)

    @traitlets.validate("die")
    def _check_die(self, proposal: dict) -> str:
        return check_die(proposal["value"])

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.frequency_readout`)."""
        return frequency_readout(self.n, self.die, self.seed)
