"""Derde-belanghebbenden: third parties whose view is asked (Awb 4:8) and who receive the besluit."""

from django.db import models


class ThirdParty(models.Model):
    """A derde-belanghebbende on a case: the documents concerning them are released two weeks
    after bekendmaking (Woo art. 4.4 lid 5) and they receive the besluit at the same time (lid 6)."""

    request = models.ForeignKey(
        "cases.Request", on_delete=models.CASCADE, related_name="third_parties"
    )
    name = models.CharField("naam", max_length=200)
    salutation = models.CharField(
        "aanhef",
        max_length=10,
        blank=True,
        choices=[("heer", "heer"), ("mevrouw", "mevrouw")],
    )
    contact_person = models.CharField("contactpersoon", max_length=200, blank=True)
    address = models.TextField("postadres", blank=True)
    email = models.EmailField("e-mail", blank=True)
    documents = models.ManyToManyField(
        "cases.Document", related_name="third_parties", blank=True, verbose_name="documenten"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "derde-belanghebbende"
        verbose_name_plural = "derde-belanghebbenden"
        ordering = ["request", "name", "id"]

    def __str__(self) -> str:
        return self.name
