"""`manage.py import_case PATH.json`: create a case; prints its kenmerk as the last line."""

import json
import os

from django.core.management.base import BaseCommand, CommandError

from cases.services.importing import ImportError_, case_import

MAX_BYTES = 20 * 1024 * 1024  # a case with thousands of documents is well under this


class Command(BaseCommand):
    help = "Importeer een verzoek uit een JSON-bestand (zie docs/import_case.md)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            size = os.path.getsize(path)
        except OSError:
            raise CommandError(f"Bestand niet gevonden: {path}")
        if size > MAX_BYTES:
            raise CommandError(
                f"Import mislukt, er is niets aangemaakt. {path} is {size / 1048576:.1f} MB; "
                f"een zaak-import mag hoogstens {MAX_BYTES // 1048576} MB zijn."
            )
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise CommandError(f"Bestand niet gevonden: {path}")
        except UnicodeDecodeError:
            raise CommandError(f"{path} is geen UTF-8-tekst; sla het bestand op als UTF-8.")
        except json.JSONDecodeError as exc:
            raise CommandError(f"Geen geldige JSON in {path}: {exc}")
        except RecursionError:
            raise CommandError(
                f"Import mislukt, er is niets aangemaakt. {path} is te diep genest "
                "(lijsten of objecten binnen elkaar); zie docs/import_case.md voor de vorm."
            )
        try:
            request = case_import(data)
        except ImportError_ as exc:
            raise CommandError(f"Import mislukt, er is niets aangemaakt. {exc}")
        except RecursionError:
            raise CommandError(
                "Import mislukt, er is niets aangemaakt. De gegevens zijn te diep genest."
            )
        self.stdout.write(f"Aangemaakt: {request.subject} ({request.get_status_display()})")
        self.stdout.write(request.reference)
