"""tools/vendor_assets.py: pinned, checksummed, cached front-end packages for the site."""

from __future__ import annotations

import io
import json
import re
import tarfile
from pathlib import Path

import pytest
import vendor_assets  # tools/ is on sys.path (conftest.py)
from conftest import ROOT

LOCK = json.loads(vendor_assets.LOCK.read_text())


def make_tarball(path: Path, files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def fake_lock(tmp_path: Path, integrity: str) -> Path:
    pkg = {
        "name": "@scope/demo",
        "version": "1.2.3",
        "integrity": integrity,
        "dest": "site/_static/vendor/demo",
        "strip": "dist/",
        "files": ["dist/*.js", "LICENSE"],
        "exclude": ["dist/skip.js"],
    }
    lock = tmp_path / "lock.json"
    lock.write_text(json.dumps({"packages": [pkg]}))
    return lock


def no_network(*args, **kwargs):
    raise AssertionError("npm was called although the tarball is cached")


def test_lock_pins_exact_versions_with_sha512() -> None:
    for pkg in LOCK["packages"]:
        assert re.fullmatch(r"\d+\.\d+\.\d+", pkg["version"]), pkg["name"]
        assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", pkg["integrity"]), pkg["name"]
        assert pkg["files"] and pkg["why"], pkg["name"]
    names = {pkg["name"] for pkg in LOCK["packages"]}
    assert names == {"mathjax", "axe-core", "@biomejs/cli-linux-x64"}


def test_no_host_is_written_down() -> None:
    """Packages come through npm's configured registry: the tool and lock name no URL."""
    for path in (vendor_assets.LOCK, ROOT / "tools" / "vendor_assets.py"):
        assert not re.search(r"\w+://", path.read_text()), f"{path.name} names a URL"


def test_extracts_only_the_listed_files(tmp_path: Path, monkeypatch) -> None:
    files = {
        "dist/a.js": b"a",
        "dist/skip.js": b"no",
        "dist/sub/b.js": b"deeper: not matched by dist/*.js",
        "LICENSE": b"MIT",
        "README.md": b"no",
    }
    data = make_tarball(tmp_path / "cache/tarballs/scope-demo-1.2.3.tgz", files)
    lock = fake_lock(tmp_path, vendor_assets.integrity_of(data))
    monkeypatch.setattr(vendor_assets, "npm_pack", no_network)
    vendor_assets.vendor(lock, tmp_path / "cache")
    dest = tmp_path / "cache/site/_static/vendor/demo"
    found = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert found == [".vendor-stamp.json", "LICENSE", "a.js"]
    stamp = dest / ".vendor-stamp.json"
    before = stamp.stat().st_mtime_ns
    vendor_assets.vendor(lock, tmp_path / "cache")  # warm: nothing to do
    assert stamp.stat().st_mtime_ns == before, "a warm run extracted the package again"


def test_a_checksum_mismatch_stops_with_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    make_tarball(tmp_path / "cache/tarballs/scope-demo-1.2.3.tgz", {"dist/a.js": b"evil"})
    lock = fake_lock(tmp_path, vendor_assets.integrity_of(b"the bytes that were pinned"))
    monkeypatch.setattr(vendor_assets, "npm_pack", no_network)
    with pytest.raises(vendor_assets.VendorError, match="checksum mismatch"):
        vendor_assets.vendor(lock, tmp_path / "cache")
    assert not (tmp_path / "cache/site").exists(), "nothing may be extracted"
    assert vendor_assets.main(["--lock", str(lock), "--cache", str(tmp_path / "cache")]) == 1


def test_a_missing_file_pattern_is_an_error(tmp_path: Path, monkeypatch) -> None:
    data = make_tarball(tmp_path / "cache/tarballs/scope-demo-1.2.3.tgz", {"dist/a.js": b"a"})
    lock = fake_lock(tmp_path, vendor_assets.integrity_of(data))  # lists LICENSE too
    monkeypatch.setattr(vendor_assets, "npm_pack", no_network)
    with pytest.raises(vendor_assets.VendorError, match="LICENSE"):
        vendor_assets.vendor(lock, tmp_path / "cache")


def test_the_real_cache_is_warm_and_verified(monkeypatch) -> None:
    """After python3 dev.py build, a second run needs no network and extracts nothing."""
    if not (vendor_assets.CACHE / "tarballs").is_dir():
        pytest.fail("no vendored assets: run python3 dev.py build first", pytrace=False)
    monkeypatch.setattr(vendor_assets, "npm_pack", no_network)
    stamps = sorted(vendor_assets.CACHE.rglob(".vendor-stamp.json"))
    before = [p.stat().st_mtime_ns for p in stamps]
    vendor_assets.vendor()
    assert [p.stat().st_mtime_ns for p in stamps] == before, "a warm run extracted again"
    assert vendor_assets.AXE_JS.is_file()
    served = vendor_assets.SITE_ASSETS / "_static" / "vendor"
    assert (served / "mathjax/output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff").is_file()
    assert not (served / "mathjax/tex-mml-chtml.js").exists(), "pages no longer load MathJax"
    assert (vendor_assets.CACHE / "node/mathjax/node-main.js").is_file()  # build-time MathJax
    assert sorted(p.name for p in served.iterdir()) == ["mathjax"], "a dropped package stayed"
