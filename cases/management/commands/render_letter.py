"""`manage.py render_letter KENMERK KIND --out PATH [--format docx|csv|xlsx] [--pdf]` plus the
choices some letters need: --reden omvang,gecompliceerdheid [--toelichting ZIN] (verdaging),
--met-verdaging (ontvangstbevestiging), --reactie-op JJJJ-MM-DD (precisering, zienswijze),
--vraag TEKST (precisering), --orgaan NAAM [--orgaan-adres ADRES] [--punten 3,5] (doorzending),
--derde NAAM (zienswijzeverzoek, kennisgeving_derde); Kamervragen (issue 14): aanbiedingsbrief,
uitstelbericht (--toelichting REDEN), antwoorden, with --ondertekenaar NAAM."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cases.letters import ALL_LETTER_KINDS as LETTER_KINDS
from cases.letters_pdf import PdfUnavailable, docx_to_pdf
from cases.models import Request
from cases.services.letters import letter_render


class Command(BaseCommand):
    help = "Maak een brief (nieuwe versie) voor een verzoek en schrijf hem naar --out."

    def add_arguments(self, parser):
        parser.add_argument("reference")
        parser.add_argument("kind")
        parser.add_argument("--out", required=True)
        parser.add_argument("--format", default="docx", dest="fmt")
        parser.add_argument(
            "--date", default=None, help="briefdatum JJJJ-MM-DD (standaard vandaag)"
        )
        parser.add_argument("--pdf", action="store_true", help="ook als PDF (LibreOffice nodig)")
        parser.add_argument("--reden", default="", help="verdaging: omvang,gecompliceerdheid")
        parser.add_argument("--toelichting", default="", help="verdaging: extra zin (optioneel)")
        parser.add_argument("--met-verdaging", action="store_true", dest="adjourn")
        parser.add_argument("--reactie-op", default=None, dest="reply", help="JJJJ-MM-DD")
        parser.add_argument("--vraag", default="", help="precisering: wat is onduidelijk")
        parser.add_argument("--orgaan", default="", help="doorzending: het bestuursorgaan")
        parser.add_argument("--orgaan-adres", default="", dest="organ_address")
        parser.add_argument("--punten", default="", help="doorzending: punten, bijv. 3,5")
        parser.add_argument("--derde", default="", help="naam van de derde-belanghebbende")
        parser.add_argument(
            "--ondertekenaar", default="", dest="signatory", help="Kamervragen: naam onder de brief"
        )

    def handle(self, *args, reference, kind, out, fmt, date, pdf, **options):
        from datetime import date as date_cls

        choices = {
            "adjourn": options.get("adjourn", False),
            "adjournment_reasons": [r.strip() for r in options.get("reden", "").split(",") if r],
            "adjournment_sentence": options.get("toelichting", ""),
            "reply_due_on": options.get("reply"),
            "question": options.get("vraag", ""),
            "organ_name": options.get("orgaan", ""),
            "organ_address": (options.get("organ_address") or "").replace("\\n", "\n"),
            "points": [p for p in options.get("punten", "").replace(",", " ").split() if p],
            "signatory": options.get("signatory", ""),
        }
        if any(not p.isdigit() for p in choices["points"]):
            raise CommandError("--punten: geef puntnummers, bijv. 3,5.")

        if kind not in LETTER_KINDS:
            raise CommandError(f"Onbekende brief '{kind}'; kies uit: {', '.join(LETTER_KINDS)}.")
        if fmt not in ("docx", "csv", "xlsx"):
            raise CommandError(f"Onbekend formaat '{fmt}'; kies docx, csv of xlsx.")
        if fmt != "docx" and kind != "inventarislijst":
            raise CommandError("Alleen de inventarislijst kan als csv of xlsx.")
        request = Request.objects.filter(reference=reference).first()
        if request is None:
            raise CommandError(f"Onbekend kenmerk: {reference}")
        try:
            letter_date = date_cls.fromisoformat(date) if date else None
        except ValueError:
            raise CommandError(f"Ongeldige datum: {date}")
        third_party = None
        if options.get("derde"):
            third_party = request.third_parties.filter(name=options["derde"]).first()
            if third_party is None:
                names = ", ".join(request.third_parties.values_list("name", flat=True)) or "geen"
                raise CommandError(
                    f"Onbekende derde-belanghebbende '{options['derde']}'; bekend: {names}."
                )
        try:
            letter = letter_render(
                request=request,
                kind=kind,
                fmt=fmt,
                letter_date=letter_date,
                options=choices,
                third_party=third_party,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages))
        data = letter.file.read()
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.stdout.write(f"{letter} geschreven naar {target}")
        for problem in letter.problems:
            self.stdout.write(f"  controle: {problem['message']}")
        if pdf:
            if fmt != "docx":
                raise CommandError("--pdf kan alleen bij een Word-document.")
            try:
                pdf_bytes = docx_to_pdf(data)
            except PdfUnavailable as exc:
                raise CommandError(str(exc))
            pdf_path = target.with_suffix(".pdf")
            pdf_path.write_bytes(pdf_bytes)
            self.stdout.write(f"PDF geschreven naar {pdf_path}")
