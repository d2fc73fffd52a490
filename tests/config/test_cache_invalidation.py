"""An edit invalidates the cached pages it changes, and only those: an edit in one locality
leaves every other locality's pages in the cache, whichever way it is written (a model save,
the services, the admin, a bulk write, a command, a restore)."""

import contextlib

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from followup import emails
from followup.models import Subscription
from followup.services import update_post, update_publish
from promises.models import Commitment, Promise
from tests import factories
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    settings.PUBLIC_PAGE_CACHE_PER_LOCALITY = True
    cache.clear()
    yield
    with contextlib.suppress(Exception):
        cache.clear()


def _locality_pages(locality, promise, picture, place):
    kwargs = {"locality": locality.slug, "slug": promise.slug}
    return [
        reverse("promises:locality", kwargs={"slug": locality.slug}),
        reverse("promises:detail", kwargs=kwargs),
        "/en" + reverse("promises:detail", kwargs=kwargs),
        reverse("promises:embed", kwargs=kwargs),
        reverse("promises:picture", kwargs={"locality": locality.slug, "slug": picture.slug}),
        reverse("promises:place", kwargs={"locality": locality.slug, "slug": place.slug}),
        reverse("promises:locality-feed-rss", kwargs={"locality": locality.slug}),
        reverse("promises:locality-feed-atom", kwargs={"locality": locality.slug}),
        reverse("promises:promise-feed-rss", kwargs=kwargs),
    ]


class Site:
    """Two localities, Mölndal and Kungälv, each with a promise, a note, a situation picture
    and a place; every public page of both, and the pages of no one locality."""

    def __init__(self):
        self.molndal = factories.LocalityFactory(name="Mölndal", slug="molndal")
        self.kungalv = factories.LocalityFactory(name="Kungälv", slug="kungalv")
        self.editor = factories.UserFactory(is_staff=True, is_superuser=True)
        self.pages = {}
        for locality in (self.molndal, self.kungalv):
            promise = factories.PromiseFactory(locality=locality, title=f"Trygg i {locality}")
            factories.CommitmentFactory(promise=promise, text=f"Fler vuxna ute i {locality}")
            factories.UpdateFactory(promise=promise, text=f"Första rapporten i {locality}")
            picture = factories.SituationPictureFactory(locality=locality)
            place = factories.PlaceFactory(locality=locality)
            setattr(self, f"{locality.slug}_promise", promise)
            self.pages[locality.slug] = _locality_pages(locality, promise, picture, place)
        self.shared = [
            "/",
            "/loften/",
            "/loften/?locality=kungalv",
            reverse("promises:feed-atom"),
            "/api/v1/promises/",
            "/api/v1/localities/",
            "/sitemap.xml",
        ]
        self.visitor = Client()

    def warm(self):
        """Every page fetched once, and found in the cache the second time."""
        everything = [*self.pages["molndal"], *self.pages["kungalv"], *self.shared]
        for url in everything:
            response = self.visitor.get(url)
            assert response.status_code == 200, url
        assert self.cache_states(everything) == dict.fromkeys(everything, "hit")

    def cache_states(self, urls):
        return {url: self.visitor.get(url)["X-Cache"] for url in urls}

    def assert_only_molndal_is_fresh(self):
        """Mölndal's pages and the shared ones are rendered anew; Kungälv's come from the cache."""
        fresh = [*self.pages["molndal"], *self.shared]
        assert self.cache_states(fresh) == dict.fromkeys(fresh, "miss")
        kept = self.pages["kungalv"]
        assert self.cache_states(kept) == dict.fromkeys(kept, "hit")

    def text_of(self, url):
        return self.visitor.get(url).content.decode()


@pytest.fixture
def site():
    site = Site()
    site.warm()
    return site


def test_a_promise_edit_in_molndal_leaves_kungalvs_pages_in_the_cache(site):
    site.molndal_promise.title = "Tryggare Mölndal"
    site.molndal_promise.save()

    site.assert_only_molndal_is_fresh()
    assert "Tryggare Mölndal" in site.text_of(site.pages["molndal"][0])


def test_a_published_note_through_update_post_refreshes_only_its_locality(site):
    promise = site.molndal_promise
    update_post(
        promise=promise,
        commitment=promise.commitments.get(),
        author=site.editor,
        text="Kvällspassen har börjat.",
        new_status=Commitment.Status.IN_PROGRESS,
        published=True,
    )

    site.assert_only_molndal_is_fresh()
    assert "Kvällspassen har börjat." in site.text_of(site.pages["molndal"][1])


def test_a_draft_published_with_update_publish_refreshes_only_its_locality(site):
    # update_publish() writes with QuerySet.update(): no post_save, content_changed instead.
    note = update_post(
        promise=site.molndal_promise,
        author=site.editor,
        text="Torget har fått ljus.",
        published=False,
    )
    site.warm()

    update_publish(note)

    site.assert_only_molndal_is_fresh()
    assert "Torget har fått ljus." in site.text_of(site.pages["molndal"][1])


