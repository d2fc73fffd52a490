"""load_demo_data brings in the five source documents faithfully and idempotently."""

import datetime
import html
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core import serializers
from django.core.management import call_command

from followup.models import CommitmentVerdict, Indicator, Measurement, Update, Verdict
from promises import demo as demo_data
from promises.demo import loader as demo
from promises.models import Actor, Agreement, Commitment, Contact, Locality, Promise
from situation.models import Place, Problem, SituationPicture, Source, Survey

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


# --- The pages against the documents (issue 12 points 7–13) ---------------------------------
# Each row: a phrase of a source document (shared/seeds/NNN_*.txt) that its public page must
# show word for word, in Swedish and on the English page alike.

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"

SYDVAST = "/sydvast/tryggare-utemiljo/"
MOLNDAL = "/molndal/molndals-innerstad/"
HISINGEN = "/vastra-hisingen/gangrelaterat-vald/"
FYRBODAL = "/sodra-fyrbodal/medborgarlofte-2023-2024/"
AGREEMENT = "/samverkan/trygg-i-goteborg/"


def seed(number):
    """The text of source document `number` (0–4), its white space made single spaces."""
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return " ".join(path.read_text(encoding="utf-8").split())


def page(client, url, language="sv"):
    """The visible text of a public page, its white space made single spaces."""
    response = client.get(url if language == "sv" else f"/en{url}")
    assert response.status_code == 200
    text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", response.content.decode())
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def html_of(client, url, language="sv"):
    return client.get(url if language == "sv" else f"/en{url}").content.decode()


def section(markup, section_id):
    """The markup of <section id="section_id">."""
    match = re.search(rf'(?s)<section id="{section_id}".*?</section>', markup)
    assert match, section_id
    return match.group(0)


def fact(markup, term):
    """The <dd> of the facts list's <dt>term</dt>, as text."""
    match = re.search(rf"(?s)<dt>{re.escape(term)}\b.*?</dt>\s*<dd[^>]*>(.*?)</dd>", markup)
    return None if match is None else html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


PHRASES = [
    # 7. Mölndal: the givers and the partner.
    (2, MOLNDAL, "Lokalpolisområde Storgöteborg syd och Mölndals stad"),
    (2, MOLNDAL, "Tillsammans med Västtrafik fortsätta att utveckla befintligt STK"),
    # 8. Västra Hisingen: the results article as a follow-up note, its figures and quotes.
    (3, HISINGEN, "Medborgarlöfte om gängrelaterat våld har gett resultat"),
    (3, "/", "Medborgarlöfte om gängrelaterat våld har gett resultat"),
    (3, HISINGEN, "Mer än 1 000 patrulleringstillfällen på hot spots."),
    (3, HISINGEN, "Beslag av 24 vapen och drygt 35 kilo narkotika."),
    (3, HISINGEN, "säger kommunpolisen Daniel Neck"),
    (3, HISINGEN, "säger Lovisa Trell, trygghetssamordnare i Västra Hisingen"),
    (3, HISINGEN, "Vi är på rätt väg men mer finns att göra under lång tid framöver."),
    (3, HISINGEN, "Så har vi uppfyllt vårt löfte."),
    (3, HISINGEN, "trygghetsundersökning bland 1 000 invånare i Biskopsgården innan sommaren"),
    # 9. Figures as written.
    (3, HISINGEN, "2,8 gånger per dag"),
    (3, HISINGEN, "drygt 35 kilo"),
    (3, HISINGEN, "sex automatvapen"),
    # 10. What the documents do date: the survey and the dialogues.
    (2, MOLNDAL, "gjordes av Västtrafik som en del i det gemensamma STK"),
    (2, MOLNDAL, "Detta visade sig inte minst i den trygghetsundersökning"),
    (
        4,
        "/sodra-fyrbodal/lagesbild/lokala-lagesbilder/",
        "Under hösten 2022 så har det även genomförts",
    ),
    # 11. Trygg i Göteborg: text, signatories, quotes, partners.
    (1, AGREEMENT, "stadsdirektör Eva Hessman och Erik Nord, chef för polisområde Storgöteborg"),
    (1, AGREEMENT, "Modellen hjälper oss att få samsyn kring problemen"),
    (1, AGREEMENT, "säger Erik Nord"),
    (1, AGREEMENT, "säger Eva Hessman"),
    (1, AGREEMENT, "Göteborgs Stad och Polisen har samverkat under många år"),
    (1, AGREEMENT, "Trygg stad för alla"),
    (1, AGREEMENT, "statliga och regionala aktörer och myndigheter samt akademin"),
    # 12. Smaller: names, headings and signatories as written.
    (0, SYDVAST, "Trygg-i Sydväst"),
    (2, MOLNDAL, "Trygg-i Mölndal"),
    (0, SYDVAST, "Vårt medborgarlöfte 2022-2023"),
    (0, SYDVAST, "Medborgarna i socialförvaltning Sydväst kan följa arbetet genom:"),
    (0, SYDVAST, "För att skapa en tryggare och säkrare utemiljö"),
    (2, "/molndal/lagesbild/lokal-lagesbild/", "Polisen: För att skapa en inbjudande trygg plats"),
    (2, "/molndal/lagesbild/lokal-lagesbild/", "Mölndals stad: Skall genom BRÅ"),
    (4, FYRBODAL, "Kicki Nordberg, kommundirektör Stenungsunds kommun"),
    (4, FYRBODAL, "Evike Sandor, kommundirektör Tjörns kommun"),
    (4, FYRBODAL, "Ann-Britt Svedberg, tf. kommundirektör Orust kommun"),
    (4, FYRBODAL, "Susanne Arvidsson, lokalpolisområdeschef"),
]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(("document", "url", "phrase"), PHRASES)
def test_the_page_shows_the_documents_words(demo_data, client, document, url, phrase, language):
    assert phrase in seed(document)
    assert phrase in page(client, url, language)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_molndals_promise_is_given_by_police_and_city_with_vasttrafik_a_partner(
    demo_data, client, language
):
    markup = html_of(client, MOLNDAL, language)
    given_by, partners = (
        ("Ges av", "Samverkansparter")
        if language == "sv"
        else (
            "Given by",
            "Partners",
        )
    )

    assert "Ges av: Mölndals stad, Västtrafik" not in page(client, MOLNDAL, language)
    assert "Västtrafik" not in fact(markup, given_by)
    assert "Mölndals stad" in fact(markup, given_by)
    assert fact(markup, partners) == "Västtrafik"
    assert "Västtrafik" in seed(2) and "Ges av" not in seed(2)


