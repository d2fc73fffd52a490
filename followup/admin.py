from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.utils import timezone
from django.utils.text import Truncator, capfirst
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from promises.admin_scoping import Scope, ScopedAdmin, ScopedHistoryAdmin, ScopedInline, valid_pk

from .models import (
    CommitmentVerdict,
    Feedback,
    Indicator,
    Measurement,
    Notification,
    Subscription,
    Update,
    Verdict,
    status_change_errors,
)
from .services import (
    feedback_answer,
    update_delete,
    update_post,
    update_publish,
    update_unpublish,
)

RelatedOnly = admin.RelatedOnlyFieldListFilter


class UpdateForm(forms.ModelForm):
    """A follow-up note; with a new status it changes the commitment's status, the note
    being the reason (through followup.services.update_post)."""

    source_url = forms.URLField(
        label=capfirst(Update._meta.get_field("source_url").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Update
        fields = [
            "promise",
            "commitment",
            "new_status",
            "date",
            "title",
            "text",
            "published",
            "author_role",
            "author_organisation",
            "source_url",
        ]
        help_texts = {
            "new_status": _(
                "Leave empty for a plain note. A new status needs a commitment, and the "
                "text says why."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        promise, commitment = cleaned.get("promise"), cleaned.get("commitment")
        errors = status_change_errors(
            promise=promise,
            commitment=commitment,
            new_status=cleaned.get("new_status"),
            text=cleaned.get("text"),
        )
        note = self.instance
        if note.pk and note.new_status and cleaned.get("published") and not note.published:
            # Publishing a draft makes its status change now: the rule of today holds.
            errors.update(
                status_change_errors(
                    promise=note.promise,
                    commitment=note.commitment,
                    new_status=note.new_status,
                    text=cleaned.get("text"),
                )
            )
            if "new_status" in errors:
                errors["published"] = errors.pop("new_status")  # the read-only field has no row
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


@admin.register(Update)
class UpdateAdmin(ScopedHistoryAdmin):
    form = UpdateForm
    list_display = ["__str__", "promise", "commitment", "new_status", "date", "published"]
    list_filter = ["published", "new_status", ("promise__locality", RelatedOnly)]
    search_fields = ["title", "text", "promise__title"]
    date_hierarchy = "date"
    autocomplete_fields = ["promise", "commitment"]
    list_select_related = ["promise__locality", "commitment"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["author"]
        # The status change a note records is history: it is not edited afterwards.
        return ["author", "promise", "commitment", "old_status", "new_status", "status_effect"]

    def get_fields(self, request, obj=None):
        fields = list(UpdateForm.Meta.fields)
        if obj is None:
            return fields  # the author is the one who posts it
        fields.insert(fields.index("new_status"), "old_status")
        fields.insert(fields.index("new_status") + 1, "status_effect")
        return [*fields, "author"]

    @admin.display(description=_("public status"))
    def status_effect(self, obj):
        """What the note does to the commitment's public status: pending until published."""
        if not (obj.new_status and obj.commitment_id):
            return _("This note sets no status.")
        public = obj.commitment.get_status_display()
        if not obj.published:
            return _(
                "Pending: the status becomes “%(new)s” when this note is published "
                "(now “%(public)s”)."
            ) % {"new": obj.get_new_status_display(), "public": public}
        return _("Published. The commitment's public status is now “%(public)s”.") % {
            "public": public
        }

    def save_model(self, request, obj, form, change):
        if change:
            # The publish and unpublish services alone change the public status.
            wanted, obj.published = obj.published, Update.objects.get(pk=obj.pk).published
            super().save_model(request, obj, form, change)
            if wanted:
                update_publish(obj, user=request.user)  # queues the e-mail once
            elif obj.published:
                update_unpublish(obj, user=request.user)
            return
        data = form.cleaned_data
        saved = update_post(
            promise=data["promise"],
            commitment=data.get("commitment"),
            new_status=data.get("new_status") or "",
            text=data["text"],
            title=data.get("title", ""),
            date=data.get("date"),
            published=data.get("published", False),
            author=request.user,
            author_role=data.get("author_role", ""),
            author_organisation=data.get("author_organisation", ""),
        )
        if data.get("source_url"):
            saved.source_url = data["source_url"]
            saved.save(update_fields=["source_url"])
        obj.pk, obj.old_status, obj.author = saved.pk, saved.old_status, saved.author
        obj._state.adding, obj._state.db = False, saved._state.db

    def delete_model(self, request, obj):
        update_delete(obj, user=request.user)  # a status it set is withdrawn with it

    def delete_queryset(self, request, queryset):
        for update in queryset:
            update_delete(update, user=request.user)


class IndicatorForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        promise = cleaned.get("promise")
        for name in ("goal", "commitment"):
            related = cleaned.get(name)
            if related is not None and promise is not None and related.promise_id != promise.pk:
                self.add_error(name, _("Choose one that belongs to this promise."))
        return cleaned


class MeasurementInline(ScopedInline, admin.TabularInline):
    model = Measurement
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(ScopedHistoryAdmin):
    form = IndicatorForm
    list_display = ["name", "promise", "unit", "direction"]
    list_filter = ["direction", ("promise__locality", RelatedOnly)]
    search_fields = ["name", "promise__title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["promise", "goal", "commitment"]
    inlines = [MeasurementInline]
    list_select_related = ["promise__locality"]


@admin.register(Measurement)
class MeasurementAdmin(ScopedHistoryAdmin):
    list_display = ["indicator", "measured_on", "period_text", "value", "group"]
    list_filter = [("indicator__promise__locality", RelatedOnly)]
    search_fields = ["indicator__name", "source"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator"]


class CommitmentVerdictInline(ScopedInline, admin.StackedInline):
    model = CommitmentVerdict
    extra = 0
    autocomplete_fields = ["commitment"]


@admin.register(Verdict)
class VerdictAdmin(ScopedAdmin):
    list_display = ["promise", "decided_on"]
    ordering = ["-decided_on", "pk"]
    list_filter = [("promise__locality", RelatedOnly)]
    search_fields = ["promise__title", "summary"]
    autocomplete_fields = ["promise"]
    inlines = [CommitmentVerdictInline]
    list_select_related = ["promise__locality"]


@admin.register(CommitmentVerdict)
class CommitmentVerdictAdmin(ScopedAdmin):
    list_display = ["commitment", "outcome"]
    list_filter = ["outcome", ("verdict__promise__locality", RelatedOnly)]
    search_fields = ["reason", "commitment__text"]
    autocomplete_fields = ["verdict", "commitment"]


@admin.register(Feedback)
class FeedbackAdmin(ScopedAdmin):
    """Residents' feedback: the local team reads it, answers it (by e-mail when the resident
    left an address) and marks it handled; it is never published."""

    list_display = ["first_words", "reference", "locality", "promise", "age", "handled", "answered"]
    list_display_links = ["first_words"]
    list_filter = ["handled", ("locality", RelatedOnly)]
    search_fields = ["reference", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["locality", "promise"]
    fields = [
        "reference",
        "locality",
        "promise",
        "created_at",
        "message",
        "place",
        "name",
        "email",
        "handled",
        "handled_at",
        "internal_comment",
        "answer",
        "answered_at",
        "answer_sent_at",
    ]

    @admin.display(description=_("Message"))
    def first_words(self, obj):
        return Truncator(obj.message).words(12)

    @admin.display(description=_("Received"), ordering="created_at")
    def age(self, obj):
        return _("%(age)s ago") % {"age": timesince(obj.created_at)}

    @admin.display(description=_("Answered"), boolean=True, ordering="answered_at")
    def answered(self, obj):
        return obj.answered_at is not None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The page is titled by the message it shows, not "Ändra synpunkter".
        pk = valid_pk(Feedback, unquote(object_id))  # 404 for what cannot be an id
        obj = self.get_queryset(request).filter(pk=pk).first()
        if obj is not None:
            title = _("Feedback %(reference)s") % {"reference": obj.reference}
            extra_context = {**(extra_context or {}), "title": title}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ["reference", "created_at", "handled_at", "answered_at", "answer_sent_at"]
        # Editors mark it handled, comment on it and answer it.
        return [f for f in self.fields if f not in ("handled", "internal_comment", "answer")]

    def save_model(self, request, obj, form, change):
        if obj.handled and obj.handled_at is None:
            obj.handled_at = timezone.now()
        elif not obj.handled:
            obj.handled_at = None
        answer = form.cleaned_data.get("answer", "") if "answer" in form.changed_data else ""
        super().save_model(request, obj, form, change)
        if answer.strip():
            sent = feedback_answer(feedback=obj, text=answer, author=request.user)
            if sent:
                self.message_user(request, _("The answer was e-mailed to the resident."))
            elif obj.email:
                self.message_user(
                    request,
                    _("The answer was saved but could not be e-mailed; try again later."),
                    messages.WARNING,
                )
            else:
                self.message_user(
                    request,
                    _("The answer was saved; the resident left no e-mail address."),
                    messages.WARNING,
                )


@admin.register(Subscription)
class SubscriptionAdmin(ScopedAdmin):
    """Residents' e-mail addresses: administrators only."""

    scope = Scope.ADMINISTRATORS
    list_display = ["email", "promise", "locality", "confirmed_at", "unsubscribed_at"]
    search_fields = ["email"]


@admin.register(Notification)
class NotificationAdmin(ScopedAdmin):
    scope = Scope.ADMINISTRATORS
    list_display = ["subscription", "update", "sent_at", "attempts"]
    list_select_related = ["subscription", "update"]
