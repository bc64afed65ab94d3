"""Issue 12, item 1: letters never HTML-escape free text (a Django Context autoescapes by default).

Every free-text field that reaches a letter carries apostrophes, ampersands, quotes and angle
brackets; the letter read back with python-docx must show them as typed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from cases.letters import render_letter
from cases.letters.context import (
    AnswerInfo,
    DocumentInfo,
    GroundUse,
    PartyInfo,
    PointInfo,
    RequesterInfo,
)
from tests.cases.letter_fixtures import open_docx, seed000_context

NASTY = "proefprogramma's & zo'n \"test\" <b>vet</b>"
ESCAPES = ("&#x27;", "&#39;", "&amp;", "&quot;", "&lt;", "&gt;")


def all_text(data: bytes) -> str:
    doc = open_docx(data)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    for section in doc.sections:
        for hf in (section.header, section.footer, section.first_page_header):
            parts.extend(p.text for p in hf.paragraphs)
    return "\n".join(parts)


def nasty_context(kind: str, **extra):
    party = PartyInfo(
        f"Bedrijf {NASTY}",
        contact_person=f"mr. {NASTY}",
        address=f"Straat {NASTY} 1\n1000 AA Plaats",
        documents=("1",),
    )
    ctx = seed000_context(
        kind=kind,
        regime="woo",
        letter_date=date(2021, 6, 1),
        subject=f"het {NASTY}",
        request_text=f"Ik vraag om {NASTY}",
        points=(PointInfo(1, f"Rapporten over {NASTY};"), PointInfo(2, f"Punt twee {NASTY}.")),
        answers=(
            AnswerInfo(
                (1,), f"Antwoord {NASTY}", outcome="reeds_openbaar", location=f"https://x/{NASTY}"
            ),
            AnswerInfo((2,), f"Toelichting {NASTY}", outcome="toelichting"),
        ),
        documents=(
            DocumentInfo("1", f"Nota {NASTY}", date(2021, 1, 1), "deels_openbaar", ("5.1.2e",)),
        ),
        grounds_used=(
            GroundUse(
                code="5.1.2e",
                words="artikel 5.1, tweede lid, aanhef en onder e, van de Woo",
                label="eerbiediging van de persoonlijke levenssfeer",
                motivation=f"Motivering {NASTY}",
                kind="relatief",
                documents=("1",),
            ),
        ),
        requester=RequesterInfo(
            name=f"J. {NASTY}",
            salutation="heer",
            organisation=f"Stichting {NASTY}",
            address=f"Laan {NASTY} 2\n2000 BB Stad",
            reference=f"UK-{NASTY}",
        ),
        third_parties=(party,),
        adjournment_reasons=("omvang",),
        adjournment_sentence=f"Er zijn veel e-mails {NASTY}.",
        adjourned_due_on=date(2021, 6, 21),
        **extra,
    )
    return ctx


KIND_EXTRAS = {
    "besluit": {},
    "ontvangstbevestiging": {"adjourned": True},
    "verdagingsbrief": {},
    "precisering": {"reply_due_on": date(2021, 6, 15), "precisering_question": f"Welke {NASTY}?"},
    "doorzendbrief": {"forwarded_to": PartyInfo(f"Gemeente {NASTY}", address=f"Plein {NASTY}")},
    "zienswijzeverzoek": {"reply_due_on": date(2021, 6, 15)},
    "kennisgeving_derde": {"decision_sent_on": date(2021, 5, 31)},
}


@pytest.mark.parametrize("kind", sorted(KIND_EXTRAS))
def test_free_text_is_never_html_escaped(kind):
    ctx = nasty_context(kind, **KIND_EXTRAS[kind])
    if kind in ("zienswijzeverzoek", "kennisgeving_derde"):
        ctx = replace(ctx, addressee=ctx.third_parties[0])
    text = all_text(render_letter(ctx))
    for escape in ESCAPES:
        assert escape not in text, (kind, escape)
    assert NASTY in text  # the subject at least, as typed
    if kind == "besluit":
        for field in (
            "Rapporten over",
            "Antwoord",
            "Toelichting",
            "Motivering",
            "Nota",
            "Stichting",
        ):
            assert f"{field} {NASTY}" in text, field
        assert f"https://x/{NASTY}" in text  # vindplaats
        assert f"Bedrijf {NASTY}" in text  # in afschrift aan
    if kind in ("ontvangstbevestiging", "verdagingsbrief"):
        assert f"Er zijn veel e-mails {NASTY}." in text
    if kind == "precisering":
        assert f"Welke {NASTY}?" in text
    if kind == "doorzendbrief":
        assert f"Gemeente {NASTY}" in text and f"Plein {NASTY}" in text
    if kind in ("zienswijzeverzoek", "kennisgeving_derde"):
        assert f"Bedrijf {NASTY}" in text and f"t.a.v. mr. {NASTY}" in text
    else:
        assert f"J. {NASTY}" in text and f"Laan {NASTY} 2" in text


def test_request_text_quoted_without_escaping_when_there_are_no_points():
    ctx = replace(nasty_context("besluit"), points=(), answers=())
    assert f"Ik vraag om {NASTY}" in all_text(render_letter(ctx))
