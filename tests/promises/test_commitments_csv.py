"""A promise's commitments in bulk for the kommunpolis (issue 14 point 5): export and
import of wording, order and parties; preview, all or nothing; attacks refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from promises.models import Commitment, Membership, Party

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_commitment, make_party, make_editor):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.polisen = make_party("Lokalpolisområde Mölndal", kind=Party.Kind.POLICE)
    ns.stad = make_party("Mölndals stad", kind=Party.Kind.MUNICIPALITY)
    ns.orust = make_party("Orusts kommun", kind=Party.Kind.MUNICIPALITY)
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.promise.parties.set([ns.polisen, ns.stad])
    ns.first = make_commitment(
        promise=ns.promise, text="=Patrullera", order=1, parties=[ns.polisen]
    )
    ns.second = make_commitment(promise=ns.promise, text="Belysning", order=2, parties=[ns.stad])
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.stranger = make_editor(sydvast, username="sydvast.polis")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def export(client, promise):
    url = reverse("admin:promises_promise_commitments_export", args=[promise.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def import_url(promise_id):
    return reverse("admin:promises_promise_commitments_import", args=[promise_id])


def upload(client, promise, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(
        import_url(promise.pk),
        {"file": SimpleUploadedFile("x.csv", data, "text/csv"), "action": "preview"},
    )


def test_an_unchanged_export_imports_as_no_change(place):
    client = logged_in(place.polis)
    content = export(client, place.promise)
    assert content.startswith("\ufeff".encode())
    assert "'=Patrullera" in content.decode("utf-8-sig")

    response = upload(client, place.promise, content)

    assert response.status_code == 200
    assert response.context["plan"].changes == []
    assert response.context["plan"].unchanged == 2


def test_wording_order_and_parties_are_previewed_then_saved(place):
    client = logged_in(place.polis)
    lines = export(client, place.promise).decode("utf-8-sig").split("\r\n")
    lines[1] = f"{place.first.pk};=Patrullera varje kväll;2;Lokalpolisområde Mölndal, Mölndals stad"
    lines[2] = f"{place.second.pk};Belysning;1;Mölndals stad"
    lines.insert(3, ";Nytt åtagande;3;")
    content = "\r\n".join(lines)

    preview = upload(client, place.promise, content)
    assert len(preview.context["plan"].changes) == 3
    assert Commitment.objects.count() == 2
    confirm = client.post(
        import_url(place.promise.pk), {"content": preview.context["content"], "action": "confirm"}
    )

    assert confirm.status_code == 302
    texts = list(place.promise.commitments.order_by("order").values_list("text", flat=True))
    assert texts == ["Belysning", "=Patrullera varje kväll", "Nytt åtagande"]
    assert set(Commitment.objects.get(pk=place.first.pk).parties.all()) == {
        place.polisen,
        place.stad,
    }


def test_a_party_outside_the_promise_and_a_bad_order_save_nothing(place):
    client = logged_in(place.polis)
    content = (
        "åtagande-id;åtagande;ordning;parter\r\n"
        f"{place.first.pk};Patrullera;1;Orusts kommun\r\n"
        f"{place.second.pk};Belysning;-1;\r\n"
    )

    preview = upload(client, place.promise, content)
    forged = client.post(import_url(place.promise.pk), {"content": content, "action": "confirm"})

    assert preview.status_code == forged.status_code == 400
    assert [(e.row, e.column) for e in preview.context["plan"].errors] == [
        (2, "parter"),
        (3, "ordning"),
    ]
    assert Commitment.objects.get(pk=place.first.pk).text == "=Patrullera"


@pytest.mark.parametrize("who", ["stranger", "samordnare"])
def test_others_can_neither_export_nor_import(place, who):
    client = logged_in(getattr(place, who))
    content = f"åtagande-id;åtagande;ordning;parter\r\n{place.first.pk};Kapat;1;\r\n"

    export_url = reverse("admin:promises_promise_commitments_export", args=[place.promise.pk])
    assert client.get(export_url).status_code == 404
    assert (
        client.post(
            import_url(place.promise.pk), {"content": content, "action": "confirm"}
        ).status_code
        == 404
    )
    assert Commitment.objects.get(pk=place.first.pk).text == "=Patrullera"


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999"])
def test_forged_ids_answer_404(place, forged):
    assert logged_in(place.polis).get(import_url(forged)).status_code == 404


def test_a_commitment_of_another_promise_cannot_be_rewritten(place, make_promise, make_commitment):
    other = make_commitment(promise=make_promise(locality=place.promise.locality), text="Annat")
    content = f"åtagande-id;åtagande;ordning;parter\r\n{other.pk};Kapat;1;\r\n"

    response = upload(logged_in(place.polis), place.promise, content)

    assert response.status_code == 400
    assert Commitment.objects.get(pk=other.pk).text == "Annat"
