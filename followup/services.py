"""Writes that span models: follow-up notes and the status changes they explain, and what
residents send and receive: feedback, subscriptions and the notification outbox."""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from promises.models import Commitment, Membership, Promise, published_q
from promises.signals import content_changed

from . import emails, ratelimit
from .models import (
    Feedback,
    Notification,
    Subscription,
    Update,
    status_change_errors,
)
from .selectors import feedback_recipients, localities_reachable, promises_stale

logger = logging.getLogger(__name__)


@transaction.atomic
def update_post(
    *,
    promise,
    text,
    author=None,
    commitment=None,
    new_status="",
    published=False,
    date=None,
    title="",
    author_role="",
    author_organisation="",
):
    """Post a follow-up note; with `new_status`, it proposes the commitment's new status,
    the note being the reason. The public status changes only when the note is published
    (at once with `published=True`, else later by `update_publish`). A status change
    without a note that says why is refused."""
    errors = status_change_errors(
        promise=promise, commitment=commitment, new_status=new_status, text=text
    )
    if errors:
        raise ValidationError(errors)
    if author is not None and not author_role:
        author_role = _role_of(author, promise)
    update = Update(
        promise=promise,
        commitment=commitment,
        author=author,
        text=text,
        title=title,
        published=False,
        date=date or timezone.localdate(),
        author_role=author_role,
        author_organisation=author_organisation,
    )
    if new_status:
        current = Commitment.objects.filter(pk=commitment.pk).values_list("status", flat=True)
        update.old_status, update.new_status = current.get(), new_status
    update.full_clean()
    update._history_user = author
    update.save()
    if published:
        update_publish(update, user=author)
        if new_status:
            commitment.status = commitment._saved_status = Commitment.objects.values_list(
                "status", flat=True
            ).get(pk=commitment.pk)
    return update


def _commitment_status_refresh(commitment_id, *, user=None):
    """Keep the commitment's public status equal to the one its published status notes
    set: the latest (date, publication time) of them, "not reported" when there is none.
    Called only by the publish, unpublish and delete services below."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
    note = Update.objects.status_setting().filter(commitment_id=commitment_id).first()
    status = note.new_status if note is not None else Commitment.Status.UNREPORTED
    if commitment.status != status:
        reason = note.text if note is not None else "The note that set the status was withdrawn."
        commitment.set_status(status, note=reason)
        commitment._history_user = user  # django-simple-history: who changed it
        commitment.save(update_fields=["status"])
    return status


@transaction.atomic
def update_publish(update, *, user=None):
    """Publish a follow-up note (its status change, if any, then takes effect publicly) and
    queue its e-mail to the subscribers (once, however often it is called). A status the
    rule no longer allows (the promise has ended or has its verdict) is refused."""
    stored = Update.objects.select_for_update().select_related("promise").get(pk=update.pk)
    sets_status = bool(stored.new_status and stored.commitment_id)
    if not stored.published:
        fields = {"published": True, "published_at": timezone.now()}
        if sets_status:
            commitment = Commitment.objects.get(pk=stored.commitment_id)
            errors = status_change_errors(
                promise=stored.promise,
                commitment=commitment,
                new_status=stored.new_status,
                text=stored.text,
            )
            if errors:
                raise ValidationError(errors)
            fields["old_status"] = commitment.status
        Update.objects.filter(pk=update.pk).update(**fields)
        for name, value in fields.items():
            setattr(update, name, value)
        content_changed.send(sender=Update, instance=update)  # update() sends no post_save
    if sets_status:
        # Also when it was published already: its date may have been edited.
        _commitment_status_refresh(stored.commitment_id, user=user)
    return notifications_enqueue_for(update)


@transaction.atomic
def update_unpublish(update, *, user=None):
    """Withdraw a published note: its status change is withdrawn with it, and the
    commitment's public status is again the one the remaining published notes set."""
    stored = Update.objects.select_for_update().get(pk=update.pk)
    if stored.published:
        Update.objects.filter(pk=update.pk).update(published=False, published_at=None)
        update.published, update.published_at = False, None
        content_changed.send(sender=Update, instance=update)
    if stored.new_status and stored.commitment_id:
        _commitment_status_refresh(stored.commitment_id, user=user)
    return update


@transaction.atomic
def update_delete(update, *, user=None):
    """Delete a note; a status it set publicly is withdrawn with it."""
    commitment_id = update.commitment_id if update.new_status else None
    update.delete()
    if commitment_id is not None and Commitment.objects.filter(pk=commitment_id).exists():
        _commitment_status_refresh(commitment_id, user=user)


# --- The outbox ------------------------------------------------------------------------

MAX_SEND_ATTEMPTS = 5


