"""Health and readiness endpoints for load balancers and process supervisors (issue 15 item 4).

``/healthz`` (also ``/gezondheid/``): the process answers; nothing else is checked.
``/readyz``: the database answers, every migration is applied and Redis (when REDIS_URL is set)
answers; 200 when all hold, else 503. Plain JSON, no authentication, and never a secret: only the
names of the checks and "ok" / a short error class, no URLs, hosts or messages.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger("wobdesk.health")


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database() -> str:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _migrations() -> str:
    from django.db.migrations.executor import MigrationExecutor

    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "ok" if not plan else f"{len(plan)} niet toegepast"


def _redis() -> str:
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return "niet ingesteld"  # tasks run inline in the web process (README, REDIS_URL)
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


@never_cache
@require_GET
def readyz(request):
    checks: dict[str, str] = {}
    for name, check in (("database", _database), ("migrations", _migrations), ("redis", _redis)):
        try:
            checks[name] = check()
        except Exception as exc:  # any failure means "not ready"; the class only, no details
            log.warning("readiness check %s failed: %s", name, type(exc).__name__)
            checks[name] = f"fout ({type(exc).__name__})"
    ready = all(v in ("ok", "niet ingesteld") for v in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "niet gereed", "checks": checks},
        status=200 if ready else 503,
    )
