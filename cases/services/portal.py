"""The requester portal: personal status links (hashed tokens), online requests, requester actions."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Document, Organisation, Request
from cases.services.documents import document_release_file, stored_file_put
from cases.services.requests import audit, request_register, request_transition, today

TOKEN_BYTES = 32  # 256 bits


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def portal_link_issue(*, request: Request, by=None) -> str:
    """A new personal status token; the previous one stops working. Returns the token (shown once)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    request.portal_token_hash = _hash(token)
    request.portal_token_revoked = False
    request.save(update_fields=["portal_token_hash", "portal_token_revoked", "updated_at"])
    audit(
        request=request,
        actor=by,
        action="portal_link_issued",
        obj=request,
        sealed=_seal(token, request.portal_token_hash),
    )
    return token


def _keystream(digest: str) -> bytes:
    # one 32-byte pad per token, keyed by SECRET_KEY: the database alone never reveals a link
    return hmac.new(
        settings.SECRET_KEY.encode(), b"portal-seal:" + digest.encode(), "sha256"
    ).digest()


def _seal(token: str, digest: str) -> str:
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    return bytes(a ^ b for a, b in zip(raw, _keystream(digest))).hex()


def portal_link_current(request: Request) -> str | None:
    """The requester's active link, recovered so a later mail (the besluit) can carry it without
    invalidating the one they already have; None when revoked or not recoverable."""
    from cases.models import AuditRecord

    if not request.portal_token_hash or request.portal_token_revoked:
        return None
    record = (
        AuditRecord.objects.filter(request=request, action="portal_link_issued")
        .order_by("-pk")
        .first()
    )
    sealed = (record.data or {}).get("sealed") if record is not None else None
    if not sealed:
        return None
    try:
        raw = bytes(
            a ^ b for a, b in zip(bytes.fromhex(sealed), _keystream(request.portal_token_hash))
        )
    except ValueError:
        return None
    token = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return token if hmac.compare_digest(_hash(token), request.portal_token_hash) else None


@transaction.atomic
def portal_link_revoke(*, request: Request, by=None) -> None:
    request.portal_token_revoked = True
    request.save(update_fields=["portal_token_revoked", "updated_at"])
    audit(request=request, actor=by, action="portal_link_revoked", obj=request)


@transaction.atomic
def portal_link_send(*, request: Request, by=None) -> str | None:
    """Issue a new personal status link and mail it to the requester (staff: "stuur statuslink";
    also for a case registered by staff). Returns the token, or None without an e-mail address.
    Only the hash is stored, so a link can only be sent by issuing a new one."""
    if not request.requester_email:
        return None
    token = portal_link_issue(request=request, by=by)
    context = {"request": request, "url": status_url(token)}
    email = request.requester_email
    transaction.on_commit(
        lambda: _send(
            email,
            _("Uw persoonlijke statuslink voor Woo-verzoek %(ref)s") % {"ref": request.reference},
            "portal/email/link.txt",
            context,
        )
    )
    audit(request=request, actor=by, action="portal_link_sent", obj=request, to=email)
    return token


def request_for_token(token: str) -> Request | None:
    """The request behind a token, or None for a wrong, mangled or revoked one (same answer)."""
    if not token or len(token) > 100:
        return None
    digest = _hash(token)
    request = (
        Request.objects.filter(portal_token_hash=digest).select_related("organisation").first()
    )
    # constant-time comparison of the stored hash with the presented token's hash
    if request is None or not hmac.compare_digest(request.portal_token_hash, digest):
        return None
    if request.portal_token_revoked:
        return None
    return request


def status_url(token: str) -> str:
    return settings.WOBDESK_BASE_URL.rstrip("/") + reverse("portal:status", args=[token])


def _send(to: str, subject: str, template: str, context: dict) -> None:
    if not to:
        return
    context = {
        "privacy_url": settings.WOBDESK_BASE_URL.rstrip("/") + reverse("portal:privacy"),
        **context,
    }
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)


@transaction.atomic
def request_submit_online(
    *,
    organisation: Organisation,
    name: str,
    email: str,
    subject: str,
    request_text: str,
    address: str = "",
    requester_organisation: str = "",
    period: str = "",
    preferred_format: str = "",
) -> tuple[Request, str]:
    """A request from the web form: registered as received today, acknowledged by e-mail."""
    request = request_register(
        organisation=organisation,
        received_on=today(),
        requester_name=name,
        requester_email=email,
        requester_address=address,
        requester_organisation=requester_organisation,
        subject=subject,
        request_text=request_text,
        channel="webformulier",
        period=period,
        preferred_format=preferred_format,
        actor_label="verzoeker (webformulier)",
    )
    token = portal_link_issue(request=request)
    context = {"request": request, "url": status_url(token)}
    transaction.on_commit(
        lambda: _send(
            email,
            _("Ontvangstbevestiging Woo-verzoek %(ref)s") % {"ref": request.reference},
            "portal/email/received.txt",
            context,
        )
    )
    return request, token


def _notify_adviser(request: Request, subject: str, text: str) -> None:
    to = (
        request.adviser.email
        if request.adviser and request.adviser.email
        else request.organisation.email
    )
    if to:
        transaction.on_commit(
            lambda: send_mail(
                subject,
                text,
                settings.DEFAULT_FROM_EMAIL,
                [to],
                fail_silently=True,
            )
        )


