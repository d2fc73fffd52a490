from django import template

from followup.markdown import render_markdown
from followup.selectors import days_without_followup, localities_reachable
from promises.models import Locality

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ update.text|markdown }}: sanitised HTML from Markdown."""
    return render_markdown(text)


@register.simple_tag
def stale_days(promise):
    """{% stale_days promise as days %}: days without follow-up when stale, else None."""
    return days_without_followup(promise)


@register.simple_tag
def feedback_reaches(locality):
    """{% feedback_reaches locality as reaches %}: whether anybody receives the feedback of
    `locality` (followup.selectors.feedback_recipients' rule); no query where the page's
    view annotated `feedback_reachable`, else one."""
    if locality is None:
        return True
    prepared = getattr(locality, "feedback_reachable", None)  # annotated by the page's view
    if prepared is not None:
        return prepared
    return localities_reachable(Locality.objects.filter(pk=locality.pk)).exists()


@register.simple_tag
def localities_out_of_reach():
    """{% localities_out_of_reach as names %}: names of the localities nobody receives
    feedback for, for the general form where the resident picks one."""
    reachable = localities_reachable().values("pk")
    return list(
        Locality.objects.exclude(pk__in=reachable).order_by("name").values_list("name", flat=True)
    )
