"""Throughput benchmark of extract, apply and verify on synthetic Dutch letter PDFs."""

from __future__ import annotations

import random
import resource
import time

import pymupdf

from redaction.types import RedactionBox

from .apply import apply_redactions
from .extract import extract_pages
from .verify import verify_redacted

_FIRST = ["Johanna", "Pieter", "Fatima", "Willem", "Sanne", "Mehmet", "Anouk", "Bram", "Ilse"]
_LAST = ["de Vries", "Jansen", "Bakker", "El Amrani", "van Dijk", "Visser", "Smit", "Yilmaz"]
_FILLER = [
    "Naar aanleiding van uw verzoek op grond van de Wet open overheid delen wij u het volgende mee.",
    "In de bijlage treft u de documenten aan die betrekking hebben op het windpark Noordzijde.",
    "Het college heeft besloten de gevraagde informatie gedeeltelijk openbaar te maken.",
    "Persoonsgegevens van medewerkers zijn onleesbaar gemaakt ter bescherming van de privacy.",
    "Tegen dit besluit kunt u binnen zes weken na de dag van verzending bezwaar maken.",
    "De termijn voor het besluit is met twee weken verdaagd vanwege de omvang van het verzoek.",
    "Derde-belanghebbenden zijn in de gelegenheid gesteld een zienswijze te geven.",
    "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd over de voortgang.",
]


# name -> (contact_every, signed): dense is ~24 boxes a page, a realistic letter 4 (a contact line
# with name, e-mail and phone, and a signature).
PROFILES = {"dense": (5, False), "realistic": (40, True)}


def build_letter_pdf(
    pages: int, *, seed: int = 7, contact_every: int = 5, signed: bool = False
) -> tuple[bytes, list[str]]:
    """A text PDF of ``pages`` pages, ~40 lines each, with names, e-mails and phone numbers on every
    ``contact_every``-th line (5: dense, ~24 redactions a page; 40: ~3 a page, like a real letter);
    ``signed`` ends every page with a signature naming a person."""
    rng = random.Random(seed)
    doc = pymupdf.open()
    planted: set[str] = set()
    for _ in range(pages):
        page = doc.new_page()
        lines = []
        for i in range(40):
            if signed and i == 39:
                name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
                planted.add(name)
                lines.append(f"Met vriendelijke groet, {name}")
            elif i % contact_every == 2:
                first, last = rng.choice(_FIRST), rng.choice(_LAST)
                name = f"{first} {last}"
                mail = f"{first[0].lower()}.{last.replace(' ', '').lower()}@gemeente.example.nl"
                phone = f"06-{rng.randint(10000000, 99999999)}"
                planted.update((name, mail, phone))
                lines.append(f"Contactpersoon {name}, e-mail {mail}, telefoon {phone}.")
            else:
                lines.append(rng.choice(_FILLER))
        page.insert_text((56, 60), "\n".join(lines), fontsize=9.5, lineheight=1.6)
    return doc.tobytes(garbage=3, deflate=True), sorted(planted)


def _boxes(pdf: bytes, planted: list[str]) -> list[RedactionBox]:
    boxes = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            text = page.get_text()
            for needle in (n for n in planted if n in text):
                for rect in page.search_for(needle):
                    boxes.append(RedactionBox(page.number, tuple(rect), "5.1.2e", needle))
    return boxes


def warm_up() -> None:
    """Pay the once-per-process costs (the word list behind the text-layer check, compiled
    patterns) before timing, as a long-running worker has paid them."""
    pdf, planted = build_letter_pdf(1, contact_every=5, signed=True)
    extract_pages(pdf, ocr="auto")
    boxes = _boxes(pdf, planted)
    out, _ = apply_redactions(pdf, boxes, secrets=planted)
    verify_redacted(out, boxes, secrets=planted)


def run_benchmark(pages: int = 200, *, profile: str = "dense") -> dict:
    """Pages per second for extract, apply and verify, and for the three together, on one core;
    peak resident memory of the process. ``profile``: "dense" or "realistic" (see PROFILES)."""
    warm_up()
    contact_every, signed = PROFILES[profile]
    pdf, planted = build_letter_pdf(pages, contact_every=contact_every, signed=signed)
    t0 = time.perf_counter()
    extracted = extract_pages(pdf, ocr=False)
    t1 = time.perf_counter()
    boxes = _boxes(pdf, planted)
    t2 = time.perf_counter()
    out, log = apply_redactions(pdf, boxes, secrets=planted)
    t3 = time.perf_counter()
    violations = verify_redacted(out, boxes, secrets=planted)
    t4 = time.perf_counter()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "profile": profile,
        "pages": pages,
        "input_bytes": len(pdf),
        "output_bytes": len(out),
        "chars": sum(len(p.text) for p in extracted),
        "boxes": log.boxes_applied,
        "boxes_per_page": log.boxes_applied / pages,
        "violations": len(violations),
        "extract_pages_per_s": pages / (t1 - t0),
        "search_s": t2 - t1,
        "apply_pages_per_s": pages / (t3 - t2),
        "verify_pages_per_s": pages / (t4 - t3),
        # extract + apply (with saving) + verify; detection is not part of this package
        "pipeline_pages_per_s": pages / ((t1 - t0) + (t4 - t2)),
        "peak_rss_mib": peak_kib / 1024,
    }


def run_benchmarks(pages: int = 200) -> list[dict]:
    """run_benchmark for every profile, realistic first."""
    return [run_benchmark(pages, profile=name) for name in ("realistic", "dense")]


def format_benchmark(d: dict) -> str:
    """The benchmark figures as a few readable lines."""
    return "\n".join(
        [
            f"[{d.get('profile', 'dense')}] {d['pages']} pagina's, {d['boxes']} lakvlakken "
            f"({d['boxes'] / d['pages']:.1f} per pagina), {d['chars']} tekens, "
            f"{d['input_bytes'] / 1024:.0f} KiB -> {d['output_bytes'] / 1024:.0f} KiB",
            f"extract: {d['extract_pages_per_s']:.1f} pagina's/s",
            f"apply:   {d['apply_pages_per_s']:.1f} pagina's/s",
            f"verify:  {d['verify_pages_per_s']:.1f} pagina's/s ({d['violations']} bevindingen)",
            f"samen:   {d['pipeline_pages_per_s']:.1f} pagina's/s (extract + apply + verify)",
            f"piekgeheugen (RSS van het proces): {d['peak_rss_mib']:.0f} MiB",
        ]
    )


if __name__ == "__main__":
    print("\n\n".join(format_benchmark(d) for d in run_benchmarks()))
