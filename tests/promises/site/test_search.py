"""Searching promises as residents type (promises.search through PromiseQuerySet.matching):
accents, case and compound words on every database; Swedish word forms, ranking and
highlighted snippets on PostgreSQL."""

import pytest
from django.db import connection
from django.urls import reverse

from promises.models import Locality, LocalityName, Municipality, Promise
from promises.search import fold, python_snippet, squash, suggestions
from situation.models import Place, Problem, SituationPicture

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Swedish stemming and ranking are PostgreSQL full-text search features",
)


def _titles(q, **filters):
    return sorted(
        Promise.objects.published().matching(q=q, **filters).values_list("title", flat=True)
    )


def _listed(client, q):
    response = client.get(reverse("promises:list"), {"q": q})
    assert response.status_code == 200
    return [p.title for p in response.context["object_list"]]


def test_fold_and_squash_remove_case_accents_spaces_and_hyphens():
    assert fold("Mölndals BRO, Frölunda torg") == "molndals bro, frolunda torg"
    assert squash("Hot spots") == squash("hot-spots") == "hotspots"


@pytest.mark.parametrize("typed", ["Biskopsgården", "biskopsgarden", "BISKOPSGÅRDEN"])
def test_a_district_named_only_in_the_follow_up_finds_its_promise(demo_data, typed):
    assert _titles(typed) == ["Medborgarlöfte om gängrelaterat våld"]


def test_goteborg_finds_both_promises_of_the_municipality(demo_data):
    found = _titles("Göteborg")
    # The two localities in the municipality of Göteborg (Mölndal's text names the police
    # area "Storgöteborg Syd", which contains the word too).
    assert {"Tryggare utemiljö", "Medborgarlöfte om gängrelaterat våld"} <= set(found)
    assert _titles("goteborg") == found


@pytest.mark.parametrize(
    ("typed", "locality"),
    [("frolunda", "sydvast"), ("molndal", "molndal"), ("buskorning", "sodra-fyrbodal")],
)
def test_words_typed_without_accents_find_the_promise(demo_data, typed, locality):
    found = Promise.objects.published().matching(q=typed)
    assert [p.locality.slug for p in found] == [locality]


def test_hotspots_written_together_finds_hot_spots_written_apart(demo_data):
    # Sydväst's commitment ("Hot spots" patrullering), Västra Hisingen's figure.
    assert _titles("hotspots") == ["Medborgarlöfte om gängrelaterat våld", "Tryggare utemiljö"]
    assert _titles("hot-spots") == _titles("hotspots")


def test_the_list_and_the_api_find_the_same_promises(client, demo_data):
    listed = _listed(client, "frolunda")
    response = client.get("/api/v1/promises/", {"q": "frolunda"})
    assert response.status_code == 200
    assert [p["title"] for p in response.json()["items"]] == listed != []


def test_every_word_must_match_somewhere(make_promise, make_commitment):
    promise = make_promise(title="Tryggare torg", state=Promise.State.PUBLISHED)
    make_commitment(promise=promise, text="Fler vuxna på stan på kvällarna.")
    assert _titles("torg kvallarna") == ["Tryggare torg"]
    assert _titles("torg cyklar") == []


def test_alternative_names_municipalities_places_goals_and_problems_find_the_promise(
    make_locality, make_promise
):
    locality = make_locality("Sydväst")
    promise = make_promise(locality=locality, title="Löftet", state=Promise.State.PUBLISHED)
    LocalityName.objects.create(locality=locality, name="Västra Göteborg")
    locality.municipalities.add(Municipality.objects.create(name="Götebörg", slug="gbg"))
    Place.objects.create(locality=locality, name="Frölunda torg", slug="frolunda-torg")
    promise.goals.create(text="Minskad nedskräpning.")
    picture = SituationPicture.objects.create(locality=locality, title="Lägesbild", slug="lb")
    picture.promises.add(promise)
    Problem.objects.create(picture=picture, description="Öppen narkotikahandel.")
    for typed in ("vastra goteborg", "goteborg", "frolunda torg", "nedskrapning", "narkotika"):
        assert _titles(typed) == ["Löftet"], typed


def test_drafts_are_never_found(make_promise):
    make_promise(title="Hemligt utkast", state=Promise.State.DRAFT)
    assert _titles("utkast") == []


def test_like_wildcards_in_the_query_are_plain_characters(make_promise):
    make_promise(title="Trygg stad", state=Promise.State.PUBLISHED)
    assert _titles("%") == []
    assert _titles("_") == []


def test_a_misspelling_gets_a_close_match_that_finds_the_promise(client, demo_data):
    response = client.get(reverse("promises:list"), {"q": "frolnda"})
    assert response.status_code == 200
    assert response.context["paginator"].count == 0
    assert "Frölunda" in response.context["suggestions"]
    content = response.content.decode()
    assert "?q=Fr%C3%B6lunda" in content
    assert _listed(client, "Frölunda") != []


def test_suggestions_keep_the_words_that_are_known():
    assert suggestions("Frolnda torg", ["Frölunda torg"], 10)[0] == "Frölunda torg"
    assert suggestions("torg", ["Frölunda torg"], 10) == []
    assert suggestions("xyzzy", ["Frölunda torg"], 10) == []


def test_the_list_shows_the_words_found_highlighted_and_escaped(client, make_promise):
    make_promise(
        title="Trygg stad",
        summary="<b>Fler</b> vuxna kring Frölunda torg på kvällarna.",
        state=Promise.State.PUBLISHED,
    )
    response = client.get(reverse("promises:list"), {"q": "frolunda"})
    content = response.content.decode()
    assert "<mark>Frölunda</mark>" in content
    assert "<b>Fler</b>" not in content  # shown as text (SQLite) or dropped (ts_headline)


def test_python_snippet_marks_the_words_found_around_the_first():
    text = "Ett. " * 60 + "Vuxna vid Frölunda torg."
    snippet = python_snippet(text, "frolunda", 10)
    assert "\x02Frölunda\x03" in snippet
    assert snippet.startswith("… ")


@postgresql_only
def test_swedish_word_forms_find_each_other(make_promise):
    make_promise(title="Trygga platser", summary="Vi lovar fler insatser.", state="published")
    assert _titles("platsen") == ["Trygga platser"]
    assert _titles("insats") == ["Trygga platser"]


@postgresql_only
def test_a_promise_with_the_word_in_its_title_ranks_above_one_with_it_in_the_background(
    client, make_promise
):
    make_promise(title="Mindre buller", background="Mycket narkotika.", state="published")
    make_promise(title="Trygg stad utan narkotika", state="published")
    assert _listed(client, "narkotika") == ["Trygg stad utan narkotika", "Mindre buller"]


@postgresql_only
def test_postgresql_highlights_the_words_found_in_a_snippet(client, make_promise):
    make_promise(title="Trygg stad", summary="Fler vuxna kring Frölunda torg.", state="published")
    response = client.get(reverse("promises:list"), {"q": "frolunda"})
    assert "<mark>Frölunda</mark>" in response.content.decode()


def test_the_filter_options_kept_in_the_cache_follow_a_renamed_locality(client, make_promise):
    locality = make_promise().locality
    assert f">{locality.name}</option>" in client.get("/loften/").content.decode()

    Locality.objects.filter(pk=locality.pk).update(name="Nytt namn på orten")
    html = client.get("/loften/").content.decode()

    assert ">Nytt namn på orten</option>" in html
    assert f">{locality.name}</option>" not in html
