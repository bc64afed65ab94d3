"""`manage.py import_case PATH.json`: create a case; prints its kenmerk as the last line."""

import json

from django.core.management.base import BaseCommand, CommandError

from cases.services.importing import ImportError_, case_import


class Command(BaseCommand):
    help = "Importeer een verzoek uit een JSON-bestand (zie docs/import_case.md)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise CommandError(f"Bestand niet gevonden: {path}")
        except json.JSONDecodeError as exc:
            raise CommandError(f"Geen geldige JSON in {path}: {exc}")
        try:
            request = case_import(data)
        except ImportError_ as exc:
            raise CommandError(f"Import mislukt, er is niets aangemaakt. {exc}")
        self.stdout.write(f"Aangemaakt: {request.subject} ({request.get_status_display()})")
        self.stdout.write(request.reference)
