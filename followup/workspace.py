"""The editors' workspace in the admin: "Rapportera läget", one screen from a commitment
to a published (or draft) status report, with an optional measurement.

Every view here runs under the admin's own rule (`admin.site.admin_view`: staff, active,
second factor when required) and reaches only commitments of localities where one of the
user's roles grants the write (promises.permissions.localities_where); anything else
answers 404, like an id that does not exist."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from promises.admin_scoping import valid_pk
from promises.csv_dialect import import_step
from promises.models import Commitment, Promise
from promises.permissions import localities_where

from . import bulk
from .markdown import render_markdown
from .models import Indicator, Measurement, Update, status_change_errors
from .services import update_post

REASON_HELP = _(
    "Say what has been done and why the status changes; residents read it on the promise's "
    "page. You may write **bold**, *italics*, lists (lines starting with “- ”) and links "
    "([text](https://…)). “Preview” shows how it will look."
)


def reportable_commitments(user):
    """Commitments `user` may post a status report on (a note on their promise)."""
    commitments = Commitment.objects.all()
    if user.is_superuser:
        return commitments
    return commitments.in_localities(localities_where(user, "followup.add_update"))


def measurable_indicators(user, promise):
    """The promise's measured indicators (not survey questions) `user` may add values to."""
    indicators = Indicator.objects.filter(promise=promise, survey_question="")
    if user.is_superuser:
        return indicators
    return indicators.in_localities(localities_where(user, "followup.add_measurement"))


class ReportForm(forms.Form):
    new_status = forms.ChoiceField(label=_("New status"), required=False)
    text = forms.CharField(
        label=_("Reason (shown to residents)"),
        widget=forms.Textarea(attrs={"rows": 6, "cols": 70}),
        help_text=REASON_HELP,
        max_length=20000,
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        required=False,
        empty_label=_("No measurement"),
    )
    value = forms.DecimalField(label=_("Value"), required=False, max_digits=16, decimal_places=3)
    measured_on = forms.DateField(
        label=_("Measured on"),
        required=False,
        help_text=_("YYYY-MM-DD; today when left empty."),
    )

    def __init__(self, *args, commitment, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        statuses = [
            (value, label)
            for value, label in Commitment.Status.choices
            if value != Commitment.Status.UNREPORTED
        ]
        self.fields["new_status"].choices = [("", _("Unchanged (a note only)")), *statuses]
        self.fields["indicator"].queryset = indicators
        if not indicators.exists():
            for name in ("indicator", "value", "measured_on"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        for field, message in status_change_errors(
            promise=self.commitment.promise,
            commitment=self.commitment,
            new_status=cleaned.get("new_status") or "",
            text=cleaned.get("text") or "",
        ).items():
            name = field if field in self.fields else None
            if name is None or name not in self.errors:
                self.add_error(name, message)
        if "indicator" in self.fields:
            indicator, value = cleaned.get("indicator"), cleaned.get("value")
            if indicator is not None and value is None and "value" not in self.errors:
                self.add_error("value", _("Give the measured value, or choose no indicator."))
            if value is not None and indicator is None:
                self.add_error("indicator", _("Choose the indicator the value belongs to."))
        return cleaned


def _save(form, commitment, user, published):
    data = form.cleaned_data
    with transaction.atomic():
        update = update_post(
            promise=commitment.promise,
            commitment=commitment,
            new_status=data.get("new_status") or "",
            text=data["text"],
            author=user,
            published=published,
        )
        indicator = data.get("indicator")
        if indicator is not None:
            measurement = Measurement(
                indicator=indicator,
                value=data["value"],
                measured_on=data.get("measured_on") or timezone.localdate(),
            )
            measurement.full_clean()
            measurement._history_user = user
            measurement.save()
    return update


@require_http_methods(["GET", "POST"])
def report(request, commitment_id):
    """Rapportera läget: the commitment's full text and public status, the new status,
    the reason (with a preview) and an optional measurement; "Publicera nu" or
    "Spara som utkast"."""
    commitment = (
        reportable_commitments(request.user)
        .select_related("promise__locality")
        .filter(pk=valid_pk(Commitment, commitment_id))
        .first()
    )
    if commitment is None:
        raise Http404
    indicators = measurable_indicators(request.user, commitment.promise)
    kwargs = {"commitment": commitment, "indicators": indicators}
    form = ReportForm(request.POST or None, **kwargs)
    preview, status = None, 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ("publish", "draft", "preview"):
            action = "preview"
        if form.is_valid() and action != "preview":
            try:
                _save(form, commitment, request.user, published=action == "publish")
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("The status report was published.")
                    if action == "publish"
                    else _("The status report was saved as a draft note."),
                )
                return redirect("admin:index")
        if action == "preview" and form.is_valid():
            preview = render_markdown(form.cleaned_data["text"])
        elif form.errors:
            status = 400
    last = (
        Update.objects.filter(commitment=commitment, published=True)
        .exclude(new_status="")
        .order_by("-date", "-pk")
        .first()
    )
    context = {
        **admin.site.each_context(request),
        "title": _("Report progress"),
        "commitment": commitment,
        "promise": commitment.promise,
        "last_report": last,
        "form": form,
        "preview": preview,
        "has_indicators": "indicator" in form.fields,
        "change_url": reverse("admin:promises_promise_change", args=[commitment.promise_id]),
    }
    return TemplateResponse(request, "followup/report_form.html", context, status=status)


report = admin.site.admin_view(report)


# --- Status reports in bulk (CSV) and for several commitments at once ---------------------


def promise_where_user_may(user, permission, promise_id):
    """The promise `user` may `permission` on (e.g. "followup.add_update"), or 404: another
    locality's promise answers like an id that does not exist."""
    promises = Promise.objects.select_related("locality")
    if not user.is_superuser:
        promises = promises.in_localities(localities_where(user, permission))
    promise = promises.filter(pk=valid_pk(Promise, promise_id)).first()
    if promise is None:
        raise Http404
    return promise


def reportable_promise(user, promise_id):
    """The promise `user` may post notes on, or 404."""
    return promise_where_user_may(user, "followup.add_update", promise_id)


@require_http_methods(["GET", "HEAD"])
def status_reports_export(request, promise_id):
    promise = reportable_promise(request.user, promise_id)
    response = HttpResponse(
        bulk.status_reports_csv(promise), content_type="text/csv; charset=utf-8"
    )
    filename = f"lagesrapporter-{promise.locality.slug}-{promise.slug}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "Semicolon-separated, UTF-8 (Excel: “CSV UTF-8”). Start from an export: change "
            "the status and write the reason; “publish” ja or nej (nej: a draft note)."
        ),
    )
    content = forms.CharField(widget=forms.HiddenInput, required=False, max_length=bulk.MAX_BYTES)


