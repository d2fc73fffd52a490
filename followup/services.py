"""Writes that span models: follow-up notes and the status changes they explain."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from promises.models import Commitment

from .models import Update


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
        locked.set_status(new_status, note=text)
        locked._history_user = author  # django-simple-history: who changed it
        locked.save(update_fields=["status"])
        commitment.status = commitment._saved_status = new_status
    update.full_clean()
    update._history_user = author
    update.save()
    return update
