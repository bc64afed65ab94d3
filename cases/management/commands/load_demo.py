"""`manage.py load_demo`: demo organisation, users (printed passwords) and cases; safe to run twice."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cases.demo.data import DEMO_PASSWORD, ORGANISATION, USERS, demo_cases
from cases.models import Organisation, StaffProfile
from cases.permissions import ensure_roles
from cases.services.importing import case_import
from cases.services.requests import request_assign, request_update


class Command(BaseCommand):
    help = "Laad demogegevens (organisatie, medewerkers, verzoeken) en toon de demo-logins."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_roles()
        User = get_user_model()
        org, created = Organisation.objects.get_or_create(
            slug=ORGANISATION["slug"], defaults=ORGANISATION
        )
        users = {}
        for username, first, last, group, function in USERS:
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@politie.example",
                },
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=group))
            StaffProfile.objects.update_or_create(
                user=user, defaults={"organisation": org, "function": function, "phone": org.phone}
            )
            users[username] = user
        admin, _ = User.objects.get_or_create(
            username="beheer", defaults={"is_staff": True, "is_superuser": True}
        )
        admin.set_password(DEMO_PASSWORD)
        admin.save()
        users["beheer"] = admin

        if created or not org.requests.exists():
            self._load_cases(org, users)

        self.stdout.write("")
        self.stdout.write(f"Demo-logins (wachtwoord voor allemaal: {DEMO_PASSWORD})")
        for username, first, last, group, function in USERS:
            self.stdout.write(f"  {username:<12} {first} {last}, {function} (groep {group})")
        self.stdout.write(f"  {'beheer':<12} beheerder (Django-beheer op /beheer/)")

    def _load_cases(self, org, users) -> None:
        """Demo data never sends mail (issue 11 item 18), whatever the mail backend and whether
        Celery runs eagerly or on a worker: the demo requests are imported without a requester
        address, so no timeline step queues a notification, and the address is filled in
        afterwards. The dummy backend and the inner transaction (its on_commit work runs while
        the dummy backend is still in force) are a second guard for anything else that mails."""
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            with transaction.atomic():
                for data in demo_cases(timezone.localdate()):
                    data = dict(data)
                    adviser = users[data.pop("_adviser")]
                    data["organisation"] = org.slug
                    requester = dict(data.get("requester") or {})
                    email = requester.pop("email", "")
                    data["requester"] = requester
                    request = case_import(data)
                    request_assign(request=request, adviser=adviser)
                    if email:
                        # An edit of the recorded data, not a timeline step: nothing is mailed.
                        request_update(request=request, requester_email=email)
                    self.stdout.write(
                        f"  demozaak {request.reference}: {request.subject} ({request.status_label})"
                    )
