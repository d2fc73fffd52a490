from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """Django's admin with our site: Swedish titles and two-factor login when required."""

    default_site = "config.admin_site.AdminSite"
