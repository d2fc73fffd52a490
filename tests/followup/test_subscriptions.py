"""Subscriptions: double opt-in, one-click unsubscribe, links that expire or were changed."""

import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from followup import emails
from followup.forms import shown_at_token
from followup.models import Subscription
from tests.followup.conftest import url
from tests.followup.races import all_pass_the_check_before_any_is_counted

pytestmark = pytest.mark.django_db


def subscribe(client, language="sv", **data):
    data.setdefault("email", "boende@example.se")
    data.setdefault("shown_at", shown_at_token(time.time() - 60))
    return client.post(url(language, "followup:subscribe"), data)


def link_in(message, marker):
    return next(
        line.split(" ")[-1].replace("http://127.0.0.1:8000", "")
        for line in message.body.splitlines()
        if marker in line
    )


def test_subscribing_sends_a_confirmation_link_and_confirms_nothing_yet(client, make_promise):
    promise = make_promise()

    response = subscribe(client, promise=promise.pk)

    assert response.status_code == 302
    assert response["Location"] == url("sv", "followup:subscription_requested")
    subscription = Subscription.objects.get()
    assert (subscription.promise, subscription.confirmed_at) == (promise, None)
    assert len(mail.outbox) == 1
    assert "/prenumerera/bekrafta/" in mail.outbox[0].body
    assert not Subscription.objects.confirmed().exists()


def test_the_confirmation_link_confirms_on_post_not_on_get(client, make_promise):
    subscribe(client, language="en", promise=make_promise().pk)
    confirm = link_in(mail.outbox[0], "/en/subscribe/confirm/")

    shown = client.get(confirm)
    assert shown.status_code == 200
    assert not Subscription.objects.confirmed().exists()  # link checkers confirm nothing

    response = client.post(confirm, follow=True)

    assert Subscription.objects.confirmed().count() == 1
    assert "Your subscription is confirmed" in response.content.decode()


def test_confirmation_emails_are_in_the_subscribers_language(client, make_locality):
    locality = make_locality("Mölndal")

    subscribe(client, language="sv", locality=locality.pk)
    subscribe(client, language="en", locality=locality.pk, email="resident@example.com")

    assert "Bekräfta din prenumeration" in mail.outbox[0].subject
    assert "Confirm your subscription" in mail.outbox[1].subject
    assert Subscription.objects.get(email="resident@example.com").language == "en"


def test_every_subscription_email_has_one_click_unsubscribe_headers(client, make_promise):
    subscribe(client, promise=make_promise().pk)

    headers = mail.outbox[0].extra_headers

    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/prenumerera/avsluta/")
    assert headers["List-Unsubscribe"][1:-1].endswith(link_in(mail.outbox[0], "/avsluta/"))


def test_the_page_does_not_reveal_whether_the_address_already_follows(client, make_promise):
    promise = make_promise()
    Subscription.objects.create(
        email="boende@example.se", promise=promise, confirmed_at=timezone.now()
    )

    known = subscribe(client, promise=promise.pk)
    unknown = subscribe(Client(), promise=promise.pk, email="ny@example.se")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["ny@example.se"]]  # no second mail to a subscriber


def test_a_subscription_without_a_valid_email_keeps_the_address_and_explains(client, make_promise):
    response = subscribe(client, language="sv", promise=make_promise().pk, email="inte en adress")

    assert response.status_code == 400
    assert "Ange en e-postadress" in response.content.decode()
    assert "inte en adress" in response.content.decode()
    assert not Subscription.objects.exists()


def test_subscribing_is_rate_limited_like_feedback(client, make_promise, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    promise = make_promise()
    for n in range(2):
        subscribe(client, promise=promise.pk, email=f"a{n}@example.se")

    response = subscribe(client, promise=promise.pk, email="a3@example.se")

    assert response.status_code == 429
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_expired_confirmation_link_is_refused_with_a_clear_page(client, make_promise, language):
    subscription = Subscription.objects.create(email="a@example.se", promise=make_promise())
    token = emails.confirm_token(subscription)
    eight_days_later = time.time() + 8 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=eight_days_later):
        response = client.post(url(language, "followup:subscription_confirm", token=token))

    assert response.status_code == 410
    text = "för gammal" if language == "sv" else "too old"
    assert text in response.content.decode()
    assert not Subscription.objects.confirmed().exists()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_tampered_confirmation_link_is_refused_with_a_clear_page(client, make_promise, language):
    subscription = Subscription.objects.create(email="a@example.se", promise=make_promise())
    token = emails.confirm_token(subscription)
    forged = signing.dumps([subscription.pk, "0" * 16, 0], salt="another-salt")

    for bad in (token[:-2] + "xx", forged, "nonsense"):
        response = client.post(url(language, "followup:subscription_confirm", token=bad))
        assert response.status_code == 400
        text = "har ändrats" if language == "sv" else "has been changed"
        assert text in response.content.decode()
    assert not Subscription.objects.confirmed().exists()


def test_an_old_confirmation_link_does_not_undo_an_unsubscription(client, make_promise):
    subscription = Subscription.objects.create(email="a@example.se", promise=make_promise())
    token = emails.confirm_token(subscription)
    client.post(url("sv", "followup:subscription_confirm", token=token))
    client.post(url("sv", "followup:unsubscribe", token=emails.unsubscribe_token(subscription)))

    response = client.post(url("sv", "followup:subscription_confirm", token=token))

    assert response.status_code == 410
    assert not Subscription.objects.confirmed().exists()


