"""Swedish content keeps Swedish formatting on the English pages too."""

from django import template
from django.utils import translation

from .portal_tags import num

register = template.Library()


@register.filter
def num_sv(value):
    """A number inside Swedish text ("mer än 1 000", "i snitt 2,8"), written as Swedish
    writes it whatever the page's language: a figure quoted from a document stays as the
    document wrote it."""
    with translation.override("sv"):
        return num(value)
