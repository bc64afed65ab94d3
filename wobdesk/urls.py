"""Root URLs: staff screens, redaction screens, auth and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("lakken/", include("redaction.urls")),
    path("woo/", include("cases.portal_urls")),
    path("", include("cases.urls")),
]

admin.site.site_header = "wobdesk beheer"
admin.site.site_title = "wobdesk"