def test_subscribing_again_after_unsubscribing_needs_a_new_confirmation(client, make_promise):
    promise = make_promise()
    subscription = Subscription.objects.create(
        email="boende@example.se", promise=promise, confirmed_at=timezone.now()
    )
    client.post(url("sv", "followup:unsubscribe", token=emails.unsubscribe_token(subscription)))

    subscribe(client, promise=promise.pk)
    client.post(link_in(mail.outbox[0], "/bekrafta/"))

    assert Subscription.objects.confirmed().get() == subscription


def test_one_click_unsubscribe_works_without_a_csrf_token(make_promise):
    subscription = Subscription.objects.create(
        email="a@example.se", promise=make_promise(), confirmed_at=timezone.now()
    )
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        url("sv", "followup:unsubscribe", token=emails.unsubscribe_token(subscription)),
        {"List-Unsubscribe": "One-Click"},
    )

    assert response.status_code == 200
    assert not Subscription.objects.confirmed().exists()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_opening_the_unsubscribe_link_asks_first(client, make_promise, language):
    subscription = Subscription.objects.create(
        email="a@example.se", promise=make_promise(), confirmed_at=timezone.now()
    )

    response = client.get(
        url(language, "followup:unsubscribe", token=emails.unsubscribe_token(subscription))
    )

    assert response.status_code == 200
    assert ("Ja, avsluta" if language == "sv" else "Yes, unsubscribe") in response.content.decode()
    assert Subscription.objects.confirmed().exists()


def test_a_tampered_unsubscribe_link_is_refused(client, make_promise):
    subscription = Subscription.objects.create(
        email="a@example.se", promise=make_promise(), confirmed_at=timezone.now()
    )
    token = emails.unsubscribe_token(subscription)

    response = client.post(url("en", "followup:unsubscribe", token=token + "x"))

    assert response.status_code == 400
    assert "has been changed" in response.content.decode()
    assert Subscription.objects.confirmed().exists()


def test_a_subscription_to_a_draft_promise_is_refused(client, make_promise):
    draft = make_promise(state="draft")

    response = subscribe(client, language="en", promise=draft.pk)

    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_repeated_requests_send_one_confirmation_email_per_window(make_promise):
    promise = make_promise()
    for n in range(3):
        subscribe(Client(REMOTE_ADDR=f"192.0.2.{n}"), promise=promise.pk)

    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1


def test_a_failed_confirmation_email_can_be_asked_for_again_at_once(make_promise, settings):
    promise = make_promise()
    settings.EMAIL_BACKEND = "tests.followup.backends.FailingBackend"
    subscribe(Client(), promise=promise.pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    subscribe(Client(), promise=promise.pk)

    assert len(mail.outbox) == 1


DRAFT_TITLE = "UTKAST: ny titel som ingen ska se"


def unpublish_and_retitle(promise):
    promise.state = "draft"
    promise.title = DRAFT_TITLE
    promise.save()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_confirmation_page_of_an_unpublished_retitled_promise_shows_no_draft_title(
    client, make_promise, language
):
    promise = make_promise(title="Trygg i Mölndal")
    subscription = Subscription.objects.create(email="a@example.se", promise=promise)
    unpublish_and_retitle(promise)
    confirm = url(
        language, "followup:subscription_confirm", token=emails.confirm_token(subscription)
    )

    shown = client.get(confirm)
    confirmed = client.post(confirm, follow=True)

    for response in (shown, confirmed):
        assert response.status_code == 200
        page = response.content.decode()
        assert DRAFT_TITLE not in page
        assert promise.get_absolute_url() not in page
        assert ("publicerat just nu" if language == "sv" else "not published at the moment") in page
    assert Subscription.objects.confirmed().get() == subscription  # the request is kept


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_unsubscribe_page_of_an_unpublished_retitled_promise_shows_no_draft_title(
    client, make_promise, language
):
    promise = make_promise(title="Trygg i Mölndal")
    subscription = Subscription.objects.create(
        email="a@example.se", promise=promise, confirmed_at=timezone.now()
    )
    unpublish_and_retitle(promise)
    unsubscribe = url(
        language, "followup:unsubscribe", token=emails.unsubscribe_token(subscription)
    )

    shown = client.get(unsubscribe)

    assert shown.status_code == 200
    assert DRAFT_TITLE not in shown.content.decode()
    assert (
        "publicerat just nu" if language == "sv" else "not published at the moment"
    ) in shown.content.decode()
    assert client.post(unsubscribe).status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None  # still possible to unsubscribe


def test_the_subscription_pages_of_a_published_promise_still_name_it(client, make_promise):
    subscription = Subscription.objects.create(
        email="a@example.se", promise=make_promise(title="Trygg i Mölndal")
    )

    confirm = client.get(
        url("sv", "followup:subscription_confirm", token=emails.confirm_token(subscription))
    )
    unsubscribe = client.get(
        url("sv", "followup:unsubscribe", token=emails.unsubscribe_token(subscription))
    )

    assert "Trygg i Mölndal" in confirm.content.decode()
    assert "Trygg i Mölndal" in unsubscribe.content.decode()


def test_an_address_that_carries_a_personnummer_is_refused(client, make_promise):
    response = subscribe(client, promise=make_promise().pk, email="811218-9876@example.se")

    assert response.status_code == 400
    assert "utelämna personnummer" in response.content.decode()
    assert not Subscription.objects.exists()


def test_simultaneous_subscription_requests_are_counted_before_any_is_saved(
    make_promise, settings, monkeypatch
):
    settings.FEEDBACK_RATE_LIMIT = 3
    promise = make_promise()

    responses = all_pass_the_check_before_any_is_counted(
        monkeypatch,
        [
            lambda n=n: subscribe(Client(), promise=promise.pk, email=f"a{n}@example.se")
            for n in range(8)
        ],
    )

    assert sorted(r.status_code for r in responses) == [302] * 3 + [429] * 5
    assert Subscription.objects.count() == 3
    assert len(mail.outbox) == 3
