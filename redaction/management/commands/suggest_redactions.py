"""`manage.py suggest_redactions PATH... --regime wob|woo [--json]`: suggestions per file."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from cases.models import Organisation
from redaction import detect
from redaction.files import collect_paths, suggest_for_files
from redaction.pdf import UnprocessableDocument


def default_config(regime: str) -> detect.DetectionConfig:
    try:
        org = Organisation.objects.order_by("pk").first()
    except DatabaseError:  # e.g. a fresh database: no tables yet
        raise CommandError(
            "De database is nog niet ingericht: voer eerst 'manage.py migrate' uit."
        ) from None
    if org is None:
        return detect.DetectionConfig(regime=regime)
    return detect.DetectionConfig(
        regime=regime,
        public_officials=tuple(org.public_official_names),
        technical_ground=org.technical_ground(regime),
    )


class Command(BaseCommand):
    help = "Toon lakvoorstellen voor PDF's, afbeeldingen of e-mails (mappen worden doorzocht)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--regime", choices=["wob", "woo"], required=True)
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, paths, regime, as_json, **options):
        try:
            files = collect_paths(paths)
            results = suggest_for_files(files, default_config(regime))
        except FileNotFoundError as exc:
            raise CommandError(str(exc))
        except UnprocessableDocument as exc:
            raise CommandError(f"Niet verwerkbaar: {exc}")
        if as_json:
            out = {
                str(path): [
                    {
                        "page": s.page + 1,
                        "text": s.text,
                        "category": s.category,
                        "ground": s.ground,
                        "boxes": [[round(v, 2) for v in b] for b in s.boxes],
                        "detector": s.detector,
                        "detector_version": s.detector_version,
                        "reason": s.reason,
                    }
                    for s in suggestions
                ]
                for path, (_, _, suggestions) in results.items()
            }
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
            return
        for path, (_, pages, suggestions) in results.items():
            self.stdout.write(f"{path}: {len(pages)} pagina's, {len(suggestions)} voorstellen")
            for s in suggestions:
                self.stdout.write(
                    f"  p{s.page + 1} {s.ground:<8} {s.category:<14} {s.text!r}  ({s.reason})"
                )
