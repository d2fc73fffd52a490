"""Small helpers for the public templates."""

from decimal import Decimal

from django import template
from django.urls import translate_url
from django.utils.formats import number_format

register = template.Library()


@register.filter
def num(value):
    """A number as the active language writes it, without trailing zeros: 2,8 / 2.8; 1 000."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    digits = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=digits, use_l10n=True, force_grouping=True)


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """The current page in another language: `/loften/?q=x` -> `/en/loften/?q=x`."""
    request = context.get("request")
    if request is None:
        return "/" if language == "sv" else f"/{language}/"
    return translate_url(request.get_full_path(), language)
