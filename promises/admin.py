from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_scoping import Scope, ScopedAdmin, ScopedHistoryAdmin, ScopedInline
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
from .permissions import may_delete_commitments_of, membership_revoke, sync_user_groups

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
        fields = ["order", "text", "parties", "themes"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3, "cols": 70}),
            "parties": forms.CheckboxSelectMultiple,
            "order": forms.NumberInput(attrs={"class": "vSmallField", "min": 0}),
        }


class CommitmentInline(ScopedInline, admin.StackedInline):
    """Commitments with their actors; the order field sorts them (lowest first)."""

    model = Commitment
    form = CommitmentInlineForm
    extra = 0
    fields = [("order", "status"), "text", "parties", "themes"]
    readonly_fields = ["status"]
    autocomplete_fields = ["themes"]
    ordering = ["order", "pk"]
    show_change_link = True

    def has_delete_permission(self, request, obj=None):
        # `obj` is the promise; the same rule as the commitment's own delete page.
        if obj is not None and not may_delete_commitments_of(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)


class GoalInline(ScopedInline, admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["order", "text"]
    ordering = ["order", "pk"]

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["widgets"] = {
            "text": forms.Textarea(attrs={"rows": 2, "cols": 70}),
            "order": forms.NumberInput(attrs={"class": "vSmallField", "min": 0}),
        }
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
        (_("Period"), {"fields": [("starts_on", "ends_on"), "period_text", "signed_on"]}),
        (_("Text"), {"fields": ["summary", "background", "follow_up", "signatories"]}),
        (_("Parties and themes"), {"fields": ["parties", "themes"]}),
        (
            _("Source"),
            {"fields": ["source_title", "source_publisher", "source_published_on", "source_url"]},
        ),
    ]

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
        changed = self._set_state(request, queryset, Promise.State.DRAFT)
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


@admin.register(Commitment)
class CommitmentAdmin(ScopedHistoryAdmin):
    list_display = ["__str__", "promise", "status", "order"]
    list_filter = ["status", ("promise__locality", RelatedOnly), ("parties", RelatedOnly)]
    search_fields = ["text", "promise__title"]
    autocomplete_fields = ["promise", "themes"]
    readonly_fields = ["status"]
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
class GoalAdmin(ScopedHistoryAdmin):
    list_display = ["__str__", "promise", "order"]
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