def test_vastra_hisingens_article_is_a_published_undated_follow_up_note(demo_data, client):
    note = Update.objects.get(promise__locality__slug="vastra-hisingen")

    assert note.published and note.date is None
    assert note.title in seed(3)
    home = page(client, "/")
    assert "datum ej angivet · Västra Hisingen" in home
    assert "Inga uppföljningar har publicerats ännu" not in home
    assert "date not given" in page(client, "/", "en")
    assert note.title in client.get("/feeds/atom/").content.decode()
    assert "<published>" not in client.get("/feeds/atom/").content.decode()


def test_vastra_hisingen_has_one_undertaking_and_no_invented_owner_contact_or_status(
    demo_data, client
):
    text = page(client, HISINGEN)
    promise = Promise.objects.get(locality__slug="vastra-hisingen")

    assert list(promise.commitments.values_list("text", flat=True)) == ["Öka polisnärvaron."]
    assert "löftet att öka polisnärvaron" in seed(3)
    assert "Kommunen lovar" not in text  # "Stöd till avhoppare" names no actor
    assert not Commitment.objects.filter(text__icontains="avhoppare").exists()
    assert not Commitment.objects.filter(text__icontains="intensifierat arbete").exists()
    assert not Contact.objects.filter(name__in=["Daniel Neck", "Lovisa Trell"]).exists()
    # No "Genomfört" badge (the page's "how progress is calculated" names the status).
    assert "status-done" not in text
    assert set(promise.commitments.values_list("status", flat=True)) == {"unreported"}
    assert not CommitmentVerdict.objects.exists()


def test_the_verdict_says_only_what_the_article_says_quoted_and_attributed(demo_data):
    summary = Verdict.objects.get(promise__locality__slug="vastra-hisingen").summary

    for quote in re.findall(r"”([^”]+)”", summary):
        assert quote in seed(3)
    assert summary.startswith("Polisen")


def test_the_planned_survey_has_no_respondents_yet(demo_data, client):
    survey = Survey.objects.get(slug="trygghetsundersokning-biskopsgarden")

    assert survey.respondents is None
    assert "1 000 svarande" not in page(client, HISINGEN)
    assert "1,000 respondents" not in page(client, HISINGEN, "en")


def test_gang_violence_is_no_described_problem_tied_to_biskopsgarden(demo_data):
    assert not Problem.objects.filter(picture__locality__slug="vastra-hisingen").exists()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_indicator_claims_a_direction_the_document_does_not_set(demo_data, client, language):
    text = page(client, HISINGEN, language)

    assert set(Indicator.objects.values_list("direction", flat=True)) == {"none"}
    assert "Högre är bättre" not in text and "Higher is better" not in text
    assert ("Ingen riktning angiven" if language == "sv" else "No direction given") in text
    assert "högre" not in seed(3).lower() and "lägre" not in seed(3).lower()


