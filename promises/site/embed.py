"""The embeddable progress card: a municipality's page shows a promise in an iframe."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt

from followup.models import Update
from followup.selectors import promises_with_last_followup
from promises.models import Commitment, Promise
from promises.progress import promise_progress
from promises.signals import page_depends_on_locality


@page_depends_on_locality("locality")
@xframe_options_exempt
def embed_promise(request, locality, slug):
    """A compact, self-contained progress card for an iframe on a municipality's page."""
    promise = get_object_or_404(
        promises_with_last_followup(Promise.objects.published())
        .select_related("locality")
        .prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.only("status", "promise"))
        ),
        locality__slug=locality,
        slug=slug,
    )
    response = render(
        request,
        "followup/embed_promise.html",
        {
            "promise": promise,
            "progress": promise_progress(promise),
            # An undated note (document 003) is a follow-up too: never "none published".
            "followed_up": Update.objects.published().filter(promise=promise).exists(),
        },
    )
    ancestors = " ".join(settings.EMBED_FRAME_ANCESTORS)
    response["Content-Security-Policy"] = (
        f"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        f"form-action 'none'; frame-ancestors {ancestors}"
    )
    return response
