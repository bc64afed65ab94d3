"""`manage.py bench_letters --documents 10000`: time and peak memory to render a besluit and lists."""

import resource
import time
import tracemalloc
from dataclasses import replace
from datetime import date, timedelta

from django.core.management.base import BaseCommand

from cases import grounds
from cases.letters import render_inventory, render_letter
from cases.letters.context import (
    AnswerInfo,
    DocumentInfo,
    GroundUse,
    HandlerInfo,
    LetterContext,
    OrganisationInfo,
    PointInfo,
    RequesterInfo,
)

JUDGEMENTS = ("openbaar", "deels_openbaar", "niet_openbaar", "reeds_openbaar", "deels_openbaar")


def synthetic_context(n: int) -> LetterContext:
    docs = []
    for i in range(1, n + 1):
        j = JUDGEMENTS[i % len(JUDGEMENTS)]
        g = ("5.1.2e", "5.1.2i") if j in ("deels_openbaar", "niet_openbaar") else ()
        docs.append(
            DocumentInfo(
                number=str(i),
                title=f"E-mail over de planning van project {i % 97} ({i})",
                date=date(2024, 1, 1) + timedelta(days=i % 700),
                judgement=j,
                grounds=g,
                location="https://www.example.nl/reeds" if j == "reeds_openbaar" else "",
                note="",
            )
        )
    used = tuple(
        GroundUse(
            code=c,
            words=grounds.GROUNDS[c].words,
            label=grounds.GROUNDS[c].label,
            motivation=grounds.GROUNDS[c].motivation,
            documents=("1",),
        )
        for c in ("5.1.2e", "5.1.2i")
    )
    return LetterContext(
        kind="besluit",
        regime="woo",
        reference="2026-0000001",
        letter_date=date(2026, 11, 22),
        organisation=OrganisationInfo(
            name="Gemeente Voorbeeld", signature_lines=("het college,", "namens deze,")
        ),
        requester=RequesterInfo(name="Anna de Wit", salutation="mevrouw"),
        handler=HandlerInfo(name="A. Jurist"),
        subject="de herinrichting van het centrum",
        received_on=date(2026, 9, 1),
        points=tuple(PointInfo(k, f"punt {k}") for k in range(1, 11)),
        answers=(AnswerInfo(tuple(range(1, 11)), "Zie de inventarislijst."),),
        documents=tuple(docs),
        grounds_used=used,
    )


class Command(BaseCommand):
    help = "Meet tijd en piekgeheugen voor een besluit met een grote inventarislijst."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=10000)

    def handle(self, *args, documents, **options):
        ctx = synthetic_context(documents)
        for label, fn in (
            ("besluit (.docx, met inventarislijst)", lambda: render_letter(ctx)),
            (
                "inventarislijst (.xlsx)",
                lambda: render_inventory(replace(ctx, kind="inventarislijst"), "xlsx"),
            ),
            (
                "inventarislijst (.csv)",
                lambda: render_inventory(replace(ctx, kind="inventarislijst"), "csv"),
            ),
        ):
            t0 = time.perf_counter()
            data = fn()
            elapsed = time.perf_counter() - t0  # timed without tracemalloc (it slows Python ~2x)
            tracemalloc.start()
            fn()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            self.stdout.write(
                f"{label}: {documents} documenten in {elapsed:.2f} s "
                f"(doel < 5 s: {'ja' if elapsed < 5 else 'NEE'}), Python-piekgeheugen {peak / 2**20:.0f} MiB, "
                f"bestand {len(data) / 2**20:.1f} MiB"
            )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"piek RSS van het proces: {rss:.0f} MiB")
