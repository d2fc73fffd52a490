"""The end-of-term report of a promise (/<locality>/<promise>/rapport/) and its Word file:
built from published data only, a progress report until a verdict or the end date."""

import datetime
import io

import docx
import pytest
from django.urls import reverse
from django.utils import timezone

from followup.services import update_post
from promises.models import Commitment, Promise
from promises.site.report import Kind, report_kind
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def _url(promise, name="promises:report"):
    return reverse(name, args=[promise.locality.slug, promise.slug])


def _word_text(response):
    document = docx.Document(io.BytesIO(response.content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "verdict", "kind"),
    [
        (datetime.date(2025, 1, 1), datetime.date(2026, 12, 31), False, Kind.PROGRESS),
        (datetime.date(2024, 1, 1), datetime.date(2025, 12, 31), False, Kind.FINAL),
        (datetime.date(2025, 1, 1), datetime.date(2026, 12, 31), True, Kind.FINAL),
        (None, None, False, Kind.PROGRESS),
        (None, None, True, Kind.FINAL),
    ],
)
def test_the_report_is_final_after_a_verdict_or_the_end_date_and_undated_only_with_a_verdict(
    starts_on, ends_on, verdict, kind
):
    promise = Promise(starts_on=starts_on, ends_on=ends_on)

    assert report_kind(promise, object() if verdict else None, on=TODAY) == kind


def test_a_running_promise_gets_a_dated_progress_report(client, make_promise):
    today = timezone.localdate()
    promise = make_promise(starts_on=today, ends_on=today + datetime.timedelta(days=365))

    page = client.get(_url(promise)).content.decode()

    assert "Lägesrapport" in page
    assert "Slutrapport" not in page
    assert f'<time datetime="{today.isoformat()}">' in page


def test_a_draft_promise_has_no_report(client, make_promise):
    promise = make_promise(state=Promise.State.DRAFT)

    assert client.get(_url(promise)).status_code == 404
    assert client.get(_url(promise, "promises:report-word")).status_code == 404


def test_an_unknown_promise_has_no_report(client, make_locality):
    locality = make_locality("Mölndal")

    response = client.get(reverse("promises:report", args=[locality.slug, "finns-inte"]))

    assert response.status_code == 404


def test_a_report_shows_the_figures_with_baseline_target_and_result(
    client, make_promise, make_indicator
):
    promise = make_promise()
    make_indicator(
        promise=promise,
        name="Andel trygga kvällstid",
        unit="%",
        baseline_value=40,
        target_value=55,
        values=[48],
    )

    page = client.get(_url(promise)).content.decode()
    figures = page.split("Andel trygga kvällstid")[1].split("</tr>")[0]

    assert "40" in figures and "55" in figures and "48" in figures


@pytest.fixture
def sydvast(demo_data):
    """Sydväst's ended promise, with one status note published and one left as a draft."""
    promise = Promise.objects.get(locality__slug="sydvast", slug="tryggare-utemiljo")
    first, second = promise.commitments.order_by("order")[:2]
    update_post(
        promise=promise,
        commitment=first,
        new_status=Commitment.Status.DONE,
        text="Patrullerna genomfördes varje dag.",
        published=True,
        date=datetime.date(2023, 9, 1),
    )
    update_post(
        promise=promise,
        commitment=second,
        new_status=Commitment.Status.CANCELLED,
        text="UTKAST: ska inte synas.",
        published=False,
    )
    draft = factories.PromiseFactory(locality=promise.locality, state=Promise.State.DRAFT)
    factories.CommitmentFactory(promise=draft, text="UTKAST-ÅTAGANDE")
    return promise


def test_sydvasts_ended_promise_gets_a_final_report_with_every_published_commitment(
    client, sydvast
):
    page = client.get(_url(sydvast)).content.decode()

    assert "Slutrapport" in page
    for commitment in Commitment.objects.filter(promise=sydvast):
        commitment.refresh_from_db()
        assert commitment.text in page
    assert "Patrullerna genomfördes varje dag." in page
    assert "1 september 2023" in page
    assert "Genomfört" in page  # the published status


def test_the_report_holds_no_draft_note_nor_draft_promise(client, sydvast):
    page = client.get(_url(sydvast)).content.decode()
    word = _word_text(client.get(_url(sydvast, "promises:report-word")))

    for text in (page, word):
        assert "UTKAST" not in text
    assert "Inställt" not in page.split("Vad som inte blev gjort")[0].split("Problem och")[1]


def test_sydvasts_report_names_its_problems_and_says_where_the_document_does_not_link(
    client, sydvast
):
    page = client.get(_url(sydvast)).content.decode()

    picture = sydvast.situation_pictures.get()
    for problem in picture.problems.all():
        assert problem.description in page
    assert "Dokumentet anger inte vilket åtagande som svarar mot detta." in page
    assert "Åtaganden som dokumentet inte knyter till något problem" in page


def test_molndals_undated_promise_without_a_verdict_gets_a_progress_report_by_problem(
    client, demo_data
):
    promise = Promise.objects.get(locality__slug="molndal", slug="molndals-innerstad")

    page = client.get(_url(promise)).content.decode()

    assert "Lägesrapport" in page
    bridge = page.split("knutpunkten Mölndals bro.")[1].split('class="report-problem"')[0]
    for commitment in promise.commitments.all():
        assert commitment.text in bridge
        assert commitment.get_status_display() in page
    assert "Linda Bergvall" in page  # contacts


def test_the_word_file_holds_the_promise_problems_commitments_statuses_and_contacts(
    client, demo_data
):
    promise = Promise.objects.get(locality__slug="molndal", slug="molndals-innerstad")

    response = client.get(_url(promise, "promises:report-word"))
    text = _word_text(response)

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert "attachment" in response["Content-Disposition"]
    assert "Lägesrapport: Medborgarlöftet för Mölndals innerstad" in text
    assert "knutpunkten Mölndals bro" in text
    for commitment in promise.commitments.all():
        assert commitment.text in text
    assert "Status: Ingen uppgift" in text
    assert "Linda Bergvall" in text
    assert "Bygger bara på det som är publicerat" in text


def test_a_verdict_makes_an_undated_promise_final_with_each_commitments_outcome(
    client, make_promise
):
    promise = make_promise(starts_on=None, ends_on=None, period_text="under ett år")
    done = factories.CommitmentFactory(promise=promise, text="Fler vuxna ute på kvällarna.")
    partly = factories.CommitmentFactory(promise=promise, text="Bättre belysning i parken.")
    verdict = factories.VerdictFactory(promise=promise, summary="Löftet hölls till stor del.")
    factories.CommitmentVerdictFactory(
        verdict=verdict, commitment=done, outcome="done", reason="Varje fredag hela året."
    )
    factories.CommitmentVerdictFactory(
        verdict=verdict, commitment=partly, outcome="partly", reason="Halva parken är klar."
    )

    page = client.get(_url(promise)).content.decode()
    word = _word_text(client.get(_url(promise, "promises:report-word")))

    assert "Slutrapport" in page
    for text in (page, word):
        assert "Löftet hölls till stor del." in text
        assert "Varje fredag hela året." in text and "Halva parken är klar." in text
    undone = page.split("Vad som inte blev gjort")[1]
    assert "Bättre belysning i parken." in undone
    assert "Fler vuxna ute på kvällarna." not in undone


def test_the_promise_page_links_to_its_report(client, make_promise):
    promise = make_promise()

    page = client.get(promise.get_absolute_url()).content.decode()

    assert f'href="{_url(promise)}"' in page
