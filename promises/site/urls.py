from django.urls import path

from . import areas, embed, feeds, overview, questions, report, situation, views

app_name = "promises"

# Fixed pages come before the locality slug route; their first path segments are reserved
# (see RESERVED_SLUGS) so that no locality can hide them.
urlpatterns = [
    path("", views.home, name="home"),
    path("loften/", views.PromiseListView.as_view(), name="list"),
    path("omrade/", areas.find_area, name="find-area"),
    path("om/", views.about, name="about"),
    path("oppna-data/", views.open_data, name="open-data"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("oversikt/", overview.overview_page, name="overview"),
    path("fragor/", questions.question_list, name="questions"),
    path("fragor/<slug:slug>/", questions.question_detail, name="question"),
    path("samverkan/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement"),
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
    path("embed/promise/<slug:locality>/<slug:slug>/", embed.embed_promise, name="embed"),
    path("<slug:slug>/", views.LocalityDetailView.as_view(), name="locality"),
    path(
        "<slug:locality>/lagesbild/<slug:slug>/",
        situation.SituationPictureDetailView.as_view(),
        name="picture",
    ),
    path("<slug:locality>/plats/<slug:slug>/", situation.PlaceDetailView.as_view(), name="place"),
    path("<slug:locality>/<slug:slug>/rapport/", report.report_page, name="report"),
    path("<slug:locality>/<slug:slug>/rapport.docx", report.report_word, name="report-word"),
    path("<slug:locality>/<slug:slug>/", views.PromiseDetailView.as_view(), name="detail"),
]
