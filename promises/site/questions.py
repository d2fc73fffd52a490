"""The same survey question across localities and years (/fragor/<slug>/): only answers that
name a question of the shared list, so that what is compared was truly asked the same way."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from situation.models import SurveyQuestion, SurveyResult


@require_safe
def question_list(request):
    questions = SurveyQuestion.objects.annotate(
        areas=Count("results__survey__locality", distinct=True)
    ).filter(areas__gt=0)
    return render(request, "promises/question_list.html", {"questions": questions})


def latest_by_locality(question):
    """[(locality, survey, [results of that survey, by group])] by locality
    name: each locality's newest survey (by year; a survey without a year before the dated)
    that answered `question`."""
    by_locality = {}
    for result in question.results.all():
        survey = result.survey
        entry = by_locality.setdefault(survey.locality_id, {"locality": survey.locality})
        entry.setdefault(survey.pk, (survey, []))[1].append(result)
    rows = []
    for entry in by_locality.values():
        locality = entry.pop("locality")
        surveys = sorted(
            entry.values(), key=lambda pair: (pair[0].year is not None, pair[0].year or 0)
        )
        survey, results = surveys[-1]
        rows.append((locality, survey, results))
    return sorted(rows, key=lambda row: row[0].name.casefold())


@require_safe
def question_detail(request, slug):
    results = SurveyResult.objects.select_related("survey__locality").order_by("group", "pk")
    question = get_object_or_404(
        SurveyQuestion.objects.prefetch_related(Prefetch("results", results)), slug=slug
    )
    context = {"question": question, "rows": latest_by_locality(question)}
    return render(request, "promises/question_detail.html", context)
