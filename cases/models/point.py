"""Numbered points of a request and the answers that cover them ("Ad 6", "Ad 8 en 9")."""

from django.conf import settings
from django.db import models


class Point(models.Model):
    request = models.ForeignKey("cases.Request", on_delete=models.CASCADE, related_name="points")
    number = models.PositiveIntegerField("nummer")
    marker = models.CharField(max_length=10, blank=True)
    text = models.TextField("tekst")
    # Kamervragen (issue 14): the department or person asked to draft the answer to this question.
    contributor = models.CharField("bijdrage van", max_length=200, blank=True)

    class Meta:
        verbose_name = "punt"
        verbose_name_plural = "punten"
        ordering = ["request", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="unique_point_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


# What an answer says about its points, beside its text: the besluit's dictum follows from these
# outcomes and the documents' judgements (issue 12, item 2).
ANSWER_OUTCOMES = [
    ("documenten", "documenten aangetroffen (zie de inventarislijst)"),
    ("reeds_openbaar", "reeds openbaar (met vindplaats)"),
    ("niet_aanwezig", "niet aanwezig / berust niet onder het bestuursorgaan"),
    ("doorgezonden", "doorgezonden aan een ander bestuursorgaan"),
    ("toelichting", "alleen een toelichting"),
]
OUTCOME_CODES = tuple(code for code, _ in ANSWER_OUTCOMES)


class Answer(models.Model):
    request = models.ForeignKey("cases.Request", on_delete=models.CASCADE, related_name="answers")
    points = models.ManyToManyField(Point, related_name="answers", verbose_name="punten")
    text = models.TextField("antwoord")
    # "" for answers written before outcomes existed: the dictum then follows the documents only.
    outcome = models.CharField("uitkomst", max_length=20, choices=ANSWER_OUTCOMES, blank=True)
    location = models.TextField("vindplaats (reeds openbaar)", blank=True)
    # Kamervragen (issue 14): the adviser approved this draft answer; a new text clears it.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers_approved",
        verbose_name="goedgekeurd door",
    )
    approved_at = models.DateTimeField("goedgekeurd op", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"

    def __str__(self) -> str:
        return self.label

    @property
    def point_numbers(self) -> list[int]:
        return sorted(p.number for p in self.points.all())

    @property
    def kamer_label(self) -> str:
        """'Antwoord op vraag 2 en 3' (Kamervragen, issue 14)."""
        from cases.point_parser import kamer_answer_label

        numbers = self.point_numbers
        return kamer_answer_label(numbers) if numbers else "Antwoord op vraag –"

    @property
    def label(self) -> str:
        from cases.point_parser import answer_label

        numbers = self.point_numbers
        return answer_label(numbers) if numbers else "Ad –"

    @property
    def sort_key(self) -> tuple[int, ...]:
        from cases.point_parser import answer_sort_key

        numbers = self.point_numbers
        return answer_sort_key(numbers) if numbers else (10**9,)
