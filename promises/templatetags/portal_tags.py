"""Small helpers for the public templates."""

import logging
from collections import defaultdict
from decimal import Decimal

from django import template
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.urls import translate_url
from django.utils.formats import localize, number_format
from django.utils.translation import gettext, ngettext

from promises.progress import State

from .promise_history import commitment_changes

logger = logging.getLogger(__name__)
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


@register.simple_tag
def locality_rows(localities, newest, municipalities):
    """One dict per locality for `_locality_directory.html`: its slug, name, municipality
    names, police area, collaboration and newest published promise (title, slug and the
    locality's number of promises; `count` 0 when there is none).

    `localities` are dicts (see `promises.site.views.home`); `newest` are (locality id, title,
    slug, number of promises) of each locality's newest published promise; `municipalities`
    are (locality id, name) pairs in name order."""
    by_locality = {row[0]: row[1:] for row in newest}
    names = defaultdict(list)
    for locality_id, name in municipalities:
        names[locality_id].append(name)
    rows = []
    for locality in localities:
        title, newest_slug, count = by_locality.get(locality["pk"], (None, None, 0))
        rows.append(
            {
                "slug": locality["slug"],
                "name": locality["name"],
                "municipalities": names[locality["pk"]],
                "police_area": locality["police_area__name"],
                "collaboration": locality["collaboration_name"],
                "newest_title": title,
                "newest_slug": newest_slug,
                "count": count,
            }
        )
    return rows


def _number(value):
    return str(localize(value))


@register.simple_tag
def period_parts(promise):
    """For `_promise_period.html`: the promise's phase (its value and label) and its dates,
    or its period in the document's words. Kept on the promise for the request: the home
    shows a promise in force twice."""
    parts = promise.__dict__.get("_period_parts")
    if parts is None:
        phase = promise.phase()
        dated = promise.starts_on is not None and promise.ends_on is not None
        parts = promise.__dict__["_period_parts"] = {
            "phase": phase.value,
            "label": str(phase.label),
            "starts_on": promise.starts_on if dated else None,
            "ends_on": promise.ends_on if dated else None,
            "text": "" if dated else promise.period_text,
        }
    return parts


@register.simple_tag
def progress_parts(progress):
    """For `_progress.html` and the embed card: what the progress shows, as a dict. Its
    `state` and `summary` are promises.progress's (one wording for every surface); once a
    status is reported, the bar's widths and the progress in words, "1 of 4 commitments
    done, 1 in progress, ...". The bar is 20 units a counted commitment: a done one is
    drawn 20 wide and one in progress 10 (it counts half), so the drawn share is the
    stated percentage."""
    counted = progress.counted
    parts = {
        "state": str(progress.state),
        "summary": progress.summary,
        "counted": counted,
        "reported": progress.reported,
        "total": progress.total,
    }
    if progress.state != State.REPORTED:
        return parts
    sentence = ngettext(
        "%(done)s of %(counter)s commitment done",
        "%(done)s of %(counter)s commitments done",
        counted,
    ) % {"done": _number(progress.done), "counter": _number(counted)}
    if progress.in_progress:
        sentence += ", " + gettext("%(n)s in progress") % {"n": _number(progress.in_progress)}
    if progress.unreported:
        sentence += ", " + gettext("%(n)s not reported") % {"n": _number(progress.unreported)}
    if progress.cancelled:
        cancelled = progress.cancelled
        sentence += ", " + ngettext("%(counter)s cancelled", "%(counter)s cancelled", cancelled) % {
            "counter": _number(cancelled)
        }
    # Strings: the template would write a number as the language does (1 000, 1,5).
    parts["width"] = str(20 * counted)
    parts["done"] = str(20 * progress.done)
    parts["doing"] = str(10 * progress.in_progress)
    parts["sentence"] = sentence
    parts["percent"] = progress.percent
    return parts


@register.simple_tag
def earlier_wordings(commitment):
    """{% earlier_wordings commitment as changes %}: the commitment's dated earlier wordings."""
    return commitment_changes(commitment)


def cached_fragment(name, vary_on, timeout, render):
    """`render()`, kept in the fragment cache under `name` and everything it varies on (so it
    is never out of date); built without the cache when the cache does not answer."""
    try:
        fragments = caches["template_fragments"]
    except InvalidCacheBackendError:
        fragments = caches["default"]
    key = make_template_fragment_key(name, vary_on)
    try:
        fragment = fragments.get(key)
    except Exception:  # the cache is away: the page is built without it
        logger.warning("Could not read the fragment %s: the cache does not answer", name)
        return render()
    if fragment is None:
        fragment = render()
        try:
            fragments.set(key, fragment, timeout)
        except Exception:
            logger.warning("Could not store the fragment %s", name)
    return fragment


class _FragmentCacheNode(template.Node):
    def __init__(self, nodelist, timeout, name, vary_on):
        self.nodelist, self.timeout, self.name, self.vary_on = nodelist, timeout, name, vary_on

    def render(self, context):
        return cached_fragment(
            self.name,
            [var.resolve(context) for var in self.vary_on],
            self.timeout,
            lambda: self.nodelist.render(context),
        )


@register.tag
def fragment_cache(parser, token):
    """{% fragment_cache seconds name vary_on... %}...{% endfragment_cache %}: Django's
    `{% cache %}` (same keys, same cache), except that the page is still built, without
    the cache, when the cache does not answer (as the page cache does, config/cache.py)."""
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 3 or not bits[1].isdigit():
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a number of seconds, a fragment name and what it varies on."
        )
    vary_on = [parser.compile_filter(bit) for bit in bits[3:]]
    return _FragmentCacheNode(nodelist, int(bits[1]), bits[2], vary_on)
