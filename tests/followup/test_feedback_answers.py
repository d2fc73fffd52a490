"""The feedback list and answers (issue 14 point 8): the list shows the message's first
words, locality, promise, age, handled and answered; an answer written in the admin is
e-mailed to the resident and kept; the receipt says how soon the team usually answers."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from followup.models import Feedback
from promises.models import Membership
from tests.followup.conftest import url
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_editor):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.molndal = molndal
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.feedback = Feedback.objects.create(
        locality=molndal,
        promise=ns.promise,
        message="Det är mörkt vid Mölndals bro på kvällarna och folk känner sig otrygga där.",
        email="boende@example.org",
    )
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.stranger = make_editor(sydvast, role=Role.SAMORDNARE, username="sydvast.samordnare")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(feedback):
    return reverse("admin:followup_feedback_change", args=[feedback.pk])


def test_the_list_shows_the_first_words_locality_promise_and_answered(place):
    response = logged_in(place.samordnare).get(reverse("admin:followup_feedback_changelist"))

    page = response.content.decode()
    assert "Det är mörkt vid Mölndals bro" in page
    assert "Trygg i Mölndal" in page
    assert "sedan" in page  # the age: "för 0 minuter sedan"
    assert "Besvarad" in page


def test_an_answer_is_emailed_to_the_resident_and_kept(place):
    client = logged_in(place.samordnare)
    data = post_data(client.get(change_url(place.feedback)))
    data["answer"] = "Tack! Vi har bett kommunen se över belysningen."

    response = client.post(change_url(place.feedback), data)

    assert response.status_code == 302
    feedback = Feedback.objects.get(pk=place.feedback.pk)
    assert feedback.answer == "Tack! Vi har bett kommunen se över belysningen."
    assert feedback.answered_at is not None and feedback.answer_sent_at is not None
    assert feedback.handled
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["boende@example.org"]
    assert "se över belysningen" in mail.outbox[0].body


def test_an_answer_without_an_address_is_kept_and_nothing_is_sent(place):
    Feedback.objects.filter(pk=place.feedback.pk).update(email="")
    client = logged_in(place.samordnare)
    data = post_data(client.get(change_url(place.feedback)))
    data["answer"] = "Vi tittar på det."

    client.post(change_url(place.feedback), data)

    assert Feedback.objects.get(pk=place.feedback.pk).answer == "Vi tittar på det."
    assert mail.outbox == []


def test_another_localitys_samordnare_cannot_answer(place):
    client = logged_in(place.stranger)

    response = client.post(change_url(place.feedback), {"answer": "Falskt svar."})

    assert response.status_code == 404
    assert Feedback.objects.get(pk=place.feedback.pk).answer == ""
    assert mail.outbox == []


def test_the_receipt_says_how_soon_the_team_usually_answers(client, feedback_post, settings):
    settings.FEEDBACK_USUAL_ANSWER_DAYS = 7
    response = client.post(
        url("sv", "followup:feedback"), feedback_post(email="boende@example.org"), follow=True
    )

    assert "Teamet brukar svara inom 7 dagar." in response.content.decode()


def test_the_usual_answer_time_comes_from_the_teams_answers(client, feedback_post):
    now = timezone.now()
    locality = feedback_post.promise.locality
    for days in (2, 3, 30):
        Feedback.objects.create(
            locality=locality,
            message="Tidigare synpunkt som har besvarats.",
            created_at=now - datetime.timedelta(days=40),
            answered_at=now - datetime.timedelta(days=40 - days),
        )

    response = client.post(
        url("sv", "followup:feedback"), feedback_post(email="boende@example.org"), follow=True
    )

    assert "Teamet brukar svara inom 3 dagar." in response.content.decode()


def test_the_feedback_page_is_titled_by_its_reference_not_as_a_change(place):
    page = logged_in(place.samordnare).get(change_url(place.feedback)).content.decode()

    assert f"Synpunkt {place.feedback.reference}" in page
    assert "Ändra synpunkter" not in page


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999"])
def test_forged_feedback_ids_answer_404(place, forged):
    url = reverse("admin:followup_feedback_change", args=[forged])

    assert logged_in(place.samordnare).get(url).status_code == 404
