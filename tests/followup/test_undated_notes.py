"""A follow-up note whose source gives no date (issue 12 point 8): it says "datum ej
angivet", is placed by its promise's period, and is never given today's date, on the
pages, in the feeds, the API and the e-mails."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from followup import services
from followup.models import Subscription, Update
from followup.selectors import newest_updates, promises_with_last_followup

pytestmark = pytest.mark.django_db


@pytest.fixture
def undated(make_promise, make_update):
    """An undated note on a promise that ran 2022–2023."""
    promise = make_promise(
        title="Tryggare torg",
        starts_on=datetime.date(2022, 1, 1),
        ends_on=datetime.date(2023, 12, 31),
    )
    return make_update(promise=promise, date=None, title="Så har vi uppfyllt vårt löfte")


def test_an_undated_note_keeps_no_date_and_is_not_given_today(undated):
    assert Update.objects.get(pk=undated.pk).date is None


def test_an_undated_note_is_ordered_by_its_promises_period(undated, make_promise, make_update):
    later = make_update(promise=make_promise(), date=datetime.date(2024, 3, 1), title="Senare")
    earlier = make_update(promise=make_promise(), date=datetime.date(2023, 6, 1), title="Tidigare")
    unknown = make_update(
        promise=make_promise(starts_on=None, ends_on=None), date=None, title="Okänd period"
    )

    # The undated note sits at its promise's end (31 December 2023): after 1 March 2024,
    # before 1 June 2023; a note with neither a date nor a period comes last.
    expected = ["Senare", "Så har vi uppfyllt vårt löfte", "Tidigare", "Okänd period"]
    assert [u.title for u in Update.objects.all()] == expected
    assert [u.title for u in Update.objects.published()] == expected
    assert later.pk and earlier.pk and unknown.pk


@pytest.mark.parametrize(("prefix", "words"), [("", "datum ej angivet"), ("/en", "date not given")])
def test_the_home_and_the_promise_page_say_the_date_is_not_given(client, undated, prefix, words):
    today = timezone.localdate()

    for url in (f"{prefix}/", f"{prefix}{undated.promise.get_absolute_url()}"):
        html = client.get(url).content.decode()
        assert words in html
        assert f'datetime="{today.isoformat()}"' not in html


def test_the_feeds_give_an_undated_note_no_publication_date(client, undated):
    rss = client.get("/feeds/rss/").content.decode()
    atom = client.get("/feeds/atom/").content.decode()

    assert "Så har vi uppfyllt vårt löfte" in rss
    item = rss.split("<item>", 1)[1]
    assert "<pubDate>" not in item
    assert "Så har vi uppfyllt vårt löfte" in atom
    assert "<published>" not in atom.split("<entry>", 1)[1]


def test_the_api_gives_an_undated_note_a_null_date(client, undated):
    response = client.get("/api/v1/updates/")

    assert response.status_code == 200
    note = next(u for u in response.json()["items"] if u["id"] == undated.pk)
    assert note["date"] is None


def test_an_undated_note_does_not_count_as_a_recent_follow_up(undated, make_update):
    assert promises_with_last_followup().get(pk=undated.promise_id).last_followup_on is None

    make_update(promise=undated.promise, date=datetime.date(2023, 5, 2))

    # PostgreSQL sorts NULL first in a descending order: the undated note must not hide it.
    promise = promises_with_last_followup().get(pk=undated.promise_id)
    assert promise.last_followup_on == datetime.date(2023, 5, 2)


def test_the_e_mail_of_an_undated_note_says_the_date_is_not_given(undated):
    Subscription.objects.create(
        email="a@example.se", promise=undated.promise, confirmed_at=timezone.now()
    )
    services.notifications_enqueue_for(undated)

    call_command("send_notifications", stdout=io.StringIO())

    body = mail.outbox[0].body
    assert "datum ej angivet" in body
    assert timezone.localdate().isoformat() not in body


def test_the_newest_notes_read_off_the_index_are_those_of_the_full_sort(
    undated, make_promise, make_update
):
    """`newest_updates` (the home, the site-wide feed) takes the dated notes off the index and
    the undated ones apart: any first n are still the first n of UPDATE_NEWEST_FIRST."""
    for day in (1, 5, 5, 20):
        make_update(promise=make_promise(), date=datetime.date(2024, 1, day))
    make_update(promise=make_promise(), date=datetime.date(2023, 12, 31), title="Samma dag")
    make_update(promise=make_promise(), date=datetime.date(2025, 2, 1), published=False)
    make_update(promise=make_promise(starts_on=None, ends_on=None), date=None)
    make_update(promise=make_promise(starts_on=datetime.date(2024, 1, 10), ends_on=None), date=None)
    published = Update.objects.published()
    everything = list(published.values_list("pk", flat=True))
    assert len(everything) == 8

    for count in range(1, len(everything) + 2):
        newest = newest_updates(published, count)
        assert [u.pk for u in newest] == everything[:count]
