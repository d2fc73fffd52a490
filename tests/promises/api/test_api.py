"""The open-data API: published content only, filters, pagination, stable ids, schema."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from followup.models import CommitmentVerdict, Verdict
from promises.models import Commitment, Party, Promise
from situation.models import Survey, SurveyResult

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_molndal_filter_returns_the_molndal_promise_with_its_commitments(client, demo_data):
    body = get(client, "/api/v1/promises/", locality="molndal")

    assert [p["slug"] for p in body["items"]] == ["molndals-innerstad"]
    promise = body["items"][0]
    expected = list(
        Commitment.objects.filter(promise__slug="molndals-innerstad").values_list("text", flat=True)
    )
    assert [c["text"] for c in promise["commitments"]] == expected
    assert len(expected) > 0
    assert {"status", "actor", "parties", "themes", "id"} <= set(promise["commitments"][0])


def test_vastra_hisingen_promise_carries_its_figures_and_verdicts(client, demo_data):
    listed = get(client, "/api/v1/promises/", locality="vastra-hisingen")["items"][0]
    promise = get(client, listed["api_url"].removeprefix("http://testserver"))

    figures = {i["slug"]: i["measurements"][0]["value"] for i in promise["indicators"]}
    assert figures["beslagtagna-vapen"] == 24
    assert figures["patrulleringar-per-dag"] == 2.8
    # The article's verdict on the promise, quoted; it gives no commitment's outcome.
    assert "”Så har vi uppfyllt vårt löfte.”" in promise["verdict"]["summary"]
    assert {c["verdict"] is None for c in promise["commitments"]} == {True}


def test_drafts_never_appear(client, make_promise, make_commitment, make_update, make_indicator):
    public = make_promise(title="Publicerat")
    draft = make_promise(title="Utkast", locality=public.locality, state=Promise.State.DRAFT)
    make_commitment(promise=draft)
    make_indicator(promise=draft, values=[1])
    make_update(promise=public, title="Synlig")
    make_update(promise=public, title="Ej publicerad", published=False)
    make_update(promise=draft, title="På utkast")

    promises = get(client, "/api/v1/promises/")
    updates = get(client, "/api/v1/updates/")
    localities = get(client, "/api/v1/localities/")

    assert [p["id"] for p in promises["items"]] == [public.pk]
    assert [u["title"] for u in updates["items"]] == ["Synlig"]
    assert localities["items"][0]["promise_ids"] == [public.pk]
    assert client.get(f"/api/v1/promises/{draft.pk}/").status_code == 404
    assert "Utkast" not in client.get("/api/v1/promises.csv").content.decode()
    assert "nyckeltal" not in client.get("/api/v1/measurements.csv").content.decode()


def test_a_promise_is_found_by_its_stable_id(client, make_promise):
    promise = make_promise(title="Trygg i centrum")

    body = get(client, f"/api/v1/promises/{promise.pk}/")

    assert (body["id"], body["title"], body["url"]) == (
        promise.pk,
        "Trygg i centrum",
        f"http://testserver{promise.get_absolute_url()}",
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "police"}, {"polis"}),
        ({"actor": "municipality"}, {"kommun"}),
        ({"actor": "both"}, {"tillsammans"}),
        ({"actor": "partner"}, set()),
        ({"status": "done"}, {"kommun"}),
        ({"theme": "narkotika"}, {"polis"}),
        ({"phase": "ended"}, {"tillsammans"}),
        ({"phase": "active"}, {"polis", "kommun"}),
        ({"q": "Skolvägar"}, {"kommun"}),
        ({"q": "skolvägar kommun"}, {"kommun"}),
    ],
)
def test_promises_filter_like_the_public_list(
    client, params, expected, make_promise, make_commitment, make_party, make_theme
):
    police = make_party("Polisen", kind=Party.Kind.POLICE)
    municipality = make_party("Kommunen", kind=Party.Kind.MUNICIPALITY)
    narcotics = make_theme("Narkotika")
    polis = make_promise(title="polis")
    make_commitment(promise=polis, parties=[police]).themes.add(narcotics)
    make_commitment(
        promise=make_promise(title="kommun"),
        text="Trygga skolvägar",
        parties=[municipality],
        status=Commitment.Status.DONE,
    )
    make_commitment(
        promise=make_promise(
            title="tillsammans",
            starts_on=datetime.date(2020, 1, 1),
            ends_on=datetime.date(2020, 12, 31),
        ),
        parties=[police, municipality],
    )

    body = get(client, "/api/v1/promises/", **params)

    assert {p["title"] for p in body["items"]} == expected


def test_unknown_filter_values_are_refused_with_a_422(client):
    assert client.get("/api/v1/promises/", {"phase": "soon"}).status_code == 422
    assert client.get("/api/v1/promises/", {"locality": "<script>"}).status_code == 422
    assert client.get("/api/v1/promises/", {"page": "0"}).status_code == 422


def test_promises_are_paginated(client, make_promise):
    for n in range(3):
        make_promise(title=f"Löfte {n}")

    first = get(client, "/api/v1/promises/", page_size=2)
    second = get(client, "/api/v1/promises/", page_size=2, page=2)

    assert first["count"] == second["count"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1


def _without_series(promise):
    for indicator in promise["indicators"]:
        del indicator["measurements"], indicator["values"]
    return promise


def assert_listed_as_on_its_own(client, **params):
    """Every promise of the list is the promise itself (/promises/{id}/, validated against
    its schema) but for the indicators' series: the same keys in the same order, the same
    values, the nested lists in the same order."""
    listed = get(client, "/api/v1/promises/", page_size=200, **params)["items"]
    assert listed
    for promise in listed:
        single = get(client, promise["api_url"].removeprefix("http://testserver"))
        assert all("measurements" not in i and "values" not in i for i in promise["indicators"])
        assert promise == _without_series(single)
        assert json.dumps(promise) == json.dumps(single)  # the keys' order too
    return listed


def test_the_list_leaves_the_series_to_the_promise_itself(client, demo_data):
    listed = assert_listed_as_on_its_own(client)

    assert len(listed) == Promise.objects.published().count()
    promise = next(p for p in listed if p["locality"] == "vastra-hisingen")
    assert promise["indicators"] and promise["verdict"]
    assert promise["api_url"] == f"http://testserver/api/v1/promises/{promise['id']}/"
    single = get(client, f"/api/v1/promises/{promise['id']}/")
    assert all(i["measurements"] for i in single["indicators"])


def test_the_list_gives_every_part_of_a_promise_as_the_promise_itself(
    client, make_promise, make_commitment, make_party, make_theme, make_indicator
):
    police = make_party("Polisen Öst", kind=Party.Kind.POLICE)
    city = make_party("Kommunen B", kind=Party.Kind.MUNICIPALITY)
    town = make_party("Kommunen A", kind=Party.Kind.MUNICIPALITY)
    partner = make_party("Aktör", kind=Party.Kind.PARTNER)
    themes = [make_theme(name) for name in ("Trafik", "Narkotika", "Äldre", "Brott")]
    ended = make_promise(
        title="Avslutat",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 12, 31),
        signed_on=datetime.date(2019, 12, 1),
        period_text="två år",
        summary="Sammanfattning",
        background="Bakgrund",
        follow_up="Följs upp",
        source_url="https://example.org/lofte.pdf",
        source_title="Löftet",
    )
    ended.parties.set([partner, police, city, town])
    ended.themes.set(themes)
    second = ended.goals.create(text="Andra målet", order=2)
    first = ended.goals.create(text="Första målet", order=1)
    ended.goals.create(text="Också första", order=1)
    owners = [[police, city], [town], [police], [partner], [], [city, partner]]
    statuses = ["done", "in_progress", "cancelled", "delayed", "unreported", "not_started"]
    commitments = [
        make_commitment(promise=ended, parties=parties, status=status, order=n // 2)
        for n, (parties, status) in enumerate(zip(owners, statuses, strict=True))
    ]
    commitments[0].themes.set(themes[2:])
    commitments[3].themes.set(themes[:1])
    verdict = Verdict.objects.create(
        promise=ended, summary="Det mesta gjordes.", decided_on=datetime.date(2022, 2, 1)
    )
    CommitmentVerdict.objects.create(
        verdict=verdict, commitment=commitments[0], outcome="done", reason="Klart."
    )
    CommitmentVerdict.objects.create(
        verdict=verdict, commitment=commitments[2], outcome="not_done", reason="Ströks."
    )
    make_indicator(
        promise=ended,
        goal=second,
        order=2,
        baseline_value=Decimal("12.500"),
        baseline_on=datetime.date(2019, 1, 1),
        target_value=Decimal("10"),
        target_on=datetime.date(2021, 12, 31),
        unit="%",
        direction="lower",
        description="Andel",
        values=[12, 11.5],
    )
    make_indicator(promise=ended, commitment=commitments[1], goal=first, order=1)
    make_indicator(promise=ended, survey_question="Trygg?", order=1)
    make_promise(title="Tomt", locality=ended.locality, starts_on=None, ends_on=None)
    make_promise(
        title="Kommande",
        locality=ended.locality,
        starts_on=datetime.date(2099, 1, 1),
        ends_on=datetime.date(2099, 12, 31),
    )
    make_commitment(promise=make_promise(title="Utkast", state=Promise.State.DRAFT))

    listed = {p["title"]: p for p in assert_listed_as_on_its_own(client)}

    assert list(listed) == ["Avslutat", "Kommande", "Tomt"]
    promise = listed["Avslutat"]
    assert [p["slug"] for p in promise["parties"]] == [
        "kommunen-a",
        "kommunen-b",
        "aktor",
        "polisen-ost",
    ]
    assert [t["name"] for t in promise["themes"]] == ["Brott", "Narkotika", "Trafik", "Äldre"]
    assert [g["text"] for g in promise["goals"]] == ["Första målet", "Också första", "Andra målet"]
    assert [c["id"] for c in promise["commitments"]] == [c.pk for c in commitments]
    assert [c["actor"] for c in promise["commitments"]] == [
        "both",
        "municipality",
        "police",
        "partner",
        "partner",
        "municipality",
    ]
    assert [t["name"] for t in promise["commitments"][0]["themes"]] == ["Brott", "Äldre"]
    assert [c["verdict"] for c in promise["commitments"]][:3] == [
        {"outcome": "done", "reason": "Klart."},
        None,
        {"outcome": "not_done", "reason": "Ströks."},
    ]
    assert promise["progress"] == {
        "state": "reported",
        "summary": "30 % uppfyllt enligt de senaste rapporterna",  # ended: not "hittills"
        "percent": 30,
        "total": 6,
        "counted": 5,
        "done": 1,
        "in_progress": 1,
        "cancelled": 1,
    }
    assert promise["verdict"] == {"summary": "Det mesta gjordes.", "decided_on": "2022-02-01"}
    assert promise["phase"] == "ended" and promise["signed_on"] == "2019-12-01"
    assert [(i["goal_id"], i["commitment_id"]) for i in promise["indicators"]] == [
        (first.pk, commitments[1].pk),
        (None, None),
        (second.pk, None),
    ]
    assert promise["indicators"][2]["baseline_value"] == 12.5
    assert promise["indicators"][2]["target_value"] == 10.0
    assert promise["url"] == f"http://testserver{ended.get_absolute_url()}"
    empty = listed["Tomt"]
    assert (empty["phase"], empty["verdict"], empty["progress"]["percent"]) == (
        "undated",
        None,
        None,
    )
    assert empty["parties"] == empty["commitments"] == empty["goals"] == empty["indicators"] == []
    assert listed["Kommande"]["phase"] == "upcoming"


def test_a_page_holds_twenty_promises_unless_asked_for_more(client, make_promise):
    for n in range(21):
        make_promise(title=f"Löfte {n}")

    body = get(client, "/api/v1/promises/")

    assert (body["count"], len(body["items"])) == (21, 20)


def test_surveys_list_their_results_and_only_published_promises(client, demo_data):
    body = get(client, "/api/v1/surveys/", locality="vastra-hisingen")

    by_slug = {s["slug"]: s for s in body["items"]}
    later = by_slug["trygghetsundersokning-biskopsgarden"]
    assert later["baseline_id"] == by_slug["nollmatning-2014"]["id"]
    assert later["respondents"] is None  # planned: "genomförs ... innan sommaren"


def test_updates_show_the_byline_and_sanitised_html_never_the_username(
    client, make_update, make_user
):
    author = make_user(username="anna.a")
    make_update(
        author=author,
        author_role="Kommunpolis",
        author_organisation="Polisen",
        text="Se [här](javascript:alert(1)) **nu**",
    )

    update = get(client, "/api/v1/updates/")["items"][0]

    assert update["byline"] == "Kommunpolis, Polisen"
    assert "anna.a" not in str(update)
    assert "javascript" not in update["html"] and "<strong>nu</strong>" in update["html"]


def test_the_openapi_schema_describes_every_endpoint(client):
    schema = get(client, "/api/v1/openapi.json")

    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/localities/",
        "/api/v1/localities/{slug}/",
        "/api/v1/promises/",
        "/api/v1/promises/{promise_id}/",
        "/api/v1/updates/",
        "/api/v1/surveys/",
    } <= set(schema["paths"])
    assert "CC0" in schema["info"]["description"]


def test_the_schema_documents_the_promise_list_as_a_page_of_summaries(client):
    schema = get(client, "/api/v1/openapi.json")

    operation = schema["paths"]["/api/v1/promises/"]["get"]
    assert [p["name"] for p in operation["parameters"]][-2:] == ["page", "page_size"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    page = schema["components"]["schemas"][ok["$ref"].rsplit("/", 1)[-1]]
    assert page["properties"]["items"]["items"]["$ref"].endswith("/PromiseSummaryOut")
    assert set(page["properties"]) == {"items", "count"}


def test_the_docs_page_loads_nothing_from_another_host(client):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "cdn" not in html.lower()
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("/"), url
    assert '"validatorUrl": null' in html


def _seed(make_promise, make_commitment, make_update, make_indicator, make_party, n):
    party = make_party(kind=Party.Kind.POLICE)
    for _ in range(n):
        promise = make_promise()
        for _ in range(2):
            make_commitment(promise=promise, parties=[party])
        make_indicator(promise=promise, values=[1, 2])
        make_update(promise=promise)
        survey = Survey.objects.create(
            locality=promise.locality, title=f"Enkät {promise.pk}", slug=f"enkat-{promise.pk}"
        )
        survey.promises.add(promise)
        SurveyResult.objects.create(survey=survey, question="Trygg?", value=70)
        make_indicator(promise=promise, survey_question="Trygg?")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/promises/",
        "/api/v1/localities/",
        "/api/v1/updates/",
        "/api/v1/surveys/",
        "/api/v1/promises.csv",
        "/api/v1/measurements.csv",
    ],
)
def test_list_endpoints_use_a_constant_number_of_queries(
    client, url, make_promise, make_commitment, make_update, make_indicator, make_party
):
    counts = []
    for n in (2, 8):
        _seed(make_promise, make_commitment, make_update, make_indicator, make_party, n)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1], counts


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/promises/",
        "/api/v1/promises/?phase=soon",
        "/api/v1/promises.csv",
        "/api/v1/measurements.csv",
        "/api/v1/dcat.rdf",
    ],
)
def test_open_data_may_be_read_from_any_web_page(client, url):
    assert client.get(url)["Access-Control-Allow-Origin"] == "*"


def test_the_api_is_read_only(client):
    assert client.post("/api/v1/promises/", {}).status_code == 405


def test_an_indicator_drawn_from_surveys_gives_each_surveys_answer_against_the_baseline(
    client, make_promise, make_indicator
):
    promise = make_promise()
    baseline = Survey.objects.create(
        locality=promise.locality, title="Nollmätning", slug="noll", year=2014
    )
    later = Survey.objects.create(
        locality=promise.locality, title="Uppföljning", slug="upp", baseline=baseline
    )
    for survey, value in ((later, 64), (baseline, 52)):
        SurveyResult.objects.create(survey=survey, question="Trygg kvällstid", value=value)
    make_indicator(promise=promise, survey_question="Trygg kvällstid", unit="%")
    make_indicator(promise=promise, values=[3])

    indicators = get(client, f"/api/v1/promises/{promise.pk}/")["indicators"]

    assert [(v["source"], v["value"], v["is_baseline"]) for v in indicators[0]["values"]] == [
        ("Nollmätning", 52, True),
        ("Uppföljning", 64, False),
    ]
    assert [v["value"] for v in indicators[1]["values"]] == [3]
