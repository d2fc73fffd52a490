"""Residents' messages reach a person: the locality's team accounts and its contacts with
an address; where nobody can receive them, the resident is told before writing."""

import pytest
from django.core import mail
from django.urls import reverse

from followup.models import Feedback
from followup.selectors import feedback_recipients
from promises.models import Contact, Membership
from tests.followup.conftest import url

pytestmark = pytest.mark.django_db

UNREACHABLE = "Just nu kan ingen i det lokala teamet"


def test_feedback_reaches_the_teams_accounts_when_no_contact_has_an_address(
    client, feedback_post, make_editor, django_capture_on_commit_callbacks
):
    locality = feedback_post.promise.locality
    Contact.objects.create(locality=locality, name="Utan adress")  # as Sydväst's contacts
    make_editor(locality, role=Membership.Role.SAMORDNARE, email="samordnare@example.se")
    make_editor(locality, email="kommunpolis@example.se")
    make_editor(locality, email="slutat@example.se", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("sv", "followup:feedback"), feedback_post())

    assert sorted(mail.outbox[0].to) == ["kommunpolis@example.se", "samordnare@example.se"]
    receipt = client.get(response["Location"]).content.decode()
    assert "har kommit fram till det lokala teamet" in receipt


def test_an_editor_of_another_locality_is_not_told(feedback_post, make_editor, make_locality):
    make_editor(make_locality(), email="annan@example.se")

    assert feedback_recipients(feedback_post.promise.locality_id) == []


def test_nobody_to_receive_it_is_said_before_writing_and_on_the_receipt(client, feedback_post):
    promise = feedback_post.promise  # a locality with no team account and no contact

    page = client.get(promise.get_absolute_url()).content.decode()
    assert UNREACHABLE in page and "114 14" in page

    response = client.post(url("sv", "followup:feedback"), feedback_post())
    receipt = client.get(response["Location"]).content.decode()
    assert Feedback.objects.count() == 1  # kept all the same
    assert "har kommit fram" not in receipt
    assert "men just nu kan ingen i det lokala teamet ta emot meddelanden här" in receipt


def test_a_locality_that_can_receive_feedback_shows_no_warning(client, feedback_post, make_editor):
    promise = feedback_post.promise
    make_editor(promise.locality, email="polis@example.se")

    assert UNREACHABLE not in client.get(promise.get_absolute_url()).content.decode()


def test_the_general_page_names_the_areas_nobody_can_receive_for(
    client, make_locality, make_editor
):
    reached = make_locality("Norrby")
    make_locality("Söderby")  # nobody receives its feedback
    Contact.objects.create(locality=reached, name="Linda", email="linda@example.se")

    page = client.get(reverse("followup:feedback")).content.decode()

    assert "Just nu kan ingen ta emot meddelanden här för:" in page
    note = page.split("Just nu kan ingen ta emot meddelanden här för:")[1].split("</p>")[0]
    assert "Söderby" in note and "Norrby" not in note


def test_make_run_links_e_mails_to_the_address_it_serves():
    from pathlib import Path

    from django.conf import settings

    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()

    assert "SITE_URL=http://$(HOST):$(PORT)" in makefile
    run = makefile.split("\nrun: install\n")[1].split("\n\n")[0]
    assert all("$(RUN_ENV)" in line for line in run.splitlines() if "manage.py" in line)
