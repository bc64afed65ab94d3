"""Staff sign-in: login throttling, the second factor (TOTP) and password reset.

* Throttling: wrong passwords are counted per account and per client address in the shared cache
  (cases/ratelimit.py). From the N-th failure on, logging in is refused, even with the right
  password, for a delay that doubles with each further failure (settings WOBDESK_LOGIN_*).
  Both the staff login and the /beheer/ login use it.
* Second factor: coordinators, beheer (staff and superusers) and anyone who enrolled an
  authenticator app must verify a TOTP code (django-otp) after the password; until then every
  staff screen redirects to the verification step (or to enrolment when no device exists yet).
* Password reset: Django's views with Dutch templates; the mail goes through the mail settings.
"""

from __future__ import annotations

import base64
import hashlib
import math
import time
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases import permissions
from cases.ratelimit import client_ip, count, hit
from cases.security import safe_next

ACCOUNT_WINDOW = 24 * 3600  # failures for one account are remembered a day after the last one
IP_WINDOW = 3600


# --- login throttling -------------------------------------------------------------------------


def _digest(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode("utf-8", "replace")).hexdigest()[:40]


def _scopes(request, username: str) -> list[tuple[str, int, int]]:
    """(key, threshold, window) for the account and for the client address."""
    return [
        (
            f"login:acct:{_digest(username or '')}",
            settings.WOBDESK_LOGIN_FAILURES_PER_ACCOUNT,
            ACCOUNT_WINDOW,
        ),
        (
            f"login:ip:{_digest(client_ip(request))}",
            settings.WOBDESK_LOGIN_FAILURES_PER_IP,
            IP_WINDOW,
        ),
    ]


def lock_delay(failures: int, threshold: int) -> int:
    """Seconds of refusal after ``failures`` wrong passwords: none below the threshold, then the
    base delay, doubled for each further failure, capped at the maximum."""
    if failures < threshold:
        return 0
    base = settings.WOBDESK_LOGIN_LOCK_SECONDS
    return min(base * 2 ** min(failures - threshold, 30), settings.WOBDESK_LOGIN_LOCK_MAX_SECONDS)


def lock_remaining(request, username: str) -> int:
    """Seconds until this account or address may try again (0: free)."""
    now = time.time()
    remaining = 0.0
    for key, _threshold, _window in _scopes(request, username):
        until = cache.get(f"{key}:until")
        if until and until > now:
            remaining = max(remaining, until - now)
    return math.ceil(remaining)


def record_failure(request, username: str) -> int:
    """Count one wrong password; returns the seconds of refusal it starts (0: none yet)."""
    longest = 0
    for key, threshold, window in _scopes(request, username):
        failures = count(f"{key}:failures", timeout=window)
        delay = lock_delay(failures, threshold)
        if delay:
            cache.set(f"{key}:until", time.time() + delay, timeout=delay)
            longest = max(longest, delay)
    if longest:
        from cases.services.requests import audit

        audit(
            request=None,
            actor=None,
            action="login_throttled",
            username=(username or "")[:150],
            ip=client_ip(request),
            seconds=longest,
        )
    return longest


def record_success(request, username: str) -> None:
    """A correct login clears the account's count (the address keeps its own: one valid account
    must not reset the count for guessing others)."""
    key = _scopes(request, username)[0][0]
    cache.delete_many([f"{key}:failures", f"{key}:until"])


def wait_message(seconds: int) -> str:
    if seconds < 60:
        wait = ngettext("%(n)d seconde", "%(n)d seconden", seconds) % {"n": seconds}
    else:
        minutes = math.ceil(seconds / 60)
        wait = ngettext("%(n)d minuut", "%(n)d minuten", minutes) % {"n": minutes}
    return _(
        "Te veel mislukte inlogpogingen. Wacht %(wait)s en probeer het dan opnieuw "
        "(of vraag via 'Wachtwoord vergeten?' een nieuw wachtwoord aan)."
    ) % {"wait": wait}


