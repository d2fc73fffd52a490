"""The public portal: home, promise list, locality and promise pages, about pages."""

from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import InvalidPage
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView
from django_filters.views import FilterView

from followup.models import Indicator, Measurement, Update
from followup.selectors import feedback_reachable, newest_updates, promises_with_last_followup
from promises import search
from promises.models import (
    SEARCH_MAX_WORDS,
    Actor,
    Agreement,
    Commitment,
    Contact,
    Goal,
    Locality,
    LocalityName,
    Municipality,
    Party,
    Promise,
    Theme,
)
from promises.progress import promise_progress
from promises.signals import page_depends_on_locality
from situation.models import Place, Problem, SituationPicture, Survey, SurveyResult

from .areas import area_names
from .charts import bar_charts
from .filters import PromiseFilter
from .gone import unpublished_response

STATUS_ONLY = Commitment.objects.only("pk", "promise_id", "status").order_by()


def _with_progress(promises):
    """Attach `progress` to each promise (commitments prefetched with STATUS_ONLY)."""
    for promise in promises:
        promise.progress = promise_progress(promise)
    return promises


# The long texts a promise card never shows (a search's snippet reads them: see
# PromiseListView.get_filterset). Sorting 1 500 promises with them and loading 20 cost 3 ms.
CARD_UNUSED = (
    "summary",
    "background",
    "pledge_heading",
    "pledge",
    "follow_up",
    "signatories",
    "source_url",
    "source_title",
    "source_publisher",
)


def published_promises():
    """Published promises with their commitments' statuses and `last_status_on`: the date of
    the latest published note that set a commitment's status (shown on the cards)."""
    status_notes = (
        Update.objects.published()
        .filter(promise=OuterRef("pk"), date__isnull=False)
        .exclude(new_status="")
        .order_by("-date")
        .values("date")[:1]
    )
    return (
        Promise.objects.published()
        .annotate(last_status_on=Subquery(status_notes))
        .defer(*CARD_UNUSED)
        .prefetch_related(Prefetch("commitments", STATUS_ONLY))
    )


HOME_PROMISES = 12  # the home stays the same size however many promises there are


@require_safe
def home(request):
    published = Promise.objects.published()
    # Each locality's newest published promise and its number of promises, in one pass over
    # the promises (window functions); three correlated subqueries per locality cost 3 ms.
    newest = (
        published.annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("locality_id"),
                order_by=[F("starts_on").desc(nulls_last=True), F("created_at").desc()],
            ),
            total=Window(Count("pk"), partition_by=F("locality_id")),
        )
        .filter(rank=1)
        .order_by()
        .values_list("locality_id", "title", "slug", "total")
    )
    localities = Locality.objects.order_by("name").values(
        "pk", "slug", "name", "collaboration_name", "police_area__name"
    )
    municipalities = Locality.municipalities.through.objects.order_by(
        "municipality__name"
    ).values_list("locality_id", "municipality__name")
    # Both lists in one query (and one prefetch), so the count never depends on whether
    # one of them happens to be empty.
    # The list's order (PromiseQuerySet.in_reading_order): in force, undated, upcoming, ended.
    in_force_ids = published.in_force().in_reading_order().values("pk")[:HOME_PROMISES]
    recent_ids = published.in_reading_order().values("pk")[:HOME_PROMISES]
    shown = _with_progress(
        published_promises()
        .filter(Q(pk__in=Subquery(in_force_ids)) | Q(pk__in=Subquery(recent_ids)))
        .select_related("locality")
        .in_reading_order()
    )
    today = timezone.localdate()
    in_force = [p for p in shown if p.phase(today) == Promise.Phase.ACTIVE][:HOME_PROMISES]
    recent = shown[:HOME_PROMISES]
    updates = newest_updates(
        Update.objects.published()
        .select_related("promise__locality", "commitment")
        .defer(*(f"promise__{name}" for name in CARD_UNUSED)),
        5,
    )
    context = {
        "localities": localities,
        "newest": newest,
        "municipalities": municipalities,
        "in_force": in_force,
        "promises": recent,
        "more_promises": published.count() > len(recent),
        "updates": updates,
        "area_names": area_names(),
    }
    return render(request, "promises/home.html", context)


