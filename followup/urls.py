"""Feeds, the embeddable card and the editors' follow-up dashboard (inside i18n_patterns)."""

from django.conf import settings
from django.urls import path

from . import feeds, views

app_name = "followup"

urlpatterns = [
    path("feeds/atom/", feeds.AtomUpdatesFeed(), name="feed-atom"),
    path("feeds/rss/", feeds.UpdatesFeed(), name="feed-rss"),
    path(
        "feeds/<slug:locality>/atom/",
        feeds.AtomLocalityUpdatesFeed(),
        name="locality-feed-atom",
    ),
    path("feeds/<slug:locality>/rss/", feeds.LocalityUpdatesFeed(), name="locality-feed-rss"),
    path(
        "feeds/<slug:locality>/<slug:slug>/atom/",
        feeds.AtomPromiseUpdatesFeed(),
        name="promise-feed-atom",
    ),
    path(
        "feeds/<slug:locality>/<slug:slug>/rss/",
        feeds.PromiseUpdatesFeed(),
        name="promise-feed-rss",
    ),
    path("embed/promise/<slug:locality>/<slug:slug>/", views.embed_promise, name="embed"),
    path(f"{settings.ADMIN_URL}uppfoljning/", views.dashboard, name="dashboard"),
]
