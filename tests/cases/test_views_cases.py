"""Staff screens of the legal core: happy paths, validation messages, denials."""

from datetime import date

import pytest
from django.urls import reverse

from cases.models import AuditRecord, Request


@pytest.fixture
def logged_in(client, adviser):
    client.force_login(adviser)
    return client


def test_login_page_is_dutch(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "Inloggen" in html and "Wachtwoord" in html


def test_register_missing_fields_says_what_is_wrong(logged_in):
    response = logged_in.post(reverse("cases:request_register"), {"received_on": "2026-02-30"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een geldige datum in" in html
    assert html.count("Dit veld is verplicht") >= 3
    assert Request.objects.count() == 0


def test_register_future_date_refused(logged_in):
    response = logged_in.post(
        reverse("cases:request_register"),
        {
            "received_on": "2099-01-01",
            "channel": "email",
            "requester_name": "Piet",
            "subject": "x",
            "request_text": "1. a\n2. b",
        },
    )
    assert "toekomst" in response.content.decode()
    assert Request.objects.count() == 0


def test_register_creates_case_assigned_to_adviser(logged_in, adviser, organisation):
    response = logged_in.post(
        reverse("cases:request_register"),
        {
            "received_on": "2026-11-02",
            "channel": "post",
            "requester_name": "Ahmed El Amrani",
            "requester_salutation": "heer",
            "subject": "subsidies voor buurthuizen",
            "request_text": "Ik vraag om:\n1. de subsidiebesluiten;\n2. de evaluaties.",
        },
    )
    case = Request.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/verzoeken/{case.pk}/")
    assert case.adviser == adviser
    assert case.points.count() == 2
    detail = logged_in.get(response["Location"]).content.decode()
    assert case.reference in detail
    assert "Beslistermijn" in detail  # the deadline explanation is shown
    assert "30 november 2026" in detail or "1 december 2026" in detail


def test_illegal_step_shown_on_form_and_nothing_changes(logged_in, make_case):
    case = make_case()
    logged_in.post(
        reverse("cases:event_create", args=[case.pk]), {"type": "withdrawn", "on": "2026-03-10"}
    )
    response = logged_in.post(
        reverse("cases:event_create", args=[case.pk]),
        {"type": "decision_sent", "on": "2026-03-11"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html  # decision_sent is not offered when ingetrokken
    case.refresh_from_db()
    assert case.status == "ingetrokken"


def test_adjournment_without_reason_is_refused(logged_in, make_case):
    case = make_case()
    response = logged_in.post(
        reverse("cases:event_create", args=[case.pk]), {"type": "adjourned", "on": "2026-03-10"}
    )
    assert response.status_code == 400
    assert "gemotiveerd" in response.content.decode()


def test_late_adjournment_warning_shown(logged_in, make_case):
    case = make_case()
    response = logged_in.post(
        reverse("cases:event_create", args=[case.pk]),
        {"type": "adjourned", "on": "2026-04-06", "note": "omvang"},
        follow=True,
    )
    assert "geen rechtsgevolg" in response.content.decode()


def test_answer_label_and_order_on_screen(logged_in, make_case):
    case = make_case(request_text="\n".join(f"{i}. punt {i}" for i in range(1, 11)))
    url = reverse("cases:answer_create", args=[case.pk])
    logged_in.post(url, {"points": ["10", "5"], "text": "Samen beantwoord."})
    logged_in.post(url, {"points": ["3"], "text": "Los."})
    html = logged_in.get(
        reverse("cases:request_detail", args=[case.pk]) + "?tab=antwoorden"
    ).content.decode()
    assert "Ad 3" in html and "Ad 5 en 10" in html
    assert html.index("Ad 3") < html.index("Ad 5 en 10")


def test_answer_for_unknown_point_refused(logged_in, make_case):
    case = make_case()
    response = logged_in.post(
        reverse("cases:answer_create", args=[case.pk]), {"points": ["9"], "text": "x"}, follow=True
    )
    assert case.answers.count() == 0
    assert "Punten" in response.content.decode()


def test_bulk_judgement_with_grounds_and_audit(logged_in, make_case):
    case = make_case()
    for title in ("Nota", "Mail", "Verslag"):
        logged_in.post(reverse("cases:document_add", args=[case.pk]), {"title": title})
    logged_in.post(
        reverse("cases:documents_judge", args=[case.pk]),
        {"selected": ["1", "3"], "judgement": "deels_openbaar", "grounds": "5.1.2.e; 5.1.2 i"},
    )
    docs = {d.number: d for d in case.documents.all()}
    assert docs["1"].grounds == ["5.1.2e", "5.1.2i"] and docs["1"].judgement == "deels_openbaar"
    assert docs["2"].judgement == ""
    assert AuditRecord.objects.filter(request=case, action="document_judged").count() == 2


def test_wrong_regime_ground_refused_on_screen(logged_in, make_case):
    case = make_case()
    logged_in.post(reverse("cases:document_add", args=[case.pk]), {"title": "Nota"})
    response = logged_in.post(
        reverse("cases:documents_judge", args=[case.pk]),
        {"selected": ["1"], "judgement": "niet_openbaar", "grounds": "10.2.e"},
        follow=True,
    )
    assert "Wob" in response.content.decode()
    assert case.documents.get().judgement == ""


def test_letters_generate_download_and_send(logged_in, make_case):
    case = make_case()
    response = logged_in.post(
        reverse("cases:letter_generate", args=[case.pk]),
        {"kind": "ontvangstbevestiging", "format": "docx", "letter_date": "2026-03-09"},
    )
    assert response.status_code == 302
    letter = case.letters.get()
    download = logged_in.get(reverse("cases:letter_download", args=[case.pk, letter.pk]))
    body = b"".join(download.streaming_content)
    assert body[:2] == b"PK"  # a real .docx (zip)
    logged_in.post(reverse("cases:letter_sent", args=[case.pk, letter.pk]), {"on": "2026-03-09"})
    letter.refresh_from_db()
    case.refresh_from_db()
    assert letter.sent_on == date(2026, 3, 9)
    assert case.status == "ontvangst_bevestigd"


def test_document_linked_to_points(logged_in, make_case):
    case = make_case()
    logged_in.post(
        reverse("cases:document_add", args=[case.pk]), {"title": "Ontwerp", "points": "1, 3"}
    )
    doc = case.documents.get()
    assert sorted(doc.points.values_list("number", flat=True)) == [1, 3]
    response = logged_in.post(
        reverse("cases:document_add", args=[case.pk]), {"title": "Nota", "points": "9"}, follow=True
    )
    assert "Punt 9 bestaat niet" in response.content.decode()
    assert case.documents.count() == 1
