"""The promise page's parts that the demo data does not exercise: charts with baseline and
target, survey comparisons, partner commitments, promises in force on the home page."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from followup.models import Indicator, Measurement
from promises.models import Party
from promises.site.charts import bar_chart
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


# Issue 13: the markup of cards, the locality directory, periods, progress, commitments and
# status badges lives in templates a designer can read and override.


def _override_templates(settings, templates):
    """Templates found before the project's own, as a theme's overrides would be."""
    engine = settings.TEMPLATES[0]
    loaders = [
        ("django.template.loaders.locmem.Loader", templates),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = [
        {**engine, "APP_DIRS": False, "OPTIONS": {**engine["OPTIONS"], "loaders": loaders}}
    ]


@pytest.mark.parametrize(
    "part, page",
    [
        ("_promise_cards.html", "home"),
        ("_promise_cards.html", "list"),
        ("_promise_cards.html", "locality"),
        ("_promise_period.html", "list"),
        ("_promise_period.html", "promise"),
        ("_progress.html", "home"),
        ("_progress.html", "promise"),
        ("_locality_directory.html", "home"),
        ("_commitment_list.html", "promise"),
        ("_status_badge.html", "promise"),
    ],
)
def test_a_designer_overrides_a_part_of_the_public_pages_with_a_template(
    client, settings, make_promise, make_commitment, part, page
):
    promise = make_promise(title="Lugnare torg")
    make_commitment(promise=promise, status="done")
    _override_templates(settings, {f"promises/includes/{part}": f"<li>Eget {part}</li>"})
    url = {
        "home": "/",
        "list": "/loften/",
        "locality": promise.locality.get_absolute_url(),
        "promise": promise.get_absolute_url(),
    }[page]

    html = client.get(url).content.decode()

    assert f"<li>Eget {part}</li>" in html


def test_the_template_tags_build_no_markup():
    """Markup is in templates; the tags compute values (a string with a tag in it fails)."""
    import ast
    import inspect
    import re

    from promises.templatetags import portal_tags

    tree = ast.parse(inspect.getsource(portal_tags))
    strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)]
    markup = [s for s in strings if isinstance(s, str) and re.search(r"</?[a-z]+[\s>/]", s)]

    assert markup == []
    assert "mark_safe" not in inspect.getsource(portal_tags)


def _directory(html):
    return html[html.index('<ul class="locality-list">') : html.index('id="all-promises"')]


def test_the_home_locality_list_follows_an_edit_that_sends_no_signal(
    client, make_locality, make_promise
):
    """The list is cached under its own content, not only the content generation: an edit
    the invalidation does not see (a queryset update) still shows at once."""
    from promises.models import Locality

    locality = make_locality(name="Alby", slug="alby")
    make_promise(locality=locality, title="Trygg i Alby")
    assert "Alby</a>" in _directory(client.get("/").content.decode())

    Locality.objects.filter(pk=locality.pk).update(name="Nya Alby")  # no signal

    assert "Nya Alby</a>" in _directory(client.get("/").content.decode())


def test_the_home_locality_list_is_cached_apart_for_each_language(
    client, make_locality, make_promise
):
    make_promise(locality=make_locality(name="Alby", slug="alby"), slug="trygg")

    swedish = _directory(client.get("/").content.decode())
    english = _directory(client.get("/en/").content.decode())

    assert "Senaste löftet" in swedish and 'href="/alby/trygg/"' in swedish
    assert "Newest promise" in english and 'href="/en/alby/trygg/"' in english
    assert _directory(client.get("/").content.decode()) == swedish


def test_the_home_is_served_when_the_cache_is_down(client, make_locality, make_promise, settings):
    make_promise(locality=make_locality(name="Alby", slug="alby"), title="Trygg i Alby")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }

    response = client.get("/")

    assert response.status_code == 200
    assert "Trygg i Alby</a>" in _directory(response.content.decode())
