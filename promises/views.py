from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView

from .models import Actor, Commitment, Locality, Promise


def home(request):
    localities = Locality.objects.select_related("police_area").prefetch_related(
        "municipalities",
        Prefetch("promises", queryset=Promise.objects.published(), to_attr="published_promises"),
    )
    return render(request, "promises/home.html", {"localities": localities})


class LocalityDetailView(DetailView):
    queryset = Locality.objects.select_related("police_area", "agreement").prefetch_related(
        "municipalities",
        Prefetch("promises", queryset=Promise.objects.published(), to_attr="published_promises"),
    )
    template_name = "promises/locality_detail.html"


class PromiseDetailView(DetailView):
    template_name = "promises/promise_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Promise.objects.visible_to(self.request.user)
            .select_related("locality__police_area", "locality__agreement")
            .prefetch_related(
                "parties",
                "goals",
                "contacts",
                Prefetch("commitments", queryset=Commitment.objects.prefetch_related("parties")),
            ),
            locality__slug=self.kwargs["locality"],
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = {actor: [] for actor in Actor}
        for commitment in self.object.commitments.all():
            groups[commitment.actor].append(commitment)
        context["commitment_groups"] = [(actor, items) for actor, items in groups.items() if items]
        context["updates"] = self.object.updates.published().select_related("commitment")
        return context
