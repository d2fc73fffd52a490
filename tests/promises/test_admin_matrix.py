"""The admin's permission matrix: every admin-registered model × action × own/other locality
× kommunpolis / samordnare / anonymous, each cell with its expected answer.

For another locality's object the answer must be exactly the answer for an id that does
not exist, and none of the object's content may appear in the body. History version pages
are read-only for everybody (a POST there changes nothing); the "view on site" shortcut
reaches only what the admin shows; an inline row is deleted from its parent's form exactly
when its own delete page would delete it.
"""

import datetime
import json
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.forms import ModelChoiceField
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from followup.models import (
    CommitmentVerdict,
    Feedback,
    Indicator,
    Measurement,
    Notification,
    Subscription,
    Update,
    Verdict,
)
from promises.admin_scoping import Scope, ScopedAdmin, ScopedMixin, is_locality_scoped
from promises.models import (
    Agreement,
    Commitment,
    Contact,
    Goal,
    Locality,
    Membership,
    Municipality,
    Party,
    PoliceArea,
    Promise,
    Theme,
)
from promises.permissions import membership_grant
from situation.models import (
    Place,
    Problem,
    SituationPicture,
    Source,
    Survey,
    SurveyQuestion,
    SurveyResult,
)
from tests.promises.admin_forms import post_data

User = get_user_model()
ROLES = ["kommunpolis", "samordnare", "anonymous"]
SIDES = ["own", "other"]
ACTIONS = [
    "list",
    "object",
    "add",
    "change",
    "delete",
    "history",
    "history_post",
    "view_on_site",
    "inline_delete",
    "autocomplete",
]
MISSING_PK = 987654321

# What each role may do in its own locality: v(iew) a(dd) c(hange) d(elete). Written out
# by hand, apart from promises.permissions, so that a change there must be made here too.
SPEC = {
    "promises.policearea": ("v", "v"),
    "promises.municipality": ("v", "v"),
    "promises.theme": ("v", "v"),
    "promises.party": ("v", "v"),
    "promises.agreement": ("v", "v"),
    "promises.locality": ("v", "v"),
    "promises.membership": ("", ""),
    "auth.user": ("", ""),
    "auth.group": ("", ""),
    "otp_totp.totpdevice": ("", ""),
    "axes.accessattempt": ("", ""),
    "axes.accesslog": ("", ""),
    "axes.accessfailurelog": ("", ""),
    "promises.promise": ("vac", "v"),
    "promises.commitment": ("vacd", "v"),
    "promises.goal": ("vacd", "v"),
    "promises.contact": ("vacd", "v"),
    "situation.place": ("vacd", "v"),
    "situation.situationpicture": ("vacd", "v"),
    "situation.source": ("vacd", "v"),
    "situation.problem": ("vacd", "v"),
    "situation.survey": ("vacd", "v"),
    "situation.surveyresult": ("vacd", "v"),
    "situation.surveyquestion": ("v", "v"),
    "followup.update": ("v", "vac"),
    "followup.indicator": ("vacd", "v"),
    "followup.measurement": ("v", "vacd"),
    "followup.verdict": ("v", "vac"),
    "followup.commitmentverdict": ("v", "vacd"),
    "followup.feedback": ("vc", "vc"),
    "followup.subscription": ("", ""),
    "followup.notification": ("", ""),
}


def label(model):
    return model._meta.label_lower


def marker(side, model):
    return f"ZQ{side}-{model._meta.model_name}-Z"


