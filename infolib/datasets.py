"""Texts the course computes with, shipped inside infolib.

A chapter that reads a file next to its notebook fails, with a traceback, once the notebook is
downloaded on its own; a text inside the package is there wherever infolib is installed (the
repository, Binder, a reader's virtual environment). Where each text comes from, its edition
and its legal status: ``infolib/data/README.md``.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files

__all__ = ["alice_text"]

#: SHA-256 of ``infolib/data/alice.txt``, as its README states it.
ALICE_SHA256 = "fe4fd37d799f62e8d00461e69dbd56885bc28ab61ec28bb9254d87aab97fdb8f"
_DATA = files("infolib") / "data"


def alice_text() -> str:
    """Lewis Carroll's *Alice's Adventures in Wonderland* (1865), the text chapter 9 models.

    The Project Gutenberg plain-ASCII release of 2008 (eBook #11, "The Millennium Fulcrum
    Edition 3.0") without Project Gutenberg's header and licence, with LF line ends; public
    domain. Provenance and checksum: ``infolib/data/README.md``.

    Returns
    -------
    str
        The whole text: 144,427 ASCII characters, from the title to "THE END".

    Raises
    ------
    FileNotFoundError
        If infolib was installed without its data (reinstall it from the course repository).
    ValueError
        If the file is not the one described in the README (its SHA-256 differs).

    Examples
    --------
    >>> text = alice_text()
    >>> len(text), text.splitlines()[0]
    (144427, "ALICE'S ADVENTURES IN WONDERLAND")
    """
    resource = _DATA / "alice.txt"
    if not resource.is_file():
        raise FileNotFoundError(
            "infolib's copy of Alice's Adventures in Wonderland (infolib/data/alice.txt) is"
            " missing; reinstall infolib from the course repository (pip install .)"
        )
    data = resource.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != ALICE_SHA256:
        raise ValueError(
            f"infolib/data/alice.txt must have SHA-256 {ALICE_SHA256} (infolib/data/README.md),"
            f" got {digest}: the text was changed"
        )
    return data.decode("ascii")
