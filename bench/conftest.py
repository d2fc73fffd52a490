"""`make bench`: demo data, then demo data plus 300 generated localities (committed, once)."""

import pytest

from bench import results

SIZES = ["demo", "300 localities"]


@pytest.fixture(scope="session", params=SIZES)
def data_size(request, django_db_setup, django_db_blocker):
    from followup.models import Update
    from promises.demo.loader import load_demo_data
    from promises.demo.scale import generate_scale_data
    from promises.models import Commitment, Locality, Promise

    with django_db_blocker.unblock():
        if not Locality.objects.filter(slug="molndal").exists():
            load_demo_data()
        if (
            request.param != "demo"
            and not Locality.objects.filter(slug__startswith="skala-").exists()
        ):
            generate_scale_data(300)
        results.SIZES[request.param] = (
            f"{Locality.objects.count()} localities, {Promise.objects.count()} promises, "
            f"{Commitment.objects.count()} commitments, {Update.objects.count()} follow-up notes"
        )
    return request.param


def pytest_sessionfinish(session, exitstatus):
    if results.ROWS:
        results.write_bench_section()
