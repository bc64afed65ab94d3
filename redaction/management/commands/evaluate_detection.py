"""`manage.py evaluate_detection [CORPUS]`: precision, recall and leak rate per category."""

from django.core.management.base import BaseCommand

from redaction.detect.evaluate import evaluate, format_report


class Command(BaseCommand):
    help = "Meet precisie, recall en lekpercentage van de detectie op het geannoteerde corpus."

    def add_arguments(self, parser):
        parser.add_argument("corpus", nargs="?", default="tests/redaction/corpus")

    def handle(self, *args, corpus, **options):
        self.stdout.write(format_report(evaluate(corpus)))
