"""`manage.py redact PATH... --out DIR --regime wob|woo`: accept all, apply, verify, write."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from redaction.files import collect_paths, redact_all, suggest_for_files
from redaction.management.commands.suggest_redactions import default_config
from redaction.pdf import RedactionVerificationError, UnprocessableDocument


class Command(BaseCommand):
    help = "Lak alle voorstellen, controleer het resultaat en schrijf OUT/<naam>.pdf per bestand."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--out", required=True)
        parser.add_argument("--regime", choices=["wob", "woo"], required=True)

    def handle(self, *args, paths, out, regime, **options):
        out_dir = Path(out)
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            files = collect_paths(paths)
            results = suggest_for_files(files, default_config(regime))
        except FileNotFoundError as exc:
            raise CommandError(str(exc))
        except UnprocessableDocument as exc:
            raise CommandError(f"Niet verwerkbaar: {exc}")
        failures = 0
        for path, (pdf, _pages, suggestions) in results.items():
            target = out_dir / (path.stem + ".pdf")
            try:
                data, log = redact_all(pdf, suggestions)
            except (RedactionVerificationError, UnprocessableDocument) as exc:
                failures += 1
                self.stderr.write(f"MISLUKT {path}: {exc}")
                continue
            target.write_bytes(data)
            grounds = ", ".join(f"{g}×{n}" for g, n in sorted(log.grounds.items())) or "geen"
            self.stdout.write(
                f"{path} -> {target}: {log.boxes_applied} vlakken ({grounds}), gecontroleerd"
            )
        if failures:
            raise CommandError(
                f"{failures} bestand(en) niet gelakt: controle mislukt; niets vrijgegeven."
            )
