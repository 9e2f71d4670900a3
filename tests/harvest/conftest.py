"""A local HTTP server with a provider's feeds and every way a feed can fail (slow, huge, missing,
redirecting forever, wrong charset), on a port of this branch's range (9600-9699)."""

import http.server
import socket
import threading
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "harvest"
PORTS = range(9600, 9700)


class FeedHandler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}  # path -> (bytes, content type), set per server
    seen_agents: list = []

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?")[0]
        if path == "/traag.ics":
            time.sleep(3)
            return self._send(200, (FIXTURES / "valid.ics").read_bytes(), "text/calendar")
        if path == "/groot.ics":
            return self._send(200, b"BEGIN:VCALENDAR\r\n" + b"X" * 200_000, "text/calendar")
        if path == "/lus":
            self.send_response(302)
            self.send_header("Location", "/lus")
            self.end_headers()
            return None
        if path not in self.routes:
            return self._send(404, b"niet gevonden", "text/plain")
        body, content_type = self.routes[path]
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return None
        return self._send(200, body, content_type, etag)

    def _send(self, status, body, content_type, etag=""):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 9600-9699")


@pytest.fixture
def feeds(settings):
    settings.HARVEST_TIMEOUT_SECONDS = 1
    settings.HARVEST_MAX_BYTES = 100_000
    handler = type("Handler", (FeedHandler,), {"routes": {}, "seen_agents": []})
    handler.routes.update(
        {
            "/agenda.ics": ((FIXTURES / "valid.ics").read_bytes(), "text/calendar; charset=utf-8"),
            "/kapot.ics": ((FIXTURES / "malformed.ics").read_bytes(), "text/calendar; charset=utf-8"),
            "/tekenset.ics": ((FIXTURES / "wrong-charset.ics").read_bytes(), "text/calendar; charset=utf-8"),
            "/cursus-ai.html": ((FIXTURES / "course.html").read_bytes(), "text/html; charset=utf-8"),
        }
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield handler
    server.shutdown()
    server.server_close()
