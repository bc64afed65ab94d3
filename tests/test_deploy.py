"""Issue 15 item 4: deploy/run.sh starts web (gunicorn + WhiteNoise), worker and beat against the CI
PostgreSQL and Redis with the production settings, answers /readyz, serves a hashed static file and
the login page, writes JSON log lines, and on SIGTERM stops all three (and their children)."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, timeout: float = 5) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Encoding": "gzip"})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def _descendants(pid: int) -> dict[int, str]:
    """Every process below `pid` (from /proc): {pid: command name}."""
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
        names[int(entry.name)] = name
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = names[child]
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def deploy_database():
    url = os.environ.get("DATABASE_URL", "")
    require(url.startswith("postgres"), "DATABASE_URL is not PostgreSQL (run through .ci/test.sh)")
    import psycopg

    name = f"wobdesk_deploy_{os.getpid()}"
    parts = urlsplit(url)
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_run_sh_starts_and_stops_the_production_stack(deploy_database, tmp_path):
    redis_url = os.environ.get("WOBDESK_TEST_REDIS_URL", "")
    require(bool(redis_url), "WOBDESK_TEST_REDIS_URL not set (no Redis)")
    redis_url = redis_url.rsplit("/", 1)[0] + "/9"  # a database of its own: no other test's tasks
    port = _free_port()
    secret = secrets.token_urlsafe(50)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WOBDESK_", "DJANGO_", "SECRET_KEY", "DEBUG", "SECURE_", "REDIS_URL"))
    }
    env.update(
        SECRET_KEY=secret,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",  # the loopback test speaks plain HTTP
        DATABASE_URL=deploy_database,
        REDIS_URL=redis_url,
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        WOBDESK_STATE_DIR=str(tmp_path / "state"),
        WOBDESK_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        WORKER_CONCURRENCY="1",
        LOG_FORMAT="json",
        PYTHON=str(ROOT / ".venv" / "bin" / "python"),
    )
    out, err = open(tmp_path / "out.log", "wb"), open(tmp_path / "err.log", "wb")
    proc = subprocess.Popen(
        ["bash", str(ROOT / "deploy" / "run.sh")],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=err,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        ready = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                ready = _get(port, "/readyz")
                if ready[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        logs = (tmp_path / "err.log").read_text(errors="replace")[-3000:]
        assert ready is not None and ready[0] == 200, logs
        body = json.loads(ready[2])
        assert body == {
            "status": "ok",
            "checks": {"database": "ok", "migrations": "ok", "redis": "ok"},
        }
        assert secret not in ready[2].decode() and "redis://" not in ready[2].decode()
        status, _, health = _get(port, "/healthz")
        assert status == 200 and json.loads(health) == {"status": "ok"}

        status, headers, login = _get(port, "/inloggen/")
        assert status == 200, login[:500]
        [css] = re.findall(rb'href="(/static/cases/wobdesk\.[0-9a-f]{12}\.css)"', login)
        status, headers, data = _get(port, css.decode())
        assert status == 200
        assert "immutable" in headers["cache-control"] and headers["server"] == "gunicorn"
        assert headers.get("content-encoding") == "gzip"  # compressed by collectstatic
        status, _, _ = _get(port, "/static/cases/wobdesk.css.does-not-exist")
        assert status == 404

        processes = _descendants(proc.pid)
        names = sorted(set(processes.values()))
        assert "gunicorn" in names and "celery" in names, processes
        # web master + 2 workers, celery worker + its child, celery beat
        assert sum(1 for n in processes.values() if n == "gunicorn") >= 3
        assert sum(1 for n in processes.values() if n == "celery") >= 2

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        time.sleep(0.5)
        still = {pid: name for pid, name in processes.items() if _alive(pid)}
        assert still == {}, still
        stderr = (tmp_path / "err.log").read_text(errors="replace")
        assert "web started" in stderr and "worker started" in stderr and "beat started" in stderr
        assert "deploy/run.sh: stopped" in stderr
        lines = [
            json.loads(line)
            for line in (tmp_path / "out.log").read_text().splitlines()
            if line.startswith("{")
        ]
        assert any(r["logger"] == "gunicorn.access" and "/readyz" in r["message"] for r in lines), (
            lines[-5:]
        )
        assert {"time", "level", "logger", "message"} <= set(lines[0])
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        out.close()
        err.close()


def test_readyz_reports_unapplied_migrations_and_no_secrets(client, monkeypatch, db):
    from wobdesk import health

    monkeypatch.setattr(health, "_migrations", lambda: "3 niet toegepast")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "3 niet toegepast"
    monkeypatch.undo()

    def down():
        raise ConnectionError("redis://:hunter2@10.0.0.5:6379 refused")

    monkeypatch.setattr(health, "_redis", down)
    response = client.get("/readyz")
    assert response.status_code == 503
    text = response.content.decode()
    assert "hunter2" not in text and "10.0.0.5" not in text
    assert response.json()["checks"]["redis"] == "fout (ConnectionError)"


def test_health_endpoints_need_no_login(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/gezondheid/").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["migrations"] == "ok"


def test_json_log_formatter_writes_one_object_per_line():
    import logging

    from wobdesk.jsonlog import JsonFormatter

    record = logging.makeLogRecord(
        {"name": "wobdesk.test", "levelname": "INFO", "msg": "zaak %s", "args": ("2026-1",)}
    )
    record.case = "2026-1"
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "zaak 2026-1" and data["case"] == "2026-1" and data["level"] == "INFO"
