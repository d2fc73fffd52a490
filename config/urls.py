from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from promises.site.sitemaps import SITEMAPS
from promises.site.views import robots_txt


def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin's)."""
    return redirect(static("favicon.svg"), permanent=True)


urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", favicon),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("api/v1/", include("promises.api.urls")),
]

urlpatterns += i18n_patterns(
    # The admin's follow-up dashboard, feedback and subscriptions.
    path("", include("followup.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("promises.site.urls")),
    prefix_default_language=False,
)
