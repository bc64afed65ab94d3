"""Security plumbing for staff screens: safe local redirects and response headers.

The requester portal sets its own strict Content-Security-Policy (cases/views/portal.py); this
middleware adds a default one to every other HTML response and keeps staff pages out of caches.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.debug import SafeExceptionReporterFilter

# Staff screens use small inline scripts and style attributes (tabs, the redaction canvas) and
# htmx's hx-on (compiled with Function()), so 'unsafe-inline' and 'unsafe-eval' stay for now
# (nonces are the next step); the policy still forbids foreign scripts, plugins, framing by other
# sites, <base> hijacking and posting forms elsewhere.
STAFF_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'self'; form-action 'self'"
)


def safe_next(request, value: str | None, default: str) -> str:
    """``value`` when it is a path on this site, else ``default``: never ``//evil.example/``,
    ``https://evil.example/``, ``/\\evil.example`` or ``javascript:`` (an open redirect)."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        # Only local paths: a full URL to our own host is allowed by Django but not needed here.
        if value.startswith("/") and not value.startswith(("//", "/\\")):
            return value
    return default


class SecurityHeadersMiddleware:
    """A default CSP where a view set none, and ``Cache-Control: no-store`` for signed-in staff
    (case data must not stay in a shared or browser cache after logout)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = getattr(settings, "WOBDESK_STAFF_CSP", STAFF_CSP)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response


class CredentialSafeReporterFilter(SafeExceptionReporterFilter):
    """Django hides settings named like KEY/PASS/TOKEN/SECRET; a broker or database URL carries
    credentials too (redis://:password@host), so anything named URL, BROKER or BACKEND is hidden."""

    hidden_settings = re.compile(
        "API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|URL|BROKER|BACKEND|DATABASE",
        flags=re.IGNORECASE,
    )
