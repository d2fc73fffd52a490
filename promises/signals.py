"""Signals the apps send for the composition root (`config`) to act on.

Model signals (post_save, post_delete, m2m_changed) already tell `config` of every
ordinary write. A write that bypasses them (a queryset `update()`, `bulk_create()`, a
restore) sends `content_changed` instead, so that no writer needs to know of the page
cache.
"""

import contextlib
import contextvars

from django.dispatch import Signal

# Sent with sender=the model class whose rows changed (or None when anything may have).
content_changed = Signal()

_bulk = contextvars.ContextVar("content_bulk_write", default=False)


@contextlib.contextmanager
def bulk_write():
    """Many writes as one change (a data load): the page cache need not follow each row,
    and `content_changed` (anything may have changed) is sent once at the end."""
    token = _bulk.set(True)
    try:
        yield
    finally:
        _bulk.reset(token)
    content_changed.send(sender=None)


def in_bulk_write():
    """True inside `bulk_write()`: a receiver of the model signals may wait for its end."""
    return _bulk.get()


# The page cache (config/cache.py) keeps a page that declares its locality until something
# of that locality (or shared by every locality) changes; any other page, until anything does.
LOCALITY_KWARG_ATTRIBUTE = "page_cache_locality_kwarg"


def page_depends_on_locality(kwarg):
    """Declare that a view's page shows the content of one locality only, the one whose slug
    is the URL keyword argument `kwarg` (plus content shared by every locality: parties,
    themes, agreements, localities' names): an edit in another locality leaves it cached.
    Works on function views, view classes and feed classes."""

    def declare(view):
        setattr(view, LOCALITY_KWARG_ATTRIBUTE, kwarg)
        return view

    return declare
