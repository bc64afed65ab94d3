"""Per-case motivation of an exception ground, adapted by the adviser from the catalogue's standard."""

from django.db import models


class GroundMotivation(models.Model):
    request = models.ForeignKey(
        "cases.Request", on_delete=models.CASCADE, related_name="motivations"
    )
    code = models.CharField("grond", max_length=20)
    text = models.TextField("motivering")
    # Woo art. 5.1 lid 4: the date on which the information is made public after all.
    disclose_on = models.DateField("alsnog openbaar op", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "motivering"
        verbose_name_plural = "motiveringen"
        constraints = [
            models.UniqueConstraint(
                fields=["request", "code"], name="unique_motivation_per_ground"
            ),
        ]

    def __str__(self) -> str:
        return self.code
