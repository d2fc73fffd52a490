"""CSV downloads and the DCAT-AP-SE catalogue, beside the JSON API under /api/v1/.

CSV: comma-separated (RFC 4180), UTF-8 with a byte-order mark so that Excel shows å, ä and ö
right; Python reads it with `open(path, encoding="utf-8-sig")`. Text that a spreadsheet would
take for a formula starts with an apostrophe.
"""

import csv
import re

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from followup.models import Indicator
from followup.selectors import series_for
from promises.models import Commitment, Promise, published_q
from promises.progress import promise_progress
from promises.site.overview import OVERVIEW_HEADER, overview_csv_rows, regional_overview

BOM = "\ufeff"

# A text cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage
# return before one) gets a leading apostrophe, as OWASP advises for CSV files; numbers,
# negative ones included, are left as they are.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


def _safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.match(value):
        return "'" + value
    return value


def _csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    response.write(BOM)
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_safe_cell(value) for value in row] for row in rows)
    return response


PROMISE_HEADER = [
    "promise_id",
    "locality",
    "promise_slug",
    "promise_title",
    "phase",
    "starts_on",
    "ends_on",
    "period_text",
    "promise_url",
    "commitment_id",
    "commitment_order",
    "commitment_text",
    "actor",
    "parties",
    "status",
    "verdict_outcome",
    "progress_state",
    "progress_percent",
]


@require_GET
def promises_csv(request):
    """One row per commitment of every published promise (a promise without commitments
    gets one row with the commitment columns empty)."""
    promises = (
        Promise.objects.published()
        .select_related("locality")
        .prefetch_related(
            Prefetch(
                "commitments",
                queryset=Commitment.objects.select_related("verdict").prefetch_related("parties"),
            )
        )
        .order_by("locality__name", "title", "pk")
    )
    rows = []
    for p in promises:
        progress = promise_progress(p)  # the promise's, on each of its rows
        tail = [progress.state, "" if progress.percent is None else progress.percent]
        head = [
            p.pk,
            p.locality.slug,
            p.slug,
            p.title,
            p.phase(),
            p.starts_on or "",
            p.ends_on or "",
            p.period_text,
            request.build_absolute_uri(p.get_absolute_url()),
        ]
        commitments = list(p.commitments.all())
        if not commitments:
            rows.append(head + [""] * 7 + tail)
        for c in commitments:
            verdict = getattr(c, "verdict", None)
            rows.append(
                head
                + [
                    c.pk,
                    c.order,
                    c.text,
                    c.actor,
                    "; ".join(party.name for party in c.parties.all()),
                    c.status,
                    verdict.outcome if verdict else "",
                ]
                + tail
            )
    return _csv_response("medborgarloften-promises.csv", PROMISE_HEADER, rows)


@require_GET
def overview_csv(request):
    """The regional overview (/oversikt/): one row per locality and its current promise."""
    rows = overview_csv_rows(regional_overview())
    return _csv_response("medborgarloften-overview.csv", OVERVIEW_HEADER, rows)


MEASUREMENT_HEADER = [
    "measurement_id",
    "indicator_id",
    "indicator_slug",
    "indicator_name",
    "unit",
    "direction",
    "promise_id",
    "promise_title",
    "locality",
    "date",
    "period_text",
    "qualifier",
    "value",
    "group",
    "source",
]


@require_GET
def measurements_csv(request):
    """Every value of every indicator of a published promise, as on the promise page and in
    the API (followup.selectors.series_for): its measurements, or for an indicator drawn from
    safety surveys each survey's answer (then measurement_id and date are empty, period_text
    is the survey's time and source its title)."""
    indicators = (
        Indicator.objects.filter(published_q("promise__"))
        .select_related("promise__locality")
        .order_by("promise__locality__name", "promise__pk", "order", "pk")
    )
    series = series_for(indicators)
    rows = [
        [
            point.measurement_id or "",
            i.pk,
            i.slug,
            i.name,
            i.unit,
            i.direction,
            i.promise_id,
            i.promise.title,
            i.promise.locality.slug,
            point.date or "",
            point.period_text,
            point.qualifier,
            format(point.value.normalize(), "f"),
            point.group,
            point.source,
        ]
        for i in indicators
        for point in series[i.pk]
    ]
    return _csv_response("medborgarloften-measurements.csv", MEASUREMENT_HEADER, rows)


@require_GET
def dcat_catalogue(request):
    """The DCAT-AP-SE description of the open data (RDF/XML), for dataportal.se to harvest."""
    absolute = request.build_absolute_uri
    context = {
        "catalogue_uri": absolute(reverse("api-dcat")),
        "home": absolute(reverse("promises:home")),
        "api_docs": absolute(reverse("api:openapi-view")),
        "api_schema": absolute(reverse("api:openapi-json")),
        "promises_api": absolute(reverse("api:list_promises")),
        "updates_api": absolute(reverse("api:list_updates")),
        "surveys_api": absolute(reverse("api:list_surveys")),
        "promises_csv": absolute(reverse("api-promises-csv")),
        "measurements_csv": absolute(reverse("api-measurements-csv")),
        "feed_atom": absolute(reverse("promises:feed-atom")),
        "license": settings.OPEN_DATA_LICENSE_URL,
        "publisher": settings.OPEN_DATA_PUBLISHER,
        "modified": timezone.localdate().isoformat(),
    }
    response = render(
        request, "followup/dcat.rdf", context, content_type="application/rdf+xml; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
