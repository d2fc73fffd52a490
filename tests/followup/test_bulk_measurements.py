"""Indicators' measurements in bulk for the samordnare (issue 14 point 5): export, import
with a preview, all or nothing, Swedish decimal commas; attacks refused."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from followup.models import Measurement
from promises.models import Membership

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_editor, make_indicator):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.indicator = make_indicator(
        promise=ns.promise, name="Patruller", slug="patruller", values=[10, 12.5]
    )
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.stranger = make_editor(sydvast, role=Role.SAMORDNARE, username="sydvast.samordnare")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def export(client, promise):
    response = client.get(reverse("followup:measurements_export", args=[promise.pk]))
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def import_url(promise_id):
    return reverse("followup:measurements_import", args=[promise_id])


def upload(client, promise, content):
    return client.post(
        import_url(promise.pk),
        {
            "file": SimpleUploadedFile("m.csv", content.encode("utf-8"), "text/csv"),
            "action": "preview",
        },
    )


def test_an_unchanged_export_imports_as_no_change(place):
    client = logged_in(place.samordnare)
    content = export(client, place.promise)
    assert "12,5" in content

    response = upload(client, place.promise, content)

    assert response.status_code == 200
    assert response.context["plan"].changes == []
    assert response.context["plan"].unchanged == 2


def test_a_new_value_and_a_corrected_one_are_saved_together(place):
    client = logged_in(place.samordnare)
    lines = export(client, place.promise).split("\r\n")
    first = lines[1].split(";")
    first[4] = "11"
    lines[1] = ";".join(first)
    lines.insert(3, ";patruller;2026-10-01;;14,25;")
    preview = upload(client, place.promise, "\r\n".join(lines))
    assert len(preview.context["plan"].changes) == 2

    confirm = client.post(
        import_url(place.promise.pk), {"content": preview.context["content"], "action": "confirm"}
    )

    assert confirm.status_code == 302
    values = sorted(Measurement.objects.values_list("value", flat=True))
    assert values == [Decimal("11"), Decimal("12.5"), Decimal("14.25")]


def test_any_bad_row_saves_nothing(place):
    content = (
        "mätnings-id;indikator;datum;värde\r\n"
        ";patruller;2026-10-01;15\r\n"
        ";okänd;2026-10-01;15\r\n"
        ";patruller;31/12;inte ett tal\r\n"
    )
    client = logged_in(place.samordnare)

    preview = upload(client, place.promise, content)
    forged = client.post(import_url(place.promise.pk), {"content": content, "action": "confirm"})

    assert preview.status_code == forged.status_code == 400
    assert [(e.row, e.column) for e in preview.context["plan"].errors] == [
        (3, "indikator"),
        (4, "datum"),
        (4, "värde"),
    ]
    assert Measurement.objects.count() == 2


@pytest.mark.parametrize("who", ["stranger", "polis"])
def test_others_can_neither_export_nor_import(place, who):
    client = logged_in(getattr(place, who))
    content = "mätnings-id;indikator;datum;värde\r\n;patruller;2026-10-01;99\r\n"

    assert (
        client.get(reverse("followup:measurements_export", args=[place.promise.pk])).status_code
        == 404
    )
    assert (
        client.post(
            import_url(place.promise.pk), {"content": content, "action": "confirm"}
        ).status_code
        == 404
    )
    assert Measurement.objects.count() == 2


def test_a_measurement_of_another_promise_cannot_be_rewritten(place, make_promise, make_indicator):
    other = make_indicator(
        promise=make_promise(locality=place.promise.locality), slug="patruller", values=[5]
    )
    measurement = other.measurements.get()
    content = f"mätnings-id;indikator;datum;värde\r\n{measurement.pk};patruller;2026-10-01;99\r\n"

    response = upload(logged_in(place.samordnare), place.promise, content)

    assert response.status_code == 400
    assert Measurement.objects.get(pk=measurement.pk).value == 5


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999"])
def test_forged_ids_answer_404(place, forged):
    assert logged_in(place.samordnare).get(import_url(forged)).status_code == 404
