"""`manage.py bench_overview --cases N`: the coordinator overview's response time with N open cases.

The cases are created in a transaction on the configured database and rolled back at the end
(nothing stays behind); the overview view is requested through the full middleware stack and
the median and p95 of the runs are printed with the number of queries per request.
Target (issue 15): < 300 ms for 5,000 open cases on PostgreSQL.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.models import Event, Organisation, Request
from cases.permissions import ensure_roles

TARGET_MS = 300.0


class _Rollback(Exception):
    pass


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


class Command(BaseCommand):
    help = "Time the coordinator overview with N open cases (created and rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=5000)
        parser.add_argument("--runs", type=int, default=15)

    def handle(self, *args, cases: int, runs: int, **options):
        if cases < 1 or runs < 1:
            raise CommandError("--cases en --runs moeten minstens 1 zijn.")
        self.result: dict = {}
        try:
            with transaction.atomic():
                self._run(cases, runs)
                raise _Rollback
        except _Rollback:
            pass
        r = self.result
        vendor = connection.vendor
        self.stdout.write(
            f"bench_overview: {cases} open cases on {vendor}, {runs} runs: "
            f"median {r['median']:.0f} ms, p95 {r['p95']:.0f} ms, {r['queries']} queries/request "
            f"(page of {r['rows']} rows); with 'actie nodig': median {r['action_median']:.0f} ms; "
            f"CSV of all rows: {r['csv_ms']:.0f} ms; target < {TARGET_MS:.0f} ms: "
            f"{'MET' if r['p95'] < TARGET_MS else 'NOT MET'}"
        )
        self.stdout.write(f"setup (bulk insert, rolled back): {r['setup_s']:.1f} s")

    def _run(self, n: int, runs: int) -> None:
        started = time.perf_counter()
        ensure_roles()
        org = Organisation.objects.create(slug="bench-overview", name="Gemeente Bench")
        User = get_user_model()
        coordinator = User.objects.create_user(username="bench-coordinator", password=None)
        coordinator.groups.add(Group.objects.get(name="coordinator"))
        advisers = []
        for i in range(8):
            u = User.objects.create_user(username=f"bench-adviser-{i}", first_name=f"Jurist {i}")
            u.groups.add(Group.objects.get(name="adviseur"))
            advisers.append(u)
        today = timezone.localdate()
        year = today.year + 50  # references and sequences of their own, never clashing
        requests = []
        for i in range(n):
            received = date.fromordinal(today.toordinal() - (i % 60))
            requests.append(
                Request(
                    organisation=org,
                    reference=f"BENCH-{i:06d}",
                    year=year,
                    sequence=i + 1,
                    regime="woo",
                    received_on=received,
                    requester_name=f"Verzoeker {i}",
                    subject=f"Documenten over project {i % 97}",
                    request_text="Ik verzoek om alle documenten.",
                    adviser=None if i % 10 == 0 else advisers[i % len(advisers)],
                    status="in_behandeling",
                    # the cache as request_refresh keeps it: four weeks after receipt
                    due_on=date.fromordinal(received.toordinal() + 28),
                )
            )
        Request.objects.bulk_create(requests, batch_size=1000)
        events = []
        for r in Request.objects.filter(organisation=org).only("pk", "received_on"):
            events.append(Event(request_id=r.pk, type="received", on=r.received_on))
            events.append(
                Event(
                    request_id=r.pk,
                    type="acknowledged",
                    on=r.received_on,
                    actor=coordinator,
                    status_before="ontvangen",
                    status_after="ontvangst_bevestigd",
                )
            )
        Event.objects.bulk_create(events, batch_size=2000)
        self.result["setup_s"] = time.perf_counter() - started

        host = next(
            (h for h in settings.ALLOWED_HOSTS if h not in ("*",) and not h.startswith(".")),
            "testserver",
        )
        client = Client(HTTP_HOST=host)
        client.force_login(coordinator)
        # A coordinator passes the second factor (django-otp) first: a confirmed TOTP device,
        # verified in this session, as after a real login (rolled back with the rest).
        device = TOTPDevice.objects.create(user=coordinator, name="bench", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        url = reverse("cases:overview")
        secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))

        def get(path: str) -> float:
            t = time.perf_counter()
            response = client.get(path, secure=secure)
            elapsed = (time.perf_counter() - t) * 1000
            if response.status_code != 200:
                raise CommandError(f"{path}: HTTP {response.status_code}")
            return elapsed

        get(url)  # warm-up
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, secure=secure)
        self.result["queries"] = len(ctx.captured_queries)
        self.result["rows"] = response.content.decode().count('data-testid="overview-row"')
        times = [get(url) for _ in range(runs)]
        self.result["median"] = statistics.median(times)
        self.result["p95"] = _percentile(times, 95)
        action_times = [get(url + "?actie=1") for _ in range(max(1, runs // 3))]
        self.result["action_median"] = statistics.median(action_times)
        self.result["csv_ms"] = get(url + "?export=csv")