def build_side(side):
    """One object of every registered model on one side (own: Mölndal, other: Sydväst)."""
    m = lambda model: marker(side, model)  # noqa: E731
    objs = {}
    locality = Locality.objects.create(
        name=m(Locality), slug=f"loc-{side}", kind=Locality.Kind.MUNICIPALITY
    )
    objs[Locality] = locality
    for model in (PoliceArea, Municipality, Theme, Agreement):
        objs[model] = model.objects.create(name=m(model), slug=f"{model._meta.model_name}-{side}")
    objs[Party] = Party.objects.create(name=m(Party), slug=f"party-{side}", kind="police")
    member = User.objects.create_user(username=m(Membership))
    objs[Membership] = Membership.objects.create(user=member, locality=locality, role="samordnare")
    objs[User] = User.objects.create_user(username=m(User))
    objs[Group] = Group.objects.create(name=m(Group))
    objs[TOTPDevice] = TOTPDevice.objects.create(user=objs[User], name=m(TOTPDevice))
    access = {"ip_address": "127.0.0.9", "user_agent": "t", "path_info": "/"}
    objs[AccessAttempt] = AccessAttempt.objects.create(
        username=m(AccessAttempt), failures_since_start=1, **access
    )
    objs[AccessLog] = AccessLog.objects.create(username=m(AccessLog), **access)
    objs[AccessFailureLog] = AccessFailureLog.objects.create(username=m(AccessFailureLog), **access)
    promise = objs[Promise] = Promise.objects.create(
        locality=locality,
        title=m(Promise),
        slug=f"promise-{side}",
        state="draft",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),  # ended: its verdict form can be saved
    )
    commitment = objs[Commitment] = Commitment.objects.create(promise=promise, text=m(Commitment))
    goal = objs[Goal] = Goal.objects.create(promise=promise, text=m(Goal))
    objs[Contact] = Contact.objects.create(locality=locality, name=m(Contact))
    place = objs[Place] = Place.objects.create(locality=locality, name=m(Place), slug=f"pl-{side}")
    picture = objs[SituationPicture] = SituationPicture.objects.create(
        locality=locality, title=m(SituationPicture), slug=f"pic-{side}"
    )
    objs[Source] = Source.objects.create(picture=picture, kind="survey", description=m(Source))
    objs[Problem] = Problem.objects.create(picture=picture, description=m(Problem))
    objs[Problem].places.set([place])
    survey = objs[Survey] = Survey.objects.create(
        locality=locality, title=m(Survey), slug=f"sur-{side}"
    )
    objs[SurveyQuestion] = SurveyQuestion.objects.create(
        text=m(SurveyQuestion), slug=f"question-{side}"
    )
    objs[SurveyResult] = SurveyResult.objects.create(
        survey=survey, question=m(SurveyResult), value=Decimal("1.5")
    )
    objs[Update] = Update.objects.create(promise=promise, title=m(Update), text="Text")
    indicator = objs[Indicator] = Indicator.objects.create(
        promise=promise, goal=goal, name=m(Indicator), slug=f"ind-{side}"
    )
    objs[Measurement] = Measurement.objects.create(
        indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=3, source=m(Measurement)
    )
    verdict = objs[Verdict] = Verdict.objects.create(promise=promise, summary=m(Verdict))
    objs[CommitmentVerdict] = CommitmentVerdict.objects.create(
        verdict=verdict, commitment=commitment, outcome="done", reason=m(CommitmentVerdict)
    )
    objs[Feedback] = Feedback.objects.create(locality=locality, message=m(Feedback))
    subscription = objs[Subscription] = Subscription.objects.create(
        email=f"{side}@example.org", promise=promise
    )
    objs[Notification] = Notification.objects.create(
        subscription=subscription, update=objs[Update], last_error=m(Notification)
    )
    return objs


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = {side: build_side(side) for side in SIDES}
        own = world["own"][Locality]
        world["users"] = {}
        for role in ("kommunpolis", "samordnare"):
            user = User.objects.create_user(username=f"matrix-{role}", is_staff=True)
            membership_grant(user=user, locality=own, role=role)
            world["users"][role] = user
        yield world
        transaction.set_rollback(True)


def registered_models():
    return sorted(admin.site._registry, key=label)


def rights(role, model):
    if role == "anonymous":
        return ""
    return SPEC[label(model)][0 if role == "kommunpolis" else 1]


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def has_history(model):
    return hasattr(admin.site._registry[model], "history_form_view")


def version_url(model, pk, version_id):
    return url(model, "simple_history", pk, version_id)


def view_on_site_url(model, pk):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(model).pk, pk])


def inline_rows(model, obj):
    """(inline model, formset prefix, row) for every row the model admin's inlines show."""
    rows = []
    for inline in admin.site._registry[model].inlines:
        fk = next(
            f
            for f in inline.model._meta.get_fields()
            if f.is_relation and f.many_to_one and f.related_model is model
        )
        prefix = fk.remote_field.get_accessor_name(model=False)
        found = inline.model.objects.filter(**{fk.name: obj})
        rows += [(inline.model, prefix, row) for row in found]
    return rows


def delete_page_allows(client, model, row):
    page = client.get(url(model, "delete", row.pk))
    return (
        page.status_code == 200
        and not page.context["perms_lacking"]
        and not (page.context["protected"])
    )


