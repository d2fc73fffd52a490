"""The regional overview (/oversikt/): every locality side by side, its current promise and
how its follow-up goes. One rule (`regional_overview`) for the page, the CSV and the API.

Read in three queries whatever the number of localities: the localities, their published
promises (with the latest follow-up date and whether a verdict exists), and the statuses
of the current promises' commitments."""

from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Exists, F, OuterRef
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from followup.models import Verdict
from followup.selectors import promises_with_last_followup
from promises.models import Commitment, Locality, Promise
from promises.progress import progress_of

Status = Commitment.Status


@dataclass
class OverviewRow:
    locality_name: str
    locality_slug: str
    locality_url: str
    promise_title: str = ""
    promise_url: str = ""
    phase: str = ""
    commitments: int = 0
    reported: int = 0  # any status but "not reported"
    done: int = 0
    delayed: int = 0
    cancelled: int = 0
    last_followup_on: object = None
    days_since_followup: int | None = None
    previous_verdict: bool | None = None  # None: there is no earlier promise

    def share(self, count):
        """Percent of the current promise's commitments, rounded; None without any."""
        if not self.commitments:
            return None
        return round(100 * Fraction(count, self.commitments))

    @property
    def reported_share(self):
        return self.share(self.reported)

    @property
    def done_share(self):
        return self.share(self.done)

    @property
    def delayed_share(self):
        return self.share(self.delayed)

    @property
    def cancelled_share(self):
        return self.share(self.cancelled)


# The columns one may sort by: ?sort=<key> ascending, ?sort=-<key> descending.
SORT_KEYS = {
    "locality": lambda r: r.locality_name.casefold(),
    "reported": lambda r: r.reported_share,
    "done": lambda r: r.done_share,
    "delayed": lambda r: r.delayed_share,
    "cancelled": lambda r: r.cancelled_share,
    "days": lambda r: r.days_since_followup,
    "verdict": lambda r: r.previous_verdict,
}


def regional_overview(on=None):
    """One OverviewRow per locality, by name. Its current promise is the published one in
    force on `on` (today), else its newest; the previous promise is the one before it."""
    on = on or timezone.localdate()
    verdicts = Verdict.objects.filter(promise=OuterRef("pk"))
    promises = (
        promises_with_last_followup(Promise.objects.published())
        .annotate(has_verdict=Exists(verdicts))
        .order_by("locality_id", F("starts_on").desc(nulls_last=True), "-created_at", "-pk")
    )
    by_locality = {}
    for promise in promises:
        by_locality.setdefault(promise.locality_id, []).append(promise)
    current, previous = {}, {}
    for locality_id, items in by_locality.items():
        active = [p for p in items if p.phase(on) == Promise.Phase.ACTIVE]
        chosen = active[0] if active else items[0]
        current[locality_id] = chosen
        index = items.index(chosen)
        if index + 1 < len(items):
            previous[locality_id] = items[index + 1]
    statuses = {}
    for promise_id, status in Commitment.objects.filter(
        promise__in=[p.pk for p in current.values()]
    ).values_list("promise_id", "status"):
        statuses.setdefault(promise_id, []).append(status)

    rows = []
    localities = Locality.objects.order_by("name").values_list("pk", "name", "slug")
    for locality_id, name, slug in localities:
        row = OverviewRow(
            locality_name=name,
            locality_slug=slug,
            locality_url=Locality(slug=slug).get_absolute_url(),
        )
        promise = current.get(locality_id)
        if promise is not None:
            progress = progress_of(statuses.get(promise.pk, []))
            row.promise_title = promise.title
            row.promise_url = Promise.url_of(slug, promise.slug)
            row.phase = promise.phase(on)
            row.commitments = progress.total
            row.reported = progress.total - progress.unreported
            row.done = progress.done
            row.delayed = progress.count(Status.DELAYED)
            row.cancelled = progress.cancelled
            row.last_followup_on = promise.last_followup_on
            if promise.last_followup_on is not None:
                row.days_since_followup = (on - promise.last_followup_on).days
        if locality_id in previous:
            row.previous_verdict = previous[locality_id].has_verdict
        rows.append(row)
    return rows


def sort_rows(rows, sort):
    """`rows` ordered by `sort` (a SORT_KEYS key, "-" first for descending); rows without a
    value last either way. Raises KeyError for an unknown key."""
    descending = sort.startswith("-")
    key = SORT_KEYS[sort.removeprefix("-")]
    known = [r for r in rows if key(r) is not None]
    unknown = [r for r in rows if key(r) is None]
    return sorted(known, key=key, reverse=descending) + unknown


@require_safe
def overview_page(request):
    sort = request.GET.get("sort", "locality")
    rows = regional_overview()
    status = 200
    error = None
    try:
        rows = sort_rows(rows, sort)
    except KeyError:
        error = _("The list cannot be sorted by “%(sort)s”. Choose a column heading instead.") % {
            "sort": sort[:40]
        }
        sort = "locality"
        status = 400
    columns = [
        ("locality", _("Area")),
        ("reported", _("Reported")),
        ("done", _("Done")),
        ("delayed", _("Delayed")),
        ("cancelled", _("Cancelled")),
        ("days", _("Days since the last follow-up")),
        ("verdict", _("Previous promise assessed")),
    ]
    headers = []
    for key, label in columns:
        current = sort.removeprefix("-") == key
        descending = current and sort.startswith("-")
        headers.append(
            {
                "key": key,
                "label": label,
                "next": key if (not current or descending) else f"-{key}",
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    context = {"rows": rows, "headers": headers, "error": error}
    return render(request, "promises/overview.html", context, status=status)


def overview_csv_rows(rows):
    for r in rows:
        yield [
            r.locality_slug,
            r.locality_name,
            r.promise_title,
            r.phase,
            r.commitments,
            r.reported,
            r.done,
            r.delayed,
            r.cancelled,
            r.last_followup_on or "",
            "" if r.days_since_followup is None else r.days_since_followup,
            {True: "yes", False: "no", None: ""}[r.previous_verdict],
        ]


OVERVIEW_HEADER = [
    "locality",
    "locality_name",
    "current_promise",
    "phase",
    "commitments",
    "reported",
    "done",
    "delayed",
    "cancelled",
    "last_followup_on",
    "days_since_followup",
    "previous_promise_assessed",
]
