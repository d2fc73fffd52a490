"""The promise list's filters: a plain GET form, every condition a subquery (no duplicate rows)."""

from html import escape

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Actor, Commitment, Locality, Party, Promise, Theme

QUERY_MAX_LENGTH = 200


def commitments_by(actor):
    """Commitments whose owning parties make them the given actor (see promises.models.actor_of)."""
    police = Exists(Party.objects.filter(commitments=OuterRef("pk"), kind=Party.Kind.POLICE))
    town = Exists(Party.objects.filter(commitments=OuterRef("pk"), kind=Party.Kind.MUNICIPALITY))
    condition = {
        Actor.POLICE: police & ~town,
        Actor.MUNICIPALITY: town & ~police,
        Actor.BOTH: police & town,
        Actor.PARTNER: ~police & ~town,
    }[actor]
    return Commitment.objects.filter(condition)


class FastSelect(forms.Select):
    """A select rendered in Python rather than through Django's option templates, which cost
    about 25 µs an option: 10 ms a request for a region's 300 localities."""

    option_lang = ""

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
        options = []
        for option_value, label in self._options():
            option_value = "" if option_value is None else str(option_value)
            lang = self.option_lang if option_value else ""
            mark = " selected" if option_value in selected else ""
            options.append(
                f'<option value="{escape(option_value)}"{lang}{mark}>{escape(str(label))}</option>'
            )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(
            f'<select name="{escape(name)}"{attrs}>\n  ' + "\n  ".join(options) + "\n</select>"
        )


class SwedishOptionsSelect(FastSelect):
    """A select whose options are content (place and theme names): marked as Swedish."""

    option_lang = ' lang="sv"'


def _has_commitment(queryset):
    return Exists(queryset.filter(promise=OuterRef("pk")))


class PromiseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "aria-describedby": "id_q-help"}
        ),
        help_text=_("Words in the title, summary or a commitment."),
    )
    locality = django_filters.ModelChoiceFilter(
        label=_("Locality"),
        queryset=Locality.objects.only("slug", "name"),
        to_field_name="slug",
        empty_label=_("All localities"),
        widget=SwedishOptionsSelect,
    )
    actor = django_filters.ChoiceFilter(
        label=_("Who promises"),
        choices=Actor.choices,
        method="filter_actor",
        empty_label=_("Anyone"),
        widget=FastSelect,
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        empty_label=_("All themes"),
        widget=SwedishOptionsSelect,
    )
    phase = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=Promise.Phase.choices,
        method="filter_phase",
        empty_label=_("Any period"),
        widget=FastSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Has a commitment that is"),
        choices=Commitment.Status.choices,
        method="filter_status",
        empty_label=_("Any status"),
        widget=FastSelect,
    )

    class Meta:
        model = Promise
        fields = ["q", "locality", "actor", "theme", "phase", "status"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        in_commitment = _has_commitment(Commitment.objects.filter(text__icontains=value))
        return queryset.filter(
            Q(title__icontains=value) | Q(summary__icontains=value) | in_commitment
        )

    def filter_actor(self, queryset, name, value):
        return queryset.filter(_has_commitment(commitments_by(Actor(value))))

    def filter_theme(self, queryset, name, value):
        own = Exists(Promise.themes.through.objects.filter(promise=OuterRef("pk"), theme=value))
        in_commitment = _has_commitment(Commitment.objects.filter(themes=value))
        return queryset.filter(own | in_commitment)

    def filter_phase(self, queryset, name, value):
        return queryset.in_phase(value)

    def filter_status(self, queryset, name, value):
        return queryset.filter(_has_commitment(Commitment.objects.filter(status=value)))
