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

from .assets import stylesheet

__all__ = ["Explorer"]


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
