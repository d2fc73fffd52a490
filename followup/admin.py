from django.contrib import admin

from .models import (
    CommitmentVerdict,
    Feedback,
    Indicator,
    Measurement,
    Notification,
    Subscription,
    Update,
    Verdict,
)


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "promise", "commitment", "date", "published"]
    list_filter = ["published", "promise__locality"]
    search_fields = ["title", "text"]
    date_hierarchy = "date"


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "promise", "unit", "direction"]
    list_filter = ["direction", "promise__locality"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MeasurementInline]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["indicator", "measured_on", "period_text", "value", "group"]


class CommitmentVerdictInline(admin.StackedInline):
    model = CommitmentVerdict
    extra = 0


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    list_display = ["promise", "decided_on"]
    inlines = [CommitmentVerdictInline]


@admin.register(CommitmentVerdict)
class CommitmentVerdictAdmin(admin.ModelAdmin):
    list_display = ["commitment", "outcome"]
    list_filter = ["outcome"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["reference", "locality", "promise", "created_at", "handled"]
    list_filter = ["handled", "locality"]
    search_fields = ["reference", "message"]
    readonly_fields = ["reference", "created_at"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "promise", "locality", "confirmed_at", "unsubscribed_at"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subscription", "update", "sent_at", "attempts"]
