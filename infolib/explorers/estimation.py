"""EstimationExplorer (chapter 9): how far plug-in and Miller-Madow entropy estimates fall."""

from __future__ import annotations

import traitlets

from ..readouts.estimation import (
    DISTRIBUTIONS,
    REPEATS,
    SIZES,
    check_distribution_name,
    check_estimation_size,
    estimation_probabilities,
    estimation_readout,
    estimation_table,
)
from .assets import bundle
from .base import SeededTable

__all__ = ["EstimationExplorer"]


class EstimationExplorer(SeededTable):
    """Estimate the entropy of a known distribution from samples of size ``n``, many times.

    For each sample size and true distribution, ``REPEATS`` (2,000)
    seeded samples are drawn when the explorer is made and each gives a plug-in and a
    Miller-Madow estimate; their means and standard deviations
    (:func:`~infolib.readouts.estimation.estimation_table`, a synced table of 90 numbers) are
    what the view shows against the true entropy. :attr:`readout` gives infolib's numbers.

    Parameters
    ----------
    n : int
        Initial sample size, one of :attr:`SIZES` (4 to 1,024).
    distribution : {"uniform", "skewed"}
        Initial true distribution over 8 outcomes: uniform (3 bits), or skewed with weights
        64, 32, 16, 8, 4, 2, 1, 1 (probabilities 1/2 to 1/128).
    seed : int
        Seed of the random generator.

    Attributes
    ----------
    size_index : int
        Index of ``n`` in :attr:`SIZES` (a synced trait: the slider moves over these indices).
    n : int
        The sample size, ``SIZES[size_index]`` (set it to move the slider).
    distribution : str
        The true distribution (a synced trait).
    table : dict
        ``table[distribution][k]``: the estimates' summary for ``n = SIZES[k]``.

    Examples
    --------
    >>> from infolib.explorers import EstimationExplorer
    >>> explorer = EstimationExplorer(n=16, distribution="uniform")
    >>> explorer.readout["entropy"], bool(explorer.readout["plugin.bias"] < 0)
    (3.0, True)
    >>> explorer.n = 1024
    >>> explorer.size_index
    8
    """

    title = "EstimationExplorer"
    #: The sample sizes the slider offers.
    SIZES = SIZES
    TABLE = "table"
    _esm = bundle("estimation")
    distribution = traitlets.Unicode().tag(sync=True)
    repeats = traitlets.Int().tag(sync=True)
    table = traitlets.Dict().tag(sync=True)
    _check_size = staticmethod(check_estimation_size)
    _tabulate = staticmethod(estimation_table)

    def __init__(self, n: int = 16, distribution: str = "skewed", seed: int = 1) -> None:
        n, distribution = check_estimation_size(n), check_distribution_name(distribution)
        probabilities = {name: estimation_probabilities(name) for name in DISTRIBUTIONS}
        super().__init__(
            n, seed, distribution=distribution, repeats=REPEATS, probabilities=probabilities
        )

    @traitlets.validate("size_index")
    def _check_size_index(self, proposal: dict) -> int:
        # Its own message, as before SeededTable: a TraitError naming the range.
        k = proposal["value"]
        if not 0 <= k < len(SIZES):
            raise traitlets.TraitError(f"size_index must be in [0, {len(SIZES) - 1}], got {k}")
        return k

    @traitlets.validate("distribution")
    def _check_distribution(self, proposal: dict) -> str:
        return check_distribution_name(proposal["value"])

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.estimation_readout`)."""
        return estimation_readout(self.n, self.distribution, self.seed)
