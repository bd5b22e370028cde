"""Re-execute every chapter notebook in place, the one way notebooks are saved.

Each notebook is run top to bottom in a fresh kernel (like "restart and run all"), from the
``book/`` folder, with widget state stored so the static site shows every explorer's initial
state. Metadata that changes from run to run (timings, kernel versions) is dropped so that
diffs show only real changes. Chapters then get ``tools/reader_markup.py`` (glued values
written into the prose for JupyterLab readers, and the infolib line and guard). nbval (in
the test suite) then checks that a fresh run reproduces every stored output.

    python tools/execute_notebooks.py              # every notebook under book/
    python tools/execute_notebooks.py book/02_*.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reader_markup  # tools/ is not a package

ROOT = Path(__file__).resolve().parents[1]
KEEP_NOTEBOOK_METADATA = ("kernelspec", "language_info", "widgets")
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def clean(nb: nbformat.NotebookNode) -> None:
    """Drop run-to-run noise from the notebook and cell metadata."""
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEEP_NOTEBOOK_METADATA}
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)


def merge_streams(outputs: list) -> list:
    """Consecutive outputs to one stream as one output: how the kernel chunks printed text
    varies from run to run, the text does not (nbval and the site merge them too)."""
    merged: list = []
    for out in outputs:
        last = merged[-1] if merged else None
        if (
            out.get("output_type") == "stream"
            and last is not None
            and last.get("output_type") == "stream"
            and last.get("name") == out.get("name")
        ):
            last["text"] += out["text"]
        else:
            merged.append(out)
    return merged


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    chapter = reader_markup.is_chapter(path)
    if chapter:  # literals back to glue roles, read against the outputs they came from
        reader_markup.markdown_to_roles(nb, path.name)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
    )
    client.execute()
    clean(nb)
    if chapter:  # glue roles to literals from the fresh outputs; the infolib line and guard
        reader_markup.apply(nb, path.name)
    nbformat.write(nb, path)
    print(f"executed {path}")


def main(args: list[str]) -> None:
    paths = [Path(a).resolve() for a in args] or sorted((ROOT / "book").glob("*.ipynb"))
    for path in paths:
        execute(path)


if __name__ == "__main__":
    main(sys.argv[1:])
