from django.urls import path

from . import views

app_name = "promises"

# Fixed pages come before the locality slug route; their first path segments are reserved
# (see RESERVED_SLUGS) so that no locality can hide them.
urlpatterns = [
    path("", views.home, name="home"),
    path("loften/", views.PromiseListView.as_view(), name="list"),
    path("om/", views.about, name="about"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("samverkan/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement"),
    path("<slug:slug>/", views.LocalityDetailView.as_view(), name="locality"),
    path("<slug:locality>/<slug:slug>/", views.PromiseDetailView.as_view(), name="detail"),
]
