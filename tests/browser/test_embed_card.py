"""The embeddable progress card in a real browser: framed by another page, accessible,
and loading nothing from anywhere but this site."""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import PHONE, axe_findings

CARD = "/embed/promise/vastra-hisingen/gangrelaterat-vald/"


def test_card_shows_progress_and_requests_only_this_site(page, demo, demo_site):
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))

    page.goto(CARD)

    assert (
        page.get_by_role("heading", level=1).inner_text() == "Medborgarlöfte om gängrelaterat våld"
    )
    assert (
        page.locator(".card-link a")
        .get_attribute("href")
        .endswith("/vastra-hisingen/gangrelaterat-vald/")
    )
    assert set(hosts) == {urlsplit(demo_site.url).netloc}
    assert page.console_errors == []


MUNICIPALITY = "http://molndal.example"  # answered by the browser itself, no network


@pytest.fixture
def framing_page(browser, live_server, transactional_db):
    """A page in a Chromium of its own that lets a routed (address-less) page frame this
    machine's server, which local-network-access checks would otherwise refuse."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    own = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"],
    )
    page = own.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.console_errors = errors
    yield page
    own.close()


def _municipality_page(page, live_server):
    """A municipality's page (answered by the browser itself) that frames the card."""
    html = f'<!DOCTYPE html><title>Kommun</title><iframe title="Löfte" src="{live_server.url}{CARD}"></iframe>'
    page.route(f"{MUNICIPALITY}/", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(f"{MUNICIPALITY}/", wait_until="load")  # "load" waits for the frame too
    return page.frame_locator("iframe")


def test_card_loads_inside_a_municipalitys_iframe(framing_page, live_demo, live_server, settings):
    page = framing_page
    settings.EMBED_FRAME_ANCESTORS = [MUNICIPALITY]

    frame = _municipality_page(page, live_server)

    frame.get_by_role("link").first.wait_for()
    assert frame.get_by_role("heading", level=1).inner_text().startswith("Medborgarlöfte")


def test_a_page_outside_the_frame_ancestors_cannot_frame_it(
    framing_page, live_demo, live_server, settings
):
    page = framing_page
    settings.EMBED_FRAME_ANCESTORS = ["https://polisen.se"]

    frame = _municipality_page(page, live_server)

    assert frame.get_by_role("link").count() == 0
    assert any("frame-ancestors" in error for error in page.console_errors)


def test_card_has_no_axe_violations(axe_page, demo):
    page = axe_page(PHONE)

    found = axe_findings(page, CARD)

    assert found == {}, found
