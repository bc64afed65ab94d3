"""`manage.py bench_dossier --documents N [--workers 1|2|1,2]`: whole-dossier analysis, measured.

Generates N PDF documents (a few pages each, with names, BSNs and phone numbers; the people
recur across the dossier as in a real one), uploads them to ONE new case through the services,
with real Celery worker processes started here on REDIS_URL and DATABASE_URL (both required,
PostgreSQL for the database), waits until every document is analysed, accepts every suggestion,
applies the redactions (verified) and waits until every document is applied. Prints the time per
phase, the time per document and, with ``--workers 1,2`` (the default), the ratio of two worker
processes to one: measured in the same run, so the machine's load affects both alike. The
one-minute load average is printed before and after.

Linearity: run it for two sizes (e.g. 40 and 200) and compare seconds per document, or pass
``--documents 40,200``: the command prints the growth exponent k (time ∝ N^k) from the two and
the extrapolated time for 1,000 documents.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

ROOT = Path(__file__).resolve().parents[3]

FIRST = ["Dzjemilja", "Thijmen", "Ravindra", "Lotte", "Sevda", "Joost", "Mirthe", "Bram"]
LAST = ["Abdoellaeva", "Oudewater", "Ramdin", "Verbeek", "Yildirim", "Hoogendijk", "Kramer"]
# The people of the dossier: a few dozen persons recur across its documents (as in a real one).
PEOPLE = [f"{f} {last}" for last in LAST for f in FIRST[:4]]  # 28 persons
FILLER = (
    "De gemeente heeft het ontwerp voor de herinrichting van het stationsplein besproken met "
    "de omwonenden. Het advies van de commissie is meegenomen in de verdere uitwerking van het "
    "plan en de planning is in overleg met de aannemer bijgesteld."
)


def bsn(rng: random.Random) -> str:
    """A number that passes the 11-proef (Woo 5.1.1e: statutory identification number)."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * (9 - i) for i, d in enumerate(digits))
        last = total % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


def document_pdf(i: int, rng: random.Random, pages: int = 3, run: str = "") -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page()
        name = rng.choice(PEOPLE)
        lines = [
            f"Document {i}{run}, pagina {p + 1}: verslag van het overleg",
            f"Behandeld door: mevrouw {name}",
            f"Het BSN van de melder is {bsn(rng)} en het nummer is 06-{rng.randint(10000000, 99999999)}.",
            f"{name.split()[-1]} neemt contact op met de aannemer over punt {i}.{p}.",
            *([FILLER] * 6),
        ]
        page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), "\n".join(lines), fontsize=10)
    data = doc.tobytes()
    doc.close()
    return data


def memory_run(pages: int) -> list[tuple[str, float, float]]:
    """Extraction (into the page store's format), detection and apply + verify of ONE generated
    PDF of ``pages`` pages, in this process: (stage, seconds, max RSS in MiB so far)."""
    import resource

    import pymupdf

    from redaction import detect, pagestore
    from redaction.pdf import extract_pages, redact_and_verify
    from redaction.types import RedactionBox

    def rss() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rng = random.Random(pages)
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page()
        name = rng.choice(PEOPLE)
        lines = [
            f"Pagina {p + 1}: behandeld door mevrouw {name}",
            f"Het BSN van de melder is {bsn(rng)} en het nummer is 06-{rng.randint(10000000, 99999999)}.",
            *([FILLER] * 8),
        ]
        page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), "\n".join(lines), fontsize=10)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    del doc
    stages = [("generated", 0.0, rss())]
    t = time.perf_counter()
    extracted = extract_pages(data)
    blob = pagestore.encode(extracted)
    stages.append(("extract + store blob", time.perf_counter() - t, rss()))
    del extracted
    t = time.perf_counter()
    read = pagestore.decode(blob)
    found = detect.detect_case({0: read}, detect.DetectionConfig())[0]
    del read
    stages.append(("read store + detect", time.perf_counter() - t, rss()))
    t = time.perf_counter()
    boxes = [
        RedactionBox(page=s.page, rect=b, ground=s.ground, text=s.text)
        for s in found
        for b in s.boxes
    ]
    secrets = sorted({s.text for s in found if s.category == "bsn"})
    redact_and_verify(data, boxes, secrets=secrets)
    stages.append((f"apply + verify ({len(boxes)} boxes)", time.perf_counter() - t, rss()))
    return stages


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} (1 min), {five:.2f} (5 min), {os.cpu_count()} cores"


