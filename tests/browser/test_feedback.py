"""A resident writes to the Mölndal team from the promise page and gets a receipt."""

import re

import pytest

from followup.models import Feedback
from promises.models import Locality, Membership, Promise
from promises.permissions import membership_grant
from tests.browser.conftest import DESKTOP, PHONE, axe_findings

MESSAGE = "Belysningen vid Mölndals bro är trasig sedan en vecka, det känns otryggt på kvällen."


@pytest.fixture
def quick_form(settings):
    # The minimum time between showing and sending is checked in the form tests; here it
    # would only make the browser test wait, so it is switched off.
    settings.FEEDBACK_MIN_SECONDS = 0


@pytest.fixture
def new_page(browser, live_server, transactional_db):
    """More pages, each in a browser context of its own (its own cookies), closed after."""
    contexts = []

    def make():
        context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _send_feedback_from_molndal_promise_page(page):
    promise = Promise.objects.published().get(locality__slug="molndal")
    page.goto(promise.get_absolute_url())
    form = page.locator(
        "form", has=page.get_by_role("button", name="Skicka till det lokala teamet")
    )
    form.get_by_label("Ditt meddelande").fill(MESSAGE)
    form.get_by_label("Plats (frivilligt)").fill("Mölndals bro")
    form.get_by_role("button", name="Skicka till det lokala teamet").click()
    page.wait_for_url(re.compile(r"/synpunkter/kvitto/"))
    return promise


def test_a_resident_sends_feedback_from_the_molndal_promise_page_and_sees_the_receipt(
    page, live_demo, quick_form
):
    promise = _send_feedback_from_molndal_promise_page(page)

    feedback = Feedback.objects.get()
    assert (feedback.locality.slug, feedback.promise, feedback.message) == (
        "molndal",
        promise,
        MESSAGE,
    )
    assert page.get_by_role("heading", level=1).inner_text() == "Tack för ditt meddelande"
    assert page.locator(".reference").inner_text() == feedback.reference
    assert page.console_errors == []


def test_the_text_is_still_there_when_the_form_is_refused(page, live_demo, quick_form):
    promise = Promise.objects.published().get(locality__slug="molndal")
    page.goto(promise.get_absolute_url())
    form = page.locator(
        "form", has=page.get_by_role("button", name="Skicka till det lokala teamet")
    )
    text = "Min granne 811228-9874 spelar hög musik vid porten på natten."
    form.get_by_label("Ditt meddelande").fill(text)
    form.get_by_role("button", name="Skicka till det lokala teamet").click()

    assert "utelämna personnummer" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Ditt meddelande").input_value() == text
    assert not Feedback.objects.exists()


def _staff_samordnare(django_user_model, locality, username):
    user = django_user_model.objects.create_user(
        username=username, password="correct-horse-battery", is_staff=True
    )
    membership_grant(user=user, locality=locality, role=Membership.Role.SAMORDNARE)
    return user


def _log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill("correct-horse-battery")
    page.get_by_role("button", name="Logga in").click()


def test_the_molndal_samordnare_sees_the_feedback_in_the_admin_and_sydvasts_does_not(
    page, new_page, live_demo, quick_form, django_user_model
):
    _send_feedback_from_molndal_promise_page(page)
    feedback = Feedback.objects.get()
    _staff_samordnare(django_user_model, Locality.objects.get(slug="molndal"), "sam-molndal")
    _staff_samordnare(django_user_model, Locality.objects.get(slug="sydvast"), "sam-sydvast")
    change_url = f"/admin/followup/feedback/{feedback.pk}/change/"

    molndal = new_page()
    _log_in(molndal, "sam-molndal")
    molndal.goto("/admin/followup/feedback/")
    assert feedback.reference in molndal.content()
    assert molndal.goto(change_url).status == 200

    sydvast = new_page()
    _log_in(sydvast, "sam-sydvast")
    sydvast.goto("/admin/followup/feedback/")
    assert feedback.reference not in sydvast.content()
    assert sydvast.goto(change_url).status == 404


def test_the_feedback_page_with_errors_has_no_axe_violations(axe_page, live_demo):
    page = axe_page(PHONE)
    page.goto("/en/feedback/")
    page.get_by_label("Your message").fill("short")
    page.get_by_label("Your e-mail address (optional)").fill("nope")
    page.get_by_role("button", name="Send to the local team").click()
    page.get_by_role("alert").wait_for()

    found = axe_findings(page)

    assert found == {}, found
