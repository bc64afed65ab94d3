"""The public requester portal: online request form and the personal status page (token link)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cases.letters_pdf import PdfUnavailable
from cases.models import Organisation
from cases.ratelimit import client_ip, hit
from cases.selectors import request_deadline
from cases.services.documents import document_release_file
from cases.services.letters import (
    LetterNotForRequester,
    letter_pdf_for_requester,
    requester_letters,
)
from cases.services.portal import (
    released_documents,
    released_locations,
    request_for_token,
    request_submit_online,
    requester_reactions,
    requester_reply,
    requester_withdraw,
)
from cases.services.publication import sent_inventory

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
ALLOWED_REPLY_TYPES = (".pdf", ".png", ".jpg", ".jpeg", ".txt", ".docx", ".odt", ".eml")
MAX_REPLY_BYTES = 10 * 1024 * 1024


def _secure(response: HttpResponse) -> HttpResponse:
    response["Content-Security-Policy"] = CSP
    response["Referrer-Policy"] = "same-origin"  # the token never leaks to other sites
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def _too_many() -> HttpResponse:
    return _secure(
        HttpResponse(
            _("Te veel verzoeken in korte tijd. Probeer het over een paar minuten opnieuw."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
    )


class OnlineRequestForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Uw naam"), max_length=200)
    email = forms.EmailField(
        label=gettext_lazy("Uw e-mailadres"),
        help_text=gettext_lazy("Hierop ontvangt u de bevestiging en de statuslink."),
    )
    address = forms.CharField(
        label=gettext_lazy("Postadres (optioneel)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    organisation = forms.CharField(
        label=gettext_lazy("Organisatie (optioneel)"), max_length=200, required=False
    )
    subject = forms.CharField(
        label=gettext_lazy("Onderwerp"),
        max_length=300,
        help_text=gettext_lazy("Kort: waar gaat uw verzoek over?"),
    )
    request_text = forms.CharField(
        label=gettext_lazy("Uw verzoek"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=gettext_lazy(
            "Beschrijf welke informatie u zoekt. Nummer uw vragen, bijvoorbeeld: "
            "'1. alle adviezen over ...; 2. de e-mails tussen ... en ...'."
        ),
    )
    period = forms.CharField(
        label=gettext_lazy("Periode (optioneel)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Bijv. 2023 tot en met 2025."),
    )
    preferred_format = forms.ChoiceField(
        label=gettext_lazy("Gewenste vorm"),
        choices=[
            ("digitaal", gettext_lazy("digitaal (pdf)")),
            ("papier", gettext_lazy("op papier")),
        ],
        help_text=gettext_lazy("Digitaal: per e-mail of via uw persoonlijke statuslink."),
        initial="digitaal",
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # honeypot for bots


def request_form(request):
    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        raise Http404(_("Dit portaal is nog niet ingericht."))
    form = OnlineRequestForm(request.POST or None)
    if request.method == "POST":
        if not hit("portal-form", client_ip(request), limit=5, window=3600):
            return _too_many()
        if form.is_valid() and not form.cleaned_data.get("website"):
            data = form.cleaned_data
            case, token = request_submit_online(
                organisation=organisation,
                name=data["name"],
                email=data["email"],
                subject=data["subject"],
                request_text=data["request_text"],
                address=data["address"],
                requester_organisation=data["organisation"],
                period=data["period"],
                preferred_format=data["preferred_format"],
            )
            request.session["portal_new"] = {"reference": case.reference, "token": token}
            return redirect("portal:submitted")
    return _secure(
        render(request, "portal/request_form.html", {"form": form, "organisation": organisation})
    )


def submitted(request):
    info = request.session.pop("portal_new", None)
    if not info:
        return redirect("portal:request_form")
    return _secure(render(request, "portal/submitted.html", info))


def _case_or_404(request, token: str):
    if not hit("portal-status", client_ip(request), limit=120, window=60):
        return None, _too_many()
    case = request_for_token(token)
    if case is None:
        raise Http404(_("Deze link is niet (meer) geldig."))
    return case, None


STATUS_TEXT = {
    "ontvangen": gettext_lazy("Wij hebben uw verzoek ontvangen."),
    "ontvangst_bevestigd": gettext_lazy(
        "Wij hebben de ontvangst bevestigd en zoeken de documenten."
    ),
    "in_behandeling": gettext_lazy("Wij zoeken de documenten die onder uw verzoek vallen."),
    "precisering_gevraagd": gettext_lazy(
        "Wij hebben u gevraagd uw verzoek te verduidelijken. Reageer hieronder."
    ),
    "gepreciseerd": gettext_lazy("U heeft uw verzoek verduidelijkt; wij behandelen het verder."),
    "verdaagd": gettext_lazy("De beslistermijn is verlengd (verdaagd)."),
    "zienswijze_derden": gettext_lazy(
        "Wij vragen derden om hun mening over openbaarmaking; de termijn is opgeschort."
    ),
    "zienswijze_afgerond": gettext_lazy(
        "De meningen van derden zijn binnen; wij beoordelen de documenten."
    ),
    "beoordeling": gettext_lazy("Wij beoordelen de gevonden documenten."),
    "besluit_concept": gettext_lazy("Wij stellen het besluit op."),
    "ter_ondertekening": gettext_lazy("Het besluit ligt ter ondertekening."),
    "verzonden": gettext_lazy("Het besluit is verzonden."),
    "verstrekking_uitgesteld": gettext_lazy(
        "Het besluit is verzonden; de documenten worden na twee weken verstrekt."
    ),
    "openbaar_gemaakt": gettext_lazy("Het besluit is verzonden en de documenten zijn verstrekt."),
    "gepubliceerd": gettext_lazy("Het besluit en de documenten zijn gepubliceerd."),
    "bezwaar": gettext_lazy("Er is bezwaar gemaakt tegen het besluit."),
    "beslissing_op_bezwaar": gettext_lazy("Er is op het bezwaar beslist."),
    "beroep": gettext_lazy("Er loopt een beroepsprocedure."),
    "gesloten": gettext_lazy("Uw verzoek is afgehandeld."),
    "ingetrokken": gettext_lazy("U heeft uw verzoek ingetrokken."),
    "doorgezonden": gettext_lazy(
        "Uw verzoek is doorgestuurd naar een ander bestuursorgaan dat erover gaat."
    ),
    "buiten_behandeling": gettext_lazy("Uw verzoek is buiten behandeling gesteld."),
}
MILESTONES = {
    "received": gettext_lazy("Verzoek ontvangen"),
    "acknowledged": gettext_lazy("Ontvangst bevestigd"),
    "precisering_asked": gettext_lazy("Verduidelijking gevraagd"),
    "precisering_received": gettext_lazy("Verduidelijking ontvangen"),
    "adjourned": gettext_lazy("Verdaagd"),
    "suspension": gettext_lazy("Termijn opgeschort"),
    "zienswijze_received": gettext_lazy("Zienswijze derden afgerond"),
    "decision_sent": gettext_lazy("Besluit verzonden"),
    "documents_provided": gettext_lazy("Documenten verstrekt"),
    "published": gettext_lazy("Gepubliceerd"),
    "withdrawn": gettext_lazy("Ingetrokken"),
    "forwarded": gettext_lazy("Doorgezonden"),
}


def privacy(request):
    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        raise Http404(_("Dit portaal is nog niet ingericht."))
    return _secure(render(request, "portal/privacy.html", {"organisation": organisation}))


def _d(day) -> str:
    return date_format(day, "j F Y")


REACTION_LABELS = {
    "precisering_received": gettext_lazy("Uw verduidelijking"),
    "contact": gettext_lazy(_("Uw reactie")),
    "withdrawn": gettext_lazy("U heeft uw verzoek ingetrokken"),
}


def _timeline(case, deadline) -> list[dict]:
    """Milestones with legal effect and the requester's own reactions, in date order."""
    items = []
    for e in case.events.filter(voided_at__isnull=True).order_by("on", "created_at"):
        if e.type not in MILESTONES or not e.has_legal_effect:
            continue
        if e.actor_label == "verzoeker (portaal)" and e.type in REACTION_LABELS:
            continue  # shown below as the requester's own reaction, with its text
        label = str(MILESTONES[e.type])
        if e.type == "suspension" and e.until:
            label = _("%(label)s van %(from)s tot en met %(until)s") % {
                "label": label,
                "from": _d(e.on),
                "until": _d(e.until),
            }
        if e.type == "adjourned" and deadline.due_on:
            label = _("%(label)s tot %(due)s") % {"label": label, "due": _d(deadline.due_on)}
        items.append({"on": e.on, "label": label, "text": "", "own": False, "at": e.created_at})
    for r in requester_reactions(case):
        items.append(
            {
                "on": r["on"],
                "label": REACTION_LABELS.get(r["type"], _("Uw reactie")),
                "text": r["text"],
                "own": True,
                "at": r["created_at"],
            }
        )
    items.sort(key=lambda i: (i["on"], i["at"]))
    return items


