"""Views of followup: residents' feedback and subscriptions, the embeddable progress card
and the editors' follow-up dashboard."""

import contextlib

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from promises.models import Promise

from . import emails, services
from .forms import FeedbackForm, SubscribeForm
from .models import Feedback, Subscription
from .ratelimit import feedback_limit, subscribe_limit
from .selectors import (
    feedback_recipients,
    promises_followed_up,
    promises_with_last_followup,
    usual_answer_days,
)

RECEIPTS_KEY = "followup_feedback_receipts"


def _ensure_session(request):
    """A session key, so the rate limit can count per session and the receipt be kept."""
    if not request.session.session_key:
        request.session.save()


def _hide_locality_if_promise(form):
    if form.data.get("promise"):
        form.fields["locality"].widget = forms.HiddenInput()


def _about(form):
    """The promise or area a bound form names, for the page that shows it again."""
    for name in ("promise", "locality"):
        try:
            target = form.fields[name].clean(form.data.get(name))
        except ValidationError:
            continue
        if target is not None:
            return target
    return None


def _form_page(request, template, form, status=200, **extra):
    context = {
        "form": form,
        "about": _about(form) if form.is_bound else None,
        "rate_window_minutes": max(1, settings.FEEDBACK_RATE_WINDOW // 60),
        **extra,
    }
    return render(request, template, context, status=status)


def _unavailable(request, template, form):
    form.add_error(None, _("Your message could not be saved just now. Please try again."))
    return _form_page(request, template, form, status=503)


def _refuse_post(request, form, limit, template):
    """The checks both resident forms share: the rate limit (429), the honeypot (counted
    against the limit) and validation (400). None when the form may be acted on: the
    request has then been counted, atomically, before anything is saved. The resident's
    text stays in the form on every refusal."""
    _hide_locality_if_promise(form)
    try:
        if limit.exceeded(request):  # a quick early answer; hit_or_refuse decides
            return _form_page(request, template, form, status=429, rate_limited=True)
        _ensure_session(request)
        if form.is_spam:
            limit.hit(request)
        if not form.is_valid():
            return _form_page(request, template, form, status=400)
        if not limit.hit_or_refuse(request):
            return _form_page(request, template, form, status=429, rate_limited=True)
    except DatabaseError:  # the rate limit counts in the database when the cache is local
        return _unavailable(request, template, form)
    return None


@require_http_methods(["GET", "POST"])
def feedback(request):
    """The general feedback page; the forms on promise and area pages post here too."""
    if request.method == "GET":
        return _form_page(request, "followup/feedback_form.html", FeedbackForm())
    form, limit = FeedbackForm(request.POST), feedback_limit()
    refused = _refuse_post(request, form, limit, "followup/feedback_form.html")
    if refused:
        return refused
    data = form.cleaned_data
    try:
        item = services.feedback_submit(
            locality=data["locality"],
            promise=data["promise"],
            message=data["message"],
            place=data["place"],
            name=data["name"],
            email=data["email"],
        )
    except DatabaseError:
        with contextlib.suppress(DatabaseError):
            limit.release(request)  # not saved: the resident may send it again
        return _unavailable(request, "followup/feedback_form.html", form)
    request.session[RECEIPTS_KEY] = [*request.session.get(RECEIPTS_KEY, [])[-9:], item.reference]
    return redirect("followup:feedback_receipt", reference=item.reference)


def feedback_receipt(request, reference):
    """Shown only in the session that sent the feedback: nobody reads another's receipt."""
    if reference not in request.session.get(RECEIPTS_KEY, []):
        return render(request, "followup/feedback_receipt_unknown.html", status=404)
    item = get_object_or_404(
        Feedback.objects.select_related("locality", "promise"), reference=reference
    )
    context = {
        "feedback": item,
        "answer_days": usual_answer_days(item.locality),
        "reached": bool(feedback_recipients(item.locality_id)),
    }
    return render(request, "followup/feedback_receipt.html", context)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        return _form_page(request, "followup/subscription_form.html", SubscribeForm())
    form, limit = SubscribeForm(request.POST), subscribe_limit()
    refused = _refuse_post(request, form, limit, "followup/subscription_form.html")
    if refused:
        return refused
    services.subscription_request(
        email=form.cleaned_data["email"],
        promise=form.cleaned_data["promise"],
        locality=None if form.cleaned_data["promise"] else form.cleaned_data["locality"],
        language=get_language(),
    )
    return redirect("followup:subscription_requested")


def subscription_requested(request):
    context = {"confirm_days": settings.SUBSCRIPTION_CONFIRM_DAYS}
    return render(request, "followup/subscription_requested.html", context)


def _invalid_link(request, expired=False):
    return render(
        request,
        "followup/subscription_invalid_link.html",
        {"expired": expired},
        status=410 if expired else 400,
    )


@never_cache  # one resident's link: its page changes with the confirmation
@require_http_methods(["GET", "POST"])
def subscription_confirm(request, token):
    """GET shows a button (link checkers that open every link confirm nothing); POST confirms."""
    try:
        subscription = emails.read_confirm_token(token)
    except signing.SignatureExpired:
        return _invalid_link(request, expired=True)
    except (signing.BadSignature, ValueError, TypeError):
        return _invalid_link(request)
    except Subscription.DoesNotExist:
        return _invalid_link(request, expired=True)
    if request.method == "POST":
        services.subscription_confirm(subscription)
        return redirect(request.path)
    return render(request, "followup/subscription_confirm.html", {"subscription": subscription})


@never_cache
@csrf_exempt  # RFC 8058 one-click: mail clients POST here without a CSRF token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm; POST (the button, or a mail client's one-click) unsubscribes."""
    try:
        subscription = emails.read_unsubscribe_token(token)
    except (signing.BadSignature, ValueError, TypeError):
        return _invalid_link(request)
    except Subscription.DoesNotExist:
        return render(request, "followup/subscription_unsubscribed.html")
    if request.method == "POST":
        services.subscription_unsubscribe(subscription)
        return render(request, "followup/subscription_unsubscribed.html")
    if subscription.unsubscribed_at:
        return render(request, "followup/subscription_unsubscribed.html")
    return render(request, "followup/subscription_unsubscribe.html", {"subscription": subscription})


@admin.site.admin_view  # the admin's own rule: staff, active, second factor when required
def dashboard(request):
    """Promises of the editor's localities that need follow-up, the stalest first."""
    today = timezone.localdate()
    promises = (
        promises_with_last_followup(
            promises_followed_up(Promise.objects.editable_by(request.user), today)
        )
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
