from django.core.management.base import BaseCommand

from followup.demo import load_demo_data


class Command(BaseCommand):
    help = "Loads the demo data from the source documents (idempotent, one transaction)."

    def handle(self, *args, **options):
        load_demo_data()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
