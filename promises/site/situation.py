"""Why it was promised: the situation picture and place pages."""

from urllib.parse import urlencode

from django.db.models import F, Prefetch, Q
from django.db.models.lookups import Contains
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from followup.models import Update
from promises import search
from promises.models import Commitment, Promise, published_q
from promises.signals import page_depends_on_locality
from situation.models import Place, Problem, SituationPicture


@page_depends_on_locality("locality")
class SituationPictureDetailView(DetailView):
    template_name = "situation/situationpicture_detail.html"
    context_object_name = "picture"

    def get_object(self, queryset=None):
        return get_object_or_404(
            SituationPicture.objects.select_related("locality").prefetch_related(
                "sources",
                Prefetch(
                    "problems",
                    queryset=Problem.objects.prefetch_related(
                        "themes",
                        Prefetch("places", Place.objects.select_related("locality")),
                        # The commitments that answer it: published promises only.
                        Prefetch(
                            "commitments",
                            Commitment.objects.filter(published_q("promise__"))
                            .select_related("promise__locality")
                            .order_by("promise__title", "order", "pk"),
                        ),
                    ),
                ),
                Prefetch(
                    "promises",
                    queryset=Promise.objects.published().select_related("locality"),
                ),
            ),
            locality__slug=self.kwargs["locality"],
            slug=self.kwargs["slug"],
        )


def mentioning(name, *paths):
    """A condition: one of the texts at `paths` names `name` (case, accents and spaces
    aside, as the search folds them)."""
    condition = Q()
    for path in paths:
        condition |= Q(Contains(search.Squashed(path), search.squash(name)))
    return condition


def map_url(place):
    """The place on OpenStreetMap: a plain link (no embedded map, tiles or scripts), at its
    coordinates when known, else a search for its name in its municipality or locality."""
    if place.latitude is not None and place.longitude is not None:
        lat, lon = place.latitude, place.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    municipalities = [m.name for m in place.locality.municipalities.all()]
    where = municipalities[0] if len(municipalities) == 1 else place.locality.name
    return "https://www.openstreetmap.org/search?" + urlencode({"query": f"{place.name}, {where}"})


@page_depends_on_locality("locality")
class PlaceDetailView(DetailView):
    template_name = "situation/place_detail.html"

    def get_context_data(self, **kwargs):
        """Beside the problems tied to the place: the published commitments and follow-up
        notes that name it, and a link to a map."""
        context = super().get_context_data(**kwargs)
        place = self.object
        published = Promise.objects.published()
        context["commitments"] = (
            Commitment.objects.filter(promise__in=published.values("pk"))
            .filter(mentioning(place.name, "text"))
            .select_related("promise__locality")
            .order_by("promise__title", "order", "pk")
        )
        context["notes"] = (
            Update.objects.published()
            .filter(mentioning(place.name, "title", "text"))
            .select_related("promise__locality")
            .order_by(F("date").desc(nulls_last=True), "-pk")
        )
        context["map_url"] = map_url(place)
        return context

    def get_object(self, queryset=None):
        return get_object_or_404(
            Place.objects.select_related("locality").prefetch_related(
                "locality__municipalities",
                Prefetch(
                    "problems",
                    queryset=Problem.objects.select_related("picture__locality").prefetch_related(
                        "themes"
                    ),
                ),
            ),
            locality__slug=self.kwargs["locality"],
            slug=self.kwargs["slug"],
        )
