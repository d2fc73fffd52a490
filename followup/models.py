"""How it is going: follow-up notes, indicators, verdicts, feedback and subscriptions."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from promises.models import Commitment, LocalityScopedQuerySet, Promise, published_q

from .markdown import has_visible_text

# A status change's reason that is not blank but shows nothing on the public page.
INVISIBLE_REASON = _(
    "The note shows no text once formatted (only spaces, invisible characters, "
    "comments or formatting): write why the status changes."
)


# After a promise's period has ended, a late report may still say how it went; nothing else.
STATUSES_AFTER_THE_END = (Commitment.Status.DONE, Commitment.Status.CANCELLED)


def status_change_errors(*, promise, commitment, new_status, text, proposed=True):
    """The status rule, in one place: {field: message} of what is wrong with a follow-up
    note (on `promise`, maybe about `commitment`) that sets `new_status` with `text` as its
    reason; empty when nothing is. `proposed`: the change is being made or published now
    (not a later edit of a note's text), so the promise's phase and verdict count too.
    Used by `update_post`, `update_publish`, the admin's note form and `Update.clean`."""
    errors = {}
    if commitment is not None and promise is not None and commitment.promise_id != promise.pk:
        errors["commitment"] = _("The commitment does not belong to this promise.")
    if not new_status:
        return errors
    if commitment is None:
        errors.setdefault("commitment", _("A status change needs a commitment."))
    if proposed and promise is not None and promise.pk is not None:
        if Verdict.objects.filter(promise_id=promise.pk).exists():
            errors["new_status"] = _(
                "The promise has its end-of-term verdict: its statuses no longer change."
            )
        elif promise.phase() == Promise.Phase.ENDED and new_status not in STATUSES_AFTER_THE_END:
            errors["new_status"] = _(
                "The promise's period has ended: a late report may only say that a "
                "commitment was done or cancelled."
            )
    if not (text or "").strip():
        errors["text"] = _("A status change needs a note that says why.")
    elif not has_visible_text(text):
        # e.g. "<!-- -->", a zero-width space or "&nbsp;": the public page would show an
        # empty reason.
        errors["text"] = INVISIBLE_REASON
    return errors


# A value outside this range is refused; on SQLite the range check is also what
# refuses a value that is not a number, since text never compares inside it.
MEASUREMENT_LIMIT = 10**12


class UpdateQuerySet(LocalityScopedQuerySet):
    locality_lookup = "promise__locality"

    def published(self):
        return self.filter(published_q("promise__"), published=True)

    def status_setting(self):
        """Published notes that set a status, the latest first (see STATUS_NOTE_LATEST_FIRST):
        what a commitment's public status comes from."""
        return (
            self.filter(published=True, commitment__isnull=False)
            .exclude(new_status="")
            .order_by(*STATUS_NOTE_LATEST_FIRST)
        )


# Newest first. A note whose date the source does not give is placed by its promise's
# period (its end, else its start), never by the day it was entered; lacking those too, last.
UPDATE_NEWEST_FIRST = (
    Coalesce("date", "promise__ends_on", "promise__starts_on").desc(nulls_last=True),
    F("pk").desc(),
)

# The public status of a commitment is the one set by its published status note that comes
# first in this order: the latest (date, publication time). Used by `commitment_status_refresh`
# (which keeps it on the commitment) and by the promise page's "why" next to each status.
STATUS_NOTE_LATEST_FIRST = (
    Coalesce("date", "promise__ends_on", "promise__starts_on").desc(nulls_last=True),
    F("published_at").desc(nulls_last=True),
    F("pk").desc(),
)


class Update(models.Model):
    """A follow-up note on a promise or one of its commitments, dated when the source
    gives its date ("datum ej angivet" when it does not)."""

    promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.CASCADE,
        related_name="updates",
        verbose_name=_("promise"),
    )
    commitment = models.ForeignKey(
        "promises.Commitment",
        on_delete=models.CASCADE,
        related_name="updates",
        null=True,
        blank=True,
        verbose_name=_("commitment"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name=_("author"),
    )
    author_role = models.CharField(
        _("author's role"), max_length=200, blank=True, help_text=_('E.g. "Kommunpolis".')
    )
    author_organisation = models.CharField(_("author's organisation"), max_length=200, blank=True)
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty when the source does not give the note's date."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("text"), help_text=_("Markdown."))
    old_status = models.CharField(
        _("status before"), max_length=20, choices=Commitment.Status, blank=True
    )
    new_status = models.CharField(
        _("new status"), max_length=20, choices=Commitment.Status, blank=True
    )
    published = models.BooleanField(_("published"), default=False, db_index=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    source_url = models.URLField(_("source link"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = UpdateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = list(UPDATE_NEWEST_FIRST)
        # The newest published notes (home page, feeds) are read straight off this index.
        indexes = [
            models.Index(fields=["published", "-date", "-id"], name="update_published_newest")
        ]
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        constraints = [
            models.CheckConstraint(
                condition=Q(new_status="") | Q(commitment__isnull=False),
                name="update_status_change_needs_commitment",
            ),
        ]

    def __str__(self):
        return self.title or f"{self.promise.title} {self.date or ''}".strip()

    def get_absolute_url(self):
        return f"{self.promise.get_absolute_url()}#update-{self.pk}"

    def clean(self):
        super().clean()
        # Also holds for a later edit of the text of a recorded status change.
        errors = status_change_errors(
            promise=self.promise if self.promise_id else None,
            commitment=self.commitment if self.commitment_id else None,
            new_status=self.new_status,
            text=self.text,
            proposed=self._state.adding,
        )
        if errors:
            raise ValidationError(errors)

    @property
    def byline(self):
        """Who wrote it, as the public sees it: role and organisation, never a username."""
        parts = [p for p in (self.author_role.strip(), self.author_organisation.strip()) if p]
        return ", ".join(parts) if parts else str(_("The local team"))


class IndicatorQuerySet(LocalityScopedQuerySet):
    locality_lookup = "promise__locality"


class Indicator(models.Model):
    """A figure to follow, with its baseline and target."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")
        # The source sets no direction (a count of patrols or seizures is reported, not judged).
        NONE = "none", _("No direction given")

    promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("promise"),
    )
    goal = models.ForeignKey(
        "promises.Goal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("goal"),
    )
    commitment = models.ForeignKey(
        "promises.Commitment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("commitment"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction, default=Direction.HIGHER
    )
    description = models.TextField(_("description"), blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    target_on = models.DateField(_("target date"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    survey_question = models.CharField(
        _("survey question"),
        max_length=300,
        blank=True,
        help_text=_(
            "To draw this indicator from the locality's safety surveys, the question exactly "
            "as it is worded in their results; each survey's answer becomes a value."
        ),
    )

    question = models.ForeignKey(
        "situation.SurveyQuestion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("question from the shared list"),
        help_text=_(
            "The survey question this figure measures; with a goal, the question measures "
            "that goal."
        ),
    )

    objects = IndicatorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["promise", "order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["promise", "slug"], name="indicator_slug_unique_per_promise"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """A goal or commitment of another promise would show the indicator on that page."""
        super().clean()
        errors = {}
        for field in ("goal", "commitment"):
            linked = getattr(self, field)
            if linked is not None and self.promise_id and linked.promise_id != self.promise_id:
                errors[field] = _("Choose one that belongs to this promise.")
        if errors:
            raise ValidationError(errors)


class MeasurementQuerySet(LocalityScopedQuerySet):
    locality_lookup = "indicator__promise__locality"


class Measurement(models.Model):
    """A value of an indicator, dated or for a period given in words."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    measured_on = models.DateField(_("date"), null=True, blank=True, db_index=True)
    period_text = models.CharField(
        _("period in words"),
        max_length=100,
        blank=True,
        help_text=_('When the source gives no date, e.g. "det senaste året".'),
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=3)
    qualifier = models.CharField(
        _("qualifier"),
        max_length=50,
        blank=True,
        help_text=_('As the source words it, e.g. "mer än" or "drygt".'),
    )
    group = models.CharField(
        _("group"), max_length=100, blank=True, help_text=_('E.g. "kvinnor" or "män".')
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = MeasurementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", F("measured_on").asc(nulls_last=True), "group", "pk"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=-MEASUREMENT_LIMIT) & Q(value__lte=MEASUREMENT_LIMIT),
                name="measurement_value_is_number",
            ),
            models.CheckConstraint(
                condition=Q(measured_on__isnull=False) | ~Q(period_text=""),
                name="measurement_has_date_or_period",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class VerdictQuerySet(LocalityScopedQuerySet):
    locality_lookup = "promise__locality"


def verdict_period_error(promise, decided_on=None):
    """Why a verdict on `promise` cannot be recorded now (dated `decided_on`), or None.

    The rule: a verdict comes once the promise's period has ended, and is dated after its
    end; a promise without an end date (the source gave only a length) may be judged at
    any time."""
    if promise.ends_on is None:
        return None
    today = timezone.localdate()
    if promise.ends_on >= today or (decided_on is not None and decided_on <= promise.ends_on):
        return _(
            "A verdict can be recorded only once the promise's period has ended (%(date)s)."
        ) % {"date": promise.ends_on.isoformat()}
    return None


def verdict_commitment_error(promise, commitment):
    """Why `commitment` (or None, for an id that is not one of the promise's) cannot have
    a row in the verdict on `promise`, or None: only the promise's own commitments are
    judged. Used by the admin's forms (CommitmentVerdict.clean)."""
    if commitment is None or promise is None or commitment.promise_id != promise.pk:
        return _("The commitment does not belong to this promise.")
    return None


class Verdict(models.Model):
    """At the end of a promise's period: how it was kept ("Så har vi uppfyllt vårt löfte")."""

    promise = models.OneToOneField(
        "promises.Promise",
        on_delete=models.CASCADE,
        related_name="verdict",
        verbose_name=_("promise"),
    )
    summary = models.TextField(_("summary"))
    decided_on = models.DateField(_("date"), null=True, blank=True)

    objects = VerdictQuerySet.as_manager()

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")

    def __str__(self):
        return str(self.promise)

    def clean(self):
        if self.promise_id is not None:
            error = verdict_period_error(self.promise, self.decided_on)
            if error:
                raise ValidationError(error)


class CommitmentVerdictQuerySet(LocalityScopedQuerySet):
    locality_lookup = "commitment__promise__locality"


class CommitmentVerdict(models.Model):
    class Outcome(models.TextChoices):
        DONE = "done", _("Done")
        PARTLY = "partly", _("Partly done")
        NOT_DONE = "not_done", _("Not done")

    verdict = models.ForeignKey(
        Verdict,
        on_delete=models.CASCADE,
        related_name="commitment_verdicts",
        verbose_name=_("verdict"),
    )
    commitment = models.OneToOneField(
        "promises.Commitment",
        on_delete=models.CASCADE,
        related_name="verdict",
        verbose_name=_("commitment"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    reason = models.TextField(_("reason"))

    objects = CommitmentVerdictQuerySet.as_manager()

    class Meta:
        ordering = ["verdict", "commitment__order"]
        verbose_name = _("commitment verdict")
        verbose_name_plural = _("commitment verdicts")

    def __str__(self):
        return f"{self.commitment}: {self.get_outcome_display()}"

    def clean(self):
        # In an inline the verdict may not be saved yet; its promise is the form's choice.
        verdict = self._meta.get_field("verdict").get_cached_value(self, default=None)
        if verdict is None and self.verdict_id is not None:
            verdict = Verdict.objects.filter(pk=self.verdict_id).first()
        if verdict is None or verdict.promise_id is None or self.commitment_id is None:
            return
        error = verdict_commitment_error(verdict.promise, self.commitment)
        if error:
            raise ValidationError(error)


def new_reference():
    return secrets.token_hex(4).upper()


class Feedback(models.Model):
    """Synpunkter, tips och idéer from a resident: for the local team only, never published."""

    reference = models.CharField(
        _("reference"), max_length=16, unique=True, default=new_reference, editable=False
    )
    locality = models.ForeignKey(
        "promises.Locality",
        on_delete=models.PROTECT,
        related_name="feedback",
        verbose_name=_("locality"),
    )
    promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("promise"),
    )
    message = models.TextField(_("message"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    handled = models.BooleanField(_("handled"), default=False, db_index=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    internal_comment = models.TextField(_("internal comment"), blank=True)
    notified_at = models.DateTimeField(_("team notified at"), null=True, blank=True)
    answer = models.TextField(
        _("answer to the resident"),
        blank=True,
        help_text=_(
            "E-mailed to the resident when they left an address; kept with the feedback "
            "until it is deleted."
        ),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_sent_at = models.DateTimeField(_("answer e-mailed at"), null=True, blank=True)

    objects = LocalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(handled=False) | Q(handled_at__isnull=False),
                name="feedback_handled_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.reference} ({self.locality})"


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscription(models.Model):
    """A resident who asked (double opt-in) to hear of new follow-up on a promise or locality."""

    email = models.EmailField(_("e-mail"))
    promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("promise"),
    )
    locality = models.ForeignKey(
        "promises.Locality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("locality"),
    )
    language = models.CharField(_("language"), max_length=10, default="sv")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(promise__isnull=False, locality__isnull=True)
                | Q(promise__isnull=True, locality__isnull=False),
                name="subscription_one_target",
            ),
            models.UniqueConstraint(
                fields=["email", "promise"],
                condition=Q(promise__isnull=False),
                name="subscription_unique_per_promise",
            ),
            models.UniqueConstraint(
                fields=["email", "locality"],
                condition=Q(locality__isnull=False),
                name="subscription_unique_per_locality",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.promise or self.locality}"

    @property
    def target(self):
        """The promise or the locality followed."""
        return self.promise or self.locality

    @property
    def target_name(self):
        return self.promise.title if self.promise_id else self.locality.name

    @property
    def public_target(self):
        """The promise or locality followed when the public may see it, else None: a
        promise that is not published (any more) may carry a draft title, and the links
        in e-mails never expire."""
        if self.promise_id and self.promise.state != Promise.State.PUBLISHED:
            return None
        return self.target


class Notification(models.Model):
    """The outbox: one e-mail per subscription and follow-up note, sent exactly once."""

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("subscription"),
    )
    update = models.ForeignKey(
        Update,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("follow-up note"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "update"], name="notification_once_per_update"
            ),
        ]

    def __str__(self):
        return f"{self.subscription.email}: {self.update}"


class RateLimitCounter(models.Model):
    """A rate limit's count for one key (a hashed IP address or session) in a fixed window,
    kept in the database when the cache is not shared by the worker processes (local
    memory): every process then counts on the same row (followup.ratelimit)."""

    key = models.CharField(_("key"), max_length=100, unique=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("window ends at"), db_index=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("rate limit counter")
        verbose_name_plural = _("rate limit counters")

    def __str__(self):
        return f"{self.key}: {self.count}"
