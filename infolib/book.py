"""Helpers for the course notebooks themselves (not for computing measures).

:func:`glue` records a value so the book's prose can show it (MyST's ``{glue:text}`` role):
every number in the text then comes from an executed cell. It writes the same output
record as ``myst_nb.glue`` with ``display=False``, so a reader running the notebooks on
Binder or locally needs no book-building packages.
"""

from __future__ import annotations

import numbers

from IPython.display import display

from . import _validate as v

__all__ = ["glue"]

_PREFIX = "application/papermill.record/"


def glue(name: str, value: object) -> None:
    """Record ``value`` under ``name`` for ``{glue:text}`name:.3f``` in the book's prose.

    Numbers are stored as plain Python numbers, so the prose can format them (``:.3f``);
    anything else is stored as its ``repr``, which the book reads back with
    ``ast.literal_eval`` (so the string ``"4,000"`` shows as 4,000, not as a tuple). Nothing
    is shown in the notebook.

    Parameters
    ----------
    name : str
        Unique name within the book.
    value : object
        A number, or anything with a sensible ``str``.
    """
    v.check_str(name, "name")
    # The type decides how the value is stored, not whether it is accepted: a bool is an
    # Integral too, and is stored as True or False, not as 1 or 0.
    if isinstance(value, bool):
        text = repr(value)
    elif isinstance(value, numbers.Integral):
        text = repr(int(value))
    elif isinstance(value, numbers.Real):
        text = repr(float(value))
    else:
        text = repr(value)
    display(
        {_PREFIX + "text/plain": text},
        raw=True,
        metadata={"scrapbook": {"name": name, "mime_prefix": _PREFIX}},
    )
