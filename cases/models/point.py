"""Numbered points of a request and the answers that cover them ("Ad 6", "Ad 8 en 9")."""

from django.db import models


class Point(models.Model):
    request = models.ForeignKey("cases.Request", on_delete=models.CASCADE, related_name="points")
    number = models.PositiveIntegerField("nummer")
    marker = models.CharField(max_length=10, blank=True)
    text = models.TextField("tekst")

    class Meta:
        verbose_name = "punt"
        verbose_name_plural = "punten"
        ordering = ["request", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="unique_point_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class Answer(models.Model):
    request = models.ForeignKey("cases.Request", on_delete=models.CASCADE, related_name="answers")
    points = models.ManyToManyField(Point, related_name="answers", verbose_name="punten")
    text = models.TextField("antwoord")
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
    def label(self) -> str:
        from cases.point_parser import answer_label

        numbers = self.point_numbers
        return answer_label(numbers) if numbers else "Ad –"

    @property
    def sort_key(self) -> tuple[int, ...]:
        from cases.point_parser import answer_sort_key

        numbers = self.point_numbers
        return answer_sort_key(numbers) if numbers else (10**9,)
