"""One derivation for every signal (issue 12, point 3): for the same promise, in each state
and phase, the promise page, its card, the embed card, the promise's feed, the API and the
CSV say the same thing (promises.progress: one wording per state and phase)."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from followup.models import Update
from promises.models import Promise

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
PERIODS = {
    "active": (TODAY - 100 * DAY, TODAY + 100 * DAY),
    "upcoming": (TODAY + 10 * DAY, TODAY + 400 * DAY),
    "ended": (TODAY - 800 * DAY, TODAY - 400 * DAY),
    "undated": (None, None),
}
STATUSES = {
    "no_commitments": [],
    "all_cancelled": ["cancelled", "cancelled"],
    "not_reported": ["unreported", "unreported", "cancelled"],
    "reported": ["done", "in_progress", "unreported", "delayed", "cancelled"],
}
# What the promise page says, per state and phase (Swedish): "hittills" only in force.
EXPECTED = {
    ("reported", "active"): ("38 % uppfyllt hittills", 38),
    ("reported", "upcoming"): ("38 % uppfyllt innan perioden har börjat", 38),
    ("reported", "ended"): ("38 % uppfyllt enligt de senaste rapporterna", 38),
    ("reported", "undated"): ("38 % uppfyllt enligt de senaste rapporterna", 38),
    ("not_reported", "active"): ("Ingen status har rapporterats ännu.", None),
    ("not_reported", "upcoming"): (
        "Perioden har inte börjat; ingen status har rapporterats ännu.",
        None,
    ),
    ("not_reported", "ended"): ("Perioden har tagit slut; ingen status rapporterades.", None),
    ("not_reported", "undated"): ("Ingen status har rapporterats ännu.", None),
    **{("all_cancelled", phase): ("Alla åtaganden har ställts in.", None) for phase in PERIODS},
    **{
        ("no_commitments", phase): ("Inga åtaganden har publicerats ännu.", None)
        for phase in PERIODS
    },
}


@pytest.fixture
def build(make_promise, make_commitment):
    def build(state, phase):
        starts_on, ends_on = PERIODS[phase]
        promise = make_promise(
            title="Trygg i Mölndal",
            starts_on=starts_on,
            ends_on=ends_on,
            period_text="" if starts_on else "under en tvåårsperiod",
        )
        for status in STATUSES[state]:
            make_commitment(promise=promise, status=status)
        return promise

    return build


def _summary(html, css_class):
    found = re.findall(rf'<p class="{css_class}[^"]*">(?:<strong>)?(.*?)(?:</strong>)?</p>', html)
    assert found, css_class
    return found


def _drawn_share(html):
    """The filled share of the bar as drawn: (done + in progress widths) / whole width."""
    html = re.search(r'<svg class="(?:progress|card)-bar".*?</svg>', html, re.S).group(0)
    whole = int(re.search(r'viewBox="0 0 (\d+) \d+"', html).group(1))
    done = int(re.search(r'class="progress-done"[^>]*width="(\d+)"', html).group(1))
    doing = int(re.search(r'class="progress-doing"[^>]*width="(\d+)"', html).group(1))
    return round(100 * (done + doing) / whole)


@pytest.mark.parametrize("phase", list(PERIODS))
@pytest.mark.parametrize("state", list(STATUSES))
def test_every_surface_says_the_same_for_the_same_promise(client, build, state, phase):
    promise = build(state, phase)
    summary, percent = EXPECTED[(state, phase)]
    assert promise.phase() == phase

    with translation.override("sv"):
        page = client.get(promise.get_absolute_url()).content.decode()
        cards = client.get(reverse("promises:list")).content.decode()
        embed = client.get(
            reverse("promises:embed", args=[promise.locality.slug, promise.slug])
        ).content.decode()
        feed = client.get(
            reverse(
                "promises:promise-feed-rss",
                kwargs={"locality": promise.locality.slug, "slug": promise.slug},
            )
        ).content.decode()
    api = client.get(f"/api/v1/promises/{promise.pk}/", HTTP_ACCEPT_LANGUAGE="sv").json()
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/promises.csv").content.decode())))

    assert _summary(page, "progress-summary") == [summary]
    assert _summary(cards, "progress-summary") == [summary]
    assert _summary(embed, "card-percent") == [summary]
    assert f"{summary}</description>" in feed
    assert (api["progress"]["state"], api["progress"]["summary"]) == (state, summary)
    assert api["progress"]["percent"] == percent
    assert {(row["progress_state"], row["progress_percent"]) for row in rows} == {
        (state, "" if percent is None else str(percent))
    }
    if percent is None:
        for html in (page, embed):
            assert '<svg class="progress-bar"' not in html and "card-bar" not in html
            assert " %" not in _summary(html, "progress-summary|card-percent")[0]
    else:
        # The bar draws what it states, on the page and in the embed, with a legend.
        assert _drawn_share(page) == percent
        assert _drawn_share(embed) == percent
        assert "Pågår (räknas till hälften)" in page and "Pågår (räknas till hälften)" in embed


def test_the_about_page_names_the_statuses_as_the_badges_do(client):
    with translation.override("sv"):
        html = client.get(reverse("promises:about")).content.decode()

    for label in ("Genomfört", "Pågår", "Ej påbörjat", "Ingen uppgift", "Försenat", "Inställt"):
        assert f"”{label}”" in html
    assert "ej rapporterat" not in html and "avbrutna" not in html


def test_an_ended_promise_is_not_said_to_be_kept_so_far(client, build):
    promise = build("reported", "ended")

    with translation.override("sv"):
        page = client.get(promise.get_absolute_url()).content.decode()
        embed = client.get(
            reverse("promises:embed", args=[promise.locality.slug, promise.slug])
        ).content.decode()

    assert Promise.objects.get(pk=promise.pk).phase() == "ended"
    assert "hittills" not in page and "hittills" not in embed
    assert "38 % uppfyllt enligt de senaste rapporterna" in embed


def test_the_embed_card_does_not_deny_an_undated_published_follow_up(client, build):
    promise = build("no_commitments", "undated")
    Update.objects.create(
        promise=promise, date=None, text="Så har vi uppfyllt vårt löfte.", published=True
    )

    with translation.override("sv"):
        html = client.get(
            reverse("promises:embed", args=[promise.locality.slug, promise.slug])
        ).content.decode()

    assert "Ingen uppföljning publicerad ännu" not in html
    assert "Uppföljning publicerad (datum ej angivet)" in html
