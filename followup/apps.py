from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        # The public page cache is invalidated by any change to the three apps' rows.
        from config.cache import connect_invalidation_signals

        connect_invalidation_signals()
