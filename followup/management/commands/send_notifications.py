import datetime

from django.core.management.base import BaseCommand

from followup import services


class Command(BaseCommand):
    help = (
        "Sends the queued e-mails about published follow-up notes, each once. Idempotent and "
        "safe to run twice at once (cron: every few minutes)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Stop after this many.")
        parser.add_argument(
            "--release-stale",
            action="store_true",
            help="Requeue notifications claimed over an hour ago and never marked sent (a run "
            "that crashed). Each may then reach its reader twice: check the mail log first.",
        )

    def handle(self, *args, limit, release_stale, **options):
        if release_stale:
            released = services.notifications_release_stale()
            self.stdout.write(f"Requeued {released} crashed claim(s).")
        result = services.notifications_send(limit=limit)
        self.stdout.write(f"Sent {result['sent']}, failed {result['failed']} (retried later).")
        stale = services.notifications_stale_claims(datetime.timedelta(hours=1)).count()
        if stale:
            self.stderr.write(
                f"{stale} notification(s) claimed by a run that did not finish; not resent. "
                "See README, 'Cron jobs', before using --release-stale."
            )
