"""The embeddable progress card and the editors' follow-up dashboard."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt

from promises.models import Commitment, Promise
from promises.progress import promise_progress


@xframe_options_exempt
def embed_promise(request, locality, slug):
    """A compact, self-contained progress card for an iframe on a municipality's page."""
    promise = get_object_or_404(
        Promise.objects.published()
        .annotate_last_followup()
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
        {"promise": promise, "progress": promise_progress(promise)},
    )
    ancestors = " ".join(settings.EMBED_FRAME_ANCESTORS)
    response["Content-Security-Policy"] = (
        f"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        f"form-action 'none'; frame-ancestors {ancestors}"
    )
    return response


@staff_member_required
def dashboard(request):
    """Promises of the editor's localities that need follow-up, the stalest first."""
    today = timezone.localdate()
    promises = (
        Promise.objects.editable_by(request.user)
        .followed_up(today)
        .annotate_last_followup()
        .select_related("locality")
        .order_by("followup_since", "title")
    )
    rows = [{"promise": p, "days": (today - p.followup_since).days} for p in promises]
    context = {
        **admin.site.each_context(request),
        "title": "",
        "rows": rows,
        "stale": [r for r in rows if r["days"] > settings.STALE_AFTER_DAYS],
        "stale_after_days": settings.STALE_AFTER_DAYS,
    }
    return render(request, "followup/dashboard.html", context)
