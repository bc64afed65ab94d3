"""`manage.py evaluate_detection [CORPUS] [--details]`: the detection figures of issue 10.

Without CORPUS: the dev corpus (tests/redaction/corpus) and, when it exists, the blind set
(tests/redaction/blind/cases), each printed separately. The blind set is printed as FIGURES
ONLY: no missed or wrongly redacted strings ever leave it, so that whoever tunes the detectors
cannot learn its contents. `--details` lists the misses of the dev corpus.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from redaction.detect.evaluate import evaluate, format_report

DEV_CORPUS = Path("tests/redaction/corpus")
BLIND_CASES = Path("tests/redaction/blind/cases")


def _is_blind(path: Path) -> bool:
    blind = BLIND_CASES.resolve().parent
    p = path.resolve()
    return p == blind or blind in p.parents


class Command(BaseCommand):
    help = "Meet lekpercentage en leesbaar gebleven tekst van de detectie (dev en blind)."

    def add_arguments(self, parser):
        parser.add_argument("corpus", nargs="?", default=None)
        parser.add_argument(
            "--build-name-cache",
            action="store_true",
            help="Bouw eenmalig de compacte namenlijst uit names-dataset (± 15 s, > 1 GB geheugen).",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Met --build-name-cache: alleen bouwen als de lijst nog niet bestaat.",
        )
        parser.add_argument(
            "--details",
            action="store_true",
            help="Toon gemiste en onterechte lakken (alleen voor de dev-set).",
        )

    def handle(self, *args, corpus, details, build_name_cache=False, if_missing=False, **options):
        if build_name_cache:
            from redaction.detect import worldnames

            path = worldnames.cache_path()
            if path is None:
                self.stdout.write("names-dataset is niet geïnstalleerd: geen namenlijst gebouwd.")
                return
            if if_missing and path.exists():
                self.stdout.write(f"Namenlijst bestaat al: {path}")
                return
            worldnames.build(path)
            self.stdout.write(f"Namenlijst gebouwd: {path}")
            return
        if corpus:
            path = Path(corpus)
            self.stdout.write(
                format_report(evaluate(path), details=details and not _is_blind(path))
            )
            return
        self.stdout.write(f"== dev ({DEV_CORPUS}) ==")
        self.stdout.write(format_report(evaluate(DEV_CORPUS), details=details))
        if BLIND_CASES.is_dir():
            self.stdout.write(f"== blind ({BLIND_CASES}): alleen cijfers ==")
            self.stdout.write(format_report(evaluate(BLIND_CASES), details=False))
        else:
            self.stdout.write("== blind: geen blinde set gevonden ==")
