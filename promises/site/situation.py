"""Why it was promised: the situation picture and place pages."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from promises.models import Commitment, Promise, published_q
from situation.models import Place, Problem, SituationPicture


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


class PlaceDetailView(DetailView):
    template_name = "situation/place_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Place.objects.select_related("locality").prefetch_related(
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
