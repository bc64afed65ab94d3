"""Shared fixtures: organisation and users built through services; service availability checks."""

from __future__ import annotations

import os
from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from cases.models import Organisation, StaffProfile
from tests.security_helpers import _force_login_passes_second_factor  # noqa: F401 (autouse)

REQUIRE_SERVICES = os.environ.get("WOBDESK_REQUIRE_SERVICES") == "1"


def require(condition: bool, why: str) -> None:
    """Skip locally when a real service is missing; in CI (WOBDESK_REQUIRE_SERVICES=1) fail instead."""
    if condition:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {why}")
    pytest.skip(why)


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(
        slug="gemeente-test",
        name="Gemeente Teststad",
        department="Juridische Zaken",
        postal_address="Postbus 100\n1000 AA Teststad",
        phone="14 020",
        email="woo@teststad.example",
        bezwaar_addressee="het college van burgemeester en wethouders",
        bezwaar_address="Postbus 100\n1000 AA Teststad",
        signature_lines="het college van burgemeester en wethouders,\nnamens deze,\n\nmr. A. Visser\nteamleider Juridische Zaken",
        contact_line="Vragen? Bel 14 020 en noem het kenmerk.",
        public_officials="A. Visser\nburgemeester Jansen",
    )


def _user(username: str, group: str | None, **extra) -> User:
    from cases.permissions import ensure_roles

    ensure_roles()  # a transactional test's flush removes what the data migration created
    user = User.objects.create_user(username=username, password="test-pass-123", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def adviser(db, organisation) -> User:
    user = _user(
        "adviseur1",
        "adviseur",
        first_name="Sanne",
        last_name="Bakker",
        email="s.bakker@teststad.example",
    )
    StaffProfile.objects.create(
        user=user, organisation=organisation, function="juridisch adviseur", phone="030-1234567"
    )
    return user


@pytest.fixture
def other_adviser(db) -> User:
    return _user("adviseur2", "adviseur", first_name="Okan", last_name="Yilmaz")


@pytest.fixture
def coordinator(db) -> User:
    return _user("coordinator1", "coordinator", first_name="Mirjam", last_name="Verhoef")


@pytest.fixture
def outsider(db) -> User:
    return _user("buitenstaander", None)


@pytest.fixture
def make_case(organisation, adviser):
    """Register a case through the service, as the product does."""
    from cases.services.requests import request_register

    def make(**kwargs):
        defaults = dict(
            organisation=organisation,
            received_on=date(2026, 3, 6),
            requester_name="Anna de Wit",
            requester_salutation="mevrouw",
            requester_email="anna@example.org",
            subject="de herinrichting van het stationsplein",
            request_text="Ik verzoek om:\n1. het ontwerp;\n2. de adviezen;\n3. de e-mails met de aannemer.",
            adviser=adviser,
            on=date(2026, 11, 22),
        )
        defaults.update(kwargs)
        return request_register(**defaults)

    return make


@pytest.fixture(autouse=True)
def _on_commit_runs_in_tests(request, monkeypatch):
    """Inside a test's wrapping transaction nothing ever commits, so run on_commit work at once
    (tests that use transactional_db or the live server see the real behaviour)."""
    names = request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    transactional = (
        "transactional_db" in names
        or "live_server" in names
        or (marker is not None and marker.kwargs.get("transaction"))
    )
    if not transactional:
        from django.db import transaction

        monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
