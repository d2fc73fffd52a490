from django.core.management.base import BaseCommand

from followup import services


class Command(BaseCommand):
    help = (
        "Retries the e-mails to the local teams about new feedback that could not be sent "
        "(cron: every few minutes)."
    )

    def handle(self, *args, **options):
        sent, failed = services.feedback_notify_pending()
        self.stdout.write(f"Sent {sent}, failed {failed} (retried on the next run).")
