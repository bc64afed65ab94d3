"""Template context: the organisation whose portal and letterhead are shown (lazy: no query unless used)."""

from django.utils.functional import SimpleLazyObject


def organisation(request):
    from cases.models import Organisation

    return {"portal_org": SimpleLazyObject(lambda: Organisation.objects.order_by("pk").first())}
