"""The read-only open-data API (django-ninja): only what the public pages show, never drafts.

django-ninja because it derives the OpenAPI 3 schema from typed endpoints and pydantic
schemas, ships its Swagger UI as static files (served from this site, no CDN), and adds
little on top of Django.
"""

from typing import Any, Literal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Path, Query, Schema
from ninja.openapi.docs import Swagger
from ninja.pagination import PageNumberPagination, paginate
from pydantic import Field

from followup.models import UPDATE_NEWEST_FIRST, Indicator, Update
from followup.selectors import series_prefetches
from promises.models import Actor, Commitment, Locality, Promise
from promises.site.overview import regional_overview
from situation.models import Survey

from . import schemas
from .summaries import promise_summaries

MAX_ID = 2**63 - 1
PROMISE_ORDER = ("locality__name", "title", "pk")
SLUG = r"^[-a-zA-Z0-9_]{1,200}$"


class OpenDataAPI(NinjaAPI):
    """Open data may be read from any web page: every answer allows any origin (CORS);
    the API is read-only and uses no cookie or login."""

    def create_response(self, request, data, *args, **kwargs):
        response = super().create_response(request, data, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


api = OpenDataAPI(
    title="Medborgarlöften open data",
    version="1.0.0",
    description=(
        "Read-only open data on medborgarlöften (citizen promises) of the police and "
        "municipalities: localities, promises with commitments, goals, indicators and "
        "measurements, follow-up notes and safety surveys. Only published content. "
        "Licence: CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/). "
        "Also: CSV at /api/v1/promises.csv and /api/v1/measurements.csv (UTF-8 with BOM), "
        "DCAT-AP-SE catalogue at /api/v1/dcat.rdf, Atom/RSS feeds under /feeds/."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
    # Swagger UI from ninja's own static files; no validator badge (a third-party request).
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": True}),
)


class Pagination(PageNumberPagination):
    """Pages of 20 (at most 200): a promise carries its commitments, goals and indicators,
    so a small default page keeps a plain request light; page numbers are bounded so no
    query overflows."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)

    def __init__(self, **kwargs):
        super().__init__(page_size=20, max_page_size=200, **kwargs)


class NotFound(Schema):
    detail: str


class Invalid(Schema):
    """A query parameter that is not valid (e.g. an unknown phase): 422 with the details."""

    detail: list[dict[str, Any]]


class PromiseFilters(Schema):
    locality: str | None = Field(None, pattern=SLUG, description="Locality slug, e.g. molndal.")
    municipality: str | None = Field(
        None, pattern=SLUG, description="Municipality slug, e.g. tjorn: its localities' promises."
    )
    actor: Literal[tuple(Actor.values)] | None = Field(None, description="Who owns a commitment.")
    theme: str | None = Field(None, pattern=SLUG, description="Theme slug.")
    phase: Literal[tuple(Promise.Phase.values)] | None = None
    status: Literal[tuple(Commitment.Status.values)] | None = Field(
        None, description="Promises with at least one commitment of this status."
    )
    q: str | None = Field(
        None,
        max_length=200,
        description=(
            'Words that must all occur, in any order, case and accents ("molndal" finds '
            "Mölndal; Swedish word forms on PostgreSQL), in the promise's text, its "
            "commitments, goals, problems or indicators, or the names of its locality, "
            "municipalities and places. The public list's search."
        ),
    )


def published_promises():
    """Published promises with every indicator's series (schemas.PromiseOut), in the list's
    order; the list itself builds its items from values (summaries.promise_summaries)."""
    return (
        Promise.objects.published()
        .select_related("locality", "verdict")
        .prefetch_related(
            "parties",
            "themes",
            "goals",
            Prefetch(
                "commitments",
                # Lists (to_attr) rather than managers: Django then skips a queryset clone
                # per commitment.
                queryset=Commitment.objects.select_related("verdict").prefetch_related(
                    Prefetch("parties", to_attr="party_list"),
                    Prefetch("themes", to_attr="theme_list"),
                ),
            ),
            # Each indicator's series without a query of its own (IndicatorOut.values).
            Prefetch(
                "indicators", queryset=Indicator.objects.prefetch_related(*series_prefetches())
            ),
        )
        .order_by(*PROMISE_ORDER)
    )


def published_updates():
    return Update.objects.published().order_by(*UPDATE_NEWEST_FIRST)


def localities():
    return (
        Locality.objects.select_related("police_area")
        .prefetch_related(
            "municipalities",
            Prefetch(
                "promises", queryset=Promise.objects.published(), to_attr="published_promises"
            ),
        )
        .order_by("name", "pk")
    )


@api.get(
    "/localities/", response={200: list[schemas.LocalityOut], 422: Invalid}, tags=["localities"]
)
@paginate(Pagination)
def list_localities(request):
    return localities()


@api.get("/overview/", response=list[schemas.OverviewOut], tags=["localities"], url_name="overview")
def list_overview(request):
    """Every locality with its current promise: commitments reported, done, delayed and
    cancelled, days since the last dated follow-up note, and whether the previous promise
    got a verdict (null: there is none). The same as /oversikt/ and /api/v1/overview.csv."""
    return [
        {
            "locality": r.locality_slug,
            "locality_name": r.locality_name,
            "current_promise": r.promise_title,
            "current_promise_url": request.build_absolute_uri(r.promise_url)
            if r.promise_url
            else "",
            "phase": r.phase,
            "commitments": r.commitments,
            "reported": r.reported,
            "done": r.done,
            "delayed": r.delayed,
            "cancelled": r.cancelled,
            "last_followup_on": r.last_followup_on,
            "days_since_followup": r.days_since_followup,
            "previous_promise_assessed": r.previous_verdict,
        }
        for r in regional_overview()
    ]


@api.get(
    "/localities/{slug}/",
    response={200: schemas.LocalityOut, 404: NotFound, 422: Invalid},
    tags=["localities"],
)
def get_locality(request, slug: str = Path(..., pattern=SLUG)):
    return get_object_or_404(localities(), slug=slug)


@api.get(
    "/promises/",
    response={200: schemas.PagedPromiseSummaryOut, 422: Invalid},
    tags=["promises"],
    description=(
        "Published promises with their commitments, goals and indicators. Each indicator's "
        "measurements are on the promise itself (`api_url`) and in /api/v1/measurements.csv."
    ),
)
def list_promises(request, filters: Query[PromiseFilters], pagination: Query[Pagination.Input]):
    """Paginated as @paginate(Pagination) would, but the items are plain dicts built from
    values (summaries.promise_summaries) and the page goes out as it is: validating ~900
    nested rows a page through pydantic cost more than building them."""
    # The public list's rule (promises.site.filters.PromiseFilter goes through it too).
    promises = Promise.objects.published().matching(**filters.dict())
    page = Pagination().paginate_queryset(
        promises.order_by(*PROMISE_ORDER), pagination=pagination, request=request
    )
    page["items"] = promise_summaries(request, page["items"])
    return api.create_response(request, page, status=200)


@api.get(
    "/promises/{promise_id}/",
    response={200: schemas.PromiseOut, 404: NotFound, 422: Invalid},
    tags=["promises"],
)
def get_promise(request, promise_id: int = Path(..., ge=1, le=MAX_ID)):
    return get_object_or_404(published_promises(), pk=promise_id)


class UpdateFilters(Schema):
    locality: str | None = Field(None, pattern=SLUG, description="Locality slug.")
    promise: int | None = Field(None, ge=1, le=MAX_ID, description="Promise id.")


@api.get("/updates/", response={200: list[schemas.UpdateOut], 422: Invalid}, tags=["follow-up"])
@paginate(Pagination)
def list_updates(request, filters: Query[UpdateFilters]):
    updates = published_updates()
    if filters.locality:
        updates = updates.filter(promise__locality__slug=filters.locality)
    if filters.promise:
        updates = updates.filter(promise=filters.promise)
    return updates.select_related("promise__locality")


@api.get("/surveys/", response={200: list[schemas.SurveyOut], 422: Invalid}, tags=["surveys"])
@paginate(Pagination)
def list_surveys(request, locality: str | None = Query(None, pattern=SLUG)):
    surveys = (
        Survey.objects.select_related("locality")
        .prefetch_related(
            "results",
            Prefetch(
                "promises", queryset=Promise.objects.published(), to_attr="published_promises"
            ),
        )
        .order_by("locality__name", "year", "title", "pk")
    )
    if locality:
        surveys = surveys.filter(locality__slug=locality)
    return surveys