def test_an_admin_edit_of_a_promise_refreshes_only_its_locality(site):
    editor = Client()
    editor.force_login(site.editor)
    change = reverse("admin:promises_promise_change", args=[site.molndal_promise.pk])
    data = post_data(editor.get(change))
    data["title"] = "Trygg i Mölndal, andra året"

    response = editor.post(change, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    site.assert_only_molndal_is_fresh()
    assert "Trygg i Mölndal, andra året" in site.text_of(site.pages["molndal"][1])


def test_an_admin_delete_of_a_commitment_refreshes_only_its_locality(site):
    editor = Client()
    editor.force_login(site.editor)
    commitment = site.molndal_promise.commitments.get()
    delete = reverse("admin:promises_commitment_delete", args=[commitment.pk])

    assert editor.post(delete, {"post": "yes"}).status_code == 302

    assert not Commitment.objects.filter(pk=commitment.pk).exists()
    site.assert_only_molndal_is_fresh()
    assert "Fler vuxna ute i Mölndal" not in site.text_of(site.pages["molndal"][1])


@pytest.mark.parametrize(
    "edit",
    [
        "situation picture",
        "place",
        "indicator measurement",
        "verdict",
        "contact",
        "party given to the promise",
    ],
)
def test_each_kind_of_edit_in_molndal_refreshes_only_molndal(site, edit):
    promise = site.molndal_promise
    party = factories.PartyFactory(name="Västtrafik")  # a new party is news to every page
    site.warm()
    if edit == "situation picture":
        picture = site.molndal.situation_pictures.get()
        picture.title = "Ny lägesbild"
        picture.save()
    elif edit == "place":
        place = site.molndal.places.get()
        place.name = "Nya torget"
        place.save()
    elif edit == "indicator measurement":
        indicator = factories.IndicatorFactory(promise=promise)
        factories.MeasurementFactory(indicator=indicator)
    elif edit == "verdict":
        factories.VerdictFactory(promise=promise)
    elif edit == "contact":
        factories.ContactFactory(locality=site.molndal)
    else:
        promise.parties.add(party)

    site.assert_only_molndal_is_fresh()


def test_a_promise_moved_to_another_locality_leaves_both_localities_fresh(site):
    promise = site.molndal_promise
    promise.locality = site.kungalv
    promise.slug = "flyttat-lofte"
    promise.save()

    everything = [*site.pages["molndal"], *site.pages["kungalv"], *site.shared]
    states = site.cache_states(everything)
    assert states[site.pages["molndal"][0]] == "miss"
    assert states[site.pages["kungalv"][0]] == "miss"
    assert "Trygg i Mölndal" in site.text_of(site.pages["kungalv"][0])
    assert "Trygg i Mölndal" not in site.text_of(site.pages["molndal"][0])


def test_an_edit_shared_by_every_locality_refreshes_every_page(site):
    party = factories.PartyFactory(name="Polisen")
    site.warm()

    party.name = "Polismyndigheten"
    party.save()

    everything = [*site.pages["molndal"], *site.pages["kungalv"], *site.shared]
    assert site.cache_states(everything) == dict.fromkeys(everything, "miss")


def test_with_the_global_version_an_edit_in_molndal_refreshes_kungalv_too(site, settings):
    settings.PUBLIC_PAGE_CACHE_PER_LOCALITY = False
    site.warm()

    site.molndal_promise.title = "Tryggare Mölndal"
    site.molndal_promise.save()

    kept = site.pages["kungalv"]
    assert site.cache_states(kept) == dict.fromkeys(kept, "miss")


def test_generated_scale_data_refreshes_every_page(site):
    call_command("generate_scale_data", "--localities", "1", verbosity=0)

    everything = [*site.pages["molndal"], *site.pages["kungalv"], *site.shared]
    assert site.cache_states(everything) == dict.fromkeys(everything, "miss")


def test_loading_the_demo_data_refreshes_every_page(site):
    call_command("load_demo_data", verbosity=0)

    everything = [*site.pages["molndal"], *site.pages["kungalv"], *site.shared]
    assert site.cache_states(everything) == dict.fromkeys(everything, "miss")


def test_loading_the_demo_data_changes_the_versions_once_not_once_a_row(db, monkeypatch):
    from config import cache as page_cache

    changes = []
    monkeypatch.setattr(page_cache, "_new_versions", lambda keys: changes.append(keys))

    call_command("load_demo_data", verbosity=0)

    # Every page (the shared version), once (and again at commit): not a change per row.
    assert len(changes) == 1 and page_cache.SHARED_KEY in changes[0]


def test_a_restore_refreshes_every_page(site, tmp_path, request):
    from django.contrib.contenttypes.models import ContentType

    # The restore flushes and reloads content types inside the test's transaction, which is
    # rolled back: the process's content-type cache must not keep the restored ids.
    request.addfinalizer(ContentType.objects.clear_cache)
    backup = tmp_path / "backup.json"
    call_command("backup_data", str(backup), verbosity=0)
    site.warm()

    call_command("restore_data", str(backup), "--no-input", verbosity=0)

    everything = [*site.pages["molndal"], *site.pages["kungalv"], *site.shared]
    assert site.cache_states(everything) == dict.fromkeys(everything, "miss")


def test_a_confirmed_subscription_no_longer_shows_the_confirm_button(make_promise):
    # Issue 12.4: the cached "Bekräfta din prenumeration" page was served after confirming.
    subscription = Subscription.objects.create(email="a@example.se", promise=make_promise())
    url = reverse(
        "followup:subscription_confirm", kwargs={"token": emails.confirm_token(subscription)}
    )
    resident = Client()
    assert "Ja, bekräfta min prenumeration" in resident.get(url).content.decode()

    assert resident.post(url).status_code == 302

    page = resident.get(url).content.decode()
    assert Subscription.objects.confirmed().count() == 1
    assert "Ja, bekräfta min prenumeration" not in page
    assert "Din prenumeration är bekräftad" in page
    assert "Din prenumeration är bekräftad" in Client().get(url).content.decode()


def test_an_unsubscribed_link_no_longer_shows_the_unsubscribe_button(make_promise):
    subscription = Subscription.objects.create(email="a@example.se", promise=make_promise())
    url = reverse("followup:unsubscribe", kwargs={"token": emails.unsubscribe_token(subscription)})
    first = Client().get(url).content.decode()

    assert Client().post(url).status_code == 200

    assert Client().get(url).content.decode() != first
    assert Promise.objects.count() == 1
