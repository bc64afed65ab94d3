"""Job state in the document rows, whichever view includes them (the case page or the poll)."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def document_job(document) -> dict:
    """{'waiting_for_broker', 'can_retry'} for one row; precomputed by the rows view."""
    from redaction import jobs

    if not hasattr(document, "can_retry"):
        active = list(document.jobs.filter(state__in=jobs.ACTIVE))
        document.waiting_for_broker = any(j.state == "pending" and j.publish_error for j in active)
        document.can_retry = jobs.can_retry(document, active)
    return {"waiting_for_broker": document.waiting_for_broker, "can_retry": document.can_retry}


@register.simple_tag
def case_archives(case, archives=None) -> list:
    """The last uploaded ZIPs of the case with their per-member report."""
    if archives is None or archives == "":
        archives = list(case.jobs.filter(kind="unpack").order_by("-pk")[:5])
        for a in archives:
            a.accepted = [e for e in a.report if e.get("status") == "accepted"]
            a.refused = [e for e in a.report if e.get("status") != "accepted"]
    return archives


@register.simple_tag
def queue_notice(case, notice=None) -> str:
    from redaction.jobs import BROKER_DOWN_MESSAGE

    if notice:
        return notice
    if case.jobs.filter(state="pending").exclude(publish_error="").exists():
        return _(BROKER_DOWN_MESSAGE)
    return ""
