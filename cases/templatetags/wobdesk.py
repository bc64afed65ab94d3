"""Template filters of the staff screens."""

from django import template
from django.utils.translation import gettext_lazy as _lazy

register = template.Library()


@register.filter
def person(user, fallback: str = "—") -> str:
    """A user's full name, else the username, else the fallback (safe for None)."""
    if user is None:
        return fallback
    return user.get_full_name() or user.get_username() or fallback


# Dutch labels for the stable rule ids of cases.consistency (issue 13, item 7): the id stays in
# code and data attributes, the screen shows the label.
PROBLEM_LABELS = {
    "answer_unknown_point": _lazy("antwoord bij onbekend punt"),
    "deels_openbaar_unredacted_file": _lazy("deels openbaar, niet gelakt"),
    "deels_openbaar_without_redactions": _lazy("deels openbaar zonder lakking"),
    "document_processing": _lazy("document wordt verwerkt"),
    "document_unjudged": _lazy("document niet beoordeeld"),
    "duplicate_without_original": _lazy("dubbel zonder origineel"),
    "ground_missing": _lazy("grond ontbreekt"),
    "ground_unknown": _lazy("onbekende grond"),
    "ground_unmotivated": _lazy("grond niet gemotiveerd"),
    "ground_wrong_regime": _lazy("grond van ander regime"),
    "openbaar_with_ground": _lazy("openbaar met grond"),
    "openbaar_with_redacted_file": _lazy("openbaar maar gelakt"),
    "openbaar_with_redactions": _lazy("openbaar met lakkingen"),
    "point_unanswered": _lazy("punt onbeantwoord"),
    "redacted_stale": _lazy("lakking verouderd"),
    "redaction_ground_not_judged": _lazy("lakgrond niet in beoordeling"),
    "redaction_running": _lazy("lakken bezig"),
    "reeds_openbaar_without_location": _lazy("vindplaats ontbreekt"),
    "release_file_missing": _lazy("vrij te geven bestand ontbreekt"),
}


@register.filter
def problem_label(rule: str) -> str:
    """The Dutch label of a consistency rule id; never the raw id on screen."""
    return str(PROBLEM_LABELS.get(rule, _lazy("controlepunt")))


@register.filter
def status_label(status: str) -> str:
    """The Dutch label of a request status code (cases.lifecycle.STATUSES)."""
    from cases.lifecycle import status_label as label

    return label(status)


def document_proposal(document):
    """Title/date/type proposed from the document itself (cases.doc_metadata), cached per file.

    Only for a document that still carries its file name or has no date: nothing to propose
    once the adviser has filled it in."""
    from django.core.cache import cache

    from cases.doc_metadata import Proposal, looks_like_file_name, propose

    if document.processing != "klaar" or not document.original_id:
        return Proposal()
    if document.date and not looks_like_file_name(document.title, document.original_name):
        return Proposal()
    key = f"docmeta:1:{document.original_id}:{document.pdf_id}"
    found = cache.get(key)
    if found is None:
        try:
            original = document.original.read()
            pdf = document.pdf.read() if document.pdf_id else None
            found = propose(name=document.original_name, original=original, pdf=pdf)
        except OSError:
            found = Proposal()
        cache.set(key, found, 24 * 3600)
    # Propose only what differs from what is already there.
    return Proposal(
        title=found.title if found.title and found.title != document.title else "",
        date=found.date if found.date and found.date != document.date else None,
        doc_type=found.doc_type if found.doc_type and not document.doc_type else "",
        source=found.source,
    )


@register.simple_tag
def proposal_for(document):
    return document_proposal(document)


@register.simple_tag
def open_suggestions(case) -> dict:
    """{document id: number of open redaction suggestions}, one query for the whole table."""
    from django.db.models import Count

    related = getattr(case.documents.model, "redactions", None)
    if related is None:
        return {}
    rows = (
        case.documents.filter(redactions__decision="open")
        .values("pk")
        .annotate(n=Count("redactions"))
    )
    return {r["pk"]: r["n"] for r in rows}


@register.filter
def lookup(mapping, key):
    return (mapping or {}).get(key, 0)


@register.simple_tag
def document_stage(document) -> dict:
    """Where a document is in its processing (issue 13, item 3), from what the analysis and the
    job runner (redaction/jobs.py) already record: the job's state, the PDF, the page progress.

    Returns {"code", "label"}: ontvangen, omzetten, ocr (pagina x/y), analyseren, klaar,
    niet_verwerkbaar."""
    if document.processing == "klaar":
        return {"code": "klaar", "label": _lazy("klaar")}
    if document.processing == "niet_verwerkbaar":
        return {"code": "niet_verwerkbaar", "label": _lazy("niet verwerkbaar")}
    if document.processing != "in_behandeling":
        return {"code": "", "label": ""}
    jobs = getattr(document, "active_jobs", None)
    if jobs is None:
        jobs = list(document.jobs.filter(state__in=("pending", "queued", "running")))
    running = any(j.state == "running" for j in jobs)
    if not running and not document.pdf_id:
        return {"code": "ontvangen", "label": _lazy("ontvangen, wacht op verwerking")}
    if not document.pdf_id:
        return {"code": "omzetten", "label": _lazy("omzetten naar PDF")}
    done, total = document.progress_done, document.progress_total
    if total and done < total:
        return {
            "code": "ocr",
            "label": str(_lazy("tekst lezen (OCR) pagina %(done)d/%(total)d"))
            % {"done": done, "total": total},
        }
    return {"code": "analyseren", "label": _lazy("analyseren")}


@register.filter
def doc_type_label(code: str) -> str:
    from cases.models.document import DOCUMENT_TYPES

    return dict(DOCUMENT_TYPES).get(code, "")
