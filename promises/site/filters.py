"""The promise list's filter form: a plain GET form whose values go to
PromiseQuerySet.matching, the one rule of the list and the API."""

import django_filters
from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from promises.models import Actor, Commitment, Locality, Municipality, Promise, Theme
from promises.templatetags.portal_tags import cached_fragment

QUERY_MAX_LENGTH = 200


class FastSelect(forms.Select):
    """A select whose options are rendered by one loop in one template
    (promises/widgets/_select.html), rather than Django's template per option, which costs
    about 25 µs an option: 10 ms a request for a region's 300 localities."""

    option_lang = ""
    template = "promises/widgets/_select.html"

    def _options(self):
        choices = self.choices
        if not isinstance(choices, ModelChoiceIterator):
            yield from choices
            return
        # A model field's choices, from one plain SELECT: Django's iterator() would open a
        # server-side cursor on PostgreSQL (three round trips) for a list of a few hundred.
        field = choices.field
        if field.empty_label is not None:
            yield ("", field.empty_label)
        if getattr(field, "null_label", None) is not None:
            yield (field.null_value, field.null_label)
        for obj in choices.queryset:
            yield choices.choice(obj)

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = [
            (option_value, str(label), option_value in selected)
            for option_value, label in (
                ("" if v is None else str(v), label) for v, label in self._options()
            )
        ]
        context = {
            "name": name,
            "attrs": flatatt(self.build_attrs(self.attrs, attrs)),
            "options": options,
            "lang": self.option_lang,
        }
        # Kept under its options (a region's 300 localities: 3 ms a request to render).
        return mark_safe(
            cached_fragment(
                "select",
                [self.template, *context.values()],
                3600,
                lambda: get_template(self.template).render(context),
            )
        )


class SwedishOptionsSelect(FastSelect):
    """A select whose options are content (place and theme names): marked as Swedish."""

    option_lang = "sv"


class PromiseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "aria-describedby": "id_q-help"}
        ),
        help_text=_(
            "Every word, in any order, with or without å, ä and ö: in the promise, its "
            "commitments, goals and problems, or the names of its area, municipality and "
            "places."
        ),
    )
    locality = django_filters.ModelChoiceFilter(
        label=_("Locality"),
        queryset=Locality.objects.only("slug", "name"),
        to_field_name="slug",
        empty_label=_("All localities"),
        widget=SwedishOptionsSelect,
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        queryset=Municipality.objects.only("slug", "name"),
        to_field_name="slug",
        empty_label=_("All municipalities"),
        widget=SwedishOptionsSelect,
    )
    actor = django_filters.ChoiceFilter(
        label=_("Who promises"),
        choices=Actor.choices,
        empty_label=_("Anyone"),
        widget=FastSelect,
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
        widget=SwedishOptionsSelect,
    )
    phase = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=Promise.Phase.choices,
        empty_label=_("Any period"),
        widget=FastSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Has a commitment that is"),
        choices=Commitment.Status.choices,
        empty_label=_("Any status"),
        widget=FastSelect,
    )

    class Meta:
        model = Promise
        fields = ["q", "locality", "municipality", "actor", "theme", "phase", "status"]

    def filter_queryset(self, queryset):
        """The rule is the promises' own (PromiseQuerySet.matching), as in the API; this form
        only reads and checks the values (an unknown one gives the list's 400)."""
        data = self.form.cleaned_data
        locality, theme = data.get("locality"), data.get("theme")
        municipality = data.get("municipality")
        return queryset.matching(
            locality=locality.slug if locality else None,
            municipality=municipality.slug if municipality else None,
            actor=data.get("actor"),
            theme=theme.slug if theme else None,
            phase=data.get("phase"),
            status=data.get("status"),
            q=data.get("q"),
        )
