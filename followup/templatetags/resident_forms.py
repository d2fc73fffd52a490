"""Fresh, unbound resident forms for the promise and area pages' partials."""

from django import template

from followup.forms import FeedbackForm, SubscribeForm

register = template.Library()


@register.simple_tag
def new_feedback_form():
    """{% new_feedback_form as form %}: a form with a fresh "shown at" timestamp."""
    return FeedbackForm()


@register.simple_tag
def new_subscribe_form():
    return SubscribeForm()
