from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import commitments_csv
from .admin_scoping import Scope, ScopedAdmin, ScopedHistoryAdmin, ScopedInline, valid_pk
from .csv_dialect import import_step
from .history import related_history
from .models import (
    Agreement,
    Commitment,
    Contact,
    Goal,
    Locality,
    LocalityName,
    Membership,
    Municipality,
    Party,
    PoliceArea,
    Promise,
    Theme,
)
from .ordering import next_order, order_move
from .permissions import (
    localities_where,
    may_delete_commitments_of,
    membership_revoke,
    perm_code,
    sync_user_groups,
)
from .services import promise_start_next_period

RelatedOnly = admin.RelatedOnlyFieldListFilter


@admin.register(PoliceArea, Municipality, Theme)
class NamedAdmin(ScopedAdmin):
    scope = Scope.SHARED
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Party)
class PartyAdmin(ScopedAdmin):
    scope = Scope.SHARED
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Agreement)
class AgreementAdmin(ScopedAdmin):
    scope = Scope.SHARED
    list_display = ["name", "signed_on"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class LocalityNameInline(ScopedInline, admin.TabularInline):
    """The districts, villages and other names residents know the locality by (the area
    finder and the search use them); edited by whoever may change the locality."""

    model = LocalityName
    extra = 1


@admin.register(Locality)
class LocalityAdmin(ScopedAdmin):
    list_display = ["name", "kind", "police_area", "collaboration_name"]
    list_filter = ["kind", ("police_area", RelatedOnly)]
    search_fields = ["name", "collaboration_name", "names__name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities"]
    inlines = [LocalityNameInline]


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["user", "locality", "role"]


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    """Administrators give users their localities; the role groups follow."""

    scope = Scope.ADMINISTRATORS
    form = MembershipForm
    list_display = ["user", "locality", "role"]
    list_filter = ["role", ("locality", RelatedOnly)]
    search_fields = ["user__username", "user__first_name", "user__last_name", "locality__name"]
    autocomplete_fields = ["user", "locality"]

    def save_model(self, request, obj, form, change):
        previous = form.initial.get("user") if change else None
        super().save_model(request, obj, form, change)
        sync_user_groups(obj.user)
        if previous is not None and previous != obj.user_id:
            # The membership moved to another user: the first one lost it.
            sync_user_groups(get_user_model().objects.get(pk=previous))

    def delete_model(self, request, obj):
        membership_revoke(user=obj.user, locality=obj.locality)

    def delete_queryset(self, request, queryset):
        users = list(get_user_model().objects.filter(memberships__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for user in users:
            sync_user_groups(user)


class MembershipInline(ScopedInline, admin.TabularInline):
    scope = Scope.ADMINISTRATORS
    model = Membership
    extra = 1
    autocomplete_fields = ["locality"]


User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class ScopedUserAdmin(ScopedAdmin, UserAdmin):
    """Users and their localities: administrators only. Saving memberships sets the groups."""

    scope = Scope.ADMINISTRATORS
    inlines = [MembershipInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        sync_user_groups(form.instance)


@admin.register(Group)
class ScopedGroupAdmin(ScopedAdmin, GroupAdmin):
    scope = Scope.ADMINISTRATORS


# Third-party admins, administrators only like everything that is not locality data.
for model, base in [
    (TOTPDevice, TOTPDeviceAdmin),
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(
        model, type(f"Scoped{base.__name__}", (ScopedAdmin, base), {"scope": Scope.ADMINISTRATORS})
    )


class CommitmentInlineForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["text", "parties", "themes"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3, "cols": 70}),
            "parties": forms.CheckboxSelectMultiple,
        }


def report_link(commitment):
    """The link to "Rapportera läget" (followup's report screen) for a saved commitment."""
    if commitment is None or commitment.pk is None:
        return "–"
    try:
        url = reverse("followup:report", args=[commitment.pk])
    except NoReverseMatch:  # the follow-up app is not installed
        return "–"
    return format_html('<a href="{}">{}</a>', url, _("Report progress"))


def parties_that_fit(promise, request=None):
    """The parties a commitment of `promise` may be owned by: the promise's own parties
    (partners included once added to the promise), those named in the promise form being
    posted, and those its commitments already have; every party for a promise not yet
    saved (None: no limit)."""
    if promise is None or promise.pk is None:
        return None
    chosen = Q(pk__in=promise.parties.values("pk")) | Q(
        pk__in=Commitment.objects.filter(promise=promise).values("parties")
    )
    if request is not None and request.method == "POST":
        posted = [v for v in request.POST.getlist("parties") if v.isdigit() and len(v) < 12]
        chosen |= Q(pk__in=posted)
    return Party.objects.filter(chosen).order_by("kind", "name")


PARTIES_HELP = _(
    "Only the promise's parties are offered. A party that is missing is added to the "
    "promise first (Parties and themes)."
)


def limit_parties(form_class, promise, request=None):
    field = form_class.base_fields.get("parties")
    queryset = parties_that_fit(promise, request)
    if field is not None and queryset is not None:
        field.queryset = queryset
        field.help_text = PARTIES_HELP


class MovableMixin:
    """Rows of a promise (commitments, goals) ordered by "Move up" / "Move down" buttons
    (plain form posts, no JavaScript) instead of typed order numbers."""

    @admin.display(description=_("Order"))
    def move(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_move"
        return render_to_string(
            "admin/promises/includes/_move_buttons.html",
            {
                "up_url": reverse(name, args=[obj.pk, "up"]),
                "down_url": reverse(name, args=[obj.pk, "down"]),
                "label": Truncator(obj.text).words(8),
            },
        )

    def may_move(self, request):
        return request.user.has_perm(perm_code(self.model, "change"))


class MoveViewMixin:
    """The POST-only view behind the move buttons, on the row's own model admin."""

    def get_urls(self):
        move = path(
            "<path:object_id>/move/<str:direction>/",
            self.admin_site.admin_view(self.move_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_move",
        )
        return [move, *super().get_urls()]

    def move_view(self, request, object_id, direction):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_queryset(request).filter(pk=valid_pk(self.model, object_id)).first()
        if obj is None or direction not in ("up", "down"):
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        order_move(obj, direction, user=request.user)
        url = reverse("admin:promises_promise_change", args=[obj.promise_id])
        return redirect(f"{url}#{self.opts.model_name}s-group")


def may_report(request):
    return request.user.has_perm("followup.add_update")


class ReportLinkMixin:
    """Adds a "Rapportera läget" link to each commitment for editors who post notes."""

    @admin.display(description=_("Report"))
    def report(self, obj):
        return report_link(obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "report"] if may_report(request) else fields


class CommitmentInline(ReportLinkMixin, MovableMixin, ScopedInline, admin.StackedInline):
    """Commitments with their actors; the order field sorts them (lowest first)."""

    model = Commitment
    form = CommitmentInlineForm
    extra = 0
    fields = ["status", "text", "parties", "themes"]
    readonly_fields = ["status", "move"]
    autocomplete_fields = ["themes"]
    ordering = ["order", "pk"]
    show_change_link = True

    def get_fields(self, request, obj=None):
        fields = list(self.fields)
        if self.may_move(request):
            fields.insert(0, "move")
        return [*fields, "report"] if may_report(request) else fields

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        limit_parties(formset.form, obj, request)  # `obj` is the promise
        return formset

    def has_delete_permission(self, request, obj=None):
        # `obj` is the promise; the same rule as the commitment's own delete page.
        if obj is not None and not may_delete_commitments_of(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)


class GoalInline(MovableMixin, ScopedInline, admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["text"]
    readonly_fields = ["move"]
    ordering = ["order", "pk"]

    def get_fields(self, request, obj=None):
        return ["move", *self.fields] if self.may_move(request) else list(self.fields)

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["widgets"] = {"text": forms.Textarea(attrs={"rows": 2, "cols": 70})}
        return super().get_formset(request, obj, **kwargs)


@admin.register(Promise)
class PromiseAdmin(ScopedHistoryAdmin):
    list_display = ["title", "locality", "state", "starts_on", "ends_on", "updated_at"]
    list_filter = ["state", ("locality", RelatedOnly), ("themes", RelatedOnly)]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["locality", "parties", "themes"]
    date_hierarchy = "starts_on"
    inlines = [CommitmentInline, GoalInline]
    actions = ["publish", "unpublish"]
    list_select_related = ["locality"]
    fieldsets = [
        (None, {"fields": ["locality", "title", "slug", "state"]}),
        (
            _("Period"),
            {"fields": [("starts_on", "ends_on"), "period_text", "signed_on", "predecessor"]},
        ),
        (_("Text"), {"fields": ["summary", "background", "follow_up", "signatories"]}),
        (_("Parties and themes"), {"fields": ["parties", "themes"]}),
        (
            _("Source"),
            {"fields": ["source_title", "source_publisher", "source_published_on", "source_url"]},
        ),
    ]

    # A new promise is written step by step: what and where, when, who; it is saved as a
    # draft, then its commitments (per actor), goals and contacts follow on its own page,
    # and it is published after a preview of the public page.
    add_fieldsets = [
        (
            _("Step 1: title and area"),
            {
                "fields": ["locality", "title", "slug"],
                "description": _(
                    "The promise is saved as a draft: residents see nothing until you publish it."
                ),
            },
        ),
        (
            _("Step 2: period"),
            {
                "fields": [("starts_on", "ends_on"), "period_text", "signed_on"],
                "description": _(
                    "Give the dates, or the length in words when the document gives no dates "
                    "(“under en tvåårsperiod”)."
                ),
            },
        ),
        (
            _("Step 3: parties"),
            {
                "fields": ["parties", "themes"],
                "description": _(
                    "The police, the municipality and any partner: only these are offered for "
                    "the commitments."
                ),
            },
        ),
        (_("Text"), {"fields": ["summary", "background", "follow_up", "signatories"]}),
        (_("Source"), {"fields": ["source_title", "source_url"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else super().get_fieldsets(request, obj)

    def get_inlines(self, request, obj):
        # Step 4 (commitments per actor, goals) once the promise and its parties are saved.
        return [] if obj is None else super().get_inlines(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_addanother" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request,
            _(
                "The draft is saved. Step 4: add the commitments (each with its actors), the "
                "goals and the contact persons; then preview the public page and publish."
            ),
            messages.SUCCESS,
        )
        return redirect("admin:promises_promise_change", obj.pk)

    def save_formset(self, request, form, formset, change):
        if formset.model in (Commitment, Goal):
            following = next_order(formset.model, form.instance)
            for row in formset.forms:
                if row.instance.pk is None and row.has_changed():
                    row.instance.order = following
                    following += 1
        super().save_formset(request, form, formset, change)

    def _set_state(self, request, queryset, state):
        changed = 0
        for promise in queryset.exclude(state=state):
            promise.state = state
            promise.save(update_fields=["state", "updated_at"])
            changed += 1
        return changed

    @admin.action(description=_("Publish the selected promises"), permissions=["change"])
    def publish(self, request, queryset):
        changed = self._set_state(request, queryset, Promise.State.PUBLISHED)
        self.message_user(
            request,
            ngettext(
                "%(count)d promise was published.", "%(count)d promises were published.", changed
            )
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish the selected promises (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        """Asks first, saying what residents will see; unpublishes on "Yes"."""
        if request.POST.get("post") != "yes":
            return self._unpublish_confirmation(request, list(queryset))
        changed = self._set_state(request, queryset, Promise.State.DRAFT)
        self._unpublished_message(request, changed)
        return None

    def _unpublished_message(self, request, changed):
        self.message_user(
            request,
            ngettext(
                "%(count)d promise was unpublished.",
                "%(count)d promises were unpublished.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )

    def _unpublish_confirmation(self, request, promises, single=False):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Unpublish?"),
            "opts": self.opts,
            "promises": promises,
            "published": [p for p in promises if p.state == Promise.State.PUBLISHED],
            "single": single,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/promises/promise/unpublish_confirmation.html", context
        )

    def get_urls(self):
        unpublish = path(
            "<path:object_id>/unpublish/",
            self.admin_site.admin_view(self.unpublish_view),
            name="promises_promise_unpublish",
        )
        next_period = path(
            "<path:object_id>/next-period/",
            self.admin_site.admin_view(self.next_period_view),
            name="promises_promise_next_period",
        )
        csv_urls = [
            path(
                "<path:object_id>/commitments-csv/",
                self.admin_site.admin_view(self.commitments_export_view),
                name="promises_promise_commitments_export",
            ),
            path(
                "<path:object_id>/commitments-import/",
                self.admin_site.admin_view(self.commitments_import_view),
                name="promises_promise_commitments_import",
            ),
        ]
        return [unpublish, next_period, *csv_urls, *super().get_urls()]

    def _promise_with_commitments_to_edit(self, request, object_id):
        """The promise whose commitments the user may change (kommunpolis), or 404."""
        promises = Promise.objects.select_related("locality")
        if not request.user.is_superuser:
            promises = promises.in_localities(
                localities_where(request.user, "promises.change_commitment")
            )
        promise = promises.filter(pk=valid_pk(Promise, object_id)).first()
        if promise is None:
            raise Http404
        return promise

    def commitments_export_view(self, request, object_id):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        promise = self._promise_with_commitments_to_edit(request, object_id)
        response = HttpResponse(
            commitments_csv.commitments_csv(promise), content_type="text/csv; charset=utf-8"
        )
        filename = f"ataganden-{promise.locality.slug}-{promise.slug}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def commitments_import_view(self, request, object_id):
        """Upload, a preview of every change and error, then "Confirm": all or nothing."""
        promise = self._promise_with_commitments_to_edit(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import commitments"),
            "opts": self.opts,
            "promise": promise,
        }
        status = 200
        if request.method == "POST":
            may_add = request.user.is_superuser or request.user.has_perm("promises.add_commitment")
            try:
                plan, text, saved = import_step(
                    upload=request.FILES.get("file"),
                    content=request.POST.get("content", ""),
                    confirm=request.POST.get("action") == "confirm",
                    read=commitments_csv.read_commitments,
                    plan=lambda rows: commitments_csv.plan_commitments(
                        promise, rows, may_add=may_add
                    ),
                    apply=lambda plan: commitments_csv.apply_commitments(
                        promise, plan, user=request.user
                    ),
                )
            except ValidationError as error:
                context["file_errors"] = error.messages
                return TemplateResponse(
                    request, "admin/promises/promise/commitments_import.html", context, status=400
                )
            if saved is not None:
                self.message_user(
                    request,
                    _("%(count)d commitments were saved.") % {"count": saved},
                    messages.SUCCESS,
                )
                return redirect("admin:promises_promise_change", promise.pk)
            context.update(plan=plan, content=text)
            status = 400 if plan.errors else 200
        return TemplateResponse(
            request, "admin/promises/promise/commitments_import.html", context, status=status
        )

    def next_period_view(self, request, object_id):
        """Starting the next period: GET asks, POST makes the draft copy and opens it."""
        promise = self.get_queryset(request).filter(pk=valid_pk(Promise, object_id)).first()
        if promise is None:
            raise Http404
        if not (self.has_add_permission(request) and self.has_change_permission(request, promise)):
            raise PermissionDenied
        if request.method == "POST":
            successor = promise_start_next_period(promise, user=request.user)
            self.message_user(
                request,
                _("A draft for the next period was made. Check the dates and the wording."),
                messages.SUCCESS,
            )
            return redirect("admin:promises_promise_change", successor.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Start the next period?"),
            "opts": self.opts,
            "promise": promise,
        }
        return TemplateResponse(request, "admin/promises/promise/next_period.html", context)

    def unpublish_view(self, request, object_id):
        """One promise: GET asks, POST unpublishes."""
        promise = self.get_queryset(request).filter(pk=valid_pk(Promise, object_id)).first()
        if promise is None:
            raise Http404
        if not self.has_change_permission(request, promise):
            raise PermissionDenied
        if request.method == "POST":
            changed = self._set_state(
                request, Promise.objects.filter(pk=promise.pk), Promise.State.DRAFT
            )
            self._unpublished_message(request, changed)
            return redirect("admin:promises_promise_change", promise.pk)
        return self._unpublish_confirmation(request, [promise], single=True)

    def history_view(self, request, object_id, extra_context=None):
        """The promise's own history, then its commitments', goals' and indicators'."""
        promise = self.get_queryset(request).filter(pk=valid_pk(Promise, object_id)).first()
        if promise is not None:
            extra_context = {**(extra_context or {}), "related_history": related_history(promise)}
        return super().history_view(request, object_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "predecessor"]
        if obj is not None and obj.state == Promise.State.PUBLISHED:
            # Unpublishing is asked for on its own page, which says what residents will see.
            fields.append("state")
        return fields


@admin.register(Commitment)
class CommitmentAdmin(ReportLinkMixin, MoveViewMixin, ScopedHistoryAdmin):
    list_display = ["__str__", "promise", "status", "order"]

    def get_list_display(self, request):
        fields = list(super().get_list_display(request))
        return [*fields, "report"] if may_report(request) else fields

    def get_fields(self, request, obj=None):
        fields = list(self.fields)
        return [*fields, "report"] if may_report(request) and obj is not None else fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None:
            limit_parties(form, obj.promise)
        return form

    list_filter = ["status", ("promise__locality", RelatedOnly), ("parties", RelatedOnly)]
    search_fields = ["text", "promise__title"]
    autocomplete_fields = ["promise", "themes"]
    readonly_fields = ["status", "order"]
    fields = ["promise", "order", "text", "parties", "themes", "status"]
    list_select_related = ["promise__locality"]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not may_delete_commitments_of(request.user, obj.promise):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        # The bulk delete action asks only this, not has_delete_permission per object.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not all(may_delete_commitments_of(request.user, c.promise) for c in objs):
            perms_needed.add(self.opts.verbose_name_plural)
        return deleted, counts, perms_needed, protected

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "parties":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Goal)
class GoalAdmin(MoveViewMixin, ScopedHistoryAdmin):
    list_display = ["__str__", "promise", "order"]
    fields = ["promise", "order", "text"]
    readonly_fields = ["order"]
    list_filter = [("promise__locality", RelatedOnly)]
    search_fields = ["text", "promise__title"]
    autocomplete_fields = ["promise"]
    list_select_related = ["promise__locality"]


@admin.register(Contact)
class ContactAdmin(ScopedAdmin):
    list_display = ["name", "role", "locality", "phone", "email"]
    list_filter = [("locality", RelatedOnly)]
    search_fields = ["name", "role", "organisation"]
    autocomplete_fields = ["locality", "promises"]
    list_select_related = ["locality"]
