"""Test helpers for the second factor: ``client.force_login`` stands for a complete staff login,
password and TOTP code; the real steps are tested with ``login_password`` and the OTP views."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY


def totp_device(user, *, confirmed: bool = True):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()
    return device or TOTPDevice.objects.create(user=user, name="test-app", confirmed=confirmed)


def totp_code(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def mark_verified(client: Client, user) -> None:
    """Mark the client's session as having passed the second factor (a confirmed device)."""
    device = totp_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def login_password(
    client: Client, username: str, password: str = "test-pass-123", *, url="/inloggen/"
):
    """The real first step, through the login form (throttling included)."""
    return client.post(url, {"username": username, "password": password})


@pytest.fixture(autouse=True)
def _force_login_passes_second_factor(monkeypatch):
    """Tests of coordinator screens log in with ``force_login``: treat that as a full login with a
    verified second factor, so only the tests about the second factor meet the OTP step."""
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from cases.auth import requires_second_factor

        if requires_second_factor(user):
            mark_verified(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
