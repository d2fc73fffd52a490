"""Status reports in bulk (issue 14 point 5): export, import with a preview of every change
and error, all or nothing, one CSV dialect for Swedish Excel; tried as an attacker too."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from followup import bulk
from followup.models import Update
from followup.services import update_post
from promises.models import Commitment, Membership

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def place(make_locality, make_promise, make_commitment, make_editor):
    molndal, sydvast = make_locality("Mölndal"), make_locality("Sydväst")
    ns = type("Place", (), {})()
    ns.promise = make_promise(locality=molndal, title="Trygg i Mölndal")
    ns.commitments = [
        make_commitment(promise=ns.promise, text=text, order=n)
        for n, text in enumerate(
            ["Patrullera vid bron", "=Trygghetsvandringar", "Belysning i parken", "Samtal"], 1
        )
    ]
    ns.samordnare = make_editor(molndal, role=Role.SAMORDNARE, username="molndal.samordnare")
    ns.polis = make_editor(molndal, username="molndal.polis")
    ns.stranger = make_editor(sydvast, role=Role.SAMORDNARE, username="sydvast.samordnare")
    return ns


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def export(client, promise):
    response = client.get(reverse("followup:status_reports_export", args=[promise.pk]))
    assert response.status_code == 200
    return response.content


def import_url(promise):
    return reverse("followup:status_reports_import", args=[promise.pk])


def upload(client, promise, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(
        import_url(promise),
        {"file": SimpleUploadedFile("lage.csv", data, "text/csv"), "action": "preview"},
    )


def edited(content, changes):
    """The exported CSV with some rows' status, reason and publish cells replaced."""
    lines = content.decode("utf-8-sig").split("\r\n")
    for index, (status, reason, publish) in changes.items():
        cells = lines[index].split(";")
        cells[2:5] = [status, reason, publish]
        lines[index] = ";".join(cells)
    return "\ufeff" + "\r\n".join(lines)


def test_the_export_is_excel_friendly_and_guards_formulas(place):
    content = export(logged_in(place.samordnare), place.promise)

    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0] == "åtagande-id;åtagande;status;motivering;publicera"
    assert "'=Trygghetsvandringar" in text


def test_importing_an_unchanged_export_changes_nothing(place):
    client = logged_in(place.samordnare)
    content = export(client, place.promise)

    response = upload(client, place.promise, content)

    assert response.status_code == 200
    assert response.context["plan"].changes == []
    assert response.context["plan"].errors == []


def test_three_statuses_are_previewed_then_saved_and_exported_again(place):
    client = logged_in(place.samordnare)
    content = edited(
        export(client, place.promise),
        {
            1: ("Pågår", "Patrullerna har börjat.", "ja"),
            2: ("Genomfört", "Vandringarna är gjorda.", "ja"),
            3: ("Försenat", "Leverantören är sen.", "nej"),
        },
    )

    preview = upload(client, place.promise, content)

    assert preview.status_code == 200
    assert len(preview.context["plan"].changes) == 3
    assert not Update.objects.exists()  # nothing before the confirmation
    confirm = client.post(
        import_url(place.promise), {"content": preview.context["content"], "action": "confirm"}
    )
    assert confirm.status_code == 302
    statuses = dict(Commitment.objects.values_list("text", "status"))
    assert statuses["Patrullera vid bron"] == "in_progress"
    assert statuses["=Trygghetsvandringar"] == "done"
    assert not Update.objects.get(commitment=place.commitments[2]).published  # "nej": a draft
    again = export(client, place.promise).decode("utf-8-sig").split("\r\n")
    # Rows 1 and 2 were published. (A draft's status is a proposal: row 3 is left out, as
    # the status semantics of draft notes are being changed in parallel.)
    for index in (1, 2):
        assert again[index].split(";")[2:5] == content.split("\r\n")[index].split(";")[2:5]
    # ...and importing that export again changes nothing.
    assert (
        upload(client, place.promise, export(client, place.promise)).context["plan"].changes == []
    )


def test_any_error_saves_nothing_and_names_row_column_and_reason(place):
    client = logged_in(place.samordnare)
    content = edited(
        export(client, place.promise),
        {1: ("Pågår", "Patrullerna har börjat.", "ja"), 2: ("Genomfört", "", "ja")},
    )

    preview = upload(client, place.promise, content)
    forged = client.post(import_url(place.promise), {"content": content, "action": "confirm"})

    assert preview.status_code == forged.status_code == 400
    errors = preview.context["plan"].errors
    assert [(e.row, e.column) for e in errors] == [(3, "motivering")]
    assert "förklarar varför" in errors[0].message
    assert not Update.objects.exists()


