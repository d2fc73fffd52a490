"""load_demo_data brings in the five source documents faithfully and idempotently."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.core import serializers
from django.core.management import call_command

from followup.models import Indicator, Verdict
from promises import demo as demo_data
from promises.demo import loader as demo
from promises.models import Actor, Agreement, Commitment, Locality, Promise
from situation.models import Place, Problem, SituationPicture, Survey

pytestmark = pytest.mark.django_db

# From the documents: commitments by actor, goals and contact persons per locality.
# Sydväst lists each party's own promise ("Polisen Storgöteborg Syd: …", "Socialförvaltning
# Sydväst: …") and five shared bullets; Södra Fyrbodal "lovar polisen att" five things and
# "lovar kommunerna att" six; Mölndal's six are given "tillsammans"; Västra Hisingen's
# results article names one undertaking ("löftet att öka polisnärvaron") and no contact.
EXPECTED = {
    "sydvast": ({Actor.POLICE: 2, Actor.MUNICIPALITY: 1, Actor.BOTH: 4}, 5, 2),
    "molndal": ({Actor.BOTH: 6}, 0, 2),
    "vastra-hisingen": ({Actor.POLICE: 1}, 0, 0),
    "sodra-fyrbodal": ({Actor.POLICE: 5, Actor.MUNICIPALITY: 6}, 1, 0),
}


def _snapshot():
    models = [m for m in demo.__dict__.values() if isinstance(m, type) and hasattr(m, "_meta")]
    return {m.__name__: serializers.serialize("json", m.objects.order_by("pk")) for m in models}


@pytest.mark.parametrize("slug", EXPECTED)
def test_each_locality_has_its_commitments_goals_and_contacts(demo_data, slug):
    by_actor, goals, contacts = EXPECTED[slug]
    promise = Promise.objects.get(locality__slug=slug)
    commitments = Commitment.objects.filter(promise=promise).prefetch_related("parties")

    assert Counter(c.actor for c in commitments) == by_actor
    assert promise.goals.count() == goals
    assert promise.contacts.count() == contacts
    assert promise.state == Promise.State.PUBLISHED


def test_the_four_localities_have_their_police_areas_and_municipalities(demo_data):
    fyrbodal = Locality.objects.get(slug="sodra-fyrbodal")
    sydvast = Locality.objects.get(slug="sydvast")
    molndal = Locality.objects.get(slug="molndal")

    assert Locality.objects.count() == 4
    assert sorted(fyrbodal.municipalities.values_list("name", flat=True)) == [
        "Orust",
        "Stenungsund",
        "Tjörn",
    ]
    assert fyrbodal.police_area.name == "Lokalpolisområde Södra Fyrbodal"
    assert sydvast.police_area == molndal.police_area  # one police area, several localities
    assert molndal.collaboration_name == "Trygg-i Mölndal"
    assert Locality.objects.get(slug="vastra-hisingen").police_area is None  # not in the text


def test_periods_are_the_documents_dates_and_never_guessed(demo_data):
    sydvast = Promise.objects.get(locality__slug="sydvast")
    fyrbodal = Promise.objects.get(locality__slug="sodra-fyrbodal")
    molndal = Promise.objects.get(locality__slug="molndal")
    hisingen = Promise.objects.get(locality__slug="vastra-hisingen")

    assert (sydvast.starts_on, sydvast.ends_on) == (
        datetime.date(2022, 2, 1),
        datetime.date(2023, 9, 30),
    )
    assert (fyrbodal.starts_on, fyrbodal.ends_on) == (
        datetime.date(2023, 1, 1),
        datetime.date(2024, 12, 31),
    )
    assert (molndal.starts_on, molndal.ends_on, molndal.period_text) == (
        None,
        None,
        "under en tvåårsperiod",
    )
    assert (hisingen.starts_on, hisingen.period_text) == (None, "under ett år")


@pytest.mark.parametrize(
    "sentence",
    [
        "Daglig ”Hot spots” patrullering utifrån gällande läges- och problembild.",
        "Genomföra riktade insatser mot öppen narkotikahandel",
        "Genomföra insatser för att öka trafiksäkerheten och minska buskörningen, "
        "speciella insatser riktade mot A-traktorer och EPA-traktorer.",
        "Fokusera och prioritera särskilt utsatta brottsoffer.",
    ],
)
def test_commitments_keep_the_documents_wording(demo_data, sentence):
    assert Commitment.objects.filter(text=sentence).count() == 1


def test_goals_contacts_and_situation_pictures_keep_their_wording(demo_data):
    sydvast = Promise.objects.get(locality__slug="sydvast")

    assert sydvast.goals.filter(text="Minska den öppna narkotikahanteringen.").exists()
    assert sydvast.contacts.get(name="Niklas Svensson").phone == "010-565 41 30"
    assert (
        Promise.objects.get(locality__slug="molndal").contacts.get(name="Linda Bergvall").email
        == "linda.bergvall@polisen.se"
    )
    problem = Problem.objects.get(description__startswith="Vid genomförda trygghetsundersökningar")
    assert list(problem.places.values_list("name", flat=True)) == ["Frölunda torg"]
    # The survey and the residents; "Polisen:" and "Mölndals stad:" are no sources.
    assert SituationPicture.objects.get(locality__slug="molndal").sources.count() == 2
    assert Place.objects.filter(locality__slug="molndal", name="Mölndals bro").exists()


def test_vastra_hisingen_results_are_indicators_with_their_values(demo_data):
    values = {
        i.slug: (i.measurements.get().value, i.measurements.get().qualifier)
        for i in Indicator.objects.filter(promise__locality__slug="vastra-hisingen")
    }

    assert values == {
        "patrulleringstillfallen-hot-spots": (Decimal("1000"), "mer än"),
        "patrulleringar-per-dag": (Decimal("2.8"), "i snitt"),
        "beslagtagna-vapen": (Decimal("24"), ""),
        "beslagtagen-narkotika": (Decimal("35"), "drygt"),
    }
    verdict = Verdict.objects.get(promise__locality__slug="vastra-hisingen")
    assert verdict.commitment_verdicts.count() == 0  # the article gives no commitment's status


def test_the_survey_is_compared_with_the_baseline_of_autumn_2014(demo_data):
    survey = Survey.objects.get(slug="trygghetsundersokning-biskopsgarden")

    assert survey.baseline.date_text == "hösten 2014"
    assert survey.baseline.year == 2014


def test_trygg_i_goteborg_is_the_context_of_the_two_goteborg_localities(demo_data):
    agreement = Agreement.objects.get(name="Trygg i Göteborg")

    assert sorted(agreement.localities.values_list("slug", flat=True)) == [
        "sydvast",
        "vastra-hisingen",
    ]
    assert "Eva Hessman, stadsdirektör" in agreement.signatories


def test_no_commitment_status_is_invented(demo_data):
    statuses = set(Commitment.objects.values_list("status", flat=True))

    assert statuses == {Commitment.Status.UNREPORTED}  # no document gives one


def test_a_second_run_changes_nothing(demo_data):
    before = _snapshot()

    call_command("load_demo_data")

    assert _snapshot() == before


def test_a_failure_part_way_leaves_the_database_as_it_was(db, monkeypatch):
    def fail_on_fyrbodal(row, by_slug):
        if row["slug"] == "sodra-fyrbodal":
            raise RuntimeError("disk full")
        return original(row, by_slug)

    original = demo._load_locality
    monkeypatch.setattr(demo, "_load_locality", fail_on_fyrbodal)

    with pytest.raises(RuntimeError):
        call_command("load_demo_data")

    assert Locality.objects.count() == 0
    assert Promise.objects.count() == 0


def test_a_failed_rerun_keeps_the_earlier_data(demo_data, monkeypatch):
    monkeypatch.setitem(demo_data_sydvast(), "title", "Ändrad rubrik")
    original = demo._load_picture

    def fail_on_molndal(locality, *args):
        if locality.slug == "molndal":  # after Sydväst's promise was rewritten
            raise RuntimeError("boom")
        return original(locality, *args)

    monkeypatch.setattr(demo, "_load_picture", fail_on_molndal)

    with pytest.raises(RuntimeError):
        call_command("load_demo_data")

    assert Promise.objects.filter(title="Tryggare utemiljö").exists()


def demo_data_sydvast():
    return demo_data.SYDVAST["promises"][0]
