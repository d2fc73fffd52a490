"""Why it was promised: the situation picture and place pages."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from promises.models import Promise
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
                        "themes", Prefetch("places", Place.objects.select_related("locality"))
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


@page_depends_on_locality("locality")
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
