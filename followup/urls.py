"""Inside i18n_patterns, before promises.site.urls (whose /<slug>/ would catch these): the
editors' follow-up dashboard and the residents' write paths, feedback and subscriptions."""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views, workspace

app_name = "followup"

urlpatterns = [
    path(f"{settings.ADMIN_URL}uppfoljning/", views.dashboard, name="dashboard"),
    path(f"{settings.ADMIN_URL}rapportera/<str:commitment_id>/", workspace.report, name="report"),
    path(
        f"{settings.ADMIN_URL}lagesrapporter/<str:promise_id>/export/",
        workspace.status_reports_export,
        name="status_reports_export",
    ),
    path(
        f"{settings.ADMIN_URL}lagesrapporter/<str:promise_id>/import/",
        workspace.status_reports_import,
        name="status_reports_import",
    ),
    path(
        f"{settings.ADMIN_URL}matningar/<str:promise_id>/export/",
        workspace.measurements_export,
        name="measurements_export",
    ),
    path(
        f"{settings.ADMIN_URL}matningar/<str:promise_id>/import/",
        workspace.measurements_import,
        name="measurements_import",
    ),
    path(
        f"{settings.ADMIN_URL}lagesrapporter/<str:promise_id>/flera/",
        workspace.bulk_report,
        name="bulk_report",
    ),
    # Translated paths: /synpunkter/, /en/feedback/ and so on.
    path(_("feedback/"), views.feedback, name="feedback"),
    path(_("feedback/receipt/<str:reference>/"), views.feedback_receipt, name="feedback_receipt"),
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(_("subscribe/sent/"), views.subscription_requested, name="subscription_requested"),
    path(
        _("subscribe/confirm/<str:token>/"),
        views.subscription_confirm,
        name="subscription_confirm",
    ),
    path(_("subscribe/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
