from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "promises"
    verbose_name = _("Citizen promises")

    def ready(self):
        from .search import register_fold

        # The search's folding function on SQLite (PostgreSQL has unaccent, see the migration).
        connection_created.connect(register_fold, dispatch_uid="promises.search.register_fold")
