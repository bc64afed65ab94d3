"""Issue 11 item 5: the admin is no back door; audit records and timeline events are immutable."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from cases import permissions
from cases.models import AuditRecord, Document, Event, Letter
from cases.models.audit import AuditRecordImmutable
from cases.services.documents import document_create, stored_file_put
from cases.services.letters import letter_render
from tests.conftest import require


class _FormData(HTMLParser):
    """The values a browser would post for the change form (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.data[name] = a.get("value", "on")
            else:
                self.data[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(client, url) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    parser = _FormData()
    parser.feed(response.content.decode())
    return parser.data


@pytest.fixture
def beheer(db):
    return User.objects.create_superuser("beheer1", "beheer@example.org", "test-pass-123")


@pytest.fixture
def admin_client(client, beheer):
    client.force_login(beheer)
    return client


def test_document_admin_cannot_set_redacted_file_or_judgement(admin_client, make_case):
    case = make_case()
    doc = document_create(request=case, title="Memo", judgement="deels_openbaar", grounds="5.1.2e")
    doc.original = stored_file_put(b"%PDF-1.4 ORIGINEEL met BSN 111222333")
    doc.save()
    url = reverse("admin:cases_document_change", args=[doc.pk])
    data = form_data(admin_client, url)
    assert "redacted" not in data and "judgement" not in data and "redaction_status" not in data
    data.update(
        {
            "title": "Memo (hernoemd)",
            "redacted": str(doc.original_id),
            "judgement": "openbaar",
            "grounds": "[]",
            "redaction_status": "klaar",
            "redacted_fingerprint": "x" * 64,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    doc.refresh_from_db()
    assert doc.title == "Memo (hernoemd)"  # the one allowed edit, through document_update
    assert doc.redacted_id is None and doc.redaction_status == ""
    assert doc.judgement == "deels_openbaar" and doc.grounds == ["5.1.2e"]
    record = AuditRecord.objects.get(action="document_updated", object_id=str(doc.pk))
    assert record.data["before"] == {"title": "Memo"}
    assert record.data["after"] == {"title": "Memo (hernoemd)"}
    assert (
        admin_client.get(reverse("admin:cases_document_delete", args=[doc.pk])).status_code == 403
    )


def test_adviser_change_in_admin_goes_through_request_assign(
    admin_client, make_case, adviser, other_adviser
):
    case = make_case()
    assert permissions.can_edit(adviser, case) and not permissions.can_view(other_adviser, case)
    url = reverse("admin:cases_request_change", args=[case.pk])
    data = form_data(admin_client, url)
    data["adviser"] = str(other_adviser.pk)
    data["status"] = "gesloten"  # read-only: ignored
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.adviser == other_adviser and case.status != "gesloten"
    # The new adviser has the object permission, the old one lost it.
    assert permissions.can_edit(other_adviser, case)
    assert not permissions.can_view(adviser, case)
    record = AuditRecord.objects.get(action="adviser_assigned", data__adviser="adviseur2")
    assert record.data["previous"] == "adviseur1"


def test_audit_and_timeline_cannot_be_changed_or_deleted_in_admin(admin_client, make_case):
    case = make_case()
    record = AuditRecord.objects.filter(request=case).first()
    event = Event.objects.filter(request=case).first()
    for name, obj in (("cases_auditrecord", record), ("cases_event", event)):
        change = reverse(f"admin:{name}_change", args=[obj.pk])
        assert admin_client.get(change).status_code == 200  # may be looked at
        assert admin_client.post(change, {"action": "x", "note": "x"}).status_code == 403
        delete = reverse(f"admin:{name}_delete", args=[obj.pk])
        assert admin_client.post(delete, {"post": "yes"}).status_code == 403
        changelist = reverse(f"admin:{name}_changelist")
        admin_client.post(
            changelist, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
        )
        assert type(obj).objects.filter(pk=obj.pk).exists()
    # A case (with its timeline and audit trail) cannot be deleted in the admin either.
    response = admin_client.post(
        reverse("admin:cases_request_delete", args=[case.pk]), {"post": "yes"}
    )
    assert response.status_code == 403


def test_sent_letter_and_redactions_read_only_in_admin(admin_client, make_case):
    case = make_case()
    letter = letter_render(request=case, kind="ontvangstbevestiging", letter_date=date(2026, 3, 9))
    url = reverse("admin:cases_letter_change", args=[letter.pk])
    response = admin_client.post(url, {"sent_on": "2026-03-09", "file": "1", "version": "1"})
    assert response.status_code == 403
    letter.refresh_from_db()
    assert letter.sent_on is None
    assert admin_client.get(reverse("admin:redaction_redaction_add")).status_code == 403


def test_audit_record_refuses_update_and_delete_at_model_level(make_case):
    case = make_case()
    record = AuditRecord.objects.filter(request=case).first()
    record.action = "vervalst"
    with pytest.raises(AuditRecordImmutable):
        record.save()
    with pytest.raises(AuditRecordImmutable):
        record.delete()
    with pytest.raises(AuditRecordImmutable):
        AuditRecord.objects.filter(pk=record.pk).update(action="vervalst")
    with pytest.raises(AuditRecordImmutable):
        AuditRecord.objects.filter(pk=record.pk).delete()
    with pytest.raises(AuditRecordImmutable):
        AuditRecord.objects.all().delete()
    # A hand-set primary key never overwrites an existing row.
    clone = AuditRecord(pk=record.pk, action="vervalst")
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            clone.save()
    record.refresh_from_db()
    assert record.action != "vervalst"
    # Deleting the case or the actor would cascade into the trail: refused.
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        case.delete()


@pytest.mark.django_db(transaction=True)
def test_postgres_trigger_refuses_raw_sql(organisation, adviser):
    require(connection.vendor == "postgresql", "the audit trigger lives in PostgreSQL")
    from cases.services.requests import request_register

    case = request_register(
        organisation=organisation,
        received_on=date(2026, 3, 6),
        requester_name="Anna de Wit",
        subject="bomen",
        request_text="1. het advies",
        adviser=adviser,
        on=date(2026, 3, 6),
    )
    pk = AuditRecord.objects.filter(request=case).values_list("pk", flat=True).first()
    from django.db import DatabaseError

    for sql in (
        "UPDATE cases_auditrecord SET action = 'vervalst' WHERE id = %s",
        "DELETE FROM cases_auditrecord WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="auditregel"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [pk])
    assert AuditRecord.objects.filter(pk=pk, action="request_registered").exists()


def test_letters_admin_lists_without_change(admin_client, make_case):
    case = make_case()
    letter_render(request=case, kind="ontvangstbevestiging", letter_date=date(2026, 3, 9))
    assert admin_client.get(reverse("admin:cases_letter_changelist")).status_code == 200
    assert Letter.objects.filter(request=case).count() == 1
    assert Document.objects.count() == 0


def test_no_unaudited_object_permission_screen(admin_client, make_case, other_adviser):
    case = make_case()
    url = f"/beheer/cases/request/{case.pk}/permissions/"
    response = admin_client.get(url)
    assert response.status_code in (302, 404)
    admin_client.post(
        url + "user-manage/" + str(other_adviser.pk) + "/", {"permissions": ["change_request"]}
    )
    assert not permissions.can_view(other_adviser, case)
