"""/api/v1/: the JSON API (with /openapi.json and /docs/), CSV downloads, DCAT catalogue."""

from django.urls import path

from . import downloads
from .views import api

urlpatterns = [
    path("promises.csv", downloads.promises_csv, name="api-promises-csv"),
    path("measurements.csv", downloads.measurements_csv, name="api-measurements-csv"),
    path("overview.csv", downloads.overview_csv, name="api-overview-csv"),
    path("dcat.rdf", downloads.dcat_catalogue, name="api-dcat"),
    path("", api.urls),
]
