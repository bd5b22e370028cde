"""Point the book's launch and repository buttons at the repository it is built from.

    python tools/set_repository.py OWNER/NAME [BRANCH]

Rewrites ``repository.url`` (and ``repository.branch``, when given) in ``_config.yml``, the one
place the repository is named: the Binder, repository and issue buttons all read it. The deploy
workflow runs it with the repository and branch GitHub Actions names (``GITHUB_REPOSITORY``,
``GITHUB_REF_NAME``), so a fork's site never points at someone else's repository.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / "_config.yml"
_SLUG = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")
_BRANCH = re.compile(r"[A-Za-z0-9._/-]{1,200}")


def set_repository(text: str, slug: str, branch: str | None = None) -> str:
    """``_config.yml`` text with its repository URL (and branch) replaced.

    Examples
    --------
    >>> text = "repository:\\n  url: https://github.com/a/b\\n  branch: main\\n"
    >>> print(set_repository(text, "you/course", "trunk"), end="")
    repository:
      url: https://github.com/you/course
      branch: trunk
    """
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"expected OWNER/NAME as GitHub spells it, got {slug!r}")
    if branch is not None and not _BRANCH.fullmatch(branch):
        raise ValueError(f"not a branch name: {branch!r}")
    block = re.search(r"^repository:\n((?:[ \t]+.*\n?)*)", text, re.MULTILINE)
    if block is None or not re.search(r"^\s+url:", block.group(1), re.MULTILINE):
        raise ValueError("_config.yml has no repository.url to set")
    url = rf"\g<1>https://github.com/{slug}"
    body = re.sub(r"^(\s+url:\s*)\S+", url, block.group(1), count=1, flags=re.MULTILINE)
    if branch is not None:
        new = rf"\g<1>{branch}"
        body, found = re.subn(r"^(\s+branch:\s*)\S+", new, body, count=1, flags=re.MULTILINE)
        if not found:
            raise ValueError("_config.yml has no repository.branch to set")
    return text[: block.start(1)] + body + text[block.end(1) :]


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    CONFIG.write_text(set_repository(CONFIG.read_text(), *argv))
    print(f"_config.yml: repository set to https://github.com/{argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
