"""The whole role x action matrix over HTTP, denials included (zulip-style chokepoint test)."""

from datetime import date

import pytest
from django.urls import reverse

from cases.models import Letter
from cases.services.letters import letter_render

ROLES = ["coordinator", "assigned", "other_adviser", "outsider", "anonymous"]

# action -> (method, url builder, data, roles allowed)
ACTIONS = {
    "view_detail": ("get", lambda c, letter: reverse("cases:request_detail", args=[c.pk]), None),
    "record_event": (
        "post",
        lambda c, letter: reverse("cases:event_create", args=[c.pk]),
        {"type": "acknowledged", "on": "2026-03-09", "note": ""},
    ),
    "edit_point": (
        "post",
        lambda c, letter: reverse("cases:point_edit", args=[c.pk, 1]),
        {"action": "save", "text": "gewijzigd punt"},
    ),
    "write_answer": (
        "post",
        lambda c, letter: reverse("cases:answer_create", args=[c.pk]),
        {"points": ["1"], "text": "Antwoord."},
    ),
    "add_document": (
        "post",
        lambda c, letter: reverse("cases:document_add", args=[c.pk]),
        {"title": "Nota", "judgement": "openbaar"},
    ),
    "generate_letter": (
        "post",
        lambda c, letter: reverse("cases:letter_generate", args=[c.pk]),
        {"kind": "ontvangstbevestiging", "format": "docx", "letter_date": "2026-03-09"},
    ),
    "download_letter": (
        "get",
        lambda c, letter: reverse("cases:letter_download", args=[c.pk, letter.pk]),
        None,
    ),
    "assign": ("post", lambda c, letter: reverse("cases:request_assign", args=[c.pk]), "ASSIGN"),
}

ALLOWED = {
    "view_detail": {"coordinator", "assigned"},
    "record_event": {"coordinator", "assigned"},
    "edit_point": {"coordinator", "assigned"},
    "write_answer": {"coordinator", "assigned"},
    "add_document": {"coordinator", "assigned"},
    "generate_letter": {"coordinator", "assigned"},
    "download_letter": {"coordinator", "assigned"},
    "assign": {"coordinator"},
}


@pytest.fixture
def world(make_case, adviser, other_adviser, coordinator, outsider):
    case = make_case()
    letter = letter_render(
        request=case, kind="ontvangstbevestiging", letter_date=date(2026, 3, 9), by=adviser
    )
    users = {
        "coordinator": coordinator,
        "assigned": adviser,
        "other_adviser": other_adviser,
        "outsider": outsider,
        "anonymous": None,
    }
    return case, letter, users


def _state(case):
    case.refresh_from_db()
    return (
        case.status,
        case.events.count(),
        list(case.points.values_list("text", flat=True)),
        case.answers.count(),
        case.documents.count(),
        Letter.objects.filter(request=case).count(),
        case.adviser_id,
    )


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, world, role, action):
    case, letter, users = world
    user = users[role]
    if user is not None:
        client.force_login(user)
    method, url_for, data = ACTIONS[action]
    if data == "ASSIGN":
        data = {"adviser": users["other_adviser"].pk}
    before = _state(case)
    response = getattr(client, method)(url_for(case, letter), data or {})
    after = _state(case)
    if role in ALLOWED[action]:
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "/inloggen/" not in response["Location"]
        if method == "post":
            assert after != before, f"{role} {action} changed nothing"
    else:
        if role == "anonymous":
            assert response.status_code == 302 and "/inloggen/" in response["Location"]
        else:
            assert response.status_code in (403, 404), response.status_code
        assert after == before, f"{role} could {action}"


def test_case_list_shows_only_visible_cases(client, make_case, adviser, other_adviser, coordinator):
    mine = make_case(subject="mijn zaak")
    theirs = make_case(subject="andermans zaak", adviser=other_adviser)
    client.force_login(adviser)
    html = client.get(reverse("cases:request_list")).content.decode()
    assert mine.reference in html and theirs.reference not in html
    client.force_login(coordinator)
    html = client.get(reverse("cases:request_list")).content.decode()
    assert mine.reference in html and theirs.reference in html


def test_reassignment_moves_access(client, make_case, adviser, other_adviser, coordinator):
    case = make_case()
    client.force_login(coordinator)
    client.post(reverse("cases:request_assign", args=[case.pk]), {"adviser": other_adviser.pk})
    client.force_login(adviser)
    assert client.get(reverse("cases:request_detail", args=[case.pk])).status_code == 404
    client.force_login(other_adviser)
    assert client.get(reverse("cases:request_detail", args=[case.pk])).status_code == 200


def test_outsider_cannot_open_case_list(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("cases:request_list")).status_code == 403