class PromiseListView(FilterView):
    filterset_class = PromiseFilter
    template_name = "promises/promise_list.html"
    paginate_by = 20
    strict = True
    page_error = None
    q = ""

    def get_queryset(self):
        return published_promises().select_related("locality").in_reading_order()

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        self.q = filterset.form.cleaned_data.get("q") if filterset.is_valid() else ""
        if self.q and filterset.is_valid():
            # Best first on PostgreSQL, with each promise's highlighted snippet (made here
            # from the long texts elsewhere: _with_snippets).
            filterset.queryset = filterset.queryset.defer(None).ranked(self.q)
        return filterset

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        number = self.request.GET.get(self.page_kwarg) or 1
        try:
            page = paginator.page(number)
        except InvalidPage:
            self.page_error = _(
                "There is no page “%(page)s”. Showing the first page of the results instead."
            ) % {"page": str(number)[:20]}
            page = paginator.page(1)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        _with_progress(context["object_list"])
        if self.q:
            _with_snippets(context["object_list"], self.q)
            if not context["paginator"].count:
                context["suggestions"] = suggested_queries(self.q)
        context["page_error"] = self.page_error
        # The filters beside the search stay folded away unless one is in use.
        context["active_filters"] = sum(
            1 for name in self.filterset.form.fields if name != "q" and self.request.GET.get(name)
        )
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["query_string"] = query.urlencode()
        return context

    def render_to_response(self, context, **kwargs):
        invalid = self.filterset.is_bound and not self.filterset.is_valid()
        if invalid or self.page_error:
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


def _with_snippets(promises, q):
    """A highlighted snippet on each promise: PostgreSQL's (PromiseQuerySet.ranked), else
    made here from its text."""
    for promise in promises:
        if getattr(promise, "search_snippet", None) is None:
            text = " ".join((promise.summary, promise.background, promise.follow_up))
            promise.search_snippet = search.python_snippet(text, q, SEARCH_MAX_WORDS)
        if search.HIGHLIGHT_START not in promise.search_snippet:
            promise.search_snippet = ""  # the words are elsewhere (a commitment, a place)


def suggested_queries(q):
    """Close matches for a query that found nothing, from the names and titles published."""
    published = Promise.objects.published()
    vocabulary = [
        *published.values_list("title", flat=True),
        *Locality.objects.values_list("name", flat=True),
        *LocalityName.objects.values_list("name", flat=True),
        *Municipality.objects.values_list("name", flat=True),
        *Place.objects.values_list("name", flat=True),
        *Theme.objects.values_list("name", flat=True),
        *Commitment.objects.filter(promise__in=published).values_list("text", flat=True),
    ]
    return search.suggestions(q, vocabulary, SEARCH_MAX_WORDS)


