from django.contrib import admin

from .models import Place, Problem, SituationPicture, Source, Survey, SurveyResult


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "locality"]
    list_filter = ["kind", "locality"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0


class ProblemInline(admin.StackedInline):
    model = Problem
    extra = 0
    filter_horizontal = ["themes", "places"]


@admin.register(SituationPicture)
class SituationPictureAdmin(admin.ModelAdmin):
    list_display = ["title", "locality", "date", "date_text"]
    list_filter = ["locality"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["promises"]
    inlines = [SourceInline, ProblemInline]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["kind", "picture"]
    list_filter = ["kind"]


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "picture"]
    search_fields = ["description"]


class SurveyResultInline(admin.TabularInline):
    model = SurveyResult
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "locality", "year", "respondents", "baseline"]
    list_filter = ["locality"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SurveyResultInline]


@admin.register(SurveyResult)
class SurveyResultAdmin(admin.ModelAdmin):
    list_display = ["question", "group", "value", "survey"]
