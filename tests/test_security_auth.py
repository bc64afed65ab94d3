"""Issue 11 items 12 and 16: login throttling in a shared store, TOTP second factor for
coordinators and beheer, the staff password reset."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from cases.auth import lock_delay
from tests.conftest import require
from tests.security_helpers import login_password, totp_code, totp_device

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "test-pass-123"


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- item 12: throttling ------------------------------------------------------------------


def test_lock_delay_doubles_up_to_the_maximum(settings):
    settings.WOBDESK_LOGIN_LOCK_SECONDS = 60
    settings.WOBDESK_LOGIN_LOCK_MAX_SECONDS = 3600
    assert [lock_delay(n, 5) for n in (4, 5, 6, 7, 11, 40)] == [0, 60, 120, 240, 3600, 3600]


@pytest.mark.django_db
def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, adviser):
    for _ in range(30):
        response = login_password(client, "adviseur1", "fout-wachtwoord")
        assert response.status_code == 200
    response = login_password(client, "adviseur1", PASSWORD)
    assert response.status_code == 200
    assert not _logged_in(client)
    text = response.content.decode()
    assert "Te veel mislukte inlogpogingen" in text
    assert re.search(r"Wacht \d+ (minuten|minuut|seconden)", text)


@pytest.mark.django_db
def test_admin_login_is_throttled_too(client, admin_user):
    for _ in range(30):
        client.post("/beheer/login/", {"username": "admin", "password": "fout"})
    response = client.post("/beheer/login/", {"username": "admin", "password": "password"})
    assert not _logged_in(client)
    assert "Te veel mislukte inlogpogingen" in response.content.decode()


@pytest.mark.django_db
def test_two_clients_share_the_count(adviser, settings):
    settings.WOBDESK_LOGIN_FAILURES_PER_ACCOUNT = 5
    first, second = Client(), Client(REMOTE_ADDR="10.0.0.2")
    for _ in range(3):
        login_password(first, "adviseur1", "fout")
    for _ in range(2):
        login_password(second, "adviseur1", "fout")
    response = login_password(first, "adviseur1", PASSWORD)
    assert not _logged_in(first)
    assert "Te veel mislukte inlogpogingen" in response.content.decode()


@pytest.mark.django_db
def test_a_right_password_below_the_threshold_resets_the_account_count(client, adviser):
    for _ in range(4):
        login_password(client, "adviseur1", "fout")
    login_password(client, "adviseur1", PASSWORD)
    assert _logged_in(client)
    client.logout()
    for _ in range(4):
        login_password(client, "adviseur1", "fout")
    login_password(client, "adviseur1", PASSWORD)
    assert _logged_in(client)


@pytest.mark.django_db
def test_one_address_guessing_many_accounts_is_refused(adviser, other_adviser, settings):
    settings.WOBDESK_LOGIN_FAILURES_PER_IP = 20
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for i in range(20):
        login_password(attacker, f"gok{i}", "fout")
    login_password(attacker, "adviseur2", PASSWORD)
    assert not _logged_in(attacker)
    colleague = Client(REMOTE_ADDR="198.51.100.8")
    login_password(colleague, "adviseur2", PASSWORD)
    assert _logged_in(colleague)


def _subprocess_env(**extra) -> dict:
    return dict(os.environ, DJANGO_SETTINGS_MODULE="wobdesk.settings", WOBDESK_DEV="1", **extra)


SUBPROCESS_FAILURES = """
import django
django.setup()
from django.test import RequestFactory
from cases.auth import record_failure
from cases.ratelimit import hit
request = RequestFactory().post("/inloggen/", REMOTE_ADDR="203.0.113.9")
for _ in range(4):
    assert record_failure(request, {username!r}) == 0
for _ in range(5):
    assert hit("portal-form", {username!r}, limit=5, window=3600)
