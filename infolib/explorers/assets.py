"""The explorers' front-end files, joined into the one ES module each widget carries.

A view file (``js/entropy.js``) imports its helpers from ``js/core.js`` with one
``import {...} from "./core.js";`` statement, so both files are ordinary modules that editors
and linters understand. An anywidget's ``_esm`` must be a single module, though: the saved
widget state carries it to the static website, where nothing can resolve a relative import.
:func:`bundle` therefore inlines ``core.js`` in place of that import: it drops the import
statement and the ``export`` keywords of ``core.js``. Nothing else is rewritten.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = ["bundle", "stylesheet"]

JS = Path(__file__).resolve().parent / "js"
_CORE_IMPORT = re.compile(r'^import\s*\{[^}]*\}\s*from\s*"\./core\.js";\s*$', re.MULTILINE)
_EXPORT = re.compile(r"^export (?=(?:async )?function |const |let |class )", re.MULTILINE)


@cache
def bundle(view: str) -> str:
    """The ES module of one explorer view: ``core.js`` followed by ``js/<view>.js``.

    Parameters
    ----------
    view : str
        The view file's stem, such as ``"entropy"``.

    Returns
    -------
    str
        Module text whose only export is the view's ``export default``.

    Examples
    --------
    >>> from infolib.explorers.assets import bundle
    >>> text = bundle("entropy")
    >>> "./core.js" in text, text.count("export default")
    (False, 1)
    """
    path = JS / f"{view}.js"
    if not path.is_file():
        raise ValueError(f"no explorer view named {view!r}: {path} does not exist")
    source = path.read_text(encoding="utf-8")
    if len(_CORE_IMPORT.findall(source)) != 1:
        raise ValueError(f"{path.name} must import from ./core.js in exactly one statement")
    core = _EXPORT.sub("", (JS / "core.js").read_text(encoding="utf-8"))
    return f"{core}\n// ---- {path.name} ----\n{_CORE_IMPORT.sub('', source)}"


@cache
def stylesheet() -> str:
    """The explorers' stylesheet, ``js/explorer.css``."""
    return (JS / "explorer.css").read_text(encoding="utf-8")