class Command(BaseCommand):
    help = "Whole-dossier analysis and applying with 1 and 2 Celery workers through real Redis."

    def add_arguments(self, parser):
        parser.add_argument("--documents", default="40", help="N, or N,M to compare sizes")
        parser.add_argument("--workers", default="1,2", help="1, 2 or 1,2 (ratio)")
        parser.add_argument("--pages", type=int, default=3, help="pages per document")
        parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
        parser.add_argument(
            "--memory-pages",
            type=int,
            default=0,
            help="instead: max RSS of extract + detect + apply on one PDF of this many pages "
            "(in a subprocess; no services needed)",
        )
        parser.add_argument("--memory-child", type=int, default=0, help=argparse.SUPPRESS)

    def handle(self, *args, **opts):
        if opts["memory_child"]:
            for stage, seconds, mib in memory_run(opts["memory_child"]):
                self.stdout.write(f"  {stage}: {seconds:.1f} s, max RSS {mib:.0f} MiB")
            return
        if opts["memory_pages"]:
            self.stdout.write(f"memory: one PDF of {opts['memory_pages']} pages; {load()}")
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "bench_dossier",
                    "--memory-child",
                    str(opts["memory_pages"]),
                ],
                cwd=ROOT,
                check=True,
            )
            self.stdout.write(f"done; {load()}")
            return
        if not settings.REDIS_URL or not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            raise CommandError(
                "Zet REDIS_URL en DATABASE_URL (PostgreSQL): de meting gebruikt echte workers."
            )
        sizes = [int(n) for n in str(opts["documents"]).split(",")]
        workers = [int(w) for w in str(opts["workers"]).split(",")]
        if any(w not in (1, 2) for w in workers) or any(n < 1 for n in sizes):
            raise CommandError("--workers 1, 2 of 1,2; --documents positief.")
        self.stdout.write(f"bench_dossier: {sizes} documents x {opts['pages']} pages; {load()}")
        results: dict[tuple[int, int], float] = {}
        for n in sizes:
            for w in workers:
                results[n, w] = self.run(n, w, opts["pages"], opts["timeout"])
        for n in sizes:
            if (n, 1) in results and (n, 2) in results:
                self.stdout.write(
                    f"{n} documents: 2 workers are {results[n, 1] / results[n, 2]:.2f}x one"
                )
        w = workers[0]
        if len(sizes) >= 2:
            a, b = sizes[0], sizes[-1]
            ta, tb = results[a, w], results[b, w]
            k = math.log(tb / ta) / math.log(b / a) if b != a else 1.0
            t1000 = tb * (1000 / b) ** max(k, 1.0)
            self.stdout.write(
                f"growth ({w} worker(s)): {a} -> {b} documents: {ta:.1f} s -> {tb:.1f} s, "
                f"time ~ N^{k:.2f}; 1,000 documents extrapolated {t1000:.0f} s = "
                f"{t1000 / ta:.1f}x the time of {a} (target <= 25x for 40)"
            )
        self.stdout.write(f"done; {load()}")

    # --- one run ---------------------------------------------------------------------------

    def run(self, n: int, workers: int, pages: int, timeout: float) -> float:
        from cases.models import Document, Organisation
        from cases.services.requests import request_register
        from redaction import jobs
        from redaction.models import Redaction
        from redaction.services import Upload, documents_upload, redactions_decide_matching

        rng = random.Random(n)  # the same dossier for 1 and 2 workers, other bytes per run
        org, _ = Organisation.objects.get_or_create(
            slug="bench-dossier", defaults=dict(name="Gemeente Bench", phone="14 020")
        )

        def new_case(subject: str):
            return request_register(
                organisation=org,
                received_on=date.today(),
                requester_name="Anna de Wit",
                subject=subject,
                request_text="Ik verzoek om alle documenten over het stationsplein.",
            )

        case = new_case(f"bench dossier {n} documenten")
        warm = new_case("bench warming up")
        run = f" ({case.pk})"
        files = [Upload(f"document-{i}.pdf", document_pdf(i, rng, pages, run)) for i in range(n)]
        procs = [self.start_worker(i) for i in range(workers)]
        try:
            self.wait_ready(procs)
            # every worker loads its name lists once (seconds): not part of the dossier's time
            for i in range(2 * workers):
                documents_upload(
                    request=warm, files=[Upload(f"warm-{i}.pdf", document_pdf(-1 - i, rng, 1, run))]
                )
            warming = Document.objects.filter(request=warm, processing="in_behandeling")
            self.wait(lambda: not warming.exists(), time.monotonic(), timeout)
            t0 = time.monotonic()
            for f in files:  # one upload per request, as people do (each commits on its own)
                documents_upload(request=case, files=[f])
            docs = Document.objects.filter(request=case)
            self.wait(lambda: not docs.filter(processing="in_behandeling").exists(), t0, timeout)
            t_analysed = time.monotonic()
            bad = docs.exclude(processing="klaar").count()
            categories = set(
                Redaction.objects.filter(document__request=case).values_list("category", flat=True)
            )
            for c in sorted(categories):
                redactions_decide_matching(request=case, decision="accepted", category=c)
            for d in docs.filter(processing="klaar", duplicate_of__isnull=True):
                jobs.apply_submit(document=d)
            self.wait(lambda: not docs.filter(redaction_status="bezig").exists(), t0, timeout)
            t_end = time.monotonic()
        finally:
            for p in procs:
                self.stop_worker(p)
        applied = docs.filter(redaction_status="klaar").count()
        suggestions = Redaction.objects.filter(document__request=case).count()
        total = t_end - t0
        self.stdout.write(
            f"{n} documents ({n * pages} pages), {workers} worker(s): total {total:.1f} s, "
            f"{total / n * 1000:.0f} ms per document (analyse {t_analysed - t0:.1f} s, "
            f"apply {t_end - t_analysed:.1f} s); {suggestions} suggestions, {applied} applied, "
            f"{bad} not processable; {load()}"
        )
        return total

    def start_worker(self, i: int) -> subprocess.Popen:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="wobdesk.settings")
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "wobdesk",
                "worker",
                "-Q",
                "default,redaction",
                "--pool",
                "solo",
                "-n",
                f"bench{i}-{os.getpid()}@%h",
                "-l",
                "warning",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_ready(self, procs: list[subprocess.Popen]) -> None:
        """A worker is ready when it answers a ping (the broker and database are reached)."""
        from wobdesk.celery import app

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(p.poll() is not None for p in procs):
                raise CommandError("Een worker is direct gestopt; controleer REDIS_URL.")
            replies = app.control.ping(timeout=1.0) or []
            mine = [r for r in replies if any(f"-{os.getpid()}@" in k for k in r)]
            if len(mine) >= len(procs):
                return
        raise CommandError("De workers reageren niet binnen een minuut.")

    def wait(self, done, t0: float, timeout: float) -> None:
        while not done():
            if time.monotonic() - t0 > timeout:
                raise CommandError(f"Niet klaar binnen {timeout:.0f} s.")
            time.sleep(0.2)

    def stop_worker(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
