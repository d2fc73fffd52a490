from django import template

from followup.markdown import render_markdown
from followup.selectors import days_without_followup

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ update.text|markdown }}: sanitised HTML from Markdown."""
    return render_markdown(text)


@register.simple_tag
def stale_days(promise):
    """{% stale_days promise as days %}: days without follow-up when stale, else None."""
    return days_without_followup(promise)
