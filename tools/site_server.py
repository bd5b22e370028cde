"""Serve the built website on 127.0.0.1 as GitHub Pages would: text compressed with gzip.

Used by the browser tests (tests/conftest.py) and the browser benchmarks
(benchmarks/browser.py), so page weights and load times count what a reader's browser
really receives.

    python tools/site_server.py            # serve _build/html until Ctrl-C
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
COMPRESSED_SUFFIXES = frozenset({".html", ".js", ".css", ".json", ".svg", ".txt", ".map", ".ipynb"})


@functools.cache
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text gzip-compressed when the browser accepts it; no request log."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.is_file() and path.suffix in COMPRESSED_SUFFIXES):
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        # A browser that closes a connection mid-transfer (a test page closed, throttling
        # cancelled) is normal here, not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path = SITE, port: int = 0) -> Iterator[str]:
    """Serve ``site`` in a background thread; yield its base URL (ending in "/")."""
    handler = functools.partial(SiteHandler, directory=str(site))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    with serve(port=int(sys.argv[1]) if len(sys.argv) > 1 else 8000) as url:
        print(f"serving {SITE} at {url} (Ctrl-C to stop)")
        threading.Event().wait()
