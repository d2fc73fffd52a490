"""The promise list's items (schemas.PromiseSummaryOut) as plain dicts, from one values_list()
query per kind of row.

A page of 20 promises carries some 900 related rows (commitments with their parties and
themes, goals, indicators); model instances, prefetching and pydantic's validation of them
took most of the request. The rules stay in one place: the actor (`actor_of`), the phase
(`Promise.phase_of`), the progress (`progress_of`) and the URLs are the models' and schemas'
own. The orderings are the models' Meta orderings, as a prefetch gives them.
"""

from collections import defaultdict

from django.utils import timezone

from followup.models import Indicator
from promises.models import Commitment, Goal, Promise, actor_of
from promises.progress import progress_of

from .schemas import IndicatorSummaryOut, progress_out, promise_api_url

PARTY = ("slug", "name", "kind")  # schemas.PartyOut
THEME = ("slug", "name")  # schemas.ThemeOut
GOAL = ("id", "text", "order")  # schemas.GoalOut
INDICATOR = tuple(IndicatorSummaryOut.model_fields)  # model fields of the same names
DECIMALS = ("baseline_value", "target_value")  # floats in the schema

# The queries' shapes, built once: a request only adds its ids (building each anew took a
# tenth of the list's time). Ordered as a prefetch orders them, by the models' Meta.ordering
# within each promise or commitment.
PROMISE_PARTIES = Promise.parties.through.objects.order_by(
    "party__kind", "party__name"
).values_list("promise_id", *(f"party__{name}" for name in PARTY))
PROMISE_THEMES = Promise.themes.through.objects.order_by("theme__name").values_list(
    "promise_id", *(f"theme__{name}" for name in THEME)
)
GOALS = Goal.objects.order_by("promise_id", "order", "pk").values_list("promise_id", *GOAL)
INDICATORS = Indicator.objects.order_by("promise_id", "order", "pk").values_list(
    "promise_id", *INDICATOR
)
COMMITMENTS = Commitment.objects.order_by("promise_id", "order", "pk").values_list(
    "id",
    "promise_id",
    "text",
    "order",
    "status",
    "verdict__id",
    "verdict__outcome",
    "verdict__reason",
)
COMMITMENT_PARTIES = Commitment.parties.through.objects.order_by(
    "party__kind", "party__name"
).values_list("commitment_id", *(f"party__{name}" for name in PARTY))
COMMITMENT_THEMES = Commitment.themes.through.objects.order_by("theme__name").values_list(
    "commitment_id", *(f"theme__{name}" for name in THEME)
)


def _grouped(rows, keys):
    """{first column: [dict of the other columns by `keys`, ...]}, in row order."""
    groups = defaultdict(list)
    for first, *rest in rows:
        groups[first].append(dict(zip(keys, rest, strict=True)))
    return groups


def _floats(row, names):
    for name in names:
        if row[name] is not None:
            row[name] = float(row[name])
    return row


def promise_summaries(request, promises):
    """The list items of `promises`: a queryset of published promises, ordered and sliced
    to one page. A constant number of queries (one, and seven more unless it is empty)."""
    rows = list(
        promises.values_list(
            "id",
            "slug",
            "title",
            "locality__slug",
            "locality_id",
            "starts_on",
            "ends_on",
            "period_text",
            "summary",
            "background",
            "follow_up",
            "signed_on",
            "source_url",
            "source_title",
            "verdict__id",
            "verdict__summary",
            "verdict__decided_on",
        )
    )
    if not rows:
        return []
    ids = [row[0] for row in rows]

    promise_parties = _grouped(PROMISE_PARTIES.filter(promise__in=ids), PARTY)
    promise_themes = _grouped(PROMISE_THEMES.filter(promise__in=ids), THEME)
    goals = _grouped(GOALS.filter(promise__in=ids), GOAL)
    indicators = _grouped(INDICATORS.filter(promise__in=ids), INDICATOR)
    commitment_rows = list(COMMITMENTS.filter(promise__in=ids))
    # By the commitments' ids, not a join on their promise: the join scans the whole table.
    commitment_ids = [row[0] for row in commitment_rows]
    commitment_parties = _grouped(COMMITMENT_PARTIES.filter(commitment__in=commitment_ids), PARTY)
    commitment_themes = _grouped(COMMITMENT_THEMES.filter(commitment__in=commitment_ids), THEME)
    commitments = defaultdict(list)
    for pk, promise_id, text, order, status, verdict_id, outcome, reason in commitment_rows:
        parties = commitment_parties.get(pk, [])
        commitments[promise_id].append(
            {
                "id": pk,
                "text": text,
                "order": order,
                "status": status,
                "actor": str(actor_of({party["kind"] for party in parties})),
                "parties": parties,
                "themes": commitment_themes.get(pk, []),
                "verdict": None if verdict_id is None else {"outcome": outcome, "reason": reason},
            }
        )

    today = timezone.localdate()
    items = []
    for (
        pk,
        slug,
        title,
        locality,
        locality_id,
        starts_on,
        ends_on,
        period_text,
        summary,
        background,
        follow_up,
        signed_on,
        source_url,
        source_title,
        verdict_id,
        verdict_summary,
        decided_on,
    ) in rows:
        promise_commitments = commitments.get(pk, [])
        items.append(
            {
                "id": pk,
                "slug": slug,
                "title": title,
                "locality": locality,
                "locality_id": locality_id,
                "phase": str(Promise.phase_of(starts_on, ends_on, today)),
                "starts_on": starts_on,
                "ends_on": ends_on,
                "period_text": period_text,
                "summary": summary,
                "background": background,
                "follow_up": follow_up,
                "signed_on": signed_on,
                "source_url": source_url,
                "source_title": source_title,
                "parties": promise_parties.get(pk, []),
                "themes": promise_themes.get(pk, []),
                "progress": progress_out(
                    progress_of(
                        (c["status"] for c in promise_commitments),
                        Promise.phase_of(starts_on, ends_on, today),
                    )
                ),
                "commitments": promise_commitments,
                "goals": goals.get(pk, []),
                "indicators": [_floats(i, DECIMALS) for i in indicators.get(pk, [])],
                "verdict": (
                    None
                    if verdict_id is None
                    else {"summary": verdict_summary, "decided_on": decided_on}
                ),
                "url": request.build_absolute_uri(Promise.url_of(locality, slug)),
                "api_url": promise_api_url(request, pk),
            }
        )
    return items