def notifications_enqueue_for(update):
    """Queue one notification per subscriber address for a published note; returns how
    many were queued. Idempotent: the unique constraint (subscription, update) and the
    check on addresses already queued keep a second call from adding anything."""
    promise = update.promise
    if not update.published or promise.state != Promise.State.PUBLISHED:
        return 0
    queued = set(
        Notification.objects.filter(update=update).values_list("subscription__email", flat=True)
    )
    chosen = {}
    subscriptions = Subscription.objects.confirmed().filter(
        Q(promise=promise) | Q(locality_id=promise.locality_id)
    )
    for subscription in subscriptions.order_by("pk"):
        email = subscription.email.lower()
        if email in queued:
            continue
        # Someone who follows both the promise and its area gets one e-mail, not two.
        if email not in chosen or (subscription.promise_id and not chosen[email].promise_id):
            chosen[email] = subscription
    created = Notification.objects.bulk_create(
        [Notification(subscription=sub, update=update) for sub in chosen.values()],
        ignore_conflicts=True,
    )
    return len(created)


def _pending_notifications():
    return Notification.objects.filter(
        published_q("update__promise__"),
        sent_at__isnull=True,
        claimed_at__isnull=True,
        attempts__lt=MAX_SEND_ATTEMPTS,
        subscription__confirmed_at__isnull=False,
        subscription__unsubscribed_at__isnull=True,
        update__published=True,
    )


def _claim_next_notification(after_pk):
    """Claim the next pending notification in a short transaction of its own.

    On PostgreSQL, rows another run has locked are skipped (FOR UPDATE SKIP LOCKED); on
    both databases the conditional UPDATE is the claim itself, so two runs can never claim
    the same row. The claim is committed before anything is sent."""
    while True:
        with transaction.atomic():
            candidate = (
                _pending_notifications()
                .filter(pk__gt=after_pk)
                .order_by("pk")
                .select_for_update(skip_locked=True, of=("self",))
                .values_list("pk", flat=True)
                .first()
            )
            if candidate is None:
                return None
            won = Notification.objects.filter(
                pk=candidate, claimed_at__isnull=True, sent_at__isnull=True
            ).update(claimed_at=timezone.now(), attempts=F("attempts") + 1)
        if won:
            return Notification.objects.select_related(
                "subscription", "update__promise__locality", "update__commitment"
            ).get(pk=candidate)
        after_pk = candidate


def notification_message(notification):
    subscription, update = notification.subscription, notification.update
    language = subscription.language
    unsubscribe = emails.unsubscribe_url(subscription)
    with translation.override(language):
        update_url = emails.absolute_url(update.get_absolute_url())
    return emails.build_message(
        to=subscription.email,
        template="notification",
        language=language,
        context={
            "update": update,
            "promise": update.promise,
            "followed_name": subscription.target_name,
            "update_url": update_url,
            "unsubscribe_url": unsubscribe,
        },
        list_unsubscribe=unsubscribe,
    )


def notifications_send(*, limit=None):
    """Send the pending notifications, each once: claim (commit) → send → mark sent.

    A send that raises is released for a later run (at most MAX_SEND_ATTEMPTS tries).
    If the process dies between claiming and marking, the row stays claimed and is not
    sent again (at most once: a resident may miss one e-mail, never get one twice);
    `notifications_release_stale` hands such rows back after a check."""
    sent = failed = 0
    last_pk = 0
    connection, connected = get_connection(), False
    try:
        while limit is None or sent + failed < limit:
            notification = _claim_next_notification(last_pk)
            if notification is None:
                break
            last_pk = notification.pk
            if not connected:
                try:
                    connection.open()  # once per run, and only when there is mail to send
                    connected = True
                except Exception as exc:
                    # The mail server is unreachable: hand the row back uncounted and stop,
                    # so an outage does not use up the attempts of every queued e-mail.
                    logger.warning("Notifications paused, no mail server: %s", type(exc).__name__)
                    Notification.objects.filter(pk=notification.pk).update(
                        claimed_at=None, attempts=F("attempts") - 1, last_error=type(exc).__name__
                    )
                    failed += 1
                    break
            try:
                message = notification_message(notification)
                message.connection = connection
                message.send()
            except Exception as exc:
                failed += 1
                # No address or text in the log: the row id and the kind of error only.
                logger.warning(
                    "Notification %s not sent (attempt %s): %s",
                    notification.pk,
                    notification.attempts,
                    type(exc).__name__,
                )
                Notification.objects.filter(pk=notification.pk).update(
                    claimed_at=None, last_error=type(exc).__name__
                )
                connection.close()  # start the next one on a fresh connection
                connected = False
                continue
            Notification.objects.filter(pk=notification.pk).update(
                sent_at=timezone.now(), last_error=""
            )
            sent += 1
    finally:
        connection.close()
    return {"sent": sent, "failed": failed}


