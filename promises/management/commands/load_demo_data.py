from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from promises.demo.loader import load_demo_data
from promises.models import Locality, Membership
from promises.permissions import membership_grant

DEMO_PASSWORD = "medborgarlofte-demo"
DEMO_USERS = [
    # username, first name, last name, locality slug, role
    ("molndal.polis", "Kim", "Kommunpolis", "molndal", Membership.Role.KOMMUNPOLIS),
    ("sydvast.samordnare", "Sam", "Samordnare", "sydvast", Membership.Role.SAMORDNARE),
]


class Command(BaseCommand):
    help = "Loads the demo data from the source documents (idempotent, one transaction)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-users",
            action="store_true",
            help=(
                "Also create the demo editors molndal.polis (kommunpolis, Mölndal) and "
                f"sydvast.samordnare (samordnare, Sydväst), password {DEMO_PASSWORD!r}. "
                "Local use only: refused when DEBUG is off."
            ),
        )

    def handle(self, *args, with_users=False, **options):
        if with_users and not settings.DEBUG:
            raise CommandError(
                "--with-users creates accounts with a published password and is for local "
                "use only: it is refused when DEBUG is off."
            )
        load_demo_data()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if with_users:
            self._create_users()

    @transaction.atomic
    def _create_users(self):
        User = get_user_model()
        for username, first, last, slug, role in DEMO_USERS:
            user, _created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            user.set_password(DEMO_PASSWORD)
            user.is_staff = True
            user.save()
            membership_grant(user=user, locality=Locality.objects.get(slug=slug), role=role)
            self.stdout.write(f"Demo user {username} ({role}, {slug}), password {DEMO_PASSWORD}")