@page_depends_on_locality("slug")
class LocalityDetailView(DetailView):
    template_name = "promises/locality_detail.html"

    def get_queryset(self):
        return (
            Locality.objects.annotate(feedback_reachable=feedback_reachable())
            .select_related("police_area", "agreement")
            .prefetch_related(
                "municipalities",
                "contacts",
                Prefetch("places", queryset=Place.objects.order_by("name")),
                Prefetch("promises", queryset=published_promises(), to_attr="published_promises"),
                Prefetch(
                    "situation_pictures",
                    queryset=SituationPicture.objects.order_by("-date", "title"),
                ),
                Prefetch("surveys", queryset=Survey.objects.select_related("baseline")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = {phase: [] for phase in Promise.Phase}
        for promise in _with_progress(self.object.published_promises):
            groups[promise.phase()].append(promise)
        context["promise_groups"] = [(phase, items) for phase, items in groups.items() if items]
        return context


def _commitments():
    """Commitments with their parties, verdict, last published note, the published note that
    set their status (its id and date) and cancellation reason."""
    notes = (
        Update.objects.published()
        .filter(commitment=OuterRef("pk"), date__isnull=False)  # an undated note has no day
        .order_by("-date", "-pk")
    )
    cancelled = notes.filter(new_status=Commitment.Status.CANCELLED)
    # The reason next to the status: the published note that set it (the same note the
    # publish services take the public status from).
    reason = Update.objects.status_setting().filter(commitment=OuterRef("pk"))
    return (
        # Within one promise: Meta.ordering's "promise" would join and order by promise.
        Commitment.objects.order_by("order", "pk")
        .select_related("verdict")
        .prefetch_related(
            "parties",
            # "Svarar mot": the problems it answers, with their places.
            Prefetch(
                "problems",
                queryset=Problem.objects.order_by("order", "pk").prefetch_related(
                    Prefetch("places", Place.objects.order_by("name").select_related("locality"))
                ),
            ),
        )
        .annotate(
            last_update_on=Subquery(notes.values("date")[:1]),
            cancel_reason=Subquery(cancelled.values("text")[:1]),
            status_note_id=Subquery(reason.values("pk")[:1]),
            status_note_on=Subquery(reason.values("date")[:1]),
        )
    )


def _promise_page_prefetches():
    """Everything the promise page shows beside the promise, ordered within the promise (the
    models' Meta.ordering names the parent, which would join it only to order by it). Built
    once: querysets are templates that Django copies for each use."""
    results = SurveyResult.objects.order_by("question", "group")
    measurements = Measurement.objects.order_by(
        F("measured_on").asc(nulls_last=True), "group", "pk"
    )
    places = Place.objects.order_by("name").select_related("locality")
    problems = Problem.objects.order_by("order", "pk").prefetch_related(Prefetch("places", places))
    return (
        "parties",
        "themes",
        Prefetch("contacts", queryset=Contact.objects.order_by("order", "name")),
        Prefetch("commitments", queryset=_commitments()),
        Prefetch("goals", queryset=Goal.objects.order_by("order", "pk")),
        Prefetch(
            "indicators",
            queryset=Indicator.objects.order_by("order", "pk")
            .select_related("question")  # the shared survey question a goal is measured by
            .prefetch_related(Prefetch("measurements", queryset=measurements)),
        ),
        Prefetch(
            "situation_pictures",
            queryset=SituationPicture.objects.order_by("-date", "title")
            .select_related("locality")
            .prefetch_related(Prefetch("problems", queryset=problems)),
        ),
        Prefetch(
            "surveys",
            queryset=Survey.objects.order_by("year", "title")
            .select_related("baseline")
            .prefetch_related(Prefetch("results", results), Prefetch("baseline__results", results)),
        ),
    )


PROMISE_PAGE_PREFETCHES = _promise_page_prefetches()


def previewer(request):
    """Who sees drafts here: the user if the admin would let them in (staff, active, and past
    the second factor when ADMIN_REQUIRE_2FA is on: the admin site's own rule), else nobody."""
    return request.user if admin.site.has_permission(request) else AnonymousUser()


@page_depends_on_locality("locality")
class PromiseDetailView(DetailView):
    template_name = "promises/promise_detail.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            gone = unpublished_response(request, self.kwargs["locality"], self.kwargs["slug"])
            if gone is None:
                raise
            return gone

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_published:
            # A draft preview is for its own editors only: never kept by any cache.
            patch_cache_control(response, private=True, no_store=True)
        return response

    def get_object(self, queryset=None):
        return get_object_or_404(
            # Annotated for the staleness notice, without a query of its own.
            promises_with_last_followup(Promise.objects.visible_to(previewer(self.request)))
            .annotate(feedback_reachable=feedback_reachable("locality"))
            .select_related("locality__police_area", "locality__agreement", "verdict")
            .prefetch_related(*PROMISE_PAGE_PREFETCHES),
            locality__slug=self.kwargs["locality"],
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        promise = self.object
        promise.locality.feedback_reachable = promise.feedback_reachable
        groups = {actor: [] for actor in Actor}
        for commitment in promise.commitments.all():
            groups[commitment.actor].append(commitment)
        indicators = list(promise.indicators.all())
        charts = bar_charts(indicators)  # a survey question's answers in one query, if any
        by_commitment, by_goal = {}, {}
        for indicator in indicators:
            indicator.chart = charts[indicator.pk]
            by_commitment.setdefault(indicator.commitment_id, []).append(indicator)
            by_goal.setdefault(indicator.goal_id, []).append(indicator)
        for commitment in promise.commitments.all():
            commitment.linked_indicators = by_commitment.get(commitment.pk, [])
        for goal in promise.goals.all():
            goal.linked_indicators = by_goal.get(goal.pk, [])
        parties = list(promise.parties.all())
        partners = {p.pk: p for p in parties if p.kind == Party.Kind.PARTNER}
        for commitment in promise.commitments.all():
            for party in commitment.parties.all():
                if party.kind == Party.Kind.PARTNER:
                    partners.setdefault(party.pk, party)
        context.update(
            # Those who give the promise; partners (e.g. in one commitment) are shown as such.
            givers=[p for p in parties if p.kind != Party.Kind.PARTNER],
            partners=sorted(partners.values(), key=lambda p: p.name),
            commitment_groups=[
                (actor, items, _several_municipalities(items))
                for actor, items in groups.items()
                if items
            ],
            cancelled=[c for c in promise.commitments.all() if c.status == "cancelled"],
            progress=promise_progress(promise),
            statuses=Commitment.Status,
            indicators=indicators,
            verdict=getattr(promise, "verdict", None),
            surveys=[_compare(survey) for survey in promise.surveys.all()],
            survey_multiples=survey_series(promise.surveys.all()),
            updates=Update.objects.published().filter(promise=promise).select_related("commitment"),
        )
        return context


def _several_municipalities(commitments):
    """Whether more than one municipality owns these commitments ("Kommunerna lovar")."""
    return (
        len(
            {
                party.pk
                for commitment in commitments
                for party in commitment.parties.all()
                if party.kind == Party.Kind.MUNICIPALITY
            }
        )
        > 1
    )


class AgreementDetailView(DetailView):
    """A city-wide collaboration agreement (e.g. Trygg i Göteborg): its text, signatories,
    parties and quotes, and the localities whose work it frames."""

    template_name = "promises/agreement_detail.html"

    def get_queryset(self):
        return Agreement.objects.prefetch_related(
            "parties", Prefetch("localities", queryset=Locality.objects.order_by("name"))
        )


def survey_series(surveys):
    """Each question (and group) asked in more than one of the surveys or their baselines, as
    a small multiple: the answers in time order, each with its survey, its number of
    respondents and the difference from the first (the baseline) in the unit's own terms
    (percentage points for a %)."""
    every = {}
    for survey in surveys:
        for one in (survey.baseline, survey):
            if one is not None:
                every.setdefault(one.pk, one)
    series = {}
    ordered = sorted(every.values(), key=lambda s: (s.year is None, s.year or 0, s.title))
    for survey in ordered:
        for result in survey.results.all():
            series.setdefault((result.question, result.group), []).append((survey, result))
    multiples = []
    for (question, group), answers in series.items():
        if len(answers) < 2:
            continue
        first = answers[0][1].value
        top = max(max(r.value for _s, r in answers), 1)
        rows = [
            {
                "survey": survey,
                "result": result,
                "difference": None if index == 0 else result.value - first,
                "share": round(float(result.value / top) * 100, 1),
            }
            for index, (survey, result) in enumerate(answers)
        ]
        unit = answers[0][1].unit
        multiples.append(
            {
                "question": question,
                "group": group,
                "unit": unit,
                "percent": unit == "%",
                "rows": rows,
            }
        )
    return multiples


def _compare(survey):
    """Pair each result of a survey with the baseline's answer to the same question."""
    before = {}
    if survey.baseline:
        before = {(r.question, r.group): r for r in survey.baseline.results.all()}
    survey.rows = [(r, before.get((r.question, r.group))) for r in survey.results.all()]
    return survey


@require_safe
def about(request):
    # The statuses by their badges' names: one wording for each (Commitment.Status).
    return render(request, "pages/about.html", {"statuses": Commitment.Status})


@require_safe
def open_data(request):
    """What residents and developers may reuse, and how: CSV, the API, feeds, the widget."""
    example = Promise.objects.published().select_related("locality").first()
    embed = (
        reverse("promises:embed", kwargs={"locality": example.locality.slug, "slug": example.slug})
        if example
        else reverse("promises:embed", kwargs={"locality": "omrade", "slug": "lofte"})
    )
    return render(
        request, "pages/open_data.html", {"embed_example": request.build_absolute_uri(embed)}
    )


@require_safe
def accessibility(request):
    return render(request, "pages/accessibility.html")


@require_safe
def robots_txt(request):
    # The admin is not named here: ADMIN_URL is meant to be hard to guess. Its pages tell
    # robots themselves (X-Robots-Tag, config.middleware.AdminNoIndexMiddleware).
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow:", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
