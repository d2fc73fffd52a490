"""Administrators give users localities and roles; the groups follow."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.urls import reverse

from promises.models import Membership
from promises.permissions import (
    GROUP_NAMES,
    ensure_role_groups,
    membership_grant,
    membership_revoke,
)
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db


def test_the_data_migration_creates_the_role_groups():
    """What migration 0003 runs on a new database. (Not read off the test database: a
    transactional test that ran before in this process may have flushed the groups away.)"""
    migration = importlib.import_module("promises.migrations.0003_role_groups")
    Group.objects.filter(name__in=GROUP_NAMES.values()).delete()

    migration.create_role_groups(django_apps, None)

    groups = Group.objects.filter(name__in=GROUP_NAMES.values())

    assert {g.name for g in groups} == {"Kommunpolis", "Samordnare"}
    assert groups.get(name="Kommunpolis").permissions.filter(codename="change_promise").exists()
    assert not groups.get(name="Samordnare").permissions.filter(codename="change_promise")


def test_ensure_role_groups_rebuilds_them_after_a_flush():
    Group.objects.all().delete()

    groups = ensure_role_groups()

    assert groups[Membership.Role.SAMORDNARE].permissions.filter(codename="add_update").exists()


def test_membership_grant_gives_staff_and_the_role_group(make_user, make_locality):
    user = make_user()

    membership_grant(user=user, locality=make_locality(), role=Membership.Role.SAMORDNARE)

    user.refresh_from_db()
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == ["Samordnare"]
    assert user.has_perm("followup.add_update")


def test_membership_revoke_takes_the_group_away(make_editor, make_locality):
    locality = make_locality()
    user = make_editor(locality)

    membership_revoke(user=user, locality=locality)

    assert not user.groups.exists()


def test_administrator_adds_a_kommunpolis_on_the_user_page(
    client, make_user, make_locality, admin_user
):
    molndal = make_locality("Mölndal")
    user = make_user(username="ny.polis")
    client.force_login(admin_user)
    change = reverse("admin:auth_user_change", args=[user.pk])
    data = post_data(client.get(change))
    data.update(
        {
            "memberships-0-locality": str(molndal.pk),
            "memberships-0-role": Membership.Role.KOMMUNPOLIS,
        }
    )

    response = client.post(change, data)

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_staff
    assert user.groups.get().name == "Kommunpolis"
    assert Membership.objects.get(user=user).locality == molndal
