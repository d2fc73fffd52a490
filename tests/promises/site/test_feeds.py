"""Atom and RSS feeds of follow-up notes, read as a feed reader would (feedparser)."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from promises.models import Promise

pytestmark = pytest.mark.django_db


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.fixture
def notes(make_locality, make_promise, make_update):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    other = make_promise(locality=molndal, title="Bron")
    draft = make_promise(locality=molndal, title="Utkast", state=Promise.State.DRAFT)
    return {
        "molndal": molndal,
        "promise": promise,
        "published": [
            make_update(promise=promise, title="Fler patruller vid bron"),
            make_update(promise=other, title="Ny belysning"),
        ],
        "elsewhere": make_update(promise=make_promise(locality=sydvast), title="Frölunda torg"),
        "hidden": [
            make_update(promise=promise, title="Ej klar", published=False),
            make_update(promise=draft, title="Om utkastet"),
        ],
    }


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_locality_feed_holds_exactly_the_published_notes_of_the_locality(client, notes, kind):
    feed = read(client, reverse(f"promises:locality-feed-{kind}", args=["molndal"]))

    assert sorted(e.title for e in feed.entries) == ["Fler patruller vid bron", "Ny belysning"]


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_site_feed_holds_every_published_note_and_no_draft(client, notes, kind):
    feed = read(client, reverse(f"promises:feed-{kind}"))

    assert sorted(e.title for e in feed.entries) == [
        "Fler patruller vid bron",
        "Frölunda torg",
        "Ny belysning",
    ]


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_promise_feed_entries_link_to_the_note_on_the_promise_page(client, notes, kind):
    promise, note = notes["promise"], notes["published"][0]

    feed = read(client, reverse(f"promises:promise-feed-{kind}", args=["molndal", promise.slug]))

    assert [e.link for e in feed.entries] == [f"http://testserver{note.get_absolute_url()}"]
    assert feed.entries[0].link.endswith(f"#update-{note.pk}")


def test_a_reader_subscribed_to_molndal_gets_each_new_published_note(client, notes, make_update):
    url = reverse("promises:locality-feed-atom", args=["molndal"])
    seen = {e.id for e in read(client, url).entries}

    new = make_update(promise=notes["promise"], title="Trygghetsvandring i centrum")
    make_update(promise=notes["promise"], title="Utkast till nästa", published=False)
    entries = read(client, url).entries

    fresh = [e for e in entries if e.id not in seen]
    assert [e.title for e in fresh] == [new.title]


def test_entries_carry_the_byline_and_sanitised_text(client, notes, make_update):
    make_update(
        promise=notes["promise"],
        title="Med författare",
        author_role="Trygghetssamordnare",
        author_organisation="Mölndals stad",
        text="<script>alert(1)</script>**Klart**",
    )

    entry = next(
        e
        for e in read(client, reverse("promises:feed-atom")).entries
        if e.title == "Med författare"
    )

    assert entry.author == "Trygghetssamordnare, Mölndals stad"
    assert "<script" not in entry.summary and "<strong>Klart</strong>" in entry.summary


def test_an_edited_note_shows_its_new_text_in_the_feed(client, notes):
    note = notes["published"][0]
    note.text = "**Före** ändringen"
    note.save()
    url = reverse("promises:feed-atom")
    assert "<strong>Före</strong>" in _entry(read(client, url), note.title).summary

    note.text = "**Efter** ändringen"
    note.save()

    summary = _entry(read(client, url), note.title).summary
    assert "<strong>Efter</strong>" in summary and "Före" not in summary


def _entry(feed, title):
    return next(e for e in feed.entries if e.title == title)


@pytest.mark.parametrize(
    "name,args",
    [
        ("feed", []),
        ("locality-feed", ["molndal"]),
        ("promise-feed", ["molndal", "trygg-i-molndal"]),
    ],
)
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_a_feed_takes_the_same_queries_however_many_notes(
    client, notes, make_update, name, args, kind
):
    url = reverse(f"promises:{name}-{kind}", args=args)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    for n in range(5):
        make_update(promise=notes["promise"], title=f"Ännu en {n}")

    assert queries() == few


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_a_feed_is_sent_in_one_piece(client, notes, kind):
    """Written element by element, a feed reached the WSGI server as ~2 000 pieces."""
    response = client.get(reverse(f"promises:feed-{kind}"))

    assert len(list(response)) == 1
    assert feedparser.parse(response.content).entries


def test_feeds_of_a_draft_promise_or_unknown_locality_are_not_found(client, notes):
    assert client.get(reverse("promises:locality-feed-atom", args=["okand"])).status_code == 404
    assert (
        client.get(reverse("promises:promise-feed-rss", args=["molndal", "utkast"])).status_code
        == 404
    )


def test_feed_titles_follow_the_language_of_the_address(client, notes):
    with translation.override("sv"):
        swedish = read(client, reverse("promises:feed-atom"))
    with translation.override("en"):
        english = read(client, reverse("promises:feed-atom"))

    assert swedish.feed.title.startswith("Uppföljning")
    assert english.feed.title.startswith("Follow-up")


def test_feed_link_partial_offers_promise_locality_and_site_feeds(notes):
    from django.template.loader import render_to_string

    html = render_to_string(
        "followup/includes/_feed_links.html",
        {"promise": notes["promise"], "locality": notes["molndal"]},
    )

    assert html.count('rel="alternate"') == 6
    assert reverse("promises:promise-feed-atom", args=["molndal", notes["promise"].slug]) in html
    assert reverse("promises:locality-feed-rss", args=["molndal"]) in html