def test_a_commitment_of_another_promise_is_an_error(place, make_commitment, make_promise):
    other = make_commitment(promise=make_promise(locality=place.promise.locality), text="Annat")
    client = logged_in(place.samordnare)
    content = (
        "\ufeffåtagande-id;status;motivering;publicera\r\n" + f"{other.pk};Genomfört;Klart.;ja\r\n"
    )

    response = upload(client, place.promise, content)

    assert response.status_code == 400
    assert response.context["plan"].errors[0].column == "åtagande-id"


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"", b"bara;en;rubrik\r\n"],
)
def test_unreadable_files_answer_400_in_swedish(place, content):
    response = upload(logged_in(place.samordnare), place.promise, content)

    assert response.status_code == 400
    assert not Update.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "polis"])
def test_others_can_neither_export_nor_import(place, who):
    client = logged_in(getattr(place, who))
    content = (
        f"åtagande-id;status;motivering;publicera\r\n{place.commitments[0].pk};Genomfört;X.;ja"
    )

    assert (
        client.get(reverse("followup:status_reports_export", args=[place.promise.pk])).status_code
        == 404
    )
    assert (
        client.post(
            import_url(place.promise), {"content": content, "action": "confirm"}
        ).status_code
        == 404
    )
    assert not Update.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(place):
    response = Client().get(reverse("followup:status_reports_export", args=[place.promise.pk]))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("forged", ["987654", "abc", "99999999999999999999999"])
def test_forged_promise_ids_answer_404(place, forged):
    client = logged_in(place.samordnare)

    assert client.get(reverse("followup:status_reports_export", args=[forged])).status_code == 404
    assert client.get(reverse("followup:status_reports_import", args=[forged])).status_code == 404


def test_guard_and_unguard_are_inverse():
    for value in ["=SUM(A1)", "+46 31", "-1", "@x", "vanlig text", "'citat"]:
        assert bulk.unguard(bulk.guard(value)) == value


def test_a_reason_changed_without_a_new_status_is_a_plain_note(place):
    update_post(
        promise=place.promise,
        commitment=place.commitments[0],
        new_status="in_progress",
        text="Börjat.",
        published=True,
    )
    client = logged_in(place.samordnare)
    content = edited(export(client, place.promise), {1: ("Pågår", "Nu varje kväll.", "ja")})

    plan = upload(client, place.promise, content).context["plan"]

    assert [(c.new_status, c.reason) for c in plan.changes] == [("", "Nu varje kväll.")]


def test_the_promise_form_and_the_start_page_link_to_the_import(place):
    client = logged_in(place.samordnare)
    url = import_url(place.promise)

    assert (
        url
        in client.get(
            reverse("admin:promises_promise_change", args=[place.promise.pk])
        ).content.decode()
    )
    assert url in client.get(reverse("admin:index")).content.decode()


# --- One status and one reason for several commitments -----------------------------------


def bulk_url(promise_id):
    return reverse("followup:bulk_report", args=[promise_id])


def test_samordnare_reports_one_status_on_several_commitments(place):
    chosen = [place.commitments[0].pk, place.commitments[2].pk]

    response = logged_in(place.samordnare).post(
        bulk_url(place.promise.pk),
        {
            "commitments": chosen,
            "new_status": "in_progress",
            "text": "Allt har börjat.",
            "action": "publish",
        },
    )

    assert response.status_code == 302
    assert set(Commitment.objects.filter(status="in_progress").values_list("pk", flat=True)) == set(
        chosen
    )
    assert Update.objects.filter(published=True, text="Allt har börjat.").count() == 2


def test_several_commitments_without_a_reason_saves_nothing(place):
    response = logged_in(place.samordnare).post(
        bulk_url(place.promise.pk),
        {
            "commitments": [place.commitments[0].pk],
            "new_status": "done",
            "text": " ",
            "action": "publish",
        },
    )

    assert response.status_code == 400
    assert not Update.objects.exists()


def test_a_commitment_of_another_promise_cannot_be_slipped_in(place, make_commitment, make_promise):
    other = make_commitment(promise=make_promise(locality=place.promise.locality), text="Annat")

    response = logged_in(place.samordnare).post(
        bulk_url(place.promise.pk),
        {"commitments": [other.pk], "new_status": "done", "text": "Klart.", "action": "publish"},
    )

    assert response.status_code == 400
    assert Commitment.objects.get(pk=other.pk).status != "done"


@pytest.mark.parametrize("who", ["stranger", "polis"])
def test_others_cannot_report_on_several(place, who):
    response = logged_in(getattr(place, who)).post(
        bulk_url(place.promise.pk),
        {
            "commitments": [place.commitments[0].pk],
            "new_status": "done",
            "text": "X.",
            "action": "publish",
        },
    )

    assert response.status_code == 404
    assert not Update.objects.exists()
