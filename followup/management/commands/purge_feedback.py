from django.core.management.base import BaseCommand

from followup import services


class Command(BaseCommand):
    help = (
        "Deletes feedback older than FEEDBACK_RETENTION_DAYS, clears the name, e-mail and place "
        "of feedback handled more than FEEDBACK_HANDLED_PERSONAL_DATA_DAYS ago, and deletes "
        "subscriptions never confirmed or ended (cron: daily)."
    )

    def handle(self, *args, **options):
        result = services.feedback_purge()
        self.stdout.write(
            f"Deleted {result['deleted']} feedback, cleared personal data of "
            f"{result['cleared']}, deleted {result['subscriptions']} subscription(s)."
        )
