from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Production machinery: health checks, headers, logging, page cache, backups."""

    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from . import cache

        cache.connect_invalidation_signals()
