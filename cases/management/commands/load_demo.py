"""`manage.py load_demo`: demo organisation, users (printed passwords) and cases; safe to run twice."""

import base64

from django.conf import settings
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

# The demo's TOTP key (hex, as django-otp stores it): only used with WOBDESK_DEV=1, so the demo
# coordinator and beheerder can pass the second factor without enrolling a phone.
DEMO_TOTP_KEY = "776f626465736b2d64656d6f2d746f74702d6b65"
SECOND_FACTOR_USERS = ("coordinator", "beheer")


def _demo_code(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


class Command(BaseCommand):
    help = "Laad demogegevens (organisatie, medewerkers, verzoeken) en toon de demo-logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--code",
            action="store_true",
            help="Toon alleen de huidige demo-code voor de tweede stap (alleen met WOBDESK_DEV=1).",
        )

    def handle(self, *args, **options):
        if options.get("code"):
            return self._print_codes()
        self._load()

    def _print_codes(self) -> None:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        if not settings.WOBDESK_DEV:
            self.stderr.write("Demo-codes bestaan alleen met WOBDESK_DEV=1.")
            return
        for device in TOTPDevice.objects.filter(
            user__username__in=SECOND_FACTOR_USERS, name="demo", confirmed=True
        ).select_related("user"):
            self.stdout.write(f"  {device.user.username:<12} code nu: {_demo_code(device)}")

    def _second_factor(self, users) -> None:
        """Dev switch: a known TOTP key for the demo coordinator and beheerder; otherwise they
        enrol an authenticator app at their first login (the QR code is shown then)."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        self.stdout.write("")
        if not settings.WOBDESK_DEV:
            self.stdout.write(
                "Tweede stap: coordinator en beheer stellen bij de eerste inlog een "
                "authenticator-app in (de QR-code verschijnt na het wachtwoord)."
            )
            return
        secret = None
        for username in SECOND_FACTOR_USERS:
            device, _ = TOTPDevice.objects.update_or_create(
                user=users[username],
                name="demo",
                defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
            )
            secret = base64.b32encode(device.bin_key).decode("ascii")
            code = _demo_code(device)
        self.stdout.write(
            "Tweede stap (alleen demo, WOBDESK_DEV=1) voor coordinator en beheer: "
            f"TOTP-sleutel {secret} (zet hem in een authenticator-app)."
        )
        self.stdout.write(
            f"  Huidige code: {code}; een nieuwe code: .venv/bin/python manage.py load_demo --code"
        )

    @transaction.atomic
    def _load(self):
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
        self._second_factor(users)

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
