"""E-mails the site sends: plain text, rendered in the recipient's language."""

import hashlib

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

CONFIRM_SALT = "followup.subscription.confirm"
UNSUBSCRIBE_SALT = "followup.subscription.unsubscribe"


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def localized_url(language, viewname, **kwargs):
    """The absolute address of a page in `language` (`/en/...` for English)."""
    with translation.override(language):
        return absolute_url(reverse(viewname, kwargs=kwargs or None))


def _email_digest(email):
    # The tokens name the subscription by id and a digest of its address, so a link stops
    # working if the row is replaced, and no address appears in URLs or server logs.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def confirm_token(subscription):
    unsubscribed = subscription.unsubscribed_at.timestamp() if subscription.unsubscribed_at else 0
    return signing.dumps(
        [subscription.pk, _email_digest(subscription.email), round(unsubscribed)],
        salt=CONFIRM_SALT,
    )


def unsubscribe_token(subscription):
    return signing.dumps(
        [subscription.pk, _email_digest(subscription.email)], salt=UNSUBSCRIBE_SALT
    )


def read_confirm_token(token):
    """The subscription a confirmation link names; raises SignatureExpired, BadSignature or
    Subscription.DoesNotExist (a link issued before an unsubscription no longer confirms)."""
    from .models import Subscription

    pk, digest, unsubscribed = signing.loads(
        token, salt=CONFIRM_SALT, max_age=settings.SUBSCRIPTION_CONFIRM_DAYS * 24 * 60 * 60
    )
    subscription = Subscription.objects.get(pk=pk)
    current = subscription.unsubscribed_at.timestamp() if subscription.unsubscribed_at else 0
    if _email_digest(subscription.email) != digest or round(current) != unsubscribed:
        raise Subscription.DoesNotExist
    return subscription


def read_unsubscribe_token(token):
    from .models import Subscription

    pk, digest = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    subscription = Subscription.objects.get(pk=pk)
    if _email_digest(subscription.email) != digest:
        raise Subscription.DoesNotExist
    return subscription


def unsubscribe_url(subscription):
    return localized_url(
        subscription.language, "followup:unsubscribe", token=unsubscribe_token(subscription)
    )


def build_message(*, to, template, context, language, list_unsubscribe=None):
    """An EmailMessage from `email/<template>_subject.txt` and `email/<template>.txt`.

    With `list_unsubscribe`, the RFC 2369 / RFC 8058 headers let mail clients offer a
    one-click unsubscribe (a POST to that address, which needs no CSRF token)."""
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    with translation.override(language):
        subject = render_to_string(f"email/{template}_subject.txt", context)
        body = render_to_string(f"email/{template}.txt", context)
    headers = {}
    if list_unsubscribe:
        headers["List-Unsubscribe"] = f"<{list_unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=to if isinstance(to, list | tuple) else [to],
        headers=headers,
    )
