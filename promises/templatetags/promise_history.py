from django import template

from promises.history import commitment_text_changes

register = template.Library()


@register.simple_tag
def commitment_changes(commitment):
    """The dated earlier wordings of a published commitment (computed once per promise)."""
    promise = commitment.promise
    cached = promise.__dict__.get("_commitment_text_changes")
    if cached is None:
        cached = promise.__dict__["_commitment_text_changes"] = commitment_text_changes(promise)
    return cached.get(commitment.pk, [])
