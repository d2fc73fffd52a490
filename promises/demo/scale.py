"""Synthetic data at a police region's scale, written in bulk (`generate_scale_data`).

Per locality: a promise every two years since 2017 (the last one in force), 5–15 commitments
each with owning parties and themes, goals, two indicators with a measurement a month, a
follow-up note a week for the promise in force and a note a month for earlier ones, and two
contact persons. Slugs start with "skala-", so they never clash with the demo data.
"""

import datetime
import random
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from followup.models import Indicator, Measurement, Update
from promises import demo as demo_data
from promises.models import (
    Commitment,
    Contact,
    Goal,
    Locality,
    Party,
    PoliceArea,
    Promise,
    Theme,
)
from promises.signals import content_changed

PREFIX = "skala"
FIRST_YEAR = 2017
CHUNK = 100  # localities per transaction: bounded memory, steady progress

AREA_WORDS = [
    "Norra",
    "Södra",
    "Östra",
    "Västra",
    "Övre",
    "Nedre",
    "Stora",
    "Lilla",
    "Gamla",
    "Nya",
]
PLACE_WORDS = [
    "Berga",
    "Ekdal",
    "Lunda",
    "Hagby",
    "Sjövik",
    "Björkhult",
    "Åsen",
    "Torsby",
    "Linnevi",
    "Kvarnby",
    "Granlid",
    "Rosenlund",
    "Strandby",
    "Furuhöjd",
    "Alvik",
    "Stenby",
]
PLACES = ["torget", "busshållplatsen", "resecentrum", "skolan", "centrum", "hamnen", "parken"]
PROBLEMS = [
    "narkotikaförsäljning",
    "buskörning med A-traktorer",
    "skadegörelse",
    "otrygghet på kvällar",
    "ungdomsrån",
    "trafikfarliga beteenden",
    "klotter",
    "ordningsstörningar",
]
ACTIVITIES = [
    "Polisen genomför riktade insatser mot {problem} vid {place}.",
    "Kommunen förbättrar belysningen kring {place} för att minska {problem}.",
    "Polis och kommun håller trygghetsvandringar vid {place} tillsammans med boende.",
    "Fältassistenter finns på plats vid {place} fredag och lördag kväll.",
    "Polisen informerar i skolorna om {problem} och dess följder.",
    "Kommunen samordnar insatser med fastighetsägare kring {place}.",
    "Polis och kommun följer upp lägesbilden kring {problem} varje månad.",
    "Kommunen erbjuder föräldrastöd och fritidsaktiviteter för unga i området.",
]
GOALS = [
    "Fler boende ska känna sig trygga vid {place} på kvällen.",
    "Problemen med {problem} ska minska under perioden.",
    "Samverkan mellan polis, kommun och boende ska stärkas.",
]
NOTES = [
    "Under veckan genomfördes {n} pass vid {place}. Läget var lugnt.",
    "Trygghetsvandring vid {place} med {n} deltagare. Belysningen har rapporterats.",
    "Polisen har haft {n} kontakter med unga vid {place} under veckan.",
    "Uppföljning i trygghetsgruppen: arbetet mot {problem} fortsätter enligt plan.",
]
STATUSES = [
    Commitment.Status.IN_PROGRESS,
    Commitment.Status.DONE,
    Commitment.Status.NOT_STARTED,
    Commitment.Status.DELAYED,
]


