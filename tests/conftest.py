"""Small factory fixtures shared by every test module."""

import datetime
import sys
from decimal import Decimal

import pytest
from django.utils import translation

from promises.models import Membership, Party
from tests import factories


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Swedish: a request to /en/ leaves English active in the thread,
    and `reverse()` in the next test would then build /en/ URLs."""
    translation.activate("sv")
    yield
    translation.deactivate()


@pytest.fixture
def make_locality(db):
    def make(name=None, **kwargs):
        return factories.LocalityFactory(**({"name": name} if name else {}), **kwargs)

    return make


@pytest.fixture
def make_party(db):
    def make(name=None, kind=Party.Kind.POLICE, **kwargs):
        return factories.PartyFactory(**({"name": name} if name else {}), kind=kind, **kwargs)

    return make


@pytest.fixture
def make_theme(db):
    def make(name=None, **kwargs):
        return factories.ThemeFactory(**({"name": name} if name else {}), **kwargs)

    return make


@pytest.fixture
def make_promise(db):
    def make(locality=None, title=None, **kwargs):
        if locality is not None:
            kwargs["locality"] = locality
        return factories.PromiseFactory(**({"title": title} if title else {}), **kwargs)

    return make


@pytest.fixture
def make_commitment(db):
    def make(promise=None, text=None, parties=(), **kwargs):
        if promise is not None:
            kwargs["promise"] = promise
        return factories.CommitmentFactory(
            **({"text": text} if text else {}), parties=list(parties), **kwargs
        )

    return make


@pytest.fixture
def make_user(db):
    def make(username=None, **kwargs):
        return factories.UserFactory(**({"username": username} if username else {}), **kwargs)

    return make


@pytest.fixture
def make_editor(make_user):
    """A staff user with a membership (kommunpolis by default) in the given locality, and the
    role's group (promises.permissions.membership_grant)."""
    from promises.permissions import membership_grant

    def make(locality, role=Membership.Role.KOMMUNPOLIS, **kwargs):
        kwargs.setdefault("is_staff", True)
        user = make_user(**kwargs)
        membership_grant(user=user, locality=locality, role=role)
        return user

    return make


def pytest_collection_modifyitems(items):
    """Tests that use the demo data run last (in their order otherwise): the data is loaded
    once, into a transaction that stays open under them (`_demo_data_once`)."""
    items.sort(key=lambda item: "demo_data" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def _demo_data_once(django_db_setup, django_db_blocker):
    """Loads the demo data once per test session, inside an outer transaction that each
    test using it nests in (its own savepoint, rolled back after it), and that is rolled
    back when the session ends. Only tests that ask for `demo_data` run inside it, after
    every other test (`pytest_collection_modifyitems`)."""
    from django.db import transaction

    from promises.demo.loader import load_demo_data

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo_data()
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_data(_demo_data_once, db):
    """The full demo data set from the source documents (loaded once per session)."""


# --- follow-up notes, indicators and measurements ---


@pytest.fixture
def make_update(db):
    def make(promise=None, text="Uppföljning.", published=True, **kwargs):
        if promise is not None:
            kwargs["promise"] = promise
        return factories.UpdateFactory(text=text, published=published, **kwargs)

    return make


@pytest.fixture
def make_indicator(db):
    def make(promise=None, values=(), **kwargs):
        if promise is not None:
            kwargs["promise"] = promise
        indicator = factories.IndicatorFactory(**kwargs)
        for i, value in enumerate(values):
            factories.MeasurementFactory(
                indicator=indicator,
                measured_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * i),
                value=Decimal(str(value)),
            )
        return indicator

    return make
