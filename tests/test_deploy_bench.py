"""bench_portal's parts (issue 15 item 5): the load generator counts and times real HTTP requests,
and the portal's per-address rate limit is lifted only by WOBDESK_PORTAL_RATE_LIMIT=0."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        status = 200 if self.path == "/ok" else 500
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_load_is_bounded_and_counts_errors(http_server):
    from cases.management.commands.bench_portal import load

    r = load("127.0.0.1", http_server, "/ok", clients=5, requests=60, seconds=20)
    assert r["done"] == 60 and r["errors"] == 0
    assert 0 < r["p50"] <= r["p95"] <= r["p99"] and r["rps"] > 0
    bad = load("127.0.0.1", http_server, "/fout", clients=3, requests=9, seconds=20)
    assert bad["done"] == 0 and bad["errors"] == 9 and bad["error_kinds"] == ["HTTP 500"]
    timed = load("127.0.0.1", http_server, "/ok", clients=2, requests=10**9, seconds=0.3)
    assert 0 < timed["done"] < 10**9 and timed["seconds"] < 5


def test_portal_rate_limit_lifted_only_by_the_setting(db):
    from django.core.cache import cache

    from cases.ratelimit import hit

    cache.clear()
    assert [hit("portal-status", "10.1.1.1", limit=2, window=60) for _ in range(3)] == [
        True,
        True,
        False,
    ]
    with override_settings(WOBDESK_PORTAL_RATE_LIMIT=False):
        assert all(hit("portal-status", "10.1.1.1", limit=2, window=60) for _ in range(5))
        # login throttling is never lifted by it
        assert [hit("login", "10.1.1.2", limit=1, window=60) for _ in range(2)] == [True, False]
