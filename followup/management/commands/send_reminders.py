from django.core.management.base import BaseCommand

from followup import services


class Command(BaseCommand):
    help = (
        "E-mails each locality's samordnare the promises in force without a published "
        "follow-up for STALE_AFTER_DAYS days (cron: weekly)."
    )

    def handle(self, *args, **options):
        sent, failed = services.reminders_send()
        self.stdout.write(f"Sent {sent} reminder(s), failed {failed}.")
