"""Writes that span models: follow-up notes and the status changes they explain."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from promises.models import Commitment, Membership

from .models import CommitmentVerdict, Update, Verdict, verdict_period_error


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
    """Post a follow-up note; with `new_status`, change the commitment's status, the note
    being the reason. A status change without a note that says why is refused."""
    if commitment is not None and commitment.promise_id != promise.pk:
        raise ValidationError(_("The commitment does not belong to this promise."))
    if new_status and commitment is None:
        raise ValidationError(_("A status change needs a commitment."))
    if new_status and not (text or "").strip():
        raise ValidationError(_("A status change needs a note that says why."))
    if author is not None and not author_role:
        author_role = _role_of(author, promise)
    update = Update(
        promise=promise,
        commitment=commitment,
        author=author,
        text=text,
        title=title,
        published=published,
        date=date or timezone.localdate(),
        author_role=author_role,
        author_organisation=author_organisation,
    )
    if new_status:
        locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
        update.old_status, update.new_status = locked.status, new_status
        locked.status = new_status
        locked.save(update_fields=["status"])
        commitment.status = new_status
    update.full_clean()
    update.save()
    return update


def _role_of(author, promise):
    """The author's role in the promise's locality, in Swedish as the content is: the
    public byline shows role and organisation, never the username."""
    membership = Membership.objects.filter(user=author, locality=promise.locality_id).first()
    if membership is None:
        return ""
    with translation.override("sv"):
        return str(Membership.Role(membership.role).label)


def verdict_allowed(promise):
    """Whether an end-of-term verdict may be recorded today (see `verdict_period_error`)."""
    return verdict_period_error(promise) is None


@transaction.atomic
def verdict_record(*, promise, summary, outcomes, decided_on=None):
    """Record (or replace) the end-of-term verdict: a summary for the promise and, per
    commitment, an outcome with its reason. `outcomes` maps each commitment (or its pk)
    to `(outcome, reason)`. Refused before the period has ended."""
    decided_on = decided_on or timezone.localdate()
    error = verdict_period_error(promise, decided_on)
    if error:
        raise ValidationError(error)
    if not (summary or "").strip():
        raise ValidationError(_("A verdict needs a summary."))
    commitments = {c.pk: c for c in promise.commitments.all()}
    rows = []
    for key, (outcome, reason) in outcomes.items():
        pk = getattr(key, "pk", key)
        if pk not in commitments:
            raise ValidationError(_("The commitment does not belong to this promise."))
        if outcome not in CommitmentVerdict.Outcome.values:
            raise ValidationError(_("Unknown outcome: %(outcome)s.") % {"outcome": outcome})
        if not (reason or "").strip():
            raise ValidationError(_("Each commitment's verdict needs a reason."))
        rows.append((commitments[pk], outcome, reason.strip()))
    verdict, _created = Verdict.objects.update_or_create(
        promise=promise, defaults={"summary": summary.strip(), "decided_on": decided_on}
    )
    verdict.commitment_verdicts.exclude(commitment__in=[c for c, _o, _r in rows]).delete()
    for commitment, outcome, reason in rows:
        CommitmentVerdict.objects.update_or_create(
            commitment=commitment,
            defaults={"verdict": verdict, "outcome": outcome, "reason": reason},
        )
    return verdict
