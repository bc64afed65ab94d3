"""Review throughput (issue 13, item 2): bulk decisions within a document with undo, the open
count in the document table, and the lakverantwoording per redaction."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from cases.models import AuditRecord, Document
from redaction.models import Redaction
from redaction.services import Upload, documents_upload
from tests.redaction import pdf_factory

pytestmark = pytest.mark.django_db

MEMO = [
    "Memo over de herinrichting",
    "Behandeld door: mevrouw Dzjemilja Abdoellaeva",
    "Het BSN van de melder is 111222333 en zijn nummer is 06-12345678.",
]


def upload(case) -> Document:
    [doc] = documents_upload(request=case, files=[Upload("memo.pdf", pdf_factory.text_pdf(MEMO))])
    doc.refresh_from_db()
    return doc


def many(client, case, doc, decisions):
    return client.post(
        reverse("redaction:decide_many", args=[case.pk, doc.pk]),
        json.dumps({"decisions": decisions}),
        content_type="application/json",
    )


def test_bulk_accept_then_undo_restores_each_decision(client, adviser, make_case):
    case = make_case()
    doc = upload(case)
    reds = list(doc.redactions.order_by("id"))
    assert len(reds) >= 2, [r.text for r in reds]
    first = reds[0]
    first.decision = "rejected"
    first.save()
    client.force_login(adviser)
    before = [{"id": r.id, "decision": r.decision} for r in reds]
    response = many(client, case, doc, [{"id": r.id, "decision": "accepted"} for r in reds])
    body = response.json()
    assert body["ok"] and body["count"] == len(reds)
    assert set(doc.redactions.values_list("decision", flat=True)) == {"accepted"}
    undo = many(client, case, doc, before).json()
    assert undo["ok"]
    assert {r.id: r.decision for r in doc.redactions.all()} == {
        b["id"]: b["decision"] for b in before
    }
    assert AuditRecord.objects.filter(action="redaction_decided").count() == 2 * len(reds)


def test_bulk_refuses_a_suggestion_of_another_document(client, adviser, make_case):
    case = make_case()
    a, b = upload(case), None
    [b] = documents_upload(
        request=case, files=[Upload("b.pdf", pdf_factory.text_pdf(["Bel 06-87654321."]))]
    )
    other = Redaction.objects.filter(document=b).first()
    client.force_login(adviser)
    response = many(client, case, a, [{"id": other.id, "decision": "accepted"}])
    assert response.status_code == 400 and "hoort niet bij dit document" in response.json()["error"]
    assert Redaction.objects.get(pk=other.pk).decision == "open"
    assert many(client, case, a, "x").status_code == 400


def test_document_table_shows_open_count(client, adviser, make_case):
    case = make_case()
    doc = upload(case)
    open_now = doc.redactions.filter(decision="open").count()
    client.force_login(adviser)
    html = client.get(
        reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten"
    ).content.decode()
    assert f"{open_now} open voorstellen" in html
    doc.redactions.update(decision="accepted")
    html = client.get(reverse("redaction:document_rows", args=[case.pk])).content.decode()
    assert "alles beslist" in html and "open voorstel" not in html


def test_review_page_has_bulk_bar_and_compact_labels(client, adviser, make_case):
    case = make_case()
    doc = upload(case)
    client.force_login(adviser)
    html = client.get(reverse("redaction:review", args=[case.pk, doc.pk])).content.decode()
    for testid in ("bulk-page", "bulk-doc", "bulk-cat", "undo"):
        assert f'data-testid="{testid}"' in html
    assert "voorstel(len)" not in html
    assert "top: -13px" not in html  # the ground label no longer covers the line above


def test_lakverantwoording_lists_each_redaction_with_who_and_when(client, adviser, make_case):
    from redaction.services import document_apply, redaction_decide

    case = make_case()
    doc = upload(case)
    for r in doc.redactions.all():
        redaction_decide(redaction=r, decision="accepted", by=adviser)
    document_apply(document_id=doc.pk, by=adviser)
    client.force_login(adviser)
    csv = client.get(reverse("redaction:redaction_log", args=[case.pk, doc.pk])).content.decode(
        "utf-8-sig"
    )
    lines = csv.splitlines()
    assert lines[0] == "document;grond;aantal vlakken;pagina's"
    header = lines.index("document;pagina;categorie;grond;besluit;besloten door;op")
    rows = [line.split(";") for line in lines[header + 1 :] if line]
    assert len(rows) == doc.redactions.count()
    assert all(r[4] == "gelakt" and r[5] == "Sanne Bakker" and r[6] for r in rows)
    assert "111222333" not in csv  # never the redacted text itself
