"""`manage.py bench_redaction [--pages N]`: pages/s for extract, detect, apply, verify; peak memory."""

import resource
import time

from django.core.management.base import BaseCommand

from redaction.detect import DetectionConfig, detect_case
from redaction.pdf import apply_redactions, extract_pages, verify_redacted
from redaction.pdf.bench import build_letter_pdf, warm_up
from redaction.types import RedactionBox


class Command(BaseCommand):
    help = "Meet de lakstraat op een synthetisch corpus (één proces, één kern)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=200)

    def handle(self, *args, pages, **options):
        warm_up()
        for label, every in (
            ("realistisch (~3 lakvlakken per pagina)", 40),
            ("dicht (~24 lakvlakken per pagina)", 5),
        ):
            self.stdout.write(f"== {label}")
            self.run(pages, every)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"piek RSS van het proces: {rss:.0f} MiB")

    def run(self, pages: int, every: int) -> None:
        pdf, _ = build_letter_pdf(pages, contact_every=every)
        timings = {}
        t0 = time.perf_counter()
        texts = extract_pages(pdf, ocr=False)
        timings["extract"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        suggestions = detect_case({0: texts}, DetectionConfig(regime="woo"))[0]
        timings["detect"] = time.perf_counter() - t0
        boxes = [RedactionBox(s.page, b, s.ground, s.text) for s in suggestions for b in s.boxes]
        secrets = sorted({s.text for s in suggestions})
        t0 = time.perf_counter()
        out, log = apply_redactions(pdf, boxes, secrets=secrets)
        timings["apply"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        violations = verify_redacted(out, boxes, secrets=secrets)
        timings["verify"] = time.perf_counter() - t0
        total = sum(timings.values())
        self.stdout.write(f"{pages} pagina's, {len(suggestions)} voorstellen, {len(boxes)} vlakken")
        for step, seconds in timings.items():
            self.stdout.write(f"  {step:<8} {pages / seconds:8.1f} pagina's/s  ({seconds:.2f} s)")
        self.stdout.write(
            f"  {'totaal':<8} {pages / total:8.1f} pagina's/s  ({total:.2f} s, doel >= 50)"
        )
        self.stdout.write(f"  controle: {len(violations)} overtredingen")
