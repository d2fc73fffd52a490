from django import template

from followup.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ update.text|markdown }}: sanitised HTML from Markdown."""
    return render_markdown(text)
