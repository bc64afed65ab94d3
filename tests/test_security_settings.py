"""Issue 11 item 13: production defaults unless WOBDESK_DEV=1, refuse to start without a secret,
`check --deploy` clean with the README's production settings, HSTS/SSL/CSP/no-store headers."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]


def _env(**extra) -> dict:
    """A clean environment: none of the development switches the test run itself uses."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WOBDESK_", "DJANGO_", "SECRET_KEY", "DEBUG", "SECURE_", "REDIS_URL"))
    }
    env.update(DJANGO_SETTINGS_MODULE="wobdesk.settings", **extra)
    return env


def _run(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _readme_production_env() -> dict:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("# production settings\n", 1)[1].split("# end of production settings", 1)[0]
    env = {}
    for line in block.splitlines():
        m = re.fullmatch(r"export (\w+)=(.*)", line.strip())
        if m:
            env[m.group(1)] = m.group(2).strip("'\"")
    return env


def test_no_secret_key_without_dev_switch_refuses_to_start():
    result = _run("manage.py", "check", env=_env(DEBUG="false"))
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_the_public_development_key_is_refused_in_production():
    from wobdesk.settings import DEV_SECRET_KEY

    result = _run("manage.py", "check", env=_env(SECRET_KEY=DEV_SECRET_KEY))
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_production_defaults_without_dev_switch():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1])"
    )
    result = _run("-c", code, env=_env(SECRET_KEY=secrets.token_urlsafe(50)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "31536000", "DatabaseCache"]
    dev = _run("-c", code, env=_env(WOBDESK_DEV="1"))
    assert dev.stdout.split() == ["True", "False", "False", "False", "0", "DatabaseCache"]


def test_check_deploy_passes_with_the_readme_production_settings():
    env = _readme_production_env()
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "WOBDESK_BEHIND_PROXY"} <= env.keys()
    env["SECRET_KEY"] = secrets.token_urlsafe(50)  # the README shows a placeholder
    result = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=_env(**env))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output and "?:" not in output


def test_behind_proxy_trusts_forwarded_proto():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_PROXY_SSL_HEADER)"
    )
    env = _env(SECRET_KEY=secrets.token_urlsafe(50), WOBDESK_BEHIND_PROXY="1")
    assert "HTTP_X_FORWARDED_PROTO" in _run("-c", code, env=env).stdout


@pytest.mark.django_db
def test_staff_pages_are_no_store_and_have_a_csp(client, adviser):
    client.force_login(adviser)
    response = client.get(reverse("cases:request_list"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    csp = response["Content-Security-Policy"]
    assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp
    # the login page (nobody signed in) has the CSP but may be cached normally
    client.logout()
    response = client.get(reverse("login"))
    assert "Content-Security-Policy" in response and response.get("Cache-Control") != "no-store"


@pytest.mark.django_db
def test_portal_keeps_its_own_strict_csp(client, organisation):
    response = client.get(reverse("portal:request_form"))
    assert response["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self';")


@pytest.mark.django_db
@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)
def test_https_redirect_and_hsts(client):
    response = client.get("/inloggen/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    response = client.get("/inloggen/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_debug_page_hides_broker_and_database_urls(settings):
    from cases.security import CredentialSafeReporterFilter

    settings.CELERY_BROKER_URL = "redis://:hunter2@redis:6379/0"
    settings.REDIS_URL = "redis://:hunter2@redis:6379/0"
    safe = CredentialSafeReporterFilter().get_safe_settings()
    assert "hunter2" not in str(safe["CELERY_BROKER_URL"]) + str(safe["REDIS_URL"])