def status(request, token: str):
    case, limited = _case_or_404(request, token)
    if limited:
        return limited
    deadline = request_deadline(case)
    # only letters addressed to the requester: never those to a derde-belanghebbende or an organ
    letters = list(requester_letters(case).order_by("sent_on"))
    decided = case.decision_sent_on is not None
    ctx = {
        "case": case,
        "token": token,
        "status_text": STATUS_TEXT.get(case.status, case.status_label),
        "deadline": deadline,
        "timeline": _timeline(case, deadline),
        "organisation": case.organisation,
        # Awb 6:7/6:8: six weeks from the day after the besluit is sent (the clock computes it)
        "bezwaar": {"ends_on": deadline.bezwaar_ends_on, "text": deadline.bezwaar_text}
        if decided and deadline.bezwaar_ends_on
        else None,
        "letters": letters,
        "documents": released_documents(case),
        "locations": released_locations(case),
        "decided": decided,
        "inventory": sent_inventory(case) if decided else None,
        "can_act": case.status
        not in ("gesloten", "ingetrokken", "buiten_behandeling", "doorgezonden")
        and not decided,
    }
    return _secure(render(request, "portal/status.html", ctx))


def letter_download(request, token: str, letter_id: int):
    case, limited = _case_or_404(request, token)
    if limited:
        return limited
    letter = requester_letters(case).filter(pk=letter_id).first()
    if letter is None:
        raise Http404(_("Deze brief bestaat niet."))
    try:
        # always a PDF, frozen at sending for the besluit; never the editable .docx (issue 12.7)
        data = letter_pdf_for_requester(letter)
    except LetterNotForRequester:
        raise Http404(_("Deze brief bestaat niet."))
    except PdfUnavailable as exc:  # Dutch message: the PDF cannot be made on this server now
        return _secure(HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8"))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter.pdf_filename}"'
    return _secure(response)


def inventory_download(request, token: str):
    case, limited = _case_or_404(request, token)
    if limited:
        return limited
    if case.decision_sent_on is None:
        raise Http404
    letter = sent_inventory(case)  # frozen when the besluit was sent, never a later draft
    if letter is None:
        raise Http404(_("Er is geen inventarislijst."))
    return _secure(
        FileResponse(letter.file.content.open("rb"), as_attachment=True, filename=letter.filename)
    )


def document_download(request, token: str, doc_id: int):
    case, limited = _case_or_404(request, token)
    if limited:
        return limited
    document = next((d for d in released_documents(case) if d.pk == doc_id), None)
    released = document_release_file(document) if document is not None else None
    if released is None:
        raise Http404(_("Dit document is niet beschikbaar."))
    name = f"{case.reference}-{document.number}.pdf"
    return _secure(
        FileResponse(
            released.content.open("rb"),
            as_attachment=True,
            filename=name,
            content_type="application/pdf",
        )
    )


@require_POST
def reply(request, token: str):
    case, limited = _case_or_404(request, token)
    if limited:
        return limited
    if not hit("portal-reply", client_ip(request), limit=10, window=3600):
        return _too_many()
    files = []
    for f in request.FILES.getlist("files"):
        if f.size > MAX_REPLY_BYTES:
            messages.error(
                request,
                _("'%(name)s' is groter dan 10 MB en is niet verstuurd.") % {"name": f.name},
            )
            return redirect("portal:status", token=token)
        if not f.name.lower().endswith(ALLOWED_REPLY_TYPES):
            messages.error(
                request,
                _(
                    "Bestandstype van '%(name)s' wordt niet geaccepteerd (toegestaan: pdf, "
                    "afbeelding, tekst, Word)."
                )
                % {"name": f.name},
            )
            return redirect("portal:status", token=token)
        files.append((f.name, f.read()))
    try:
        requester_reply(request=case, text=request.POST.get("text", ""), files=files)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Uw reactie is ontvangen. De behandelaar is op de hoogte gebracht.")
        )
    return redirect("portal:status", token=token)


@require_http_methods(["POST"])
def withdraw(request, token: str):
    case, limited = _case_or_404(request, token)
    if limited:
        return limited
    if request.POST.get("confirm") != "ja":
        messages.error(request, _("Bevestig dat u uw verzoek wilt intrekken."))
        return redirect("portal:status", token=token)
    try:
        requester_withdraw(request=case, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Uw verzoek is ingetrokken."))
    return redirect("portal:status", token=token)
