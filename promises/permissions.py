"""Who may do what: the two editor roles, their groups, and the per-locality checks.

A role's rights are written once, in ROLE_PERMISSIONS. They become two things:

- a Django group per role with those model permissions (so the admin shows the right
  modules and buttons), created by a data migration and by `ensure_role_groups()`;
- per-locality checks: a permission counts in a locality only where the user holds a
  role that grants it (`localities_where(user, perm)`), so a kommunpolis in Mölndal who
  is also samordnare in Sydväst edits Mölndal's promise text but not Sydväst's.
"""

from django.apps import apps as global_apps
from django.db import transaction

from .models import Membership, published_q

Role = Membership.Role

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"
EDIT = (VIEW, ADD, CHANGE, DELETE)

# Shared reference data: editors pick from it; only administrators change it.
_REFERENCE = {
    "promises.locality": (VIEW,),
    "promises.policearea": (VIEW,),
    "promises.municipality": (VIEW,),
    "promises.agreement": (VIEW,),
    "promises.party": (VIEW,),
    "promises.theme": (VIEW,),
    "situation.surveyquestion": (VIEW,),
}

ROLE_PERMISSIONS = {
    Role.KOMMUNPOLIS: {
        **_REFERENCE,
        # Promise deletion is for administrators: a published promise keeps its history.
        "promises.promise": (VIEW, ADD, CHANGE),
        "promises.commitment": EDIT,
        "promises.goal": EDIT,
        "promises.contact": EDIT,
        "situation.place": EDIT,
        "situation.situationpicture": EDIT,
        "situation.source": EDIT,
        "situation.problem": EDIT,
        "situation.survey": EDIT,
        "situation.surveyresult": EDIT,
        "followup.indicator": EDIT,
        "followup.measurement": (VIEW,),
        "followup.update": (VIEW,),
        "followup.verdict": (VIEW,),
        "followup.commitmentverdict": (VIEW,),
        "followup.feedback": (VIEW, CHANGE),
    },
    Role.SAMORDNARE: {
        **_REFERENCE,
        "promises.promise": (VIEW,),
        "promises.commitment": (VIEW,),
        "promises.goal": (VIEW,),
        "promises.contact": (VIEW,),
        "situation.place": (VIEW,),
        "situation.situationpicture": (VIEW,),
        "situation.source": (VIEW,),
        "situation.problem": (VIEW,),
        "situation.survey": (VIEW,),
        "situation.surveyresult": (VIEW,),
        "followup.indicator": (VIEW,),
        "followup.measurement": EDIT,
        # Notes are kept: a status change rests on them. Administrators delete.
        "followup.update": (VIEW, ADD, CHANGE),
        "followup.verdict": (VIEW, ADD, CHANGE),
        "followup.commitmentverdict": EDIT,
        "followup.feedback": (VIEW, CHANGE),
    },
}

GROUP_NAMES = {Role.KOMMUNPOLIS: "Kommunpolis", Role.SAMORDNARE: "Samordnare"}


def permission_codes(role):
    """`app_label.codename` for every model permission of a role."""
    return {
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model, actions in ROLE_PERMISSIONS[role].items()
        for action in actions
    }


def roles_granting(perm):
    """The roles whose rights include `perm` ("promises.change_promise")."""
    return [role for role in ROLE_PERMISSIONS if perm in permission_codes(role)]


def perm_code(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def localities_where(user, perm):
    """Localities (a subquery of ids) where `user` holds a role that grants `perm`."""
    return Membership.objects.filter(user=user, role__in=roles_granting(perm)).values("locality")


def ensure_role_groups(apps=global_apps):
    """Create or refresh the role groups with exactly their permissions (idempotent).

    Takes an app registry so the data migration can pass its historical one; permissions
    of models that do not exist (yet) are skipped.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {
        role: {tuple(code.split(".")) for code in permission_codes(role)} for role in GROUP_NAMES
    }
    every = set().union(*wanted.values())

    def load():
        found = Permission.objects.filter(
            content_type__app_label__in={a for a, _c in every},
            codename__in={c for _a, c in every},
        ).select_related("content_type")
        return {(p.content_type.app_label, p.codename): p for p in found}

    perms = load()
    if not every <= perms.keys():
        _create_permissions(apps)
        perms = load()
    groups = {}
    for role, name in GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([perms[key] for key in sorted(wanted[role]) if key in perms])
        groups[role] = group
    return groups


def _create_permissions(apps):
    """Permissions are normally made after `migrate`; a fresh database needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if stub:
            app_config.models_module = None


def sync_user_groups(user):
    """Give `user` exactly the role groups of the roles they hold, and staff access while
    they hold one: losing the last membership takes the admin away (administrators, i.e.
    superusers, keep it)."""
    from django.contrib.auth.models import Group

    groups = ensure_role_groups()
    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    role_groups = set(groups.values())
    keep = [g for g in user.groups.all() if g not in role_groups]
    user.groups.set(keep + [groups[role] for role in roles])
    staff = bool(roles) or (user.is_superuser and user.is_staff)
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])
    # Drop Django's per-instance permission caches.
    for attr in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(attr, None)
    return Group.objects.filter(user=user)


def may_delete_commitments_of(user, promise):
    """The one rule for deleting a commitment, from its delete page or from the promise
    form: editors never delete a commitment of a promise that was ever published (they
    cancel it with a note); a draft-only promise's commitments may be deleted.
    Administrators may."""
    if user.is_superuser:
        return True
    if promise.pk is None:
        return True
    if promise.is_published:
        return False
    return not promise.history.filter(published_q()).exists()


@transaction.atomic
def membership_grant(*, user, locality, role):
    """Make `user` a member of `locality` with `role`, with the groups that go with it."""
    membership, created = Membership.objects.get_or_create(
        user=user, locality=locality, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    sync_user_groups(user)
    return membership


@transaction.atomic
def membership_revoke(*, user, locality):
    Membership.objects.filter(user=user, locality=locality).delete()
    sync_user_groups(user)
