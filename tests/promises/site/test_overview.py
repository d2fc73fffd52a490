"""The regional overview (/oversikt/), its CSV and its API: per locality the current promise,
shares of commitments reported, done, delayed and cancelled, days since the last follow-up,
and whether the previous promise got a verdict; sortable without JavaScript."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from promises.demo.scale import generate_scale_data
from promises.models import Commitment, Promise
from promises.site.overview import regional_overview
from tests import factories

pytestmark = pytest.mark.django_db

Status = Commitment.Status
OVERVIEW = "/oversikt/"


def _csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def region(make_locality, make_promise):
    today = timezone.localdate()
    north = make_locality("Norrby")
    south = make_locality("Söderby")
    make_locality("Tomby")  # no promise at all
    old = make_promise(
        locality=north,
        title="Förra löftet",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 12, 31),
    )
    factories.VerdictFactory(promise=old, summary="Det mesta blev gjort.")
    current = make_promise(
        locality=north,
        title="Nuvarande löftet",
        starts_on=today - datetime.timedelta(days=100),
        ends_on=today + datetime.timedelta(days=300),
    )
    for status in [Status.DONE, Status.DONE, Status.DELAYED, Status.CANCELLED, Status.UNREPORTED]:
        factories.CommitmentFactory(
            promise=current, status=status, status_on=today - datetime.timedelta(days=20)
        )
    factories.UpdateFactory(
        promise=current, published=True, date=today - datetime.timedelta(days=12)
    )
    factories.UpdateFactory(promise=current, published=False, date=today)  # a draft: not counted
    make_promise(
        locality=south,
        title="Söderbys utkast",
        state=Promise.State.DRAFT,
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=300),
    )
    south_old = make_promise(
        locality=south,
        title="Söderbys löfte",
        starts_on=datetime.date(2022, 1, 1),
        ends_on=datetime.date(2023, 12, 31),
    )
    # No status without its published note: reported during the promise's period.
    factories.CommitmentFactory(
        promise=south_old, status=Status.IN_PROGRESS, status_on=datetime.date(2023, 6, 1)
    )
    make_promise(
        locality=south,
        title="Söderbys första",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2020, 12, 31),
    )
    return north, south


def test_each_locality_shows_its_current_promise_and_its_shares(region):
    north, south, empty = regional_overview()

    assert north.promise_title == "Nuvarande löftet"
    assert (north.commitments, north.reported, north.done, north.delayed, north.cancelled) == (
        5,
        4,
        2,
        1,
        1,
    )
    assert (north.reported_share, north.done_share, north.delayed_share) == (80, 40, 20)
    assert north.days_since_followup == 12
    assert north.previous_verdict is True
    # A draft promise is never the current one; the newest published is, when none is in force.
    assert south.promise_title == "Söderbys löfte"
    assert south.previous_verdict is False
    assert south.days_since_followup == (timezone.localdate() - datetime.date(2023, 6, 1)).days
    assert empty.promise_title == "" and empty.previous_verdict is None


def test_the_page_lists_every_locality_with_its_figures(client, region):
    response = client.get(OVERVIEW)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Nuvarande löftet" in page and "Söderbys löfte" in page
    assert "Söderbys utkast" not in page
    row = page.split("Nuvarande löftet")[1].split("</tr>")[0]
    for figure in ("80 %", "40 %", "20 %", "<td>12</td>"):
        assert figure in row


def test_the_table_sorts_by_a_column_without_javascript(client, region):
    descending = client.get(OVERVIEW, {"sort": "-done"}).content.decode()
    ascending = client.get(OVERVIEW, {"sort": "done"}).content.decode()

    assert descending.index("Norrby") < descending.index("Söderby")
    assert ascending.index("Söderby</a></th>") < ascending.index("Norrby</a></th>")
    assert 'aria-sort="descending"' in descending
    assert 'href="?sort=done"' in descending  # the heading link turns the order around
    # A row without a value (Tomby has no promise) comes last either way.
    assert descending.index("Tomby") > descending.index("Söderby</a></th>")
    assert ascending.index("Tomby") > ascending.index("Norrby</a></th>")


def test_an_unknown_sort_key_is_a_400_with_a_message(client, region):
    response = client.get(OVERVIEW, {"sort": "'; drop table"})

    assert response.status_code == 400
    assert "kan inte sorteras" in response.content.decode()


def test_the_csv_and_the_api_say_the_same_as_the_page(client, region):
    rows = {r["locality"]: r for r in _csv(client.get(reverse("api-overview-csv")))}
    api = {r["locality"]: r for r in client.get("/api/v1/overview/").json()}

    assert rows["norrby"]["done"] == "2" and rows["norrby"]["days_since_followup"] == "12"
    assert rows["norrby"]["previous_promise_assessed"] == "yes"
    assert rows["soderby"]["previous_promise_assessed"] == "no"
    assert api["norrby"]["reported"] == 4 and api["norrby"]["cancelled"] == 1
    assert api["tomby"]["previous_promise_assessed"] is None
    assert api["norrby"]["current_promise_url"].endswith("/norrby/nuvarande-loftet/")


def test_the_overview_of_the_demo_data_matches_the_documents_counted_by_hand(client, demo_data):
    api = {r["locality"]: r for r in client.get("/api/v1/overview/").json()}

    # Commitments as the documents list them: Mölndal 6, Sydväst 7, Södra Fyrbodal 11,
    # Västra Hisingen 1; none reported yet, no dated follow-up, one promise per locality.
    assert {slug: row["commitments"] for slug, row in api.items()} == {
        "molndal": 6,
        "sydvast": 7,
        "sodra-fyrbodal": 11,
        "vastra-hisingen": 1,
    }
    assert all(row["reported"] == 0 for row in api.values())
    assert all(row["previous_promise_assessed"] is None for row in api.values())
    assert api["sydvast"]["phase"] == "ended"
    assert api["molndal"]["phase"] == "undated"


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_query_count_stays_the_same_at_300_localities(client, region):
    few = [_queries(client, url) for url in (OVERVIEW, "/api/v1/overview/", "/api/v1/overview.csv")]

    generate_scale_data(300, today=timezone.localdate())

    many = [
        _queries(client, url) for url in (OVERVIEW, "/api/v1/overview/", "/api/v1/overview.csv")
    ]
    assert many == few
    assert len(regional_overview()) == 303


def test_the_about_page_links_to_the_overview_and_the_question_pages(client):
    page = client.get(reverse("promises:about")).content.decode()

    assert f'href="{OVERVIEW}"' in page
    assert f'href="{reverse("promises:questions")}"' in page
