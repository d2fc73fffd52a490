from django.contrib import admin

from .models import (
    Agreement,
    Commitment,
    Contact,
    Goal,
    Locality,
    Membership,
    Municipality,
    Party,
    PoliceArea,
    Promise,
    Theme,
)


@admin.register(PoliceArea, Municipality, Theme)
class NamedAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["name", "signed_on"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Locality)
class LocalityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "police_area", "collaboration_name"]
    list_filter = ["kind", "police_area"]
    search_fields = ["name", "collaboration_name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "locality", "role"]
    list_filter = ["role", "locality"]
    search_fields = ["user__username", "locality__name"]


class CommitmentInline(admin.StackedInline):
    model = Commitment
    extra = 0
    fields = ["order", "text", "parties", "status", "themes"]
    filter_horizontal = ["parties", "themes"]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


@admin.register(Promise)
class PromiseAdmin(admin.ModelAdmin):
    list_display = ["title", "locality", "state", "starts_on", "ends_on"]
    list_filter = ["state", "locality", "themes"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["parties", "themes"]
    date_hierarchy = "starts_on"
    inlines = [CommitmentInline, GoalInline]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "promise", "status", "order"]
    list_filter = ["status", "promise__locality"]
    search_fields = ["text", "promise__title"]
    filter_horizontal = ["parties", "themes"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "promise", "order"]
    search_fields = ["text"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "locality", "phone", "email"]
    list_filter = ["locality"]
    search_fields = ["name", "role", "organisation"]
    filter_horizontal = ["promises"]
