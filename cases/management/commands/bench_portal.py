"""`manage.py bench_portal`: a bounded load test of the requester status page (issue 15 item 5).

Without --url it starts the production server itself: gunicorn with deploy/gunicorn.conf.py and 2
sync workers on 127.0.0.1:--port, DEBUG off, and the portal's per-address rate limit lifted
(WOBDESK_PORTAL_RATE_LIMIT=0: all load comes from one address), against the configured database.
It registers (or reuses) one case of the organisation "bench-portal" and issues a fresh status
link for it. With --url BASE --token TOKEN it loads a server that is already running.

For each concurrency level (--clients, default 10,50) threads with http.client send GET requests
until --requests requests are done or --seconds have passed, and the command prints p50/p95/p99
latency, requests per second and errors, and the machine load (os.getloadavg).
Targets: p95 < 50 ms at 10 clients; >= 400 req/s with p95 < 150 ms at 50 clients; no errors.
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

TARGETS = {10: (50.0, None), 50: (150.0, 400.0)}  # clients: (p95 ms, minimum req/s)


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def load(host: str, port: int, path: str, *, clients: int, requests: int, seconds: float) -> dict:
    """Run `clients` threads until `requests` are done or `seconds` passed; return the figures."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    issued = [0]
    stop_at = time.perf_counter() + seconds

    def worker():
        while True:
            with lock:
                if issued[0] >= requests or time.perf_counter() >= stop_at:
                    return
                issued[0] += 1
            t = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(host, port, timeout=10)
                conn.request("GET", path, headers={"Host": host})
                response = conn.getresponse()
                response.read()
                conn.close()
                ok = response.status == 200
                why = f"HTTP {response.status}"
            except OSError as exc:
                ok, why = False, type(exc).__name__
            elapsed = (time.perf_counter() - t) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors.append(why)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - started
    return {
        "clients": clients,
        "done": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:3],
        "seconds": wall,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50": _percentile(latencies, 50),
        "p95": _percentile(latencies, 95),
        "p99": _percentile(latencies, 99),
    }


class Command(BaseCommand):
    help = "Load test of the requester status page: p50/p95/p99 and req/s at 10 and 50 clients."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="base URL of a running server (http://...)")
        parser.add_argument("--token", default="", help="status token for --url")
        parser.add_argument("--port", type=int, default=18453)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--clients", default="10,50")
        parser.add_argument("--requests", type=int, default=3000, help="per level, at most")
        parser.add_argument("--seconds", type=float, default=15.0, help="per level, at most")

    def handle(self, *args, **o):
        levels = [int(c) for c in o["clients"].split(",") if c.strip().isdigit()]
        if not levels or o["requests"] < 1 or o["seconds"] <= 0:
            raise CommandError("--clients, --requests en --seconds moeten positief zijn.")
        server = None
        if o["url"]:
            if not o["token"]:
                raise CommandError("Geef met --url ook --token (de statuslink van een zaak).")
            parts = urlsplit(o["url"])
            host, port, token = parts.hostname, parts.port or 80, o["token"]
        else:
            host, port, token = "127.0.0.1", o["port"], self._case_token()
            server = self._start_server(port, o["workers"])
        path = f"/woo/status/{token}/"
        try:
            self._wait(host, port, path)
            load(host, port, path, clients=4, requests=100, seconds=5)  # warm-up
            self.stdout.write(
                f"bench_portal: GET /woo/status/<token>/ on {host}:{port}, "
                f"database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
                f"{o['workers'] if server else '?'} gunicorn sync workers, {os.cpu_count()} cores"
            )
            for clients in levels:
                before = os.getloadavg()[0]
                r = load(
                    host, port, path, clients=clients, requests=o["requests"], seconds=o["seconds"]
                )
                verdict = ""
                if clients in TARGETS:
                    p95_max, rps_min = TARGETS[clients]
                    met = r["p95"] < p95_max and r["errors"] == 0
                    met = met and (rps_min is None or r["rps"] >= rps_min)
                    want = f"p95 < {p95_max:.0f} ms" + (
                        f", >= {rps_min:.0f} req/s" if rps_min else ""
                    )
                    verdict = f"; target {want}: {'MET' if met else 'NOT MET'}"
                self.stdout.write(
                    f"  {clients:>3} clients: {r['done']} requests in {r['seconds']:.1f} s = "
                    f"{r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, "
                    f"p99 {r['p99']:.1f} ms, errors {r['errors']} {r['error_kinds'] or ''}"
                    f"{verdict} (load average {before:.2f} -> {os.getloadavg()[0]:.2f})"
                )
        finally:
            if server is not None:
                server.send_signal(signal.SIGTERM)
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()

    def _case_token(self) -> str:
        from cases.models import Organisation, Request
        from cases.services.portal import portal_link_issue
        from cases.services.requests import request_register

        org, _ = Organisation.objects.get_or_create(
            slug="bench-portal", defaults={"name": "Gemeente Bench (bench_portal)"}
        )
        case = Request.objects.filter(organisation=org).first()
        if case is None:
            case = request_register(
                organisation=org,
                received_on=date.today(),
                requester_name="Bench Verzoeker",
                requester_email="bench@example.org",
                subject="belastingtest van de statuspagina",
                request_text="Ik verzoek om:\n1. het ontwerp;\n2. de adviezen.",
            )
        return portal_link_issue(request=case)

    def _start_server(self, port: int, workers: int) -> subprocess.Popen:
        root = Path(settings.BASE_DIR)
        env = dict(
            os.environ,
            DEBUG="false",
            WOBDESK_PORTAL_RATE_LIMIT="0",
            WOBDESK_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY=str(workers),
            GUNICORN_MAX_REQUESTS="0",
            SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback; TLS is the proxy's work
        )
        env.setdefault("ALLOWED_HOSTS", "127.0.0.1")
        python = sys.executable
        subprocess.run(
            [python, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=root,
            env=env,
            check=True,
        )
        gunicorn = str(Path(python).parent / "gunicorn")
        return subprocess.Popen(
            [gunicorn, "-c", "deploy/gunicorn.conf.py", "--access-logfile", "/dev/null"],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(os.devnull, "wb"),
        )

    def _wait(self, host: str, port: int, path: str) -> None:
        deadline = time.monotonic() + 30
        last = ""
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection(host, port, timeout=5)
                conn.request("GET", path, headers={"Host": host})
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
            except OSError as exc:
                last = type(exc).__name__
            time.sleep(0.3)
        raise CommandError(f"De server op {host}:{port} antwoordt niet met 200 ({last}).")
