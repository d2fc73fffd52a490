from django.urls import path

from . import views

app_name = "situation"

urlpatterns = [
    path(
        "<slug:locality>/lagesbild/<slug:slug>/",
        views.SituationPictureDetailView.as_view(),
        name="picture",
    ),
    path("<slug:locality>/plats/<slug:slug>/", views.PlaceDetailView.as_view(), name="place"),
]
