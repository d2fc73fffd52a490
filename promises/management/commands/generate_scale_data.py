import time

from django.core.management.base import BaseCommand

from promises.demo.scale import generate_scale_data


class Command(BaseCommand):
    help = (
        "Creates synthetic localities with promises, commitments, indicators, measurements and "
        "weekly follow-up notes in bulk, for benchmarks at a police region's scale."
    )

    def add_arguments(self, parser):
        parser.add_argument("--localities", type=int, required=True, help="How many to add.")
        parser.add_argument("--seed", type=int, default=7, help="Random seed (repeatable data).")

    def handle(self, *args, localities, seed, **options):
        started = time.perf_counter()

        def progress(counts):
            self.stdout.write(
                f"  {counts['localities']} localities, {counts['promises']} promises…"
            )

        counts = generate_scale_data(localities, seed=seed, progress=progress)
        seconds = time.perf_counter() - started
        summary = ", ".join(f"{value} {name}" for name, value in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Created {summary} in {seconds:.1f} s."))
