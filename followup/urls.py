from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "followup"

# Translated paths (/synpunkter/, /en/feedback/); included before promises.urls, whose
# /<slug>/ would catch them otherwise.
urlpatterns = [
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
