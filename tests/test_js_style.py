"""The site's own JavaScript and CSS are linted and formatted like the Python (biome.json).

Biome (one binary, vendored from the npm registry by tools/vendor_assets.py, pinned in its
lock file) checks the explorers' views (infolib/explorers/js/) and the site's scripts and
styles (book/_ext/static/). To fix the formatting: ``.cache/vendor/test/biome/biome check
--write .`` from the repository root.
"""

from __future__ import annotations

import platform
import subprocess

import pytest
from conftest import ROOT, in_ci

BIOME = ROOT / ".cache" / "vendor" / "test" / "biome" / "biome"


def test_biome_finds_no_lint_or_format_problem() -> None:
    if not BIOME.is_file():
        if platform.system() != "Linux" or platform.machine() not in {"x86_64", "AMD64"}:
            if not in_ci():
                pytest.skip("the vendored biome binary is for Linux x86-64")
        pytest.fail("biome is missing: run python3 dev.py build (it vendors the tools)")
    result = subprocess.run(
        [str(BIOME), "ci", "--colors=off", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Checked" in result.stdout + result.stderr  # it looked at files, not at nothing
