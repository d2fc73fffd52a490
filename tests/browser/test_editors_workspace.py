"""The editors' workspace in a real browser (issue 14): a samordnare reports progress from
the start page and residents see it through the page cache; status reports in bulk by CSV;
a kommunpolis reorders commitments and starts the next period; axe finds nothing on the
new admin pages at 1280 and 320 px."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from followup.models import Feedback
from promises.models import Commitment, Locality, Membership, Promise
from promises.permissions import membership_grant
from tests.browser.conftest import DESKTOP, PHONE, axe_findings
from tests.factories import CommitmentFactory, PromiseFactory

PASSWORD = "medborgarlofte-demo"


def _editor(username, slug, role):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    membership_grant(user=user, locality=Locality.objects.get(slug=slug), role=role)
    return user


def _log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def _in_force(title="Trygg i Mölndal just nu"):
    """A promise in force made by the test (every dated demo promise has ended), stale."""
    today = timezone.localdate()
    promise = PromiseFactory(
        locality=Locality.objects.get(slug="molndal"),
        title=title,
        starts_on=today - datetime.timedelta(days=200),
        ends_on=today + datetime.timedelta(days=300),
    )
    CommitmentFactory(promise=promise, text="Polisen patrullerar vid Mölndals bro.", order=1)
    CommitmentFactory(promise=promise, text="Kommunen lagar belysningen i parken.", order=2)
    return promise


def _report(page, reason, status=Commitment.Status.IN_PROGRESS):
    page.select_option("#id_new_status", status)
    page.fill("#id_text", reason)
    page.click("button[value=publish]")
    page.wait_for_url("**/admin/")


def _public_text(browser, live_server, url):
    """The promise page as an anonymous resident sees it (through the page cache)."""
    context = browser.new_context(base_url=live_server.url)
    try:
        resident = context.new_page()
        resident.goto(url)
        return resident.locator("main").inner_text()
    finally:
        context.close()


def test_samordnare_reports_progress_and_residents_see_it(page, browser, live_server, live_demo):
    promise = _in_force()
    first = promise.commitments.order_by("order").first()
    undated = Promise.objects.get(
        locality__slug="molndal", starts_on__isnull=True, state="published"
    )
    undated_commitment = undated.commitments.order_by("order", "pk").first()
    _editor("molndal.samordnare", "molndal", Membership.Role.SAMORDNARE)
    # Residents read both pages first, so they are in the page cache.
    assert "Patrullerna går nu varje kväll" not in _public_text(
        browser, live_server, promise.get_absolute_url()
    )
    _public_text(browser, live_server, undated.get_absolute_url())

    _log_in(page, "molndal.samordnare")
    page.click(f"a[href='{reverse('followup:report', args=[first.pk])}']")
    assert page.get_by_text("Polisen patrullerar vid Mölndals bro.").count() >= 1
    _report(page, "Patrullerna går nu varje kväll.")
    # The undated promise: from its commitment row on the promise's page in the admin.
    page.goto(reverse("admin:promises_promise_change", args=[undated.pk]))
    page.click(f"a[href='{reverse('followup:report', args=[undated_commitment.pk])}']")
    _report(page, "Trygghetsvandringen i innerstaden är genomförd.", Commitment.Status.DONE)

    text = _public_text(browser, live_server, promise.get_absolute_url())
    assert "Patrullerna går nu varje kväll." in text
    assert "Pågår" in text
    undated_text = _public_text(browser, live_server, undated.get_absolute_url())
    assert "Trygghetsvandringen i innerstaden är genomförd." in undated_text
    assert page.console_errors == []


def test_samordnare_imports_three_statuses_and_exports_them_again(page, live_demo):
    promise = _in_force()
    CommitmentFactory(promise=promise, text="Samtal med föreningarna.", order=3)
    _editor("molndal.samordnare", "molndal", Membership.Role.SAMORDNARE)
    _log_in(page, "molndal.samordnare")
    export_url = reverse("followup:status_reports_export", args=[promise.pk])
    exported = page.request.get(export_url).body().decode("utf-8-sig").split("\r\n")
    changes = {
        1: ["Pågår", "Patrullerna har börjat.", "ja"],
        2: ["Genomfört", "Belysningen är lagad.", "ja"],
        3: ["Försenat", "Föreningarna har inte svarat.", "ja"],
    }
    for index, cells in changes.items():
        row = exported[index].split(";")
        row[2:5] = cells
        exported[index] = ";".join(row)
    content = ("\ufeff" + "\r\n".join(exported)).encode("utf-8")

    page.goto(reverse("followup:status_reports_import", args=[promise.pk]))
    page.set_input_files(
        "#id_file", files=[{"name": "lage.csv", "mimeType": "text/csv", "buffer": content}]
    )
    page.click("button[value=preview]")
    assert page.locator("#import-changes tbody tr").count() == 3
    page.click("button[value=confirm]")
    page.wait_for_url(f"**/admin/promises/promise/{promise.pk}/change/")

    again = page.request.get(export_url).body().decode("utf-8-sig").split("\r\n")
    for index, cells in changes.items():
        assert again[index].split(";")[2:5] == cells
    assert page.console_errors == []


def test_kommunpolis_reorders_commitments_and_starts_the_next_period(page, live_demo):
    promise = _in_force()
    first, second = promise.commitments.order_by("order")
    _editor("molndal.polis", "molndal", Membership.Role.KOMMUNPOLIS)
    _log_in(page, "molndal.polis")

    page.goto(reverse("admin:promises_promise_change", args=[promise.pk]))
    page.click(
        f"button[formaction='{reverse('admin:promises_commitment_move', args=[second.pk, 'up'])}']"
    )
    page.wait_for_url(f"**/admin/promises/promise/{promise.pk}/change/**")
    assert list(promise.commitments.order_by("order")) == [second, first]

    page.click(f"a[href='{reverse('admin:promises_promise_next_period', args=[promise.pk])}']")
    page.click("input[type=submit]")
    successor = Promise.objects.get(predecessor=promise)
    page.wait_for_url(f"**/admin/promises/promise/{successor.pk}/change/")
    assert successor.state == Promise.State.DRAFT
    assert [c.text for c in successor.commitments.order_by("order")] == [second.text, first.text]
    assert page.console_errors == []


def test_the_new_admin_pages_have_no_axe_violations(axe_page, live_demo):
    promise = _in_force()
    commitment = promise.commitments.order_by("order").first()
    Feedback.objects.create(
        locality=promise.locality, promise=promise, message="Mörkt vid bron på kvällarna."
    )
    _editor("molndal.samordnare", "molndal", Membership.Role.SAMORDNARE)
    _editor("molndal.polis", "molndal", Membership.Role.KOMMUNPOLIS)
    pages = {
        "molndal.samordnare": [
            reverse("admin:index"),
            reverse("followup:report", args=[commitment.pk]),
            reverse("followup:status_reports_import", args=[promise.pk]),
            reverse("followup:bulk_report", args=[promise.pk]),
            reverse("followup:measurements_import", args=[promise.pk]),
            reverse("admin:followup_feedback_changelist"),
            reverse("admin:promises_promise_history", args=[promise.pk]),
        ],
        "molndal.polis": [
            reverse("admin:index"),
            reverse("admin:promises_promise_unpublish", args=[promise.pk]),
            reverse("admin:promises_promise_next_period", args=[promise.pk]),
            reverse("admin:promises_promise_commitments_import", args=[promise.pk]),
        ],
    }
    found = {}
    for username, urls in pages.items():
        page = axe_page(PHONE)
        _log_in(page, username)
        for url in urls:
            found |= axe_findings(page, url, sideways=False)
        # The report screen's preview and the import's preview with an error.
        if username == "molndal.samordnare":
            page.set_viewport_size(DESKTOP)
            page.goto(reverse("followup:report", args=[commitment.pk]))
            page.fill("#id_text", "**Klart** nu.")
            page.click("button[value=preview]")
            found |= axe_findings(page, viewports=(DESKTOP, PHONE), sideways=False)
            page.set_viewport_size(DESKTOP)
            page.goto(reverse("followup:status_reports_import", args=[promise.pk]))
            page.set_input_files(
                "#id_file",
                files=[
                    {
                        "name": "x.csv",
                        "mimeType": "text/csv",
                        "buffer": "åtagande-id;status;motivering\r\n1;Klart;\r\n".encode(),
                    }
                ],
            )
            page.click("button[value=preview]")
            found |= axe_findings(page, viewports=(DESKTOP, PHONE), sideways=False)

    assert found == {}, "\n".join(f"{url}: {text}" for url, text in found.items())
