"""CSV downloads open with Python's csv module with Swedish intact; the DCAT catalogue."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db


def read_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def test_promises_csv_has_a_row_per_commitment_with_swedish_intact(client, demo_data):
    rows = read_csv(client, "/api/v1/promises.csv")

    molndal = [r for r in rows if r["locality"] == "molndal"]
    assert molndal[0]["promise_title"] == "Medborgarlöftet för Mölndals innerstad"
    assert molndal[0]["period_text"] == "under en tvåårsperiod"
    assert len(molndal) == len({r["commitment_id"] for r in molndal}) > 1
    assert any("å" in r["commitment_text"] or "ä" in r["commitment_text"] for r in molndal)
    hisingen = [r for r in rows if r["locality"] == "vastra-hisingen"]
    assert [r["commitment_text"] for r in hisingen] == ["Öka polisnärvaron."]
    assert {r["verdict_outcome"] for r in hisingen} == {""}  # the article gives none


def test_text_with_commas_quotes_and_newlines_survives(client, make_commitment):
    text = 'Polis, kommun och "Västtrafik"\nsamverkar – även på Öckerö'
    make_commitment(text=text)

    rows = read_csv(client, "/api/v1/promises.csv")

    assert rows[0]["commitment_text"] == text


def test_promise_without_commitments_still_has_a_row(client, make_promise):
    make_promise(title="Tomt löfte")

    rows = read_csv(client, "/api/v1/promises.csv")

    assert [(r["promise_title"], r["commitment_id"]) for r in rows] == [("Tomt löfte", "")]


def test_measurements_csv_gives_the_figures(client, demo_data):
    rows = read_csv(client, "/api/v1/measurements.csv")

    by_slug = {r["indicator_slug"]: r for r in rows}
    assert by_slug["beslagtagen-narkotika"]["value"] == "35"
    assert by_slug["beslagtagen-narkotika"]["qualifier"] == "drygt"
    assert by_slug["patrulleringar-per-dag"]["value"] == "2.8"
    assert by_slug["patrulleringstillfallen-hot-spots"]["indicator_name"] == (
        "Patrulleringstillfällen på hot spots"
    )


NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
}


def test_dcat_catalogue_describes_the_datasets_under_cc0(client):
    response = client.get("/api/v1/dcat.rdf")
    root = ET.fromstring(response.content)
    license_of = f"{{{NS['rdf']}}}resource"

    catalogue = root.find("dcat:Catalog", NS)
    datasets = root.findall("dcat:Dataset", NS)
    assert response["Content-Type"].startswith("application/rdf+xml")
    assert catalogue.find("dct:license", NS).get(license_of) == (
        "https://creativecommons.org/publicdomain/zero/1.0/"
    )
    assert len(datasets) == len(catalogue.findall("dcat:dataset", NS)) == 4
    for distribution in root.iter(f"{{{NS['dcat']}}}Distribution"):
        assert distribution.find("dct:license", NS) is not None
        url = distribution.find("dcat:accessURL", NS).get(license_of)
        path = url.removeprefix("http://testserver")
        assert client.get(path).status_code == 200, url


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_text_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(
    client, make_commitment, text
):
    make_commitment(text=text)

    rows = read_csv(client, "/api/v1/promises.csv")

    assert rows[0]["commitment_text"] == "'" + text


def test_negative_figures_stay_numbers(client, make_indicator):
    make_indicator(values=[-3.5, 12])

    rows = read_csv(client, "/api/v1/measurements.csv")

    assert [r["value"] for r in rows] == ["-3.5", "12"]


def test_an_indicator_drawn_from_surveys_gives_a_row_per_answer_without_a_measurement_id(
    client, make_promise, make_indicator
):
    from followup.models import Measurement
    from situation.models import Survey, SurveyResult

    promise = make_promise()
    baseline = Survey.objects.create(
        locality=promise.locality, title="Nollmätning", slug="noll", year=2014
    )
    later = Survey.objects.create(
        locality=promise.locality, title="Uppföljning", slug="upp", date_text="våren 2016"
    )
    later.baseline = baseline
    later.save()
    for survey, value in ((later, "64.5"), (baseline, "52")):
        SurveyResult.objects.create(survey=survey, question="Trygg kvällstid", value=value)
    make_indicator(promise=promise, survey_question="Trygg kvällstid", slug="trygg", order=1)
    make_indicator(promise=promise, values=[3], slug="patruller", order=2)

    rows = read_csv(client, "/api/v1/measurements.csv")

    assert [
        (r["indicator_slug"], r["measurement_id"], r["period_text"], r["value"], r["source"])
        for r in rows
    ] == [
        ("trygg", "", "2014", "52", "Nollmätning"),
        ("trygg", "", "våren 2016", "64.5", "Uppföljning"),
        ("patruller", str(Measurement.objects.get().pk), "", "3", "Polisen"),
    ]