def insert_rows(model, columns, rows):
    """Insert plain tuples fast: COPY on PostgreSQL, executemany elsewhere.

    For the largest tables, whose primary keys are not needed back: no model instances, no
    per-row SQL. Columns are attribute names (`promise_id`); every NOT NULL column is given.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(
        connection.ops.quote_name(model._meta.get_field(c.removesuffix("_id")).column)
        if c.endswith("_id")
        else connection.ops.quote_name(model._meta.get_field(c).column)
        for c in columns
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({marks})", [_adapt(row) for row in rows]
            )


def _adapt(row):
    """Dates and times as the database backend stores them (sqlite3's adapters are deprecated)."""
    return tuple(
        connection.ops.adapt_datetimefield_value(value)
        if isinstance(value, datetime.datetime)
        else connection.ops.adapt_datefield_value(value)
        if isinstance(value, datetime.date)
        else value
        for value in row
    )


def _themes():
    themes = []
    for row in demo_data.THEMES:
        theme = Theme.objects.filter(slug=row["slug"]).first()
        themes.append(theme or Theme.objects.create(slug=row["slug"], name=row["name"]))
    return themes


def _next_number():
    """Numbering goes on after the localities an earlier run made (repeatable runs)."""
    last = Locality.objects.filter(slug__startswith=f"{PREFIX}-").aggregate(Max("slug"))
    return int(last["slug__max"].rsplit("-", 1)[1]) + 1 if last["slug__max"] else 1


def generate_scale_data(localities, *, seed=7, today=None, progress=None):
    """Create `localities` synthetic localities with their promises. Returns row counts."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    themes = _themes()
    counts = dict.fromkeys(
        [
            "localities",
            "promises",
            "commitments",
            "goals",
            "indicators",
            "measurements",
            "updates",
            "contacts",
        ],
        0,
    )
    first = _next_number()
    for start in range(first, first + localities, CHUNK):
        numbers = range(start, min(start + CHUNK, first + localities))
        with transaction.atomic():
            _chunk(numbers, rng, themes, today, counts)
        if progress:
            progress(counts)
    content_changed.send(sender=None)  # bulk writes send no model signals
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics for the new rows
    return counts


def _chunk(numbers, rng, themes, today, counts):
    areas = PoliceArea.objects.bulk_create(
        [
            PoliceArea(name=f"Lokalpolisområde Skala {n:05d}", slug=f"{PREFIX}-lpo-{n:05d}")
            for n in numbers
        ]
    )
    localities = Locality.objects.bulk_create(
        [
            Locality(
                name=f"{AREA_WORDS[n % len(AREA_WORDS)]} {PLACE_WORDS[n % len(PLACE_WORDS)]} {n:05d}",
                slug=f"{PREFIX}-{n:05d}",
                kind=Locality.Kind.MUNICIPALITY,
                police_area=area,
                collaboration_name=f"Trygg i {PLACE_WORDS[n % len(PLACE_WORDS)]} {n:05d}",
                description="Ett syntetiskt område för prestandatester.",
            )
            for n, area in zip(numbers, areas, strict=True)
        ]
    )
    police = Party.objects.bulk_create(
        [
            Party(
                name=f"Polisen Skala {n:05d}",
                slug=f"{PREFIX}-polis-{n:05d}",
                kind=Party.Kind.POLICE,
            )
            for n in numbers
        ]
    )
    towns = Party.objects.bulk_create(
        [
            Party(
                name=f"Kommunen Skala {n:05d}",
                slug=f"{PREFIX}-kommun-{n:05d}",
                kind=Party.Kind.MUNICIPALITY,
            )
            for n in numbers
        ]
    )
    promises, owners = [], []
    for n, locality, cop, town in zip(numbers, localities, police, towns, strict=True):
        place = f"{PLACES[n % len(PLACES)]} i {PLACE_WORDS[n % len(PLACE_WORDS)]}"
        for year in range(FIRST_YEAR, today.year + 1, 2):
            promise = Promise(
                locality=locality,
                title=f"Medborgarlöfte {year}–{year + 1} för {locality.name}",
                slug=f"medborgarlofte-{year}-{year + 1}",
                state=Promise.State.PUBLISHED,
                starts_on=datetime.date(year, 1, 1),
                ends_on=datetime.date(year + 1, 12, 31),
                summary=f"Polisen och kommunen lovar att tillsammans arbeta för ökad trygghet vid {place}.",
                background=f"Trygghetsundersökningen visade oro för {rng.choice(PROBLEMS)} vid {place}.",
                signed_on=datetime.date(year - 1, 12, rng.randint(1, 20)),
            )
            promises.append(promise)
            owners.append((locality, cop, town, place))
    Promise.objects.bulk_create(promises)
    counts["localities"] += len(localities)
    counts["promises"] += len(promises)

    promise_parties, promise_themes, commitments, commitment_meta, goals = [], [], [], [], []
    for promise, (_locality, cop, town, place) in zip(promises, owners, strict=True):
        promise_parties += [
            Promise.parties.through(promise_id=promise.pk, party_id=cop.pk),
            Promise.parties.through(promise_id=promise.pk, party_id=town.pk),
        ]
        promise_themes += [
            Promise.themes.through(promise_id=promise.pk, theme_id=theme.pk)
            for theme in rng.sample(themes, 3)
        ]
        in_force = promise.starts_on <= today <= promise.ends_on
        for order in range(rng.randint(5, 15)):
            text = rng.choice(ACTIVITIES).format(problem=rng.choice(PROBLEMS), place=place)
            # A status only with the published note that sets it (added with the notes).
            status = (
                rng.choice(STATUSES)
                if in_force or promise.ends_on < today
                else Commitment.Status.UNREPORTED
            )
            commitments.append(Commitment(promise=promise, text=text, order=order, status=status))
            commitment_meta.append(rng.choice(([cop], [town], [cop, town])))
        goals += [
            Goal(
                promise=promise,
                order=i,
                text=text.format(place=place, problem=rng.choice(PROBLEMS)),
            )
            for i, text in enumerate(GOALS)
        ]
    Promise.parties.through.objects.bulk_create(promise_parties, batch_size=5000)
    Promise.themes.through.objects.bulk_create(promise_themes, batch_size=5000)
    Commitment.objects.bulk_create(commitments, batch_size=5000)
    Goal.objects.bulk_create(goals, batch_size=5000)
    counts["commitments"] += len(commitments)
    counts["goals"] += len(goals)
    insert_rows(
        Commitment.parties.through,
        ["commitment_id", "party_id"],
        [
            (c.pk, party.pk)
            for c, parties in zip(commitments, commitment_meta, strict=True)
            for party in parties
        ],
    )
    insert_rows(
        Commitment.themes.through,
        ["commitment_id", "theme_id"],
        [(c.pk, rng.choice(themes).pk) for c in commitments],
    )

    indicators = []
    for promise in promises:
        indicators += [
            Indicator(
                promise=promise,
                slug="andel-trygga",
                name="Andel boende som känner sig trygga",
                unit="%",
                direction=Indicator.Direction.HIGHER,
                baseline_value=Decimal(55),
                baseline_on=promise.starts_on,
                target_value=Decimal(70),
                target_on=promise.ends_on,
                order=0,
            ),
            Indicator(
                promise=promise,
                slug="anmalda-brott",
                name="Anmälda brott i området",
                unit="st",
                direction=Indicator.Direction.LOWER,
                baseline_value=Decimal(120),
                baseline_on=promise.starts_on,
                target_value=Decimal(90),
                target_on=promise.ends_on,
                order=1,
            ),
        ]
    Indicator.objects.bulk_create(indicators, batch_size=5000)
    measurements = []
    for indicator in indicators:
        month, value = indicator.promise.starts_on, float(indicator.baseline_value)
        while month <= min(indicator.promise.ends_on, today):
            value += (
                rng.uniform(-2, 2.5)
                if indicator.direction == Indicator.Direction.HIGHER
                else rng.uniform(-4, 3)
            )
            measurements.append((indicator.pk, month, "", f"{value:.1f}", "", "", ""))
            month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    insert_rows(
        Measurement,
        ["indicator_id", "measured_on", "period_text", "value", "qualifier", "group", "source"],
        measurements,
    )
    counts["indicators"] += len(indicators)
    counts["measurements"] += len(measurements)

    updates, now = [], timezone.now()
    for promise, (_locality, _cop, _town, place) in zip(promises, owners, strict=True):
        in_force = promise.starts_on <= today <= promise.ends_on
        step = datetime.timedelta(days=7 if in_force else 30)
        day = promise.starts_on + step
        while day <= min(promise.ends_on, today):
            text = rng.choice(NOTES).format(
                n=rng.randint(2, 40), place=place, problem=rng.choice(PROBLEMS)
            )
            updates.append(
                (promise.pk, None, day, "", text, True, "Kommunpolis", "", "", "", "", now, now)
            )
            day += step
    for c in commitments:
        if c.status != Commitment.Status.UNREPORTED:
            promise = c.promise
            day = min(promise.ends_on, today)
            text = f"Status: {Commitment.Status(c.status).label}."
            updates.append(
                (promise.pk, c.pk, day, "", text, True, "Kommunpolis", "", "unreported")
                + (c.status, "", now, now)
            )
    insert_rows(
        Update,
        [
            "promise_id",
            "commitment_id",
            "date",
            "title",
            "text",
            "published",
            "author_role",
            "author_organisation",
            "old_status",
            "new_status",
            "source_url",
            "created_at",
            "published_at",
        ],
        updates,
    )
    counts["updates"] += len(updates)

    contacts = []
    for n, locality in zip(numbers, localities, strict=True):
        contacts += [
            Contact(
                locality=locality,
                name=f"Kommunpolis {n:05d}",
                role="Kommunpolis",
                organisation="Polisen",
                phone="114 14",
                email=f"kommunpolis.{n:05d}@example.se",
            ),
            Contact(
                locality=locality,
                name=f"Trygghetssamordnare {n:05d}",
                role="Trygghetssamordnare",
                organisation="Kommunen",
                phone="010-000 00 00",
                order=1,
            ),
        ]
    Contact.objects.bulk_create(contacts)
    current = {p.locality_id: p for p in promises}  # the last promise of each locality
    Contact.promises.through.objects.bulk_create(
        [
            Contact.promises.through(contact_id=c.pk, promise_id=current[c.locality_id].pk)
            for c in contacts
        ]
    )
    counts["contacts"] += len(contacts)
