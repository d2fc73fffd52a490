"""Fresh, unbound resident forms for the promise and area pages' partials."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from followup.forms import FeedbackForm, SubscribeForm

register = template.Library()


@register.simple_tag
def new_feedback_form():
    """{% new_feedback_form as form %}: a form with a fresh "shown at" timestamp."""
    return FeedbackForm()


@register.simple_tag
def new_subscribe_form():
    return SubscribeForm()


# Rendered field groups of unbound resident forms, per (form class, field, language). They
# depend on code and translations only, never on data or the request, so they are rendered
# once per process instead of through Django's form templates on every page (4 ms a page).
_BLANK_FIELD_GROUPS = {}


def _blank(form, name, render):
    if form.is_bound or form.initial.get(name) is not None:
        return render(form[name])
    key = (type(form), form.prefix, name, render, get_language())
    html = _BLANK_FIELD_GROUPS.get(key)
    if html is None:
        html = _BLANK_FIELD_GROUPS[key] = render(form[name])
    return html


def _group(field):
    return field.as_field_group()


def _label_and_input(field):
    return format_html("{} {}", field.label_tag(), field.as_widget())


@register.simple_tag
def field_group(form, name):
    """{% field_group form "email" %}: `form.email.as_field_group`, memoised while unbound."""
    return _blank(form, name, _group)


@register.simple_tag
def label_and_input(form, name):
    """{% label_and_input form "website" %}: its label and input, memoised while unbound."""
    return _blank(form, name, _label_and_input)
