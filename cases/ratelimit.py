"""A small fixed-window rate limiter on Django's cache (Redis in production, memory in development)."""

from __future__ import annotations

import time

from django.core.cache import cache


def client_ip(request) -> str:
    # Behind a proxy set REMOTE_ADDR correctly there (e.g. with a trusted middleware); never trust XFF here.
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one hit; True while within `limit` hits per `window` seconds."""
    bucket = int(time.time() // window)
    cache_key = f"rl:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window + 5):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window + 5)
        count = 1
    return count <= limit
