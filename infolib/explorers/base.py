"""The base of every explorer: an anywidget whose view runs in the browser.

An explorer's controls are synced traits (``explorer.weights = [...]`` in a kernel moves the
sliders, and moving a slider sets the trait). Its view (``js/<name>.js``) computes and draws
in the page, so the same view is live on the static website, where no kernel runs, and in
JupyterLab. Its numbers in Python come from :mod:`infolib.readouts`, the tested functions the
browser tests compare the page with: ``explorer.readout`` is the dict of every number the
view shows for the current controls, keyed as the view's ``data-key`` attributes.
"""

from __future__ import annotations

from typing import Any, ClassVar

import anywidget
import traitlets

from .. import _validate as v
from ..readouts.frequency import check_seed
from .assets import stylesheet

__all__ = ["Explorer", "SeededTable"]


class Explorer(anywidget.AnyWidget):
    """Base class: a view module, the shared stylesheet, a short stable repr."""

    _css = stylesheet()
    #: Short name shown by ``repr`` (keeps notebook text outputs short and stable).
    title: ClassVar[str] = "Explorer"

    @property
    def readout(self) -> dict[str, Any]:  # pragma: no cover - every explorer overrides it
        """Every number the view shows for the current controls, keyed as in the view."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{self.title}()"


class SeededTable(Explorer):
    """Base of an explorer whose heavy numbers are one seeded table over a list of sizes.

    The slider moves over the indices of :attr:`SIZES` (the synced trait ``size_index``; the
    property :attr:`n` reads and sets the size itself). Everything the page cannot compute
    cheaply was tabulated in Python for every size, from ``np.random.default_rng(seed)``, and
    is stored in the synced trait named by :attr:`TABLE`; setting ``seed`` tabulates afresh.
    A subclass names :attr:`SIZES`, :attr:`TABLE`, the check of a size and the table function,
    and passes its own traits (the choice, ``probabilities``, ...) on to ``__init__``.

    Examples
    --------
    >>> from infolib.explorers import FrequencyExplorer
    >>> explorer = FrequencyExplorer(n=100, seed=1)
    >>> explorer.n, explorer.size_index, explorer.sizes[explorer.size_index]
    (100, 3, 100)
    >>> first = explorer.counts
    >>> explorer.seed = 2
    >>> explorer.counts == first, explorer.counts == FrequencyExplorer(seed=2).counts
    (False, True)
    """

    #: The sizes the slider offers (the number of rolls, the sample size).
    SIZES: ClassVar[tuple[int, ...]] = ()
    #: The name of the synced trait that holds the seeded table.
    TABLE: ClassVar[str] = "table"
    size_index = traitlets.Int().tag(sync=True)
    seed = traitlets.Int().tag(sync=True)
    sizes = traitlets.List(traitlets.Int()).tag(sync=True)
    probabilities = traitlets.Dict().tag(sync=True)

    def __init__(self, n: int, seed: int, **traits: Any) -> None:
        n, seed = self._check_size(n), check_seed(seed)
        table = {self.TABLE: self._tabulate(seed)}
        super().__init__(
            size_index=self.SIZES.index(n), seed=seed, sizes=list(self.SIZES), **table, **traits
        )

    @staticmethod
    def _check_size(n: object) -> int:  # pragma: no cover - every subclass overrides it
        """``n`` if it is one of :attr:`SIZES`, else a ``ValueError`` naming ``n``."""
        raise NotImplementedError

    @staticmethod
    def _tabulate(seed: int) -> dict[str, Any]:  # pragma: no cover - every subclass overrides it
        """The table for ``seed``: the value of the trait :attr:`TABLE`."""
        raise NotImplementedError

    @traitlets.validate("size_index")
    def _check_size_index(self, proposal: dict) -> int:
        return v.check_int(proposal["value"], "size_index", minimum=0, maximum=len(self.SIZES) - 1)

    @traitlets.validate("seed")
    def _check_seed(self, proposal: dict) -> int:
        return check_seed(proposal["value"])

    @traitlets.observe("seed")
    def _retabulate(self, change: dict) -> None:
        setattr(self, self.TABLE, self._tabulate(check_seed(change["new"])))

    @property
    def n(self) -> int:
        """The size the slider shows, ``SIZES[size_index]`` (set it to move the slider)."""
        return self.SIZES[self.size_index]

    @n.setter
    def n(self, value: int) -> None:
        self.size_index = self.SIZES.index(self._check_size(value))
