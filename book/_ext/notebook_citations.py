"""Citations in the chapter notebooks, read by the website as real citations.

A chapter notebook is read in two places: on this website (myst-nb and sphinxcontrib-bibtex)
and in JupyterLab (jupyterlab-myst, which has no bibliography and shows a ``{cite}`` role's bare
key). So ``tools/reader_markup.py`` stores each citation as the label the website shows, then an
invisible marker naming the keys::

    [Cover and Thomas, 2006]<!--cite:cover2006-->

JupyterLab shows the label and hides the comment. Before myst-nb parses a notebook,
:func:`restore_citations` (on Sphinx's ``source-read``) turns each such pair back into
``{cite}`cover2006```, so the website keeps its citations: linked to the references page, with
the full reference on hover. A marker without a label in front of it is an error, not a silent
drop. ``tests/test_site.py`` checks that the label in the notebook is the one the website shows.
:data:`CITED` is the one definition of the stored form; the tool and the tests import it.
"""

from __future__ import annotations

import json
import re

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

#: A stored citation: group 1 the label (without its brackets), group 2 the keys.
CITED = re.compile(r"\[([^\[\]]*)\]<!--cite:([^>]*?)-->")
MARKER = re.compile(r"<!--cite:[^>]*?-->")


def markers_to_roles(markdown: str, where: str) -> str:
    """``[label]<!--cite:keys-->`` back to ``{cite}`keys```, in one cell's markdown.

    Examples
    --------
    >>> markers_to_roles("as [Shannon, 1948]<!--cite:shannon1948--> showed", "here")
    'as {cite}`shannon1948` showed'
    """
    restored = CITED.sub(lambda m: f"{{cite}}`{m.group(2)}`", markdown)
    if stray := MARKER.search(restored):
        raise ExtensionError(
            f"{where}: citation marker {stray.group(0)} must follow its label in brackets,"
            " e.g. [Shannon, 1948]<!--cite:shannon1948-->; write {cite}`keys` instead and run"
            " tools/reader_markup.py"
        )
    return restored


def restore_citations(app: Sphinx, docname: str, source: list[str]) -> None:
    """On ``source-read``: rewrite a notebook's citations as ``{cite}`` roles."""
    if not str(app.env.doc2path(docname)).endswith(".ipynb") or "<!--cite:" not in source[0]:
        return
    nb = json.loads(source[0])
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = markers_to_roles(text, f"{docname}, cell {i}")
    source[0] = json.dumps(nb, ensure_ascii=False)


def setup(app: Sphinx) -> dict:
    app.connect("source-read", restore_citations)
    # env_version: a change in what the hook writes must make Sphinx re-read every notebook.
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
