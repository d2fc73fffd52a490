"""The answer for a promise that residents could read once and that is unpublished now:
410 Gone with its last published title (never a later draft's), so a bookmark or a link
from elsewhere says what happened instead of "not found". A promise that was never
published stays a plain 404."""

from django.shortcuts import render

from promises.models import Promise


def last_published_version(locality_slug, slug):
    """The newest published version, among those that had this address, of a promise that
    exists and is a draft now; None when there is none."""
    history = Promise.history.model.objects
    ids = history.filter(
        locality__slug=locality_slug, slug=slug, state=Promise.State.PUBLISHED
    ).values("id")
    promise = (
        Promise.objects.filter(pk__in=ids, state=Promise.State.DRAFT)
        .select_related("locality")
        .order_by("pk")
        .first()
    )
    if promise is None:
        return None
    version = (
        history.filter(id=promise.pk, state=Promise.State.PUBLISHED)
        .order_by("-history_date", "-history_id")
        .first()
    )
    return promise, version


def unpublished_response(request, locality_slug, slug):
    """410 for an unpublished promise, or None (then it is a 404)."""
    found = last_published_version(locality_slug, slug)
    if found is None:
        return None
    promise, version = found
    context = {"title": version.title, "locality": promise.locality}
    return render(request, "promises/promise_gone.html", context, status=410)
