"""`manage.py case_status KENMERK [--json]`: status and legal deadline of one case."""

import json

from django.core.management.base import BaseCommand, CommandError

from cases.models import Request
from cases.selectors import request_status_summary


class Command(BaseCommand):
    help = "Toon status en uiterste beslisdatum van een verzoek."

    def add_arguments(self, parser):
        parser.add_argument("reference")
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument("--organisation", default=None, help="slug, bij meerdere organisaties")

    def handle(self, *args, reference, as_json, organisation, **options):
        qs = Request.objects.filter(reference=reference)
        if organisation:
            qs = qs.filter(organisation__slug=organisation)
        matches = list(qs[:2])
        if not matches:
            raise CommandError(f"Onbekend kenmerk: {reference}")
        if len(matches) > 1:
            raise CommandError("Kenmerk bestaat bij meer organisaties; geef --organisation op.")
        summary = request_status_summary(matches[0])
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        for key, value in summary.items():
            self.stdout.write(f"{key}: {value}")
