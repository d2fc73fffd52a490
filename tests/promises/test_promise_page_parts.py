"""The promise page's parts that the demo data does not exercise: charts with baseline and
target, survey comparisons, partner commitments, promises in force on the home page."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from followup.models import Indicator, Measurement
from promises.charts import bar_chart
from promises.models import Party
from situation.models import Survey, SurveyResult

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _swedish_urls():
    """A request to /en/ leaves English active in this thread; reverse() would then add /en/."""
    with translation.override("sv"):
        yield


def test_chart_draws_bars_and_baseline_and_target_lines(client, make_promise):
    promise = make_promise()
    indicator = Indicator.objects.create(
        promise=promise,
        name="Anmälda brott",
        slug="brott",
        unit="st",
        direction=Indicator.Direction.LOWER,
        baseline_value=Decimal("120"),
        target_value=Decimal("80"),
    )
    for day, value in [(1, "110.5"), (2, "95")]:
        Measurement.objects.create(
            indicator=indicator, value=Decimal(value), measured_on=datetime.date(2026, day, 1)
        )

    chart = bar_chart(indicator)
    html = client.get(promise.get_absolute_url()).content.decode()
    english = client.get("/en" + promise.get_absolute_url()).content.decode()

    assert [line.kind for line in chart.lines] == ["baseline", "target"]
    assert chart.bars[0].height > chart.bars[1].height
    assert "Utgångsläge 120" in html and "Mål 80" in html
    # A measured value is Swedish content ("110,5 st", lang="sv"): Swedish on both pages
    # (issue 12 point 13).
    assert "110,5" in html and "110,5 st" in english and "110.5" not in english
    assert "Lägre är bättre" in html
    assert "<table>" in html and "Visa siffrorna som tabell" in html


def test_chart_without_measurements_says_so(client, make_promise):
    promise = make_promise()
    Indicator.objects.create(promise=promise, name="Trygghet", slug="trygghet")

    html = client.get(promise.get_absolute_url()).content.decode()

    assert "Inga mätvärden har publicerats ännu." in html
    assert "chart-svg" not in html


def test_survey_is_compared_with_its_baseline(client, make_promise):
    promise = make_promise()
    before = Survey.objects.create(
        locality=promise.locality, title="Nollmätning", slug="noll", year=2014
    )
    after = Survey.objects.create(
        locality=promise.locality, title="Uppföljning", slug="upp", year=2016, baseline=before
    )
    after.promises.add(promise)
    question = "Känner sig trygga på kvällen"
    SurveyResult.objects.create(survey=before, question=question, value=Decimal("41"), unit="%")
    SurveyResult.objects.create(survey=after, question=question, value=Decimal("57.5"), unit="%")

    html = client.get(promise.get_absolute_url()).content.decode()

    assert "Jämförs med" in html and "Nollmätning" in html
    row = html[html.index(question) :]
    assert row.index("41 %") < row.index("57,5 %")


def test_commitments_are_grouped_by_every_actor(client, make_promise, make_commitment, make_party):
    promise = make_promise()
    police = make_party(kind=Party.Kind.POLICE)
    town = make_party(kind=Party.Kind.MUNICIPALITY)
    partner = make_party(kind=Party.Kind.PARTNER)
    make_commitment(promise=promise, text="Polisen gör.", parties=[police])
    make_commitment(promise=promise, text="Kommunen gör.", parties=[town])
    make_commitment(promise=promise, text="Båda gör.", parties=[police, town])
    make_commitment(promise=promise, text="Bolaget gör.", parties=[partner])

    html = client.get(promise.get_absolute_url()).content.decode()

    order = [
        html.index(t)
        for t in ["Polisen lovar", "Kommunen lovar", "Tillsammans", "Samverkansparter lovar"]
    ]
    assert order == sorted(order)
    assert html.index("Bolaget gör.") > html.index("Samverkansparter lovar")


@pytest.mark.parametrize(
    "actor, expected",
    [("police", {"P"}), ("municipality", {"K"}), ("both", {"B"}), ("partner", {"S"})],
)
def test_actor_filter_uses_the_same_rule_as_the_page(
    client, make_promise, make_commitment, make_party, actor, expected
):
    police = make_party(kind=Party.Kind.POLICE)
    town = make_party(kind=Party.Kind.MUNICIPALITY)
    partner = make_party(kind=Party.Kind.PARTNER)
    for title, parties in [("P", [police]), ("K", [town]), ("B", [police, town]), ("S", [partner])]:
        promise = make_promise(title=title)
        make_commitment(promise=promise, parties=parties)
        make_commitment(promise=promise, parties=parties)

    titles = [p.title for p in client.get(f"/loften/?actor={actor}").context["object_list"]]

    assert set(titles) == expected
    assert len(titles) == 1


def test_home_shows_promises_in_force_with_their_progress(client, make_promise, make_commitment):
    today = timezone.localdate()
    promise = make_promise(
        title="Lugnare torg",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=300),
    )
    make_commitment(promise=promise, status="done")
    make_commitment(promise=promise, status="in_progress")

    response = client.get("/")

    assert response.context["in_force"] == [promise]
    html = response.content.decode()
    assert "1 av 2 åtaganden genomförda, 1 pågår" in html
    assert "Inget publicerat löfte gäller i dag." not in html