@require_http_methods(["GET", "POST"])
def status_reports_import(request, promise_id):
    """Upload, then a preview of every change and every error; "Confirm" applies them all,
    or nothing when anything is wrong."""
    promise = reportable_promise(request.user, promise_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {
        **admin.site.each_context(request),
        "title": _("Import status reports"),
        "promise": promise,
        "form": form,
        "change_url": reverse("admin:promises_promise_change", args=[promise.pk]),
        "export_url": reverse("followup:status_reports_export", args=[promise.pk]),
    }
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            plan, text, saved = import_step(
                upload=form.cleaned_data.get("file"),
                content=form.cleaned_data["content"],
                confirm=request.POST.get("action") == "confirm",
                read=bulk.read_status_reports,
                plan=lambda rows: bulk.plan_status_reports(promise, rows),
                apply=lambda plan: bulk.apply_status_reports(promise, plan, author=request.user),
            )
        except ValidationError as error:
            form.add_error("file", error)
            status = 400
        else:
            if saved is not None:
                messages.success(
                    request, _("%(count)d status reports were saved.") % {"count": saved}
                )
                return redirect("admin:promises_promise_change", promise.pk)
            context.update(plan=plan, content=text)
            status = 400 if plan.errors else 200
    elif request.method == "POST":
        status = 400
    return TemplateResponse(request, "followup/status_reports_import.html", context, status=status)


status_reports_export = admin.site.admin_view(status_reports_export)
status_reports_import = admin.site.admin_view(status_reports_import)


class BulkReportForm(forms.Form):
    commitments = forms.ModelMultipleChoiceField(
        label=_("Commitments"),
        queryset=Commitment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one commitment.")},
    )
    new_status = forms.ChoiceField(label=_("New status"))
    text = forms.CharField(
        label=_("Reason (shown to residents)"),
        widget=forms.Textarea(attrs={"rows": 5, "cols": 70}),
        help_text=REASON_HELP,
        max_length=20000,
    )

    def __init__(self, *args, promise, **kwargs):
        super().__init__(*args, **kwargs)
        self.promise = promise
        self.fields["commitments"].queryset = promise.commitments.order_by("order", "pk")
        self.fields["commitments"].label_from_instance = lambda c: c.text
        self.fields["new_status"].choices = [
            (value, label)
            for value, label in Commitment.Status.choices
            if value != Commitment.Status.UNREPORTED
        ]

    def clean(self):
        cleaned = super().clean()
        for commitment in cleaned.get("commitments") or []:
            errors = status_change_errors(
                promise=self.promise,
                commitment=commitment,
                new_status=cleaned.get("new_status") or "",
                text=cleaned.get("text") or "",
            )
            for field, message in errors.items():
                name = field if field in self.fields else None
                if name is None or name not in self.errors:
                    self.add_error(name, message)
        return cleaned


@require_http_methods(["GET", "POST"])
def bulk_report(request, promise_id):
    """One status and one reason for several commitments of a promise at once."""
    promise = reportable_promise(request.user, promise_id)
    form = BulkReportForm(request.POST or None, promise=promise)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if form.is_valid() and action in ("publish", "draft"):
            data = form.cleaned_data
            with transaction.atomic():
                for commitment in data["commitments"]:
                    new_status = data["new_status"]
                    update_post(
                        promise=promise,
                        commitment=commitment,
                        new_status="" if commitment.status == new_status else new_status,
                        text=data["text"],
                        author=request.user,
                        published=action == "publish",
                    )
            messages.success(
                request,
                _("%(count)d status reports were saved.") % {"count": len(data["commitments"])},
            )
            return redirect("admin:promises_promise_change", promise.pk)
        status = 400
    context = {
        **admin.site.each_context(request),
        "title": _("Report progress on several commitments"),
        "promise": promise,
        "form": form,
        "change_url": reverse("admin:promises_promise_change", args=[promise.pk]),
    }
    return TemplateResponse(request, "followup/bulk_report_form.html", context, status=status)


bulk_report = admin.site.admin_view(bulk_report)


@require_http_methods(["GET", "HEAD"])
def measurements_export(request, promise_id):
    promise = promise_where_user_may(request.user, "followup.add_measurement", promise_id)
    response = HttpResponse(bulk.measurements_csv(promise), content_type="text/csv; charset=utf-8")
    filename = f"matningar-{promise.locality.slug}-{promise.slug}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def measurements_import(request, promise_id):
    """Upload, a preview of every change and error, then "Confirm": all or nothing."""
    promise = promise_where_user_may(request.user, "followup.add_measurement", promise_id)
    context = {
        **admin.site.each_context(request),
        "title": _("Import measurements"),
        "promise": promise,
        "change_url": reverse("admin:promises_promise_change", args=[promise.pk]),
    }
    status = 200
    if request.method == "POST":
        try:
            plan, text, saved = import_step(
                upload=request.FILES.get("file"),
                content=request.POST.get("content", ""),
                confirm=request.POST.get("action") == "confirm",
                read=bulk.read_measurements,
                plan=lambda rows: bulk.plan_measurements(promise, rows),
                apply=lambda plan: bulk.apply_measurements(plan, author=request.user),
            )
        except ValidationError as error:
            context["file_errors"] = error.messages
            return TemplateResponse(
                request, "followup/measurements_import.html", context, status=400
            )
        if saved is not None:
            messages.success(request, _("%(count)d measurements were saved.") % {"count": saved})
            return redirect("admin:promises_promise_change", promise.pk)
        context.update(plan=plan, content=text)
        status = 400 if plan.errors else 200
    return TemplateResponse(request, "followup/measurements_import.html", context, status=status)


measurements_export = admin.site.admin_view(measurements_export)
measurements_import = admin.site.admin_view(measurements_import)
