"""The editors' workspace (issue 14): the start page "Att göra" and "Rapportera läget",
tried by the right editor and as an attacker would (anonymous, another locality's editor,
the wrong role, forged ids)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from followup.models import Feedback, Measurement, Update
from promises.models import Commitment, Membership

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_commitment, make_editor, make_indicator):
    """Mölndal with a promise in force that nobody has followed up, Sydväst, and editors."""
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.molndal, ns.sydvast = molndal, sydvast
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.commitment = make_commitment(
        promise=ns.promise, text="Polisen patrullerar vid Mölndals bro varje kväll. " * 3
    )
    ns.indicator = make_indicator(promise=ns.promise, name="Antal patrulleringar")
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.stranger = make_editor(sydvast, role=Role.SAMORDNARE, username="sydvast.samordnare")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def report_url(commitment_id):
    return reverse("followup:report", args=[commitment_id])


# --- The start page ---------------------------------------------------------------------


def test_start_page_lists_a_stale_promises_unreported_commitment_with_its_report_link(place):
    response = logged_in(place.samordnare).get(reverse("admin:index"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Trygg i Mölndal" in page
    assert report_url(place.commitment.pk) in page
    assert reverse("followup:dashboard") in page


def test_start_page_shows_unhandled_feedback_with_its_first_words(place):
    Feedback.objects.create(locality=place.molndal, message="Det är mörkt vid bron på kvällarna.")
    Feedback.objects.create(locality=place.sydvast, message="Hemligt från Sydväst.")

    page = logged_in(place.samordnare).get(reverse("admin:index")).content.decode()

    assert "Det är mörkt vid bron på kvällarna." in page
    assert "Hemligt från Sydväst" not in page


def test_start_page_of_another_localitys_editor_shows_nothing_of_molndal(place, make_update):
    make_update(promise=place.promise, published=False, title="Mölndals utkast")

    page = logged_in(place.stranger).get(reverse("admin:index")).content.decode()

    assert "Trygg i Mölndal" not in page
    assert "Mölndals utkast" not in page
    assert report_url(place.commitment.pk) not in page


def test_start_page_lists_draft_promises_and_notes_and_promises_without_verdict(
    place, make_promise, make_update
):
    make_promise(locality=place.molndal, title="Nästa löfte", state="draft")
    make_update(promise=place.promise, published=False, title="Halvfärdig notering")
    make_promise(
        locality=place.molndal,
        title="Förra löftet",
        starts_on=datetime.date(2023, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
    )

    page = logged_in(place.samordnare).get(reverse("admin:index")).content.decode()

    assert "Nästa löfte" in page
    assert "Halvfärdig notering" in page
    assert "Förra löftet" in page
    assert reverse("admin:followup_verdict_add") in page


def test_start_page_folds_away_reference_data_the_role_cannot_change(place):
    page = logged_in(place.samordnare).get(reverse("admin:index")).content.decode()

    main, _sep, folded = page.partition('class="module reference-data"')
    assert reverse("admin:followup_update_changelist") in main
    assert reverse("admin:promises_party_changelist") in folded
    assert reverse("admin:promises_party_changelist") not in main


def test_kommunpolis_sees_no_report_link_but_the_promise(place):
    page = logged_in(place.polis).get(reverse("admin:index")).content.decode()

    assert "Trygg i Mölndal" in page
    assert report_url(place.commitment.pk) not in page


# --- Rapportera läget -------------------------------------------------------------------


def test_report_screen_shows_the_commitments_full_text_and_status(place):
    response = logged_in(place.samordnare).get(report_url(place.commitment.pk))

    assert response.status_code == 200
    assert place.commitment.text.strip() in response.content.decode()
    assert "Ej påbörjat" in response.content.decode()


def test_samordnare_publishes_a_status_report_with_a_reason_and_a_measurement(place):
    response = logged_in(place.samordnare).post(
        report_url(place.commitment.pk),
        {
            "new_status": "in_progress",
            "text": "Patrullerna har börjat, **varje kväll**.",
            "indicator": place.indicator.pk,
            "value": "12",
            "measured_on": "2026-11-01",
            "action": "publish",
        },
    )

    assert response.status_code == 302
    note = Update.objects.get(commitment=place.commitment)
    assert note.published and note.new_status == "in_progress"
    assert note.author == place.samordnare
    assert Measurement.objects.get(indicator=place.indicator).value == 12
    assert Commitment.objects.get(pk=place.commitment.pk).status == "in_progress"


def test_spara_som_utkast_keeps_the_note_unpublished(place):
    response = logged_in(place.samordnare).post(
        report_url(place.commitment.pk),
        {"new_status": "", "text": "Planering pågår.", "action": "draft"},
    )

    assert response.status_code == 302
    assert Update.objects.get(commitment=place.commitment).published is False


def test_preview_renders_the_reason_and_saves_nothing(place):
    response = logged_in(place.samordnare).post(
        report_url(place.commitment.pk),
        {"new_status": "done", "text": "Klart **nu**.", "action": "preview"},
    )

    assert response.status_code == 200
    assert "<strong>nu</strong>" in response.content.decode()
    assert not Update.objects.exists()


def test_a_status_change_without_a_reason_is_refused_in_swedish(place):
    response = logged_in(place.samordnare).post(
        report_url(place.commitment.pk),
        {"new_status": "done", "text": "<!-- -->", "action": "publish"},
    )

    assert response.status_code == 400
    assert not Update.objects.exists()
    assert Commitment.objects.get(pk=place.commitment.pk).status == "unreported"


def test_a_value_without_an_indicator_is_refused(place):
    response = logged_in(place.samordnare).post(
        report_url(place.commitment.pk),
        {"text": "Siffror.", "value": "3", "action": "publish"},
    )

    assert response.status_code == 400
    assert not Update.objects.exists()


def test_anonymous_visitor_is_sent_to_the_login_and_saves_nothing(place):
    response = Client().post(
        report_url(place.commitment.pk), {"text": "Falsk.", "action": "publish"}
    )

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert not Update.objects.exists()


def test_another_localitys_samordnare_gets_404_and_saves_nothing(place):
    client = logged_in(place.stranger)

    assert client.get(report_url(place.commitment.pk)).status_code == 404
    response = client.post(
        report_url(place.commitment.pk),
        {"new_status": "done", "text": "Falsk rapport.", "action": "publish"},
    )

    assert response.status_code == 404
    assert not Update.objects.exists()


def test_kommunpolis_may_not_post_status_reports(place):
    response = logged_in(place.polis).post(
        report_url(place.commitment.pk),
        {"new_status": "done", "text": "Polisen rapporterar.", "action": "publish"},
    )

    assert response.status_code == 404
    assert not Update.objects.exists()


def test_an_indicator_of_another_promise_is_refused(place, make_promise, make_indicator):
    other = make_indicator(promise=make_promise(locality=place.sydvast), name="Sydvästs")

    response = logged_in(place.samordnare).post(
        report_url(place.commitment.pk),
        {"text": "Siffror.", "indicator": other.pk, "value": "3", "action": "publish"},
    )

    assert response.status_code == 400
    assert not Measurement.objects.filter(indicator=other).exists()
    assert not Update.objects.exists()


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999", "-1"])
def test_forged_commitment_ids_answer_404(place, forged):
    response = logged_in(place.samordnare).get(report_url(forged))

    assert response.status_code == 404


def test_an_unknown_action_only_previews(place):
    response = logged_in(place.samordnare).post(
        report_url(place.commitment.pk), {"text": "Hej.", "action": "delete"}
    )

    assert response.status_code == 200
    assert not Update.objects.exists()


def test_report_screen_has_a_swedish_help_text_not_just_markdown(place):
    page = logged_in(place.samordnare).get(report_url(place.commitment.pk)).content.decode()

    assert "**fetstil**" in page
    assert "Förhandsgranska" in page


def test_each_commitment_row_of_the_promise_links_to_its_report_screen(place):
    client = logged_in(place.samordnare)
    promise_page = client.get(reverse("admin:promises_promise_change", args=[place.promise.pk]))
    commitments = client.get(reverse("admin:promises_commitment_changelist"))

    assert report_url(place.commitment.pk) in promise_page.content.decode()
    assert report_url(place.commitment.pk) in commitments.content.decode()


def test_kommunpolis_promise_form_has_no_report_link(place):
    client = logged_in(place.polis)
    page = client.get(reverse("admin:promises_promise_change", args=[place.promise.pk]))

    assert page.status_code == 200
    assert report_url(place.commitment.pk) not in page.content.decode()


def test_without_indicators_the_report_screen_says_who_adds_them(place):
    place.indicator.delete()

    page = logged_in(place.samordnare).get(report_url(place.commitment.pk)).content.decode()

    assert 'name="indicator"' not in page
    assert "En kommunpolis i området lägger till indikatorer" in page


def test_the_dashboard_says_from_when_a_never_followed_up_promise_is_counted(place):
    page = logged_in(place.samordnare).get(reverse("followup:dashboard")).content.decode()

    assert "Aldrig (räknat från 1 januari 2025" in page
