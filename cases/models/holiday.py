"""Days made equal to Atw holidays by Royal Decree (Atw art. 3 lid 3): data with their source."""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver


class Holiday(models.Model):
    """A day that counts as an algemeen erkende feestdag for every term (Atw art. 3 lid 3).

    The statutory holidays (art. 3 lid 1 and 2) are computed in cases.calendar_nl; these days are
    designated by Royal Decree, published in the Staatscourant, and maintained in beheer.
    """

    date = models.DateField("datum", unique=True)
    name = models.CharField(
        "omschrijving", max_length=200, help_text="Bijv. 'vrijdag na Hemelvaartsdag'."
    )
    source = models.CharField(
        "bron (koninklijk besluit)",
        max_length=400,
        help_text="Het besluit en de vindplaats, bijv. 'KB van 31 oktober 2016, Stcrt. 2016, 58653'.",
    )
    active = models.BooleanField(
        "telt mee", default=True, help_text="Uit: vastgelegd maar (nog) niet gebruikt."
    )
    note = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "gelijkgestelde feestdag (art. 3 lid 3 Atw)"
        verbose_name_plural = "gelijkgestelde feestdagen (art. 3 lid 3 Atw)"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.name}"


def _refresh_open_deadlines(**_kwargs) -> None:
    """A holiday or an organisation setting the clock depends on changed: recompute the cached
    deadlines of open cases (the nightly task is the safety net)."""
    from django.db import transaction

    from cases.services.requests import deadlines_refresh_open

    transaction.on_commit(deadlines_refresh_open)


@receiver(post_save, sender=Holiday, dispatch_uid="holiday_saved_refresh")
def _holiday_saved(sender, **kwargs):
    _refresh_open_deadlines()


@receiver(post_delete, sender=Holiday, dispatch_uid="holiday_deleted_refresh")
def _holiday_deleted(sender, **kwargs):
    _refresh_open_deadlines()


@receiver(post_save, sender="cases.Organisation", dispatch_uid="organisation_saved_refresh")
def _organisation_saved(sender, instance, created, raw=False, **kwargs):
    # precisering_suspends_woo (and future clock settings) change every open case's deadline.
    if created or raw:
        return
    from django.db import transaction

    from cases.services.requests import deadlines_refresh_open

    transaction.on_commit(lambda: deadlines_refresh_open(organisation=instance))
