"""infolib.book.glue must write what myst-nb's {glue:text} role reads back correctly."""

from __future__ import annotations

import pytest
from myst_nb.core.variables import format_plain_text

import infolib.book as book


@pytest.fixture
def recorded(monkeypatch):
    calls = []
    monkeypatch.setattr(book, "display", lambda data, **kw: calls.append((data, kw)))
    return calls


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (2.584962500721156, ".3f", "2.585"),
        (4000, ",d", "4,000"),
        (4000, "", "4000"),
        ("4,000", "", "4,000"),
        ("a six", "s", "a six"),
        (1e-22, ".2e", "1.00e-22"),
        (True, "", "True"),
    ],
)
def test_the_book_shows_what_was_glued(recorded, value, fmt, shown):
    book.glue("name", value)
    ((data, kwargs),) = recorded
    text = data["application/papermill.record/text/plain"]
    assert format_plain_text(text, fmt) == shown
    assert kwargs["raw"] is True
    assert kwargs["metadata"]["scrapbook"] == {
        "name": "name",
        "mime_prefix": "application/papermill.record/",
    }


def test_numpy_scalars_are_stored_as_plain_numbers(recorded):
    import numpy as np

    book.glue("x", np.float64(0.5))
    ((data, _),) = recorded
    assert data["application/papermill.record/text/plain"] == "0.5"
