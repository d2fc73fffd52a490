from django.urls import path

from . import views

app_name = "promises"

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:slug>/", views.LocalityDetailView.as_view(), name="locality"),
    path("<slug:locality>/<slug:slug>/", views.PromiseDetailView.as_view(), name="detail"),
]
