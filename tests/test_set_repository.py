"""tools/set_repository.py: the deploy workflow names the repository the site is built from."""

from __future__ import annotations

import sys

import pytest
import yaml
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from set_repository import set_repository


def test_sets_url_and_branch_and_nothing_else() -> None:
    text = (ROOT / "_config.yml").read_text()
    new = yaml.safe_load(set_repository(text, "someone/fork-of-course", "trunk"))
    old = yaml.safe_load(text)
    assert new["repository"]["url"] == "https://github.com/someone/fork-of-course"
    assert new["repository"]["branch"] == "trunk"
    assert new["repository"]["path_to_book"] == old["repository"]["path_to_book"]
    new["repository"] = old["repository"]
    assert new == old


def test_branch_is_optional() -> None:
    text = (ROOT / "_config.yml").read_text()
    new = yaml.safe_load(set_repository(text, "a/b"))
    assert new["repository"]["branch"] == yaml.safe_load(text)["repository"]["branch"]


@pytest.mark.parametrize(
    ("slug", "branch", "words"),
    [
        ("no-slash", None, "expected OWNER/NAME"),
        ("a/b; rm -rf /", None, "expected OWNER/NAME"),
        ("a/b", "bad branch", "not a branch name"),
    ],
)
def test_refuses_bad_names(slug, branch, words) -> None:
    with pytest.raises(ValueError, match=words):
        set_repository("repository:\n  url: x\n  branch: main\n", slug, branch)


def test_refuses_a_config_without_repository() -> None:
    with pytest.raises(ValueError, match=r"no repository\.url"):
        set_repository("title: x\n", "a/b")
