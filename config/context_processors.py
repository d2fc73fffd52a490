from django.utils.functional import SimpleLazyObject

from .cache import content_generation as current_generation


def content_generation(request):
    """`content_generation` for `{% cache %}` keys of fragments (read only when used)."""
    return {"content_generation": SimpleLazyObject(current_generation)}
