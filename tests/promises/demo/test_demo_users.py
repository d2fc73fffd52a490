"""`load_demo_data --with-users`: the two demo editors, for local use only."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from promises.models import Membership

pytestmark = pytest.mark.django_db


def test_demo_users_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo_data", "--with-users")

    assert not get_user_model().objects.filter(username="molndal.polis").exists()


def test_demo_users_get_their_locality_role_and_group(settings, capsys):
    settings.DEBUG = True

    call_command("load_demo_data", "--with-users")
    call_command("load_demo_data", "--with-users")  # twice: idempotent

    users = get_user_model().objects.filter(username__in=["molndal.polis", "sydvast.samordnare"])
    memberships = {
        (m.user.username, m.locality.slug, m.role)
        for m in Membership.objects.filter(user__in=users).select_related("user", "locality")
    }
    assert memberships == {
        ("molndal.polis", "molndal", "kommunpolis"),
        ("sydvast.samordnare", "sydvast", "samordnare"),
    }
    polis = users.get(username="molndal.polis")
    assert polis.is_staff and polis.check_password("medborgarlofte-demo")
    assert polis.has_perm("promises.change_promise")
    assert not users.get(username="sydvast.samordnare").has_perm("promises.change_promise")
