"""Loads the demo data (the document modules beside this one) idempotently: a second run writes nothing."""

import datetime
from decimal import Decimal

from django.db import transaction

from followup.models import CommitmentVerdict, Indicator, Measurement, Update, Verdict
from promises import demo as demo_data
from promises.models import (
    Agreement,
    Commitment,
    Contact,
    Goal,
    Locality,
    LocalityName,
    Municipality,
    Party,
    PoliceArea,
    Promise,
    Theme,
)
from promises.signals import bulk_write
from situation.models import Place, Problem, SituationPicture, Source, Survey


def upsert(model, lookup, values, create_only=None):
    """Get or create by `lookup`; save only the fields that differ. Returns the object.
    `create_only` values are set on creation and never overwritten (e.g. a commitment's
    status, which later changes only with a follow-up note)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values, **(create_only or {}))
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
    return obj


def set_m2m(manager, objects):
    """Set a many-to-many relation only when it differs (no needless writes)."""
    wanted = {obj.pk for obj in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(objects)


def prune(queryset, keep):
    """Delete the rows of `queryset` that the data no longer names."""
    queryset.exclude(pk__in=[obj.pk for obj in keep]).delete()


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def load_demo_data():
    """Load (or bring up to date) the demo data from the source documents: one change for
    the page cache, however many rows it writes."""
    with bulk_write(), transaction.atomic():
        _load_demo_data()


def _load_demo_data():
    by_slug = {
        "police_area": {
            row["slug"]: upsert(PoliceArea, {"slug": row["slug"]}, {"name": row["name"]})
            for row in demo_data.POLICE_AREAS
        },
        "municipality": {
            row["slug"]: upsert(Municipality, {"slug": row["slug"]}, {"name": row["name"]})
            for row in demo_data.MUNICIPALITIES
        },
        "party": {
            row["slug"]: upsert(
                Party, {"slug": row["slug"]}, {"name": row["name"], "kind": row["kind"]}
            )
            for row in demo_data.PARTIES
        },
        "theme": {
            row["slug"]: upsert(Theme, {"slug": row["slug"]}, {"name": row["name"]})
            for row in demo_data.THEMES
        },
    }
    by_slug["agreement"] = {
        row["slug"]: _load_agreement(row, by_slug) for row in demo_data.AGREEMENTS
    }
    for row in demo_data.LOCALITIES:
        _load_locality(row, by_slug)


def _load_agreement(row, by_slug):
    agreement = upsert(
        Agreement,
        {"slug": row["slug"]},
        {k: v for k, v in row.items() if k not in ("slug", "parties")},
    )
    set_m2m(agreement.parties, [by_slug["party"][s] for s in row["parties"]])
    return agreement


def _load_locality(row, by_slug):
    locality = upsert(
        Locality,
        {"slug": row["slug"]},
        {
            "name": row["name"],
            "kind": row["kind"],
            "police_area": by_slug["police_area"].get(row["police_area"]),
            "agreement": by_slug["agreement"].get(row["agreement"]),
            "collaboration_name": row["collaboration_name"],
            "description": row["description"],
        },
    )
    set_m2m(locality.municipalities, [by_slug["municipality"][s] for s in row["municipalities"]])
    for name in row.get("names", ()):
        upsert(LocalityName, {"locality": locality, "name": name}, {})
    places = {
        p["slug"]: upsert(
            Place,
            {"locality": locality, "slug": p["slug"]},
            {"name": p["name"], "kind": p["kind"]},
        )
        for p in row["places"]
    }
    contacts = {
        c["name"]: upsert(
            Contact,
            {"locality": locality, "name": c["name"]},
            {
                "role": c.get("role", ""),
                "organisation": c.get("organisation", ""),
                "phone": c.get("phone", ""),
                "email": c.get("email", ""),
                "order": order,
            },
        )
        for order, c in enumerate(row["contacts"])
    }
    prune(locality.contacts.all(), contacts.values())
    pictures = {
        pic["slug"]: _load_picture(locality, pic, places, by_slug)
        for pic in row["situation_pictures"]
    }
    promises = {
        p["slug"]: _load_promise(locality, p, by_slug, pictures, contacts) for p in row["promises"]
    }
    surveys = {}
    for s in row["surveys"]:
        surveys[s["slug"]] = upsert(
            Survey,
            {"locality": locality, "slug": s["slug"]},
            {
                "title": s["title"],
                "year": s.get("year"),
                "date_text": s.get("date_text", ""),
                "respondents": s.get("respondents"),
                "conducted_by": s.get("conducted_by", ""),
                "description": s.get("description", ""),
                "baseline": surveys.get(s.get("baseline")),
            },
        )
        set_m2m(surveys[s["slug"]].promises, [promises[slug] for slug in s["promises"]])


def _load_picture(locality, row, places, by_slug):
    picture = upsert(
        SituationPicture,
        {"locality": locality, "slug": row["slug"]},
        {
            "title": row["title"],
            "date_text": row.get("date_text", ""),
            "summary": row["summary"],
        },
    )
    sources = [
        upsert(
            Source,
            {"picture": picture, "order": order},
            {"kind": s["kind"], "description": s["description"]},
        )
        for order, s in enumerate(row["sources"])
    ]
    prune(picture.sources.all(), sources)
    problems = []
    for order, p in enumerate(row["problems"]):
        problem = upsert(
            Problem, {"picture": picture, "order": order}, {"description": p["description"]}
        )
        set_m2m(problem.themes, [by_slug["theme"][s] for s in p["themes"]])
        set_m2m(problem.places, [places[s] for s in p["places"]])
        problems.append(problem)
    prune(picture.problems.all(), problems)
    return picture


def _load_promise(locality, row, by_slug, pictures, contacts):
    promise = upsert(
        Promise,
        {"locality": locality, "slug": row["slug"]},
        {
            "title": row["title"],
            "state": Promise.State.PUBLISHED,
            "starts_on": _date(row.get("starts_on")),
            "ends_on": _date(row.get("ends_on")),
            "period_text": row.get("period_text", ""),
            "summary": row["summary"],
            "background": row["background"],
            "pledge_heading": row.get("pledge_heading", ""),
            "pledge": row.get("pledge", ""),
            "signatories": row.get("signatories", ""),
            "follow_up": row.get("follow_up", ""),
            "source_title": row.get("source_title", ""),
            "source_publisher": row.get("source_publisher", ""),
        },
    )
    set_m2m(promise.parties, [by_slug["party"][s] for s in row["parties"]])
    set_m2m(promise.themes, [by_slug["theme"][s] for s in row["themes"]])
    set_m2m(promise.contacts, [contacts[name] for name in row["contacts"]])
    set_m2m(promise.situation_pictures, [pictures[s] for s in row["situation_pictures"]])

    commitments = {}
    for order, c in enumerate(row["commitments"]):
        commitment = upsert(
            Commitment,
            {"promise": promise, "order": order},
            {"text": c["text"]},
            # No document gives a commitment's status, and no status exists without the
            # published note that sets it: a commitment starts as "not reported".
            create_only={"status": Commitment.Status.UNREPORTED},
        )
        set_m2m(commitment.parties, [by_slug["party"][s] for s in c["parties"]])
        set_m2m(commitment.themes, [by_slug["theme"][s] for s in c["themes"]])
        commitments[c.get("key", order)] = commitment
    prune(promise.commitments.all(), commitments.values())
    # The chain from problem to commitment, only where the document states it in words:
    # every commitment of the promise answers the problem named (picture slug, problem order).
    for link in row.get("all_commitments_answer", []):
        problem = pictures[link["picture"]].problems.get(order=link["problem"])
        set_m2m(problem.commitments, list(commitments.values()))

    goals = [
        upsert(Goal, {"promise": promise, "order": order}, {"text": text})
        for order, text in enumerate(row["goals"])
    ]
    prune(promise.goals.all(), goals)

    indicators = [
        _load_indicator(promise, order, i, commitments) for order, i in enumerate(row["indicators"])
    ]
    prune(promise.indicators.all(), indicators)

    if "verdict" in row:
        _load_verdict(promise, row["verdict"], commitments)
    # The documents' own follow-up (the results article), found by title; never pruned,
    # since an editor's notes sit beside it.
    for u in row.get("updates", []):
        upsert(
            Update,
            {"promise": promise, "title": u["title"]},
            {
                "date": _date(u.get("date")),
                "text": u["text"],
                "author_role": u.get("author_role", ""),
                "author_organisation": u.get("author_organisation", ""),
                "published": True,
            },
        )
    return promise


def _load_indicator(promise, order, row, commitments):
    indicator = upsert(
        Indicator,
        {"promise": promise, "slug": row["slug"]},
        {
            "name": row["name"],
            "unit": row.get("unit", ""),
            # A document that sets no direction gets none: never "higher is better" by default.
            "direction": row.get("direction", Indicator.Direction.NONE),
            "description": row.get("description", ""),
            "commitment": commitments.get(row.get("commitment")),
            "order": order,
        },
    )
    measurements = [
        upsert(
            Measurement,
            {
                "indicator": indicator,
                "measured_on": _date(m.get("measured_on")),
                "period_text": m.get("period_text", ""),
                "group": m.get("group", ""),
            },
            {
                "value": Decimal(m["value"]),
                "qualifier": m.get("qualifier", ""),
                "source": m.get("source", ""),
            },
        )
        for m in row["measurements"]
    ]
    prune(indicator.measurements.all(), measurements)
    return indicator


def _load_verdict(promise, row, commitments):
    verdict = upsert(Verdict, {"promise": promise}, {"summary": row["summary"]})
    kept = [
        upsert(
            CommitmentVerdict,
            {"commitment": commitments[key]},
            {"verdict": verdict, "outcome": v["outcome"], "reason": v["reason"]},
        )
        for key, v in row["commitments"].items()
    ]
    prune(verdict.commitment_verdicts.all(), kept)
