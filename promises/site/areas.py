"""“Hitta ditt område”: a resident types or picks the municipality, city district or place
they live in and lands on the locality that covers it."""

from functools import lru_cache

from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from promises import search
from promises.models import Locality, LocalityName, Municipality
from situation.models import Place

AREA_NAME_MAX_LENGTH = 200
# A name's folded forms, kept across requests: the home folds the same ~600 names on every
# request (3 ms at 300 localities), and they seldom change.
_squash = lru_cache(maxsize=8192)(search.squash)
_fold = lru_cache(maxsize=8192)(search.fold)


def area_names():
    """Every name the finder knows, sorted, once each: localities, their alternative names,
    municipalities and places (the home page's list to pick from)."""
    names = {}
    for queryset in (Locality.objects, LocalityName.objects, Municipality.objects, Place.objects):
        for name in queryset.values_list("name", flat=True):
            names.setdefault(_squash(name), name)
    return sorted(names.values(), key=_fold)


@require_safe
def find_area(request):
    """One locality known by the name: its page. Several (a municipality with two city
    districts): a choice. None: the form again with close matches, 404."""
    name = request.GET.get("namn", "").replace("\x00", "").strip()[:AREA_NAME_MAX_LENGTH]
    context = {"name": name, "area_names": area_names()}
    if not name:
        return render(request, "promises/find_area.html", context)
    localities = list(Locality.objects.named(name).order_by("name"))
    if len(localities) == 1:
        return redirect(localities[0])
    context["localities"] = localities
    if not localities:
        context["suggestions"] = search.suggestions(name, context["area_names"], 10)
    return render(request, "promises/find_area.html", context, status=200 if localities else 404)
