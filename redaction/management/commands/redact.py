"""`manage.py redact PATH... --out DIR --regime wob|woo`: accept every suggestion, extend it to all
occurrences, apply, verify, second-read, write. One file that fails never stops the others; the
exit code is non-zero when any file was refused, with one line per refused file naming why."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from redaction import detect
from redaction.files import collect_paths, load_pdf
from redaction.management.commands.suggest_redactions import default_config
from redaction.pdf import RedactionVerificationError, UnprocessableDocument, extract_pages
from redaction.pdf.apply import redact_and_verify
from redaction.pdf.pipeline import REMOVED_LABELS, accept_all, second_read


def _why(exc: Exception) -> str:
    """One line naming why a file was refused, in Dutch; never a traceback."""
    if isinstance(exc, RedactionVerificationError):
        return (
            "controle mislukt: "
            + "; ".join(exc.violations[:5])
            + (f" (en {len(exc.violations) - 5} meer)" if len(exc.violations) > 5 else "")
        )
    if isinstance(exc, UnprocessableDocument):
        return f"niet verwerkbaar: {exc}"
    return f"onverwachte fout bij het verwerken ({type(exc).__name__}); niets vrijgegeven"


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
        except FileNotFoundError as exc:
            raise CommandError(str(exc))
        config = default_config(regime)
        refused: dict[Path, str] = {}
        loaded = {}
        for path in files:
            try:
                pdf = load_pdf(path)
                loaded[path] = (pdf, extract_pages(pdf))
            except Exception as exc:  # one bad file never stops the others
                refused[path] = _why(exc)
        try:  # case-wide: a name found in one file is proposed in all
            found = detect.detect_case({p: pages for p, (_, pages) in loaded.items()}, config)
        except Exception:
            found = {}
            for path, (_, pages) in loaded.items():
                try:
                    found[path] = detect.detect_case({path: pages}, config).get(path, [])
                except Exception as exc:
                    refused[path] = _why(exc)
        for path, (pdf, pages) in loaded.items():
            if path in refused:
                continue
            try:
                boxes, secrets = accept_all(pages, found.get(path, []))
                data, log = redact_and_verify(pdf, boxes, secrets=secrets)
            except Exception as exc:
                refused[path] = _why(exc)
                continue
            target = out_dir / (path.stem + ".pdf")
            target.write_bytes(data)
            grounds = ", ".join(f"{g}×{n}" for g, n in sorted(log.grounds.items())) or "geen"
            self.stdout.write(
                f"{path} -> {target}: {log.boxes_applied} vlakken ({grounds}), gecontroleerd"
            )
            if log.removed:
                removed = ", ".join(REMOVED_LABELS.get(r, r) for r in log.removed)
                self.stdout.write(f"  verwijderd: {removed}")
            if log.labels_too_small:
                pages_ = ", ".join(str(p) for p in log.labels_too_small)
                self.stdout.write(
                    f"  WAARSCHUWING {path}: lakvlakken te klein voor de grond als label "
                    f"(pagina {pages_}); de grond staat in het lakverslag"
                )
            try:
                findings = second_read(data, config)
            except Exception as exc:
                findings = []
                self.stdout.write(f"  WAARSCHUWING {path}: tweede lezing mislukt ({exc})")
            for f in findings:
                self.stdout.write(
                    f"  WAARSCHUWING {path}: pagina {f.page} lijkt nog persoonsgegevens te "
                    f"bevatten: {f.text!r} ({f.reason})"
                )
        for path, why in refused.items():
            self.stderr.write(f"GEWEIGERD {path}: {why}")
        if refused:
            raise CommandError(
                f"{len(refused)} bestand(en) niet gelakt en niet vrijgegeven; zie de regels "
                "GEWEIGERD hierboven."
            )