def notifications_stale_claims(older_than=datetime.timedelta(hours=1)):
    """Claimed, never marked sent, for longer than a send takes: a run died in between."""
    return Notification.objects.filter(
        published_q("update__promise__"),
        sent_at__isnull=True,
        claimed_at__lt=timezone.now() - older_than,
    )


def notifications_release_stale(older_than=datetime.timedelta(hours=1)):
    """Hand crashed claims back to the queue (each may then reach its reader twice)."""
    return notifications_stale_claims(older_than).update(claimed_at=None)


# --- Feedback --------------------------------------------------------------------------


def feedback_submit(*, locality, message, promise=None, place="", name="", email=""):
    """Store a resident's feedback; the team's e-mail goes after the commit, and a failed
    one is retried by `send_feedback_notifications` (the feedback itself is kept)."""
    with transaction.atomic():
        feedback = Feedback.objects.create(
            locality=locality,
            promise=promise,
            message=message,
            place=place,
            name=name,
            email=email,
        )
        # robust: should the e-mail code itself fail, Django logs it and the resident
        # still gets the receipt; the feedback is committed either way.
        transaction.on_commit(partial(feedback_notify_team, feedback.pk), robust=True)
    return feedback


def feedback_notify_team(feedback_id):
    """E-mail the locality's team and contacts that feedback arrived (a link to the admin,
    not the message: the text and any personal data stay in the database). Returns
    whether the e-mail went out."""
    feedback = Feedback.objects.select_related("locality", "promise").get(pk=feedback_id)
    recipients = feedback_recipients(feedback.locality_id)
    if not recipients or feedback.notified_at:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = emails.absolute_url(
            reverse("admin:followup_feedback_change", args=[feedback.pk])
        )
    message = emails.build_message(
        to=recipients,
        template="feedback_team",
        language=settings.LANGUAGE_CODE,
        context={"feedback": feedback, "admin_url": admin_url},
    )
    try:
        message.send()
    except Exception as exc:
        logger.warning(
            "Feedback %s: team not notified, retried by send_feedback_notifications: %s",
            feedback.pk,
            type(exc).__name__,
        )
        return False
    Feedback.objects.filter(pk=feedback.pk).update(notified_at=timezone.now())
    return True


def feedback_notify_pending(older_than=datetime.timedelta(minutes=5)):
    """Retry the team e-mails that did not go out (older than `older_than`, so a request
    still sending its own is left alone). Returns (sent, failed)."""
    pending = Feedback.objects.filter(
        notified_at__isnull=True,
        created_at__lte=timezone.now() - older_than,
        locality__in=localities_reachable(),
    ).values_list("pk", flat=True)
    sent = failed = 0
    for pk in list(pending):
        if feedback_notify_team(pk):
            sent += 1
        else:
            failed += 1
            break  # the mail server is likely down: the rest wait for the next run
    return sent, failed