def test_only_the_patrols_a_day_are_the_last_year(demo_data):
    last_year = Measurement.objects.filter(period_text="det senaste året")

    assert [m.indicator.slug for m in last_year] == ["patrulleringar-per-dag"]
    assert (
        "2,8 gånger per dag på otrygga och särskilt brottsutsatta platser i Biskopsgården det senaste året"
        in seed(3)
    )
    assert not Indicator.objects.filter(slug="beslagtagna-automatvapen").exists()


@pytest.mark.parametrize(
    ("slug", "url", "words"),
    [
        ("molndal", "/molndal/", "våren 2021"),
        ("sodra-fyrbodal", "/sodra-fyrbodal/", "hösten 2022"),
    ],
)
def test_situation_pictures_carry_no_date_the_document_does_not_give_them(
    demo_data, client, slug, url, words
):
    picture = SituationPicture.objects.get(locality__slug=slug)

    assert (picture.date, picture.date_text) == (None, "")
    assert f"({words})" not in page(client, url)
    assert words.capitalize() not in page(client, picture.get_absolute_url())


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(("document", "url"), [(0, SYDVAST), (3, HISINGEN)])
def test_no_part_of_trygg_i_goteborg_where_the_document_does_not_say_it(
    demo_data, client, document, url, language
):
    text = page(client, url, language)

    assert "Trygg i Göteborg" not in seed(document)
    assert "Del av Trygg i Göteborg" not in text and "Part of Trygg i Göteborg" not in text


@pytest.mark.parametrize("url", [MOLNDAL, HISINGEN])
def test_no_unpublished_results_claim_where_nothing_says_so(demo_data, client, url):
    assert "Resultaten av undersökningen har inte publicerats ännu" not in page(client, url)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_trygg_i_goteborg_is_an_agreement_page_linked_from_its_localities(
    demo_data, client, language
):
    prefix = "" if language == "sv" else "/en"
    text = page(client, AGREEMENT, language)

    assert "Eva Hessman, stadsdirektör" in text
    assert "Göteborgs Stad, Polisen" in text
    for locality in ("/sydvast/", "/vastra-hisingen/", SYDVAST, HISINGEN):
        assert f'href="{prefix}{AGREEMENT}"' in html_of(client, locality, language)
    for locality in ("/molndal/", "/sodra-fyrbodal/"):
        assert AGREEMENT not in html_of(client, locality, language)
    assert client.get("/samverkan/finns-inte/").status_code == 404
    assert AGREEMENT in client.get("/sitemap.xml").content.decode()


def test_sydvasts_pledge_is_under_what_we_promise_not_why(demo_data, client):
    markup = html_of(client, SYDVAST)
    pledge = "För att skapa en tryggare och säkrare utemiljö"

    assert pledge in section(markup, "commitments")
    assert pledge not in section(markup, "why")
    assert "Vårt medborgarlöfte 2022-2023" in section(markup, "commitments")


def test_molndals_police_and_city_paragraphs_are_no_statistics_or_situation_picture_source(
    demo_data, client
):
    sources = Source.objects.filter(picture__locality__slug="molndal")

    assert not sources.filter(kind__in=["police_statistics", "municipality"]).exists()
    assert not sources.filter(description__startswith="Polisen:").exists()
    markup = html_of(client, "/molndal/lagesbild/lokal-lagesbild/")
    assert "<p>Polisen: För att skapa en inbjudande trygg plats" in markup  # its own paragraph
    assert "Polisstatistik" not in markup and "statistik och lägesbild" not in markup


def test_several_municipalities_promise_in_the_plural(demo_data, client):
    fyrbodal = page(client, FYRBODAL)

    assert "lovar kommunerna att" in seed(4)
    assert "Kommunerna lovar" in fyrbodal and "Kommunen lovar" not in fyrbodal
    assert "Kommunen lovar" in page(client, SYDVAST)  # one: socialförvaltning Sydväst
    assert "The municipalities promise" in page(client, FYRBODAL, "en")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_about_page_says_themes_are_the_sites_own_classification(demo_data, client, language):
    text = page(client, "/om/", language)
    words = "webbplatsens egen indelning" if language == "sv" else "this site's own classification"

    assert words in text
    prefix = "" if language == "sv" else "/en"
    assert f'href="{prefix}/om/#themes"' in html_of(client, SYDVAST, language)


@pytest.mark.parametrize(
    ("swedish", "english"),
    [("mer än 1 000", "mer än 1,000"), ("i snitt 2,8", "i snitt 2.8"), ("drygt 35", None)],
)
def test_swedish_figures_keep_swedish_formatting_on_the_english_page(
    demo_data, client, swedish, english
):
    text = page(client, HISINGEN, "en")

    assert swedish in text
    if english:
        assert english not in text