def autocomplete_source(model):
    """A (source model, field name) whose admin offers `model` through autocomplete."""
    for source, model_admin in admin.site._registry.items():
        for name in model_admin.autocomplete_fields:
            if source._meta.get_field(name).related_model is model:
                return source, name
    return None


def assert_same_as_missing(client, method, make_url, obj, body_markers):
    """The answer for `obj` equals the answer for an id that does not exist."""
    send = getattr(client, method)
    answer = send(make_url(obj.pk))
    missing = send(make_url(MISSING_PK))
    assert answer.status_code == missing.status_code
    assert answer.get("Location") == missing.get("Location")
    body = answer.content.decode()
    for text in body_markers:
        assert text not in body


CELLS = [
    pytest.param(model, action, side, role, id=f"{label(model)}-{action}-{side}-{role}")
    for model in registered_models()
    for action in ACTIONS
    for side in SIDES
    for role in ROLES
]


@pytest.mark.parametrize(("model", "action", "side", "role"), CELLS)
def test_admin_answers_as_the_matrix_says(world, db, model, action, side, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world["users"][role])
    allowed = rights(role, model)
    obj = world[side][model]
    model_admin = admin.site._registry[model]
    shared = model_admin.scope == Scope.SHARED
    reachable = "v" in allowed and (side == "own" or shared)
    hidden = [] if reachable else [marker(side, model)] + [str(obj)] * ("ZQ" in str(obj))

    if role == "anonymous":
        target = {
            "list": url(model, "changelist"),
            "add": url(model, "add"),
            "autocomplete": reverse("admin:autocomplete"),
            "view_on_site": view_on_site_url(model, obj.pk),
        }.get(action, url(model, "change", obj.pk))
        send = client.get
        if action == "history_post" and has_history(model):
            target = version_url(model, obj.pk, obj.history.earliest().history_id)
            send = client.post
        response = send(target)
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
        return

    if action == "list":
        response = client.get(url(model, "changelist"))
        if "v" not in allowed:
            assert response.status_code == 403
            return
        assert response.status_code == 200
        results = list(response.context["cl"].result_list)
        assert (obj in results) == reachable
        for text in hidden:
            assert text not in response.content.decode()

    elif action == "object":
        if not reachable:
            assert_same_as_missing(client, "get", lambda pk: url(model, "change", pk), obj, hidden)
            return
        response = client.get(url(model, "change", obj.pk))
        assert response.status_code == 200
        assert response.context["original"] == obj

    elif action == "add":
        response = client.get(url(model, "add"))
        if "a" not in allowed:
            assert response.status_code == 403
            return
        assert response.status_code == 200
        forms = [response.context["adminform"].form] + [
            inline.formset.empty_form for inline in response.context["inline_admin_formsets"]
        ]
        checked = 0
        for form in forms:
            for name, field in form.fields.items():
                related = getattr(field, "queryset", None)
                if not isinstance(field, ModelChoiceField) or related is None:
                    continue
                if name == form._meta.model._meta.pk.name:
                    continue  # an inline row's own id, checked against its formset
                if not is_locality_scoped(related.model) or related.model not in world[side]:
                    continue
                candidate = world[side][related.model]
                assert related.filter(pk=candidate.pk).exists() == (side == "own")
                checked += 1
        assert checked or model is Locality or shared

    elif action == "change":
        if not reachable:
            assert_same_as_missing(client, "get", lambda pk: url(model, "change", pk), obj, hidden)
            assert_same_as_missing(client, "post", lambda pk: url(model, "change", pk), obj, hidden)
            assert model.objects.filter(pk=obj.pk).exists()
            return
        response = client.get(url(model, "change", obj.pk))
        assert response.status_code == 200
        assert response.context["has_change_permission"] == ("c" in allowed)
        if "c" not in allowed:
            assert client.post(url(model, "change", obj.pk), {}).status_code == 403

    elif action == "delete":
        if not reachable:
            assert_same_as_missing(client, "get", lambda pk: url(model, "delete", pk), obj, hidden)
            assert_same_as_missing(client, "post", lambda pk: url(model, "delete", pk), obj, hidden)
            assert model.objects.filter(pk=obj.pk).exists()
            return
        response = client.get(url(model, "delete", obj.pk))
        assert response.status_code == (200 if "d" in allowed else 403)
        if "d" not in allowed:
            assert client.post(url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
            assert model.objects.filter(pk=obj.pk).exists()

    elif action == "history":
        if not reachable:
            assert_same_as_missing(client, "get", lambda pk: url(model, "history", pk), obj, hidden)
            return
        response = client.get(url(model, "history", obj.pk))
        assert response.status_code == 200
        assert response.context["object"] == obj

    elif action == "history_post":
        # Read-only for everybody: the answer is 405 where the version can be read at all.
        if not has_history(model):
            return
        versions = obj.history.count()
        version = obj.history.earliest().history_id
        if not reachable:
            assert_same_as_missing(
                client, "post", lambda pk: version_url(model, pk, version), obj, hidden
            )
        else:
            data = post_data(client.get(url(model, "change", obj.pk)))
            assert client.post(version_url(model, obj.pk, version), data).status_code == 405
        assert obj.history.count() == versions

    elif action == "view_on_site":
        if not reachable:
            assert_same_as_missing(client, "get", lambda pk: view_on_site_url(model, pk), obj, [])
            return
        response = client.get(view_on_site_url(model, obj.pk))
        if hasattr(obj, "get_absolute_url"):
            assert response.status_code == 302
            assert response["Location"].endswith(obj.get_absolute_url())
        else:
            assert response.status_code == 404

    elif action == "inline_delete":
        # Each inline row ticked for deletion on its own: deleted exactly when its own
        # delete page would delete it for this user.
        rows = inline_rows(model, obj)
        if not rows:
            return
        change = url(model, "change", obj.pk)
        if not reachable:
            assert_same_as_missing(client, "post", lambda pk: url(model, "change", pk), obj, hidden)
        elif "c" not in allowed:
            assert client.post(change, {}).status_code == 403
        else:
            for row_model, prefix, row in rows:
                allowed_on_page = delete_page_allows(client, row_model, row)
                with transaction.atomic():
                    data = post_data(client.get(change))
                    ticked = [
                        key.removesuffix("-id") + "-DELETE"
                        for key, value in data.items()
                        if key.startswith(f"{prefix}-")
                        and key.endswith("-id")
                        and value == str(row.pk)
                    ]
                    assert len(ticked) == 1
                    data[ticked[0]] = "on"
                    response = client.post(change, data)
                    gone = not row_model.objects.filter(pk=row.pk).exists()
                    assert gone == allowed_on_page, (row_model, response.status_code)
                    if allowed_on_page:
                        assert response.status_code == 302
                    transaction.set_rollback(True)
        for row_model, _prefix, row in rows:
            assert row_model.objects.filter(pk=row.pk).exists()

    elif action == "autocomplete":
        source = autocomplete_source(model)
        if source is None:
            # Nothing offers this model through autocomplete; the search that autocomplete
            # and the change list use must still be scoped.
            request = type("R", (), {"user": world["users"][role], "GET": {}})()
            found, _duplicates = model_admin.get_search_results(
                request, model_admin.get_queryset(request), ""
            )
            assert found.filter(pk=obj.pk).exists() == reachable
            return
        source_model, field_name = source
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": source_model._meta.app_label,
                "model_name": source_model._meta.model_name,
                "field_name": field_name,
                "term": "",
            },
        )
        if "v" not in allowed:
            assert response.status_code == 403
            return
        assert response.status_code == 200
        ids = {row["id"] for row in json.loads(response.content)["results"]}
        assert (str(obj.pk) in ids) == reachable
        for text in hidden:
            assert text not in response.content.decode()


def unscoped_admins(site):
    """Model admins and inlines that bypass the scoping mechanism."""
    problems = []
    for model, model_admin in site._registry.items():
        if not isinstance(model_admin, ScopedAdmin):
            problems.append(f"{label(model)}: {type(model_admin).__name__} is not a ScopedAdmin")
            continue
        if model_admin.scope == Scope.LOCALITY and not is_locality_scoped(model):
            problems.append(f"{label(model)}: locality scope without LocalityScopedQuerySet")
        for inline in model_admin.inlines:
            if not issubclass(inline, ScopedMixin):
                problems.append(f"{label(model)}: inline {inline.__name__} is not scoped")
    return problems


def test_every_registered_model_admin_and_inline_is_scoped():
    assert unscoped_admins(admin.site) == []


def test_every_registered_model_has_a_row_in_the_matrix():
    assert sorted(label(model) for model in admin.site._registry) == sorted(SPEC)


def test_a_model_registered_without_scoping_is_caught():
    site = admin.AdminSite(name="probe")
    site.register(Promise, admin.ModelAdmin)

    assert unscoped_admins(site) == [
        "promises.promise: ModelAdmin is not a ScopedAdmin",
    ]