def feedback_answer(*, feedback, text, author=None):
    """Record the team's answer to a resident's feedback (it marks it handled) and e-mail it
    to the resident when they left an address. Returns whether an e-mail went out; the
    answer is kept either way, with the feedback, for its retention period."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"answer": _("Write the answer first.")})
    now = timezone.now()
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        feedback.answer, feedback.answered_at = text, now
        if not feedback.handled:
            feedback.handled, feedback.handled_at = True, now
        feedback.save(update_fields=["answer", "answered_at", "handled", "handled_at"])
    if not feedback.email:
        return False
    message = emails.build_message(
        to=feedback.email,
        template="feedback_answer",
        language=settings.LANGUAGE_CODE,
        context={"feedback": feedback, "answer": text},
    )
    try:
        message.send()
    except Exception as exc:
        logger.warning("Feedback %s: answer not e-mailed: %s", feedback.pk, type(exc).__name__)
        return False
    Feedback.objects.filter(pk=feedback.pk).update(answer_sent_at=timezone.now())
    feedback.answer_sent_at = timezone.now()
    return True


def feedback_purge(now=None):
    """Delete feedback past FEEDBACK_RETENTION_DAYS; clear the name, e-mail and place of
    feedback handled more than FEEDBACK_HANDLED_PERSONAL_DATA_DAYS ago; delete
    subscriptions never confirmed in time or ended, and rate-limit counts whose window
    has ended. Returns the four counts."""
    now = now or timezone.now()
    deleted, _ = Feedback.objects.filter(
        created_at__lt=now - datetime.timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
    ).delete()
    cleared = (
        Feedback.objects.filter(
            handled=True,
            handled_at__lt=now
            - datetime.timedelta(days=settings.FEEDBACK_HANDLED_PERSONAL_DATA_DAYS),
        )
        .filter(~Q(name="") | ~Q(email="") | ~Q(place=""))
        .update(name="", email="", place="")
    )
    confirm_by = now - datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    _, per_model = Subscription.objects.filter(
        Q(confirmed_at__isnull=True, created_at__lt=confirm_by) | Q(unsubscribed_at__lt=confirm_by)
    ).delete()
    return {
        "deleted": deleted,
        "cleared": cleared,
        "subscriptions": per_model.get(Subscription._meta.label, 0),
        "rate_limit_counters": ratelimit.purge_ended_windows(now),
    }


# --- Subscriptions ---------------------------------------------------------------------


def subscription_request(*, email, language, promise=None, locality=None):
    """Ask for a subscription: a confirmation e-mail, unless the address already follows
    this promise or area (the page says the same either way, revealing nothing)."""
    email = email.strip().lower()
    target = {"promise": promise} if promise is not None else {"locality": locality}
    subscription, _created = Subscription.objects.get_or_create(
        email=email, **target, defaults={"language": language}
    )
    if subscription.confirmed_at and not subscription.unsubscribed_at:
        return False
    # One confirmation e-mail per address and target per rate window, however many
    # requests arrive from however many addresses: the form cannot be used to flood
    # someone's inbox.
    sent_key = f"subscription-confirm-sent:{subscription.pk}"
    if not cache.add(sent_key, 1, settings.FEEDBACK_RATE_WINDOW):
        return False
    if subscription.language != language:
        Subscription.objects.filter(pk=subscription.pk).update(language=language)
        subscription.language = language
    confirm_url = emails.localized_url(
        language, "followup:subscription_confirm", token=emails.confirm_token(subscription)
    )
    unsubscribe = emails.unsubscribe_url(subscription)
    message = emails.build_message(
        to=email,
        template="subscription_confirm",
        language=language,
        context={
            "followed_name": subscription.target_name,
            "confirm_url": confirm_url,
            "unsubscribe_url": unsubscribe,
            "days": settings.SUBSCRIPTION_CONFIRM_DAYS,
        },
        list_unsubscribe=unsubscribe,
    )
    try:
        message.send()
    except Exception as exc:
        cache.delete(sent_key)  # the next request may try again
        logger.warning(
            "Subscription %s: confirmation not sent: %s", subscription.pk, type(exc).__name__
        )
        return False
    return True


def subscription_confirm(subscription):
    Subscription.objects.filter(pk=subscription.pk).update(
        confirmed_at=timezone.now(), unsubscribed_at=None
    )
    subscription.refresh_from_db()
    return subscription


def subscription_unsubscribe(subscription):
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        Subscription.objects.filter(pk=subscription.pk).update(
            unsubscribed_at=subscription.unsubscribed_at
        )
    return subscription


# --- Reminders to editors --------------------------------------------------------------


def reminders_send(on=None):
    """E-mail every samordnare (with an address) the stale promises of their localities,
    one e-mail each. Returns (e-mails sent, e-mails failed)."""
    stale = {}
    for promise in promises_stale(on=on).select_related("locality"):
        stale.setdefault(promise.locality_id, []).append(promise)
    memberships = (
        Membership.objects.filter(
            role=Membership.Role.SAMORDNARE, locality__in=stale, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user", "locality")
        .order_by("user", "locality__name")
    )
    by_user = {}
    for membership in memberships:
        by_user.setdefault(membership.user, []).extend(stale[membership.locality_id])
    sent = failed = 0
    for user, promises in by_user.items():
        with translation.override(settings.LANGUAGE_CODE):
            links = [(p, emails.absolute_url(p.get_absolute_url())) for p in promises]
            admin_url = emails.absolute_url(reverse("admin:index"))
        message = emails.build_message(
            to=user.email,
            template="reminder",
            language=settings.LANGUAGE_CODE,
            context={
                "user": user,
                "promises": links,
                "days": settings.STALE_AFTER_DAYS,
                "admin_url": admin_url,
            },
        )
        try:
            message.send()
            sent += 1
        except Exception as exc:
            failed += 1
            logger.warning("Reminder to user %s not sent: %s", user.pk, type(exc).__name__)
    return sent, failed


def _role_of(author, promise):
    """The author's role in the promise's locality, in Swedish as the content is: the
    public byline shows role and organisation, never the username."""
    membership = Membership.objects.filter(user=author, locality=promise.locality_id).first()
    if membership is None:
        return ""
    with translation.override("sv"):
        return str(Membership.Role(membership.role).label)
