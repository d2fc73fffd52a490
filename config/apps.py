import logging

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class ProjectConfig(AppConfig):
    """The composition root as an app: its commands (backups) and the page cache's
    invalidation, connected here to the apps' writes so that no writer must remember it."""

    name = "config"
    verbose_name = "Medborgarlöften"

    def ready(self):
        from django.core import checks

        from .cache import check_page_cache_is_shared, connect_invalidation_signals

        connect_invalidation_signals()
        checks.register(check_page_cache_is_shared)
        # gunicorn runs no system checks: say it at start-up too.
        for warning in check_page_cache_is_shared():
            logging.getLogger("config.cache").warning("%s %s", warning.msg, warning.hint)


class AdminConfig(DjangoAdminConfig):
    """Django's admin with our site: Swedish titles and two-factor login when required."""

    default_site = "config.admin_site.AdminSite"
