"""Why it was promised: the situation picture, its problems, places and surveys."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from promises.models import LocalityScopedQuerySet


class Place(models.Model):
    class Kind(models.TextChoices):
        SQUARE = "square", _("Square")
        STOP = "stop", _("Stop")
        HUB = "hub", _("Transport hub")
        SCHOOL = "school", _("School")
        AREA = "area", _("Area")
        OTHER = "other", _("Other")

    locality = models.ForeignKey(
        "promises.Locality",
        on_delete=models.PROTECT,
        related_name="places",
        verbose_name=_("locality"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    objects = LocalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["locality", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(
                fields=["locality", "slug"], name="place_slug_unique_per_locality"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="place_coordinates_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("promises:place", kwargs={"locality": self.locality.slug, "slug": self.slug})


class SituationPicture(models.Model):
    """A lägesbild: what residents, the police and others said about a locality."""

    locality = models.ForeignKey(
        "promises.Locality",
        on_delete=models.PROTECT,
        related_name="situation_pictures",
        verbose_name=_("locality"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    date = models.DateField(_("date"), null=True, blank=True)
    date_text = models.CharField(
        _("date in words"), max_length=100, blank=True, help_text=_('E.g. "hösten 2022".')
    )
    summary = models.TextField(_("summary"), blank=True)
    promises = models.ManyToManyField(
        "promises.Promise",
        related_name="situation_pictures",
        blank=True,
        verbose_name=_("promises resting on it"),
    )

    objects = LocalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["locality", "-date", "title"]
        verbose_name = _("situation picture")
        verbose_name_plural = _("situation pictures")
        constraints = [
            models.UniqueConstraint(
                fields=["locality", "slug"], name="situationpicture_slug_unique_per_locality"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "promises:picture", kwargs={"locality": self.locality.slug, "slug": self.slug}
        )


class SourceQuerySet(LocalityScopedQuerySet):
    locality_lookup = "picture__locality"


class Source(models.Model):
    """Where a situation picture's knowledge comes from."""

    class Kind(models.TextChoices):
        SURVEY = "survey", _("Safety survey")
        DIALOGUE = "dialogue", _("Dialogue with residents")
        POLICE_STATISTICS = "police_statistics", _("Police statistics and situation picture")
        MUNICIPALITY = "municipality", _("Municipality's situation picture")
        PARTNER_SURVEY = "partner_survey", _("Partner's survey")
        STATISTICS = "statistics", _("Statistics")

    picture = models.ForeignKey(
        SituationPicture,
        on_delete=models.CASCADE,
        related_name="sources",
        verbose_name=_("situation picture"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["picture", "order", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.get_kind_display()


class ProblemQuerySet(LocalityScopedQuerySet):
    locality_lookup = "picture__locality"


class Problem(models.Model):
    picture = models.ForeignKey(
        SituationPicture,
        on_delete=models.CASCADE,
        related_name="problems",
        verbose_name=_("situation picture"),
    )
    description = models.TextField(_("description"))
    themes = models.ManyToManyField(
        "promises.Theme", related_name="problems", blank=True, verbose_name=_("themes")
    )
    places = models.ManyToManyField(
        Place, related_name="problems", blank=True, verbose_name=_("places")
    )
    # The chain from problem to result: the commitments that answer this problem. Kept here,
    # not on Commitment, since situation points at promises and never the other way. Only
    # commitments of the picture's own locality (problem_link_errors).
    commitments = models.ManyToManyField(
        "promises.Commitment",
        related_name="problems",
        blank=True,
        verbose_name=_("commitments that answer it"),
        help_text=_("Only what the documents say: leave it empty when they do not say."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = ProblemQuerySet.as_manager()

    class Meta:
        ordering = ["picture", "order", "pk"]
        verbose_name = _("problem")
        verbose_name_plural = _("problems")

    def __str__(self):
        return self.description if len(self.description) <= 80 else self.description[:77] + "…"


def problem_link_errors(picture, commitments):
    """Why `commitments` cannot answer a problem of `picture`, or None: a problem is answered
    only by commitments of promises in the picture's own locality."""
    if picture is None:
        return None
    strangers = [c for c in commitments if c.promise.locality_id != picture.locality_id]
    if strangers:
        return _(
            "A problem can only be answered by commitments of the same locality: %(commitments)s."
        ) % {"commitments": "; ".join(str(c) for c in strangers)}
    return None


class Survey(models.Model):
    """A trygghetsundersökning; a later one is compared with its baseline."""

    locality = models.ForeignKey(
        "promises.Locality",
        on_delete=models.PROTECT,
        related_name="surveys",
        verbose_name=_("locality"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    date_text = models.CharField(_("date in words"), max_length=100, blank=True)
    respondents = models.PositiveIntegerField(_("respondents"), null=True, blank=True)
    conducted_by = models.CharField(_("conducted by"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    baseline = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followups",
        verbose_name=_("compared with (baseline)"),
    )
    promises = models.ManyToManyField(
        "promises.Promise", related_name="surveys", blank=True, verbose_name=_("promises")
    )

    objects = LocalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["locality", "year", "title"]
        verbose_name = _("safety survey")
        verbose_name_plural = _("safety surveys")
        constraints = [
            models.UniqueConstraint(
                fields=["locality", "slug"], name="survey_slug_unique_per_locality"
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2200),
                name="survey_year_plausible",
            ),
            models.CheckConstraint(
                condition=~Q(baseline=models.F("pk")), name="survey_not_own_baseline"
            ),
        ]

    def __str__(self):
        return self.title


class SurveyQuestion(models.Model):
    """A question of the shared list kept by administrators. Answers that name it are
    answers to the same question, so they can be compared across localities and years
    (/fragor/<slug>/); editors pick from the list, they do not change it."""

    text = models.CharField(_("question"), max_length=300, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_('E.g. "%".'))
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What is asked and how the answer is counted, e.g. share who answer yes."),
    )

    class Meta:
        ordering = ["text"]
        verbose_name = _("shared survey question")
        verbose_name_plural = _("shared survey questions")

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("promises:question", kwargs={"slug": self.slug})


class SurveyResultQuerySet(LocalityScopedQuerySet):
    locality_lookup = "survey__locality"


class SurveyResult(models.Model):
    """One answer of a survey: a question, a value, optionally for a group (women / men)."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="results", verbose_name=_("survey")
    )
    question = models.CharField(_("question"), max_length=300)
    group = models.CharField(
        _("group"), max_length=100, blank=True, help_text=_('E.g. "kvinnor" or "män".')
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    shared_question = models.ForeignKey(
        SurveyQuestion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="results",
        verbose_name=_("question from the shared list"),
        help_text=_(
            "Only when the survey asked exactly this question: then the answer is compared "
            "with other areas' answers to it."
        ),
    )

    objects = SurveyResultQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "question", "group"]
        verbose_name = _("survey result")
        verbose_name_plural = _("survey results")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "question", "group"], name="surveyresult_unique_answer"
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.value}"
