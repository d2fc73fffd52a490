"""Home and list order promises the same way: in force, undated, upcoming, ended, newest
first; on a phone the list shows the search and the results before the other filters."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from promises.models import Promise

pytestmark = pytest.mark.django_db


@pytest.fixture
def four_phases(make_promise):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    published = {"state": Promise.State.PUBLISHED}
    make_promise(title="A ended", starts_on=today - 400 * day, ends_on=today - day, **published)
    make_promise(title="B upcoming", starts_on=today + day, ends_on=today + 30 * day, **published)
    make_promise(title="C undated", starts_on=None, ends_on=None, **published)
    make_promise(
        title="D old in force", starts_on=today - 300 * day, ends_on=today + day, **published
    )
    make_promise(title="E new in force", starts_on=today - day, ends_on=today + day, **published)
    return ["E new in force", "D old in force", "C undated", "B upcoming", "A ended"]


def test_the_list_orders_in_force_undated_upcoming_ended(client, four_phases):
    response = client.get(reverse("promises:list"))
    assert [p.title for p in response.context["object_list"]] == four_phases


def test_the_home_page_orders_its_promises_as_the_list(client, four_phases):
    response = client.get(reverse("promises:home"))
    assert [p.title for p in response.context["promises"]] == four_phases


def test_the_results_come_before_the_folded_filters_and_after_the_search_box(client, four_phases):
    content = client.get(reverse("promises:list")).content.decode()
    assert content.index('id="id_q"') < content.index('<details class="more-filters">')
    assert '<details class="more-filters">' in content  # folded: no `open`
    assert content.index("5 löften hittades") < content.index('<ul class="cards">')


def test_a_filter_in_use_keeps_the_filters_open(client, four_phases):
    content = client.get(reverse("promises:list"), {"phase": "ended"}).content.decode()
    assert '<details class="more-filters" open>' in content
    assert "Fler filter (1 används)" in content
