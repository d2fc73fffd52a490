"""The search's highlighted snippets (promises.search) as HTML."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from promises.search import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def highlight(snippet):
    """The snippet escaped, with the words found in <mark>: only the two markers become
    markup, so nothing typed by an editor or a resident can."""
    escaped = escape(snippet or "")
    return mark_safe(  # noqa: S308 - escaped above; only the markers become tags
        escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )
