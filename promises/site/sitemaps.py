"""sitemap.xml: every public page, in Swedish and English, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from promises.models import Agreement, Locality, Promise
from situation.models import Place, SituationPicture, SurveyQuestion


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(PortalSitemap):
    def items(self):
        return [
            "promises:home",
            "promises:list",
            "promises:overview",
            "promises:questions",
            "promises:about",
            "promises:accessibility",
        ]

    def location(self, item):
        return reverse(item)


class LocalitySitemap(PortalSitemap):
    def items(self):
        return Locality.objects.order_by("pk")


class AgreementSitemap(PortalSitemap):
    def items(self):
        return Agreement.objects.order_by("pk")


class PromiseSitemap(PortalSitemap):
    def items(self):
        return Promise.objects.published().select_related("locality").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class SituationPictureSitemap(PortalSitemap):
    def items(self):
        return SituationPicture.objects.select_related("locality").order_by("pk")


class PlaceSitemap(PortalSitemap):
    def items(self):
        return Place.objects.select_related("locality").order_by("pk")


class QuestionSitemap(PortalSitemap):
    def items(self):
        return SurveyQuestion.objects.filter(results__isnull=False).distinct().order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "localities": LocalitySitemap,
    "agreements": AgreementSitemap,
    "promises": PromiseSitemap,
    "situation": SituationPictureSitemap,
    "places": PlaceSitemap,
    "questions": QuestionSitemap,
}
