from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class ProjectConfig(AppConfig):
    """The composition root as an app: its commands (backups) and the page cache's
    invalidation, connected here to the apps' writes so that no writer must remember it."""

    name = "config"
    verbose_name = "Medborgarlöften"

    def ready(self):
        from .cache import connect_invalidation_signals

        connect_invalidation_signals()


class AdminConfig(DjangoAdminConfig):
    """Django's admin with our site: Swedish titles and two-factor login when required."""

    default_site = "config.admin_site.AdminSite"
