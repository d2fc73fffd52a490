from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("followup.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("followup.urls")),  # feeds, embed card, admin follow-up dashboard
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("promises.urls")),
    prefix_default_language=False,
)
