"""Coordinator screens: deadline overview, workload, timeliness report, publication package."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import permissions, reporting
from cases.clock import WARN_WORKING_DAYS_BEFORE_DUE
from cases.forms import staff_users
from cases.overview import case_facts, overview_page, workload
from cases.services.publication import document_publication_withdraw, publication_package
from cases.spreadsheet import safe_row, xlsx_row
from cases.views.common import get_case


def _coordinator(user):
    if not permissions.can_view_overview(user):
        raise PermissionDenied("Alleen coördinatoren hebben toegang tot het overzicht.")


@login_required
def overview(request):
    _coordinator(request.user)
    today = timezone.localdate()
    raw_adviser = request.GET.get("adviser", "")
    # "geen": the cases nobody is assigned to (the workload's "niet toegewezen" row links here).
    adviser_id = (
        0 if raw_adviser == "geen" else (int(raw_adviser) if raw_adviser.isdigit() else None)
    )
    only_action = request.GET.get("actie") == "1"
    colour = request.GET.get("licht", "")
    if colour not in ("rood", "oranje", "groen"):
        colour = ""
    page_no = request.GET.get("pagina", "1")
    page_no = int(page_no) if page_no.isdigit() else 1
    if request.GET.get("export") == "csv":
        rows = overview_page(
            today, adviser_id=adviser_id, only_action=only_action, colour=colour, page_size=None
        ).rows
        buffer = io.StringIO()
        buffer.write("\ufeff")
        w = csv.writer(buffer, delimiter=";")
        w.writerow(
            [
                "kenmerk",
                "onderwerp",
                "status",
                "jurist",
                "ontvangen",
                "uiterste datum",
                "dagen over",
                "signaal",
                "actie nodig",
            ]
        )
        for r in rows:
            req = r.request
            w.writerow(
                safe_row(
                    [
                        req.reference,
                        req.subject,
                        req.status_label,
                        req.adviser.get_full_name() if req.adviser else "",
                        req.received_on.isoformat(),
                        req.due_on.isoformat() if req.due_on else "",
                        r.light.days_left if r.light.days_left is not None else "",
                        r.light.label,
                        " | ".join(r.actions),
                    ]
                )
            )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="termijnen-{today.isoformat()}.csv"'
        )
        return response
    result = overview_page(
        today, adviser_id=adviser_id, only_action=only_action, colour=colour, page=page_no
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    query.pop("export", None)
    return render(
        request,
        "cases/overview.html",
        {
            "rows": result.rows,
            "page": result,
            "query": query.urlencode(),
            "advisers": list(staff_users()),
            "adviser_id": adviser_id,
            "only_action": only_action,
            "colour": colour,
            "workload": workload(today),
            # Counts from the cached due dates in one query (the same test as the lights).
            "counts": result.counts,
            "warn_days": WARN_WORKING_DAYS_BEFORE_DUE,
        },
    )


def _bar_chart(
    values: list[tuple[str, float]],
    *,
    max_value: float | None = None,
    unit: str = "",
    width: int = 560,
    title: str = "",
) -> str:
    """A small server-rendered SVG bar chart (no JavaScript). The label column is as wide as the
    longest label (no "deels openbaa"); percentages are written as in the table ("87,5%")."""
    from django.utils.html import escape

    if not values:
        return ""
    top = max_value or max((v or 0 for _, v in values), default=1) or 1
    bar_h, gap = 22, 8
    label_w = max(60, 8 + max(len(str(label)) for label, _ in values) * 8)
    value_w = 70
    height = len(values) * (bar_h + gap) + gap

    def shown(v):
        if v is None:
            return "–"
        if unit == "%":
            return reporting.percent_label(round(v, 1))
        return reporting.dutch_number(round(float(v), 1) if isinstance(v, float) else v) + unit

    parts = [
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, v) in enumerate(values):
        y = gap + i * (bar_h + gap)
        w = 0 if v is None else (width - label_w - value_w) * (v / top)
        text = f"{escape(label)}: {shown(v)}"
        parts.append(f'<text x="0" y="{y + 16}" font-size="13">{escape(label)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#154273" rx="3">'
            f"<title>{text}</title></rect>"
        )
        parts.append(
            f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" font-size="13">{shown(v)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _report_table(header: list[str], rows: list[list]) -> tuple[list[str], list[tuple]]:
    """Transposed for the screen: one row per figure, one column per period (never wider than the
    screen however many grounds there are); percentages as "87,5%", decimals with a comma."""
    periods = [str(r[0]) for r in rows]
    lines = []
    for col, name in enumerate(header[1:], start=1):
        if name in reporting.PERCENT_COLUMNS:
            label = name.replace(" (%)", "")
            cells = [reporting.percent_label(r[col]) for r in rows]
        else:
            label = name
            cells = ["–" if r[col] is None else reporting.dutch_number(r[col]) for r in rows]
        lines.append((label, cells))
    return periods, lines


@login_required
def report(request):
    _coordinator(request.user)
    by = "quarter" if request.GET.get("per") == "kwartaal" else "year"
    facts = case_facts()
    figures = reporting.timeliness(facts, by=by)
    header, rows = reporting.figures_as_rows(figures)
    fmt = request.GET.get("export")
    if fmt == "csv":
        # Dutch spreadsheet conventions: semicolon, decimal comma; shares are percentages (0-100)
        buffer = io.StringIO()
        buffer.write("\ufeff")
        w = csv.writer(buffer, delimiter=";")
        w.writerow(safe_row(header))
        w.writerows(safe_row([reporting.dutch_number(v) for v in row]) for row in rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="woo-tijdigheid.csv"'
        return response
    if fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = "Tijdigheid"
        ws.append(xlsx_row(ws, header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(xlsx_row(ws, row))
        ws.freeze_panes = "A2"
        out = io.BytesIO()
        wb.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="woo-tijdigheid.xlsx"'
        return response
    outcomes_total: dict[str, int] = {}
    for p in figures:
        for o, n in p.outcomes.items():
            outcomes_total[o] = outcomes_total.get(o, 0) + n
    grounds = reporting.grounds_by_regime(figures)
    charts = {
        "on_time": _bar_chart(
            [
                (p.period, None if p.on_time_share is None else p.on_time_share * 100)
                for p in figures
            ],
            max_value=100,
            unit="%",
            title="Tijdig besloten per periode",
        ),
        "days": _bar_chart(
            [(p.period, p.mean_days) for p in figures if p.mean_days is not None],
            unit=" d",
            title="Gemiddeld aantal dagen tot besluit",
        ),
        "grounds_wob": _bar_chart(
            sorted(grounds["wob"].items(), key=lambda kv: (-kv[1], kv[0]))[:12],
            title="Gebruikte Wob-gronden",
        ),
        "grounds_woo": _bar_chart(
            sorted(grounds["woo"].items(), key=lambda kv: (-kv[1], kv[0]))[:12],
            title="Gebruikte Woo-gronden",
        ),
        "outcomes": _bar_chart(
            [(reporting.OUTCOME_LABELS[k], v) for k, v in outcomes_total.items()],
            title="Uitkomsten",
        ),
    }
    periods, table = _report_table(header, rows)
    return render(
        request,
        "cases/report.html",
        {
            "figures": figures,
            "charts": charts,
            "by": by,
            "periods": periods,
            "table": table,
            "late": reporting.late_cases(facts, today=timezone.localdate()),
        },
    )


@login_required
def publication_download(request, pk: int):
    case = get_case(request.user, pk)
    if not (
        permissions.can_view_overview(request.user) or permissions.can_edit(request.user, case)
    ):
        raise PermissionDenied
    try:
        data = publication_package(request=case, by=request.user)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
        return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=brieven")
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="publicatie-{case.reference}.zip"'
    return response


@login_required
@require_POST
def publication_withdraw(request, pk: int, doc_id: int):
    case = get_case(request.user, pk, edit=True)
    document = get_object_or_404(case.documents, pk=doc_id)
    try:
        document_publication_withdraw(
            document=document, reason=request.POST.get("reason", ""), by=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Publicatie van document {document.number} ingetrokken.")
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")
