"""The same survey question across localities (/fragor/<slug>/), from the shared list kept by
administrators; and a goal that says which shared question measures it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from situation.models import SurveyQuestion
from tests import factories
from tests.promises.admin_forms import post_data

pytestmark = pytest.mark.django_db

TEXT = "Känner sig trygg i sitt bostadsområde kvällstid"


@pytest.fixture
def asked(make_locality):
    question = SurveyQuestion.objects.create(text=TEXT, slug="trygg-kvallstid", unit="%")
    molndal = make_locality("Mölndal")
    sydvast = make_locality("Sydväst")
    make_locality("Tjörn")  # never asked it
    old = factories.SurveyFactory(locality=molndal, title="Mölndal 2019", year=2019)
    new = factories.SurveyFactory(
        locality=molndal, title="Mölndal 2023", year=2023, respondents=1000
    )
    south = factories.SurveyFactory(locality=sydvast, title="Sydväst 2022", year=2022)
    factories.SurveyResultFactory(
        survey=old, question=TEXT, value=Decimal("51"), shared_question=question
    )
    factories.SurveyResultFactory(
        survey=new, question=TEXT, value=Decimal("64"), group="kvinnor", shared_question=question
    )
    factories.SurveyResultFactory(
        survey=new, question=TEXT, value=Decimal("72"), group="män", shared_question=question
    )
    factories.SurveyResultFactory(
        survey=south, question=TEXT, value=Decimal("58.5"), shared_question=question
    )
    # The same words, not tied to the shared question: not compared.
    tjorn = factories.SurveyFactory(locality=sydvast, title="Annan enkät", year=2024)
    factories.SurveyResultFactory(survey=tjorn, question=TEXT, value=Decimal("99"))
    return question


def test_the_question_page_shows_each_localitys_latest_answer_with_year_and_size(client, asked):
    response = client.get(asked.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    molndal = page.split("Mölndal</a></th>")[1].split("</tr>")[0]
    assert "64 %" in molndal and "72 %" in molndal and "kvinnor" in molndal
    assert "<td>2023</td>" in molndal and "<td>1\xa0000</td>" in molndal
    assert "51 %" not in page  # Mölndal's earlier survey
    sydvast = page.split("Sydväst</a></th>")[1].split("</tr>")[0]
    assert "58,5 %" in sydvast and "2022" in sydvast
    assert "99" not in page  # an answer not tied to the shared question
    assert "Tjörn" not in page


def test_the_question_list_names_only_questions_someone_answered(client, asked):
    SurveyQuestion.objects.create(text="Har utsatts för brott", slug="utsatt")

    page = client.get(reverse("promises:questions")).content.decode()

    assert TEXT in page
    assert "Har utsatts för brott" not in page


def test_an_unknown_question_is_a_404(client):
    assert client.get(reverse("promises:question", args=["finns-inte"])).status_code == 404


def test_an_editor_ties_an_own_answer_to_a_shared_question_another_locality_uses(
    client, asked, make_editor
):
    tjorn = factories.LocalityFactory(name="Orust", slug="orust")
    survey = factories.SurveyFactory(locality=tjorn, title="Orust 2024", year=2024)
    result = factories.SurveyResultFactory(survey=survey, question=TEXT, value=Decimal("61"))
    client.force_login(make_editor(tjorn))
    change = reverse("admin:situation_surveyresult_change", args=[result.pk])
    data = post_data(client.get(change))
    data["shared_question"] = str(asked.pk)

    response = client.post(change, data)

    assert response.status_code == 302
    result.refresh_from_db()
    assert result.shared_question == asked
    assert "Orust" in client.get(asked.get_absolute_url()).content.decode()


def test_an_editor_cannot_change_the_shared_list(client, asked, make_editor):
    client.force_login(make_editor(factories.LocalityFactory()))
    change = reverse("admin:situation_surveyquestion_change", args=[asked.pk])
    data = post_data(client.get(change))
    data["text"] = "Ändrad fråga"

    client.post(change, data)

    asked.refresh_from_db()
    assert asked.text == TEXT
    assert client.get(reverse("admin:situation_surveyquestion_add")).status_code == 403


def test_a_goal_names_the_shared_question_that_measures_it(client, asked, make_promise):
    promise = make_promise()
    goal = factories.GoalFactory(promise=promise, text="Fler ska känna sig trygga.")
    factories.IndicatorFactory(
        promise=promise, goal=goal, name="Trygga kvällstid", question=asked, survey_question=TEXT
    )

    page = client.get(promise.get_absolute_url()).content.decode()
    goals = page.split('id="goals"')[1].split("</section>")[0]

    assert "Mäts med enkätfrågan" in goals
    assert asked.get_absolute_url() in goals


def test_a_survey_without_a_year_is_not_taken_for_the_latest_answer(client, asked):
    undated = factories.SurveyFactory(
        locality=asked.results.first().survey.locality, title="Utan år", date_text="hösten"
    )
    factories.SurveyResultFactory(
        survey=undated, question=TEXT, value=Decimal("1"), shared_question=asked
    )

    page = client.get(asked.get_absolute_url()).content.decode()

    assert "Utan år" not in page  # a dated survey is taken as the latest


def test_the_sitemap_lists_the_overview_and_an_answered_question(client, asked):
    SurveyQuestion.objects.create(text="Aldrig besvarad", slug="aldrig")

    body = client.get("/sitemap.xml").content.decode()

    assert "/oversikt/" in body and "/fragor/" in body
    assert asked.get_absolute_url() in body
    assert "/fragor/aldrig/" not in body
