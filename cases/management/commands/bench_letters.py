"""`manage.py bench_letters --documents 10000`: time and peak memory for a besluit and the lists."""

from __future__ import annotations

import gc
import resource
import time
import tracemalloc
from dataclasses import replace
from datetime import date, timedelta

from django.core.management.base import BaseCommand

from cases.letters import render_inventory, render_letter
from cases.letters.context import (
    AnswerInfo,
    DocumentInfo,
    EventInfo,
    GroundUse,
    HandlerInfo,
    LetterContext,
    OrganisationInfo,
    PointInfo,
    RequesterInfo,
)

TARGET_SECONDS = 5.0
_JUDGEMENTS = ("openbaar", "deels_openbaar", "niet_openbaar", "reeds_openbaar", "deels_openbaar")
_GROUNDS = (
    GroundUse(
        code="5.1.2e",
        words="artikel 5.1, tweede lid, aanhef en onder e, van de Woo",
        label="eerbiediging van de persoonlijke levenssfeer",
        motivation="In de documenten staan namen en contactgegevens van medewerkers en derden.",
        kind="relatief",
    ),
    GroundUse(
        code="5.1.2i",
        words="artikel 5.1, tweede lid, aanhef en onder i, van de Woo",
        label="goed functioneren van de Staat",
        motivation="Openbaarmaking zou het vertrouwelijke overleg met ketenpartners schaden.",
        kind="relatief",
    ),
)


def synthetic_context(n: int) -> LetterContext:
    """A Woo besluit with n documents: mails with attachments (families), some duplicates."""
    docs = []
    for i in range(1, n + 1):
        judgement = _JUDGEMENTS[i % len(_JUDGEMENTS)]
        duplicate = i % 50 == 0
        docs.append(
            DocumentInfo(
                number=f"{i}" if i % 7 else f"{i - 1}a",
                title=f"E-mail over de planning van project {i % 97}; bijlage {i % 5} ({i})",
                date=date(2024, 1, 1) + timedelta(days=i % 700),
                judgement="dubbel" if duplicate else judgement,
                grounds=("5.1.2e", "5.1.2i")
                if judgement in ("deels_openbaar", "niet_openbaar") and not duplicate
                else (),
                location="https://open.example.nl/documenten/" + str(i)
                if judgement == "reeds_openbaar"
                else "",
                note="Naam medewerker weggelakt" if judgement == "deels_openbaar" else "",
                duplicate_of=str(i - 1) if duplicate else "",
                family=f"F{i // 4}",
            )
        )
    return LetterContext(
        kind="besluit",
        regime="woo",
        reference="2026-0000001",
        letter_date=date(2026, 11, 22),
        organisation=OrganisationInfo(
            name="Gemeente Voorbeeld",
            department="Juridische Zaken",
            bezwaar_addressee="het college van burgemeester en wethouders",
            bezwaar_address="Postbus 1\n1000 AA Voorbeeld",
            signature_lines=("het college van burgemeester en wethouders,", "namens dezen,"),
            website="https://www.voorbeeld.nl",
        ),
        requester=RequesterInfo(name="Anna de Wit", salutation="mevrouw", address="Straat 1"),
        handler=HandlerInfo(name="A. Jurist", function="Juridisch adviseur"),
        subject="de herinrichting van het centrum",
        received_on=date(2026, 9, 1),
        points=tuple(PointInfo(k, f"Alle documenten over onderdeel {k}.") for k in range(1, 11)),
        answers=(AnswerInfo(tuple(range(1, 11)), "Zie de inventarislijst."),),
        documents=tuple(docs),
        events=(EventInfo("acknowledged", date(2026, 9, 3)),),
        grounds_used=tuple(
            replace(g, documents=tuple(d.number for d in docs if g.code in d.grounds))
            for g in _GROUNDS
        ),
        attachments=("Inventarislijst",),
    )


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


class Command(BaseCommand):
    help = "Meet tijd en piekgeheugen voor een besluit met een grote inventarislijst."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=10000)

    def handle(self, *args, documents, **options):
        ctx = synthetic_context(documents)
        inventory = replace(ctx, kind="inventarislijst")
        runs = (
            ("besluit (.docx, met inventarislijst)", lambda: render_letter(ctx)),
            ("inventarislijst (.docx)", lambda: render_inventory(inventory, "docx")),
            ("inventarislijst (.xlsx)", lambda: render_inventory(inventory, "xlsx")),
            ("inventarislijst (.csv)", lambda: render_inventory(inventory, "csv")),
        )
        slow = False
        for label, fn in runs:
            gc.collect()
            t0 = time.perf_counter()
            data = fn()
            elapsed = time.perf_counter() - t0  # timed without tracemalloc (it slows Python ~2x)
            tracemalloc.start()
            fn()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            slow |= elapsed >= TARGET_SECONDS
            self.stdout.write(
                f"{label}: {documents} documenten in {elapsed:.2f} s "
                f"(doel < {TARGET_SECONDS:.0f} s: {'ja' if elapsed < TARGET_SECONDS else 'NEE'}), "
                f"Python-piekgeheugen {peak / 2**20:.0f} MiB, bestand {len(data) / 2**20:.2f} MiB, "
                f"piek-RSS tot nu toe {_rss_mib():.0f} MiB"
            )
        self.stdout.write(
            "Python-piekgeheugen telt alleen Python-objecten (tracemalloc), niet de XML-bomen van "
            "lxml; de piek-RSS is het hele proces inclusief Django."
        )
        if slow:
            self.stderr.write("Doel niet gehaald.")
