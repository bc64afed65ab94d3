"""Counters on the shared Django cache (Redis when REDIS_URL is set, else the database table; see
settings.CACHES): the portal's fixed-window rate limits and the login throttling in cases/auth.py.
Never process memory: a second web process must refuse what the first one refused."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address. Directly on the internet: REMOTE_ADDR. Behind the proxy named by
    WOBDESK_BEHIND_PROXY=1: the last X-Forwarded-For entry, the one that proxy appended (earlier
    entries are whatever the client sent and are never trusted)."""
    if getattr(settings, "WOBDESK_BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-1][:64]
    return request.META.get("REMOTE_ADDR", "unknown")


def count(cache_key: str, *, timeout: int) -> int:
    """Add one to a shared counter and return the new value; the counter lives ``timeout``
    seconds after its last hit (atomic INCR on Redis; on the database cache nearly so)."""
    if cache.add(cache_key, 1, timeout=timeout):
        return 1
    try:
        value = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=timeout)
        return 1
    # incr keeps the TTL on Redis but resets it to the default on other caches: set it explicitly.
    cache.touch(cache_key, timeout=timeout)
    return value


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one hit; True while within `limit` hits per `window` seconds. The portal's limits
    are lifted with WOBDESK_PORTAL_RATE_LIMIT=0, for a load test only (bench_portal)."""
    if scope.startswith("portal") and not getattr(settings, "WOBDESK_PORTAL_RATE_LIMIT", True):
        return True
    bucket = int(time.time() // window)
    return count(f"rl:{scope}:{key}:{bucket}", timeout=window + 5) <= limit