print("ok")
"""


def _second_process_counts(username: str, env: dict) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SUBPROCESS_FAILURES.format(username=username)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr


def _first_process_sees_them(username: str) -> None:
    from cases.ratelimit import hit

    client = Client(REMOTE_ADDR="203.0.113.9")
    response = login_password(client, username, "fout")  # the fifth failure: locked now
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
    response = login_password(client, username, PASSWORD)
    assert not _logged_in(client)
    assert not hit("portal-form", username, limit=5, window=3600)  # the sixth hit this hour


@pytest.mark.django_db(transaction=True)
def test_a_second_process_shares_the_count_through_redis():
    redis_url = os.environ.get("WOBDESK_TEST_REDIS_URL", "")
    require(bool(redis_url), "WOBDESK_TEST_REDIS_URL not set (no Redis)")
    from django.contrib.auth.models import User

    username = f"proc-{uuid.uuid4().hex[:8]}"
    User.objects.create_user(username=username, password=PASSWORD)
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "wobdesk",
        }
    }
    with override_settings(CACHES=caches):
        _second_process_counts(username, _subprocess_env(REDIS_URL=redis_url))
        _first_process_sees_them(username)


@pytest.mark.django_db(transaction=True)
def test_a_second_process_shares_the_count_through_the_database_cache():
    require(connection.vendor == "postgresql", "the second process shares the test database")
    from django.contrib.auth.models import User

    s = connection.settings_dict
    db_url = f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    username = f"proc-{uuid.uuid4().hex[:8]}"
    User.objects.create_user(username=username, password=PASSWORD)
    env = _subprocess_env(DATABASE_URL=db_url)
    env.pop("REDIS_URL", None)
    _second_process_counts(username, env)
    _first_process_sees_them(username)


# --- item 16: second factor ---------------------------------------------------------------


@pytest.mark.django_db
def test_coordinator_without_second_factor_is_sent_to_enrolment(client, coordinator):
    login_password(client, "coordinator1")
    assert _logged_in(client)
    response = client.get(reverse("cases:overview"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_enrol") + "?next=")
    # every staff screen, not only the overview
    response = client.get(reverse("cases:request_list"))
    assert response["Location"].startswith(reverse("otp_enrol"))


@pytest.mark.django_db
def test_coordinator_with_a_device_must_verify_a_code(client, coordinator):
    device = totp_device(coordinator)
    login_password(client, "coordinator1")
    response = client.get(reverse("cases:overview"))
    assert response["Location"] == reverse("otp_verify") + "?next=%2Foverzicht%2F"
    response = client.post(reverse("otp_verify"), {"code": "000000", "next": "/overzicht/"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get(reverse("cases:overview")).status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post(
        reverse("otp_verify"), {"code": totp_code(device), "next": "/overzicht/"}
    )
    assert response.status_code == 302 and response["Location"] == "/overzicht/"
    assert client.get(reverse("cases:overview")).status_code == 200


@pytest.mark.django_db
def test_verify_step_refuses_a_foreign_next(client, coordinator):
    device = totp_device(coordinator)
    login_password(client, "coordinator1")
    response = client.post(
        reverse("otp_verify"), {"code": totp_code(device), "next": "//evil.example/"}
    )
    assert response.status_code == 302 and "evil" not in response["Location"]


@pytest.mark.django_db
def test_enrolment_shows_the_qr_once_and_confirms_with_a_code(client, coordinator):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    login_password(client, "coordinator1")
    response = client.get(reverse("otp_enrol"))
    text = response.content.decode()
    assert response.status_code == 200 and "<svg" in text and "Geheime sleutel" in text
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    response = client.post(reverse("otp_enrol"), {"code": totp_code(device), "next": "/overzicht/"})
    assert response.status_code == 302 and response["Location"] == "/overzicht/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("cases:overview")).status_code == 200
    # the secret is never shown again, not even to a new session of the same user
    other = Client()
    login_password(other, "coordinator1")
    response = other.get(reverse("otp_enrol"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("otp_verify"))
    from cases.models import AuditRecord

    assert AuditRecord.objects.filter(action="second_factor_enrolled", actor=coordinator).exists()


@pytest.mark.django_db
def test_beheer_requires_a_verified_second_factor(client, admin_user):
    client.post("/beheer/login/", {"username": "admin", "password": "password"})
    assert _logged_in(client)
    response = client.get("/beheer/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("otp_enrol"))
    device = totp_device(admin_user)
    client.post(reverse("otp_verify"), {"code": totp_code(device), "next": "/beheer/"})
    assert client.get("/beheer/").status_code == 200


@pytest.mark.django_db
def test_adviser_needs_no_second_factor_until_enrolled(client, adviser):
    login_password(client, "adviseur1")
    assert client.get(reverse("cases:request_list")).status_code == 200
    assert client.get(reverse("otp_enrol")).status_code == 200  # optional enrolment
    totp_device(adviser)  # once enrolled, every later login asks for the code
    fresh = Client()
    login_password(fresh, "adviseur1")
    response = fresh.get(reverse("cases:request_list"))
    assert response["Location"].startswith(reverse("otp_verify"))


@pytest.mark.django_db
def test_htmx_request_gets_hx_redirect(client, coordinator):
    login_password(client, "coordinator1")
    response = client.get(reverse("cases:overview"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith(reverse("otp_enrol"))


@pytest.mark.django_db
def test_force_login_helper_counts_as_verified(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("cases:overview")).status_code == 200


# --- item 16: password reset --------------------------------------------------------------


@pytest.mark.django_db
def test_password_reset_by_mail(client, adviser, settings):
    settings.WOBDESK_BASE_URL = "https://woo.gemeente.example"
    response = client.post(reverse("password_reset"), {"email": "s.bakker@teststad.example"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["s.bakker@teststad.example"]
    link = re.search(r"https://woo\.gemeente\.example(/wachtwoord-herstellen/\S+/)", body).group(1)
    response = client.get(link)
    assert response.status_code == 302  # Django moves the token into the session
    form_url = response["Location"]
    response = client.get(form_url)
    assert "Nieuw wachtwoord" in response.content.decode()
    response = client.post(
        form_url, {"new_password1": "Lang-nieuw-2026!", "new_password2": "Lang-nieuw-2026!"}
    )
    assert response["Location"] == reverse("password_reset_complete")
    assert Client().login(username="adviseur1", password="Lang-nieuw-2026!")
    # the link works once
    assert "werkt niet meer" in client.get(link, follow=True).content.decode()


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


@pytest.mark.django_db
def test_password_reset_pages_are_dutch(client):
    text = client.get(reverse("password_reset")).content.decode()
    assert "Wachtwoord vergeten" in text
    assert "Wachtwoord vergeten?" in client.get(reverse("login")).content.decode()
