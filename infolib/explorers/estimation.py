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
from ..readouts.frequency import check_seed
from .assets import bundle
from .base import Explorer

__all__ = ["EstimationExplorer"]


class EstimationExplorer(Explorer):
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
    _esm = bundle("estimation")
    size_index = traitlets.Int().tag(sync=True)
    distribution = traitlets.Unicode().tag(sync=True)
    seed = traitlets.Int().tag(sync=True)
    repeats = traitlets.Int().tag(sync=True)
    sizes = traitlets.List(traitlets.Int()).tag(sync=True)
    probabilities = traitlets.Dict().tag(sync=True)
    table = traitlets.Dict().tag(sync=True)

    def __init__(self, n: int = 16, distribution: str = "skewed", seed: int = 1) -> None:
        n = check_estimation_size(n)
        distribution, seed = check_distribution_name(distribution), check_seed(seed)
        super().__init__(
            size_index=SIZES.index(n),
            distribution=distribution,
            seed=seed,
            repeats=REPEATS,
            sizes=list(SIZES),
            probabilities={name: estimation_probabilities(name) for name in DISTRIBUTIONS},
            table=estimation_table(seed),
        )

    @traitlets.validate("size_index")
    def _check_size_index(self, proposal: dict) -> int:
        k = proposal["value"]
        if not 0 <= k < len(SIZES):
            raise traitlets.TraitError(f"size_index must be in [0, {len(SIZES) - 1}], got {k}")
        return k

    @traitlets.validate("distribution")
    def _check_distribution(self, proposal: dict) -> str:
        return check_distribution_name(proposal["value"])

    @traitlets.validate("seed")
    def _check_seed(self, proposal: dict) -> int:
        return check_seed(proposal["value"])

    @traitlets.observe("seed")
    def _redraw_samples(self, change: dict) -> None:
        self.table = estimation_table(check_seed(change["new"]))

    @property
    def n(self) -> int:
        """The sample size, ``SIZES[size_index]``."""
        return SIZES[self.size_index]

    @n.setter
    def n(self, value: int) -> None:
        self.size_index = SIZES.index(check_estimation_size(value))

    @property
    def readout(self) -> dict[str, float]:
        """Every number the view shows now (:func:`.estimation_readout`)."""
        return estimation_readout(self.n, self.distribution, self.seed)
