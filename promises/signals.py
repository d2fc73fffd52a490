"""Signals the apps send for the composition root (`config`) to act on.

Model signals (post_save, post_delete, m2m_changed) already tell `config` of every
ordinary write. A write that bypasses them (a queryset `update()`, `bulk_create()`, a
restore) sends `content_changed` instead, so that no writer needs to know of the page
cache.
"""

from django.dispatch import Signal

# Sent with sender=the model class whose rows changed (or None when anything may have).
content_changed = Signal()
