"""The home page and the promise page show the demo content in Swedish, at a fixed query cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from promises.models import Party

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow(make_locality, make_promise, make_commitment, make_party):
    """Add three localities, each with two promises of four commitments by mixed actors."""
    police, town = make_party(kind=Party.Kind.POLICE), make_party(kind=Party.Kind.MUNICIPALITY)
    for _ in range(3):
        locality = make_locality()
        for _ in range(2):
            promise = make_promise(locality=locality)
            promise.parties.set([police, town])
            for parties in ([police], [town], [police, town], []):
                make_commitment(promise=promise, parties=parties)
    return promise


def test_home_lists_the_four_localities_in_swedish(client, demo_data):
    response = client.get(reverse("promises:home"))

    html = response.content.decode()
    assert '<html lang="sv">' in html
    for name in ["Sydväst", "Mölndal", "Västra Hisingen", "Södra Fyrbodal"]:
        assert name in html
    assert "Medborgarlöftet för Mölndals innerstad" in html
    assert "Medborgarlöften där du bor" in html


def test_promise_page_groups_commitments_by_actor_in_swedish(client, demo_data):
    response = client.get("/sodra-fyrbodal/medborgarlofte-2023-2024/")

    html = response.content.decode()
    assert "Polisen lovar" in html
    assert "Kommunerna lovar" in html  # three municipalities: "lovar kommunerna att"
    assert "Fokusera och prioritera särskilt utsatta brottsoffer." in html
    assert "Det här ska vi åstadkomma tillsammans" in html


def test_promise_page_shows_contacts(client, demo_data):
    html = client.get("/molndal/molndals-innerstad/").content.decode()

    assert "Tillsammans" in html
    assert "linda.bergvall@polisen.se" in html


def test_unknown_promise_is_404(client, demo_data):
    assert client.get("/molndal/finns-inte/").status_code == 404


def test_draft_promise_is_404(client, make_promise):
    promise = make_promise(state="draft")

    assert client.get(promise.get_absolute_url()).status_code == 404


def test_home_runs_the_same_number_of_queries_as_data_grows(
    client, demo_data, make_locality, make_promise, make_commitment, make_party
):
    before = _queries(client, reverse("promises:home"))
    _grow(make_locality, make_promise, make_commitment, make_party)

    assert _queries(client, reverse("promises:home")) == before


def test_promise_page_runs_the_same_number_of_queries_as_data_grows(
    client, make_locality, make_promise, make_commitment, make_party
):
    small = make_promise()
    make_commitment(promise=small)
    before = _queries(client, small.get_absolute_url())
    big = _grow(make_locality, make_promise, make_commitment, make_party)

    assert _queries(client, big.get_absolute_url()) == before


def test_home_names_each_localitys_newest_promise_in_swedish(client, demo_data):
    html = client.get(reverse("promises:home")).content.decode()

    assert "Senaste löftet" in html
    assert 'href="/molndal/molndals-innerstad/"' in html


def test_home_lists_at_most_twelve_promises_and_links_to_the_rest(
    client, make_locality, make_promise
):
    locality = make_locality()
    for n in range(14):
        make_promise(locality=locality, title=f"Löfte nummer {n}")

    response = client.get(reverse("promises:home"))

    assert len(response.context["promises"]) == 12
    assert "Senaste löftena" in response.content.decode()
    assert response.context["more_promises"] is True


def test_home_lists_localities_in_name_order_with_counts_and_escaped_names(
    client, make_locality, make_promise
):
    zeta = make_locality(name="Örby", slug="orby", collaboration_name="Trygg <i>Örby</i>")
    alfa = make_locality(name="Alby & Co", slug="alby")
    make_promise(locality=zeta, title="Första")
    make_promise(locality=zeta, title="Andra <b>")

    html = client.get(reverse("promises:home")).content.decode()
    directory = html[html.index('<ul class="locality-list">') :]

    assert directory.index("Alby &amp; Co") < directory.index("Örby")
    assert "Trygg &lt;i&gt;Örby&lt;/i&gt;" in directory
    assert "<i>Örby</i>" not in directory
    assert "(2 löften totalt)" in directory
    assert "Inget publicerat löfte ännu." in directory[: directory.index("Örby")]
    # No separator dangles in front of the police area when a locality names no municipality.
    assert '<span class="meta"> · ' not in directory
    assert alfa.slug in directory


def test_home_locality_directory_links_keep_the_english_prefix(client, make_locality, make_promise):
    make_promise(locality=make_locality(name="Alby", slug="alby"), slug="trygg")

    html = client.get("/en/").content.decode()

    assert 'href="/en/alby/"' in html
    assert 'href="/en/alby/trygg/"' in html
    assert "Newest promise" in html


def test_home_names_the_latest_starting_published_promise_and_counts_only_published(
    client, make_locality, make_promise
):
    import datetime

    locality = make_locality(name="Alby", slug="alby")
    make_promise(locality=locality, title="Odaterat", starts_on=None, ends_on=None)
    make_promise(locality=locality, title="Senast", starts_on=datetime.date(2026, 1, 1))
    make_promise(locality=locality, title="Äldre", starts_on=datetime.date(2024, 1, 1))
    make_promise(
        locality=locality, title="Utkast", starts_on=datetime.date(2027, 1, 1), state="draft"
    )

    html = client.get(reverse("promises:home")).content.decode()
    entry = html[html.index('href="/alby/"') :]
    entry = entry[: entry.index("</li>")]

    assert 'href="/alby/senast/" lang="sv">Senast</a>' in entry
    assert "(3 löften totalt)" in entry