class ThrottledLoginMixin:
    """For Django's AuthenticationForm and the admin's: refuse while locked, count failures."""

    def clean(self):
        username = self.data.get("username", "") if hasattr(self.data, "get") else ""
        wait = lock_remaining(self.request, username)
        if wait:
            raise ValidationError(wait_message(wait), code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError as exc:
            if getattr(exc, "code", None) == "invalid_login":
                wait = record_failure(self.request, username)
                if wait:
                    raise ValidationError(
                        [exc, ValidationError(wait_message(wait), code="throttled")]
                    )
            raise
        record_success(self.request, username)
        return cleaned


class ThrottledLoginForm(ThrottledLoginMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Gebruikersnaam of wachtwoord is onjuist.",
    }


class ThrottledAdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


class StaffLoginView(auth_views.LoginView):
    authentication_form = ThrottledLoginForm


# --- second factor --------------------------------------------------------------------------


def requires_second_factor(user) -> bool:
    """Coordinators and beheer always; anyone else once they enrolled an authenticator app."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return (
        user.is_superuser
        or user.is_staff
        or permissions.is_coordinator(user)
        or user_has_device(user, confirmed=True)
    )


def _exempt_paths() -> tuple[str, ...]:
    return (
        reverse("otp_verify"),
        reverse("otp_enrol"),
        reverse("logout"),
        reverse("login"),
        reverse("admin:logout"),
        "/woo/",  # the requester portal (tokens, no staff session needed)
        "/wachtwoord-",  # password reset
        settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL,
    )


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware: a signed-in user who needs a second factor and has not
    verified one in this session reaches no screen but the verification (or enrolment) step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(_exempt_paths())
            and requires_second_factor(user)
        ):
            step = "otp_verify" if user_has_device(user, confirmed=True) else "otp_enrol"
            url = f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}"
            response = redirect(url)
            if request.headers.get("HX-Request"):
                response["HX-Redirect"] = url
            return response
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw app",
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise ValidationError("Vul de zes cijfers uit uw authenticator-app in.")
        return code


def _check(device: TOTPDevice, code: str) -> str | None:
    """None when the code is right; else the Dutch reason (wrong, or too many tries)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, info = device.verify_is_allowed()
        if not allowed:
            return "Te veel onjuiste codes achter elkaar. Wacht even en probeer het dan opnieuw."
        if device.verify_token(code):
            return None
    return "Deze code klopt niet of is verlopen. Vul de code in die uw app nu toont."


def _next(request) -> str:
    return safe_next(
        request,
        request.POST.get("next") or request.GET.get("next"),
        reverse(settings.LOGIN_REDIRECT_URL),
    )


@login_required
def otp_verify(request):
    """The second step after the password: one code from the enrolled authenticator app."""
    from cases.services.requests import audit

    user = request.user
    if user.is_verified():
        return redirect(_next(request))
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        return redirect(f"{reverse('otp_enrol')}?{urlencode({'next': _next(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = None
        for device in devices:
            error = _check(device, form.cleaned_data["code"])
            if error is None:
                otp_login(request, device)
                request.session.cycle_key()
                audit(request=None, actor=user, action="second_factor_verified", obj=device)
                return redirect(_next(request))
        form.add_error("code", error)
    return render(request, "registration/otp_verify.html", {"form": form, "next": _next(request)})


@login_required
def otp_enrol(request):
    """Set up the authenticator app: the QR code and secret are shown only until the first code
    is confirmed; afterwards only a beheerder can reset the device (in /beheer/)."""
    import segno

    from cases.services.requests import audit

    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        if user.is_verified():
            messages.info(request, "Uw tweede stap is al ingesteld.")
            return redirect(_next(request))
        return redirect(f"{reverse('otp_verify')}?{urlencode({'next': _next(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator-app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _check(device, form.cleaned_data["code"])
        if error is None:
            device.refresh_from_db()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session.cycle_key()
            audit(request=None, actor=user, action="second_factor_enrolled", obj=device)
            messages.success(request, "Uw tweede stap is ingesteld.")
            return redirect(_next(request))
        form.add_error("code", error)
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR-code voor uw app")
    return render(
        request,
        "registration/otp_enrol.html",
        {
            "form": form,
            "next": _next(request),
            "qr_svg": qr,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": user.is_staff or user.is_superuser or permissions.is_coordinator(user),
        },
    )


# --- password reset ---------------------------------------------------------------------------


class StaffPasswordResetView(auth_views.PasswordResetView):
    """Django's reset view; the link in the mail starts from WOBDESK_BASE_URL (not the Host
    header) and one address may ask at most five times an hour."""

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        if not hit("password-reset", client_ip(self.request), limit=5, window=3600):
            form.add_error(
                None,
                "U heeft te vaak een nieuw wachtwoord aangevraagd. Probeer het over een uur opnieuw.",
            )
            return self.form_invalid(form)
        self.extra_email_context = {"base_url": settings.WOBDESK_BASE_URL.rstrip("/")}
        return super().form_valid(form)
