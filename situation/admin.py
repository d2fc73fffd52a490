from django import forms
from django.contrib import admin

from promises.admin_scoping import Scope, ScopedAdmin, ScopedInline

from .models import (
    Place,
    Problem,
    SituationPicture,
    Source,
    Survey,
    SurveyQuestion,
    SurveyResult,
    problem_link_errors,
)

RelatedOnly = admin.RelatedOnlyFieldListFilter


@admin.register(Place)
class PlaceAdmin(ScopedAdmin):
    list_display = ["name", "kind", "locality"]
    list_filter = ["kind", ("locality", RelatedOnly)]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["locality"]
    list_select_related = ["locality"]


class SourceInline(ScopedInline, admin.TabularInline):
    model = Source
    extra = 0


class ProblemForm(forms.ModelForm):
    """A problem's answering commitments must be of the picture's own locality."""

    class Meta:
        model = Problem
        fields = ["picture", "description", "themes", "places", "commitments", "order"]

    def clean(self):
        cleaned = super().clean()
        picture = cleaned.get("picture") or getattr(self.instance, "picture", None)
        commitments = cleaned.get("commitments")
        if picture is not None and commitments:
            commitments = commitments.select_related("promise")
            error = problem_link_errors(picture, commitments)
            if error:
                self.add_error("commitments", error)
        return cleaned


class ProblemInline(ScopedInline, admin.StackedInline):
    model = Problem
    form = ProblemForm
    extra = 0
    autocomplete_fields = ["themes", "places", "commitments"]


@admin.register(SituationPicture)
class SituationPictureAdmin(ScopedAdmin):
    list_display = ["title", "locality", "date", "date_text"]
    list_filter = [("locality", RelatedOnly)]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["locality", "promises"]
    inlines = [SourceInline, ProblemInline]
    list_select_related = ["locality"]


@admin.register(Source)
class SourceAdmin(ScopedAdmin):
    list_display = ["kind", "picture"]
    list_filter = ["kind", ("picture__locality", RelatedOnly)]
    search_fields = ["description", "picture__title"]
    autocomplete_fields = ["picture"]
    list_select_related = ["picture"]


@admin.register(Problem)
class ProblemAdmin(ScopedAdmin):
    form = ProblemForm
    list_display = ["__str__", "picture"]
    list_filter = [("picture__locality", RelatedOnly)]
    search_fields = ["description"]
    autocomplete_fields = ["picture", "themes", "places", "commitments"]
    list_select_related = ["picture"]


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(ScopedAdmin):
    """The shared list: editors see it and pick from it; only administrators change it."""

    scope = Scope.SHARED
    list_display = ["text", "unit"]
    search_fields = ["text"]
    prepopulated_fields = {"slug": ["text"]}


class SurveyResultInline(ScopedInline, admin.TabularInline):
    model = SurveyResult
    extra = 0
    autocomplete_fields = ["shared_question"]


@admin.register(Survey)
class SurveyAdmin(ScopedAdmin):
    list_display = ["title", "locality", "year", "respondents", "baseline"]
    list_filter = [("locality", RelatedOnly)]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["locality", "baseline", "promises"]
    inlines = [SurveyResultInline]
    list_select_related = ["locality", "baseline"]


@admin.register(SurveyResult)
class SurveyResultAdmin(ScopedAdmin):
    list_display = ["question", "group", "value", "survey", "shared_question"]
    list_filter = [("survey__locality", RelatedOnly)]
    search_fields = ["question", "survey__title"]
    autocomplete_fields = ["survey", "shared_question"]
    list_select_related = ["survey"]
