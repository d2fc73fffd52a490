"""Inside i18n_patterns, before promises.urls (whose /<slug>/ would catch these): feeds,
the embeddable card, the editors' follow-up dashboard, feedback and subscriptions."""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _

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
    # Translated paths: /synpunkter/, /en/feedback/ and so on.
    path(_("feedback/"), views.feedback, name="feedback"),
    path(_("feedback/receipt/<str:reference>/"), views.feedback_receipt, name="feedback_receipt"),
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(_("subscribe/sent/"), views.subscription_requested, name="subscription_requested"),
    path(
        _("subscribe/confirm/<str:token>/"),
        views.subscription_confirm,
        name="subscription_confirm",
    ),
    path(_("subscribe/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