@transaction.atomic
def requester_reply(*, request: Request, text: str, files: list[tuple[str, bytes]] = ()) -> None:
    """The requester answers (e.g. a precisering) and may attach files; lands on the timeline."""
    text = text.strip()
    if not text and not files:
        raise ValidationError({"text": _("Schrijf een reactie of voeg een bestand toe.")})
    if request.status in ("gesloten", "ingetrokken"):
        raise ValidationError(_("Dit verzoek is afgesloten; reageren kan niet meer."))
    event_type = "precisering_received" if request.status == "precisering_gevraagd" else "contact"
    names = []
    for name, data in files:
        stored = stored_file_put(data)
        names.append(f"{name} (sha256 {stored.sha256[:12]})")
    note = "Reactie van verzoeker via het portaal: " + text[:2000]
    if names:
        note += "\nBijlagen: " + ", ".join(names)
    request_transition(
        request=request, type=event_type, on=today(), note=note, actor_label="verzoeker (portaal)"
    )
    _notify_adviser(
        request,
        f"Reactie van verzoeker op {request.reference}",
        f"De verzoeker heeft gereageerd op {request.reference}:\n\n{text}\n\nBijlagen: {', '.join(names) or 'geen'}",
    )


@transaction.atomic
def requester_withdraw(*, request: Request, reason: str = "") -> None:
    request_transition(
        request=request,
        type="withdrawn",
        on=today(),
        note=("Ingetrokken door verzoeker via het portaal. " + reason.strip())[:2000],
        actor_label="verzoeker (portaal)",
    )
    _notify_adviser(
        request,
        f"Verzoek {request.reference} ingetrokken",
        f"De verzoeker heeft {request.reference} ingetrokken via het portaal.\n\n{reason}",
    )


NOTIFY_EVENTS = {
    "adjourned": gettext_lazy("Uw Woo-verzoek {ref} is verdaagd"),
    "suspension": gettext_lazy("De termijn voor uw Woo-verzoek {ref} is opgeschort"),
    "decision_sent": gettext_lazy("Besluit op uw Woo-verzoek {ref}"),
}


def requester_notify(*, event_id: int) -> bool:
    """E-mail the requester about a step that matters; returns whether a mail was sent."""
    from cases.models import Event
    from cases.selectors import request_deadline

    event = Event.objects.select_related("request").filter(pk=event_id).first()
    if event is None or event.type not in NOTIFY_EVENTS or not event.has_legal_effect:
        return False
    request = event.request
    if not request.requester_email:
        return False
    context = {"request": request, "event": event, "deadline": request_deadline(request)}
    if event.type == "decision_sent":
        # the mail promises the besluit "via uw persoonlijke statuslink": it carries the link,
        # the same one the requester has; a new one only if the old cannot be recovered
        # never rotate a link the requester already has: read the row fresh (the task may run
        # after a link was issued) and issue one only when the case has none yet
        with transaction.atomic():
            fresh = Request.objects.select_for_update().get(pk=request.pk)
            token = portal_link_current(fresh)
            if token is None and not fresh.portal_token_hash:
                token = portal_link_issue(request=fresh)
        context["url"] = status_url(token) if token else ""
    _send(
        request.requester_email,
        str(NOTIFY_EVENTS[event.type]).format(ref=request.reference),
        "portal/email/status_changed.txt",
        context,
    )
    return True


def requester_reactions(request: Request) -> list:
    """The requester's own reactions through the portal, for "Verloop" (never voided ones)."""
    prefix = "Reactie van verzoeker via het portaal: "
    out = []
    for e in request.events.filter(actor_label="verzoeker (portaal)", voided_at__isnull=True):
        text = e.note[len(prefix) :] if e.note.startswith(prefix) else e.note
        out.append({"on": e.on, "type": e.type, "text": text, "created_at": e.created_at})
    return out


def _may_release(request: Request) -> bool:
    # Woo art. 4.4 lid 5: release waits while a third party can still object
    return request.decision_sent_on is not None and request.status != "verstrekking_uitgesteld"


def released_documents(request: Request) -> list[Document]:
    """What the requester may download after the besluit is sent: per document exactly the file
    its judgement releases (openbaar: the cleaned, verified PDF; deels openbaar: the verified
    redacted PDF), never withdrawn, never stale, never an original or a draft."""
    if not _may_release(request):
        return []
    candidates = (
        request.documents.filter(
            judgement__in=["openbaar", "deels_openbaar"],
            redacted__isnull=False,
            publication_withdrawn_on__isnull=True,
        )
        .select_related("pdf", "redacted")
        .order_by("sort_key")
    )
    return [d for d in candidates if document_release_file(d) is not None]


def released_locations(request: Request) -> list[Document]:
    """Reeds openbaar: the requester gets the vindplaats, no file."""
    if not _may_release(request):
        return []
    return list(
        request.documents.filter(judgement="reeds_openbaar", publication_withdrawn_on__isnull=True)
        .exclude(location="")
        .order_by("sort_key")
    )
