"""Root URLs: staff screens, redaction screens, auth (login, second factor, password reset) and
the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from cases import auth
from wobdesk import health

urlpatterns = [
    # Health (process up) and readiness (database, migrations, Redis): plain JSON, no login.
    path("healthz", health.healthz, name="healthz"),
    path("gezondheid/", health.healthz, name="gezondheid"),
    path("readyz", health.readyz, name="readyz"),
    path("inloggen/", auth.StaffLoginView.as_view(), name="login"),
    path("inloggen/tweede-stap/", auth.otp_verify, name="otp_verify"),
    path("inloggen/tweede-stap/instellen/", auth.otp_enrol, name="otp_enrol"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", auth.StaffPasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verzonden/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # The admin login shows "Wachtwoord vergeten?" when this name exists.
    path(
        "beheer/wachtwoord-vergeten/",
        auth.StaffPasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path("beheer/", admin.site.urls),
    path("lakken/", include("redaction.urls")),
    path("woo/", include("cases.portal_urls")),
    path("", include("cases.urls")),
]

admin.site.site_header = "wobdesk beheer"
admin.site.site_title = "wobdesk"
admin.site.login_form = auth.ThrottledAdminLoginForm
_admin_has_permission = admin.site.has_permission


def _admin_requires_verified_session(request) -> bool:
    """/beheer/ only with a second factor verified in this session (SecondFactorMiddleware
    redirects first; this holds even if the middleware were left out)."""
    return _admin_has_permission(request) and request.user.is_verified()


admin.site.has_permission = _admin_requires_verified_session
