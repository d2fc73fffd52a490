"""Small helpers for the public templates."""

from collections import defaultdict
from decimal import Decimal
from html import escape

from django import template
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils.formats import date_format, localize, number_format
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from followup.markdown import render_markdown

from .promise_history import commitment_changes

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
def locality_directory(localities, newest, municipalities):
    """The home's list of every locality, built in Python: at a region's 300 localities the
    same markup through template tags (or `format_html`) cost 7 to 20 ms a request, this 1 ms.

    `localities` are dicts (see `promises.site.views.home`); `newest` are (locality id, title,
    slug, number of promises) of each locality's newest published promise; `municipalities`
    are (locality id, name) pairs in name order. Every value goes through `html.escape`.
    """
    by_locality = {row[0]: row[1:] for row in newest}
    names = defaultdict(list)
    for locality_id, name in municipalities:
        names[locality_id].append(escape(name))
    base = reverse("promises:home")  # "/" or "/en/"
    newest_label = escape(gettext("Newest promise"))
    none_yet = escape(gettext("No published promise yet."))  # outside f-strings: xgettext
    items = []
    for locality in localities:
        slug = escape(locality["slug"])
        meta = [", ".join(names[locality["pk"]])] if names[locality["pk"]] else []
        if locality["police_area__name"]:
            meta.append(escape(locality["police_area__name"]))
        if locality["collaboration_name"]:
            meta.append(f'<span lang="sv">{escape(locality["collaboration_name"])}</span>')
        title, newest_slug, count = by_locality.get(locality["pk"], (None, None, 0))
        if count:
            total = ""
            if count > 1:
                text = ngettext("%(counter)s promise in all", "%(counter)s promises in all", count)
                total = f' <span class="meta">({escape(text % {"counter": count})})</span>'
            newest = (
                f'<span class="locality-newest">{newest_label}: <a href="{base}{slug}/'
                f'{escape(newest_slug)}/" lang="sv">'
                f"{escape(title)}</a>{total}</span>"
            )
        else:
            newest = f'<span class="meta">{none_yet}</span>'
        items.append(
            f'<li><a href="{base}{slug}/">{escape(locality["name"])}</a>\n'
            f'      <span class="meta">{" · ".join(meta)}</span><br>\n      {newest}\n    </li>'
        )
    return mark_safe("\n    ".join(items))


# The promise card, its period and its progress are built in Python: they repeat 12 to 24
# times on the home, the list and the locality pages, where the same markup through three
# nested includes cost 0.3 ms a card. Every value goes through `html.escape`.


def _number(value):
    return escape(str(localize(value)))


@register.simple_tag
def promise_period(promise):
    """The phase (in force, ended...) and the dates, or the period in the document's words."""
    phase = promise.phase()
    html = f'<span class="phase phase-{phase}">{escape(str(phase.label))}</span>\n'
    if promise.starts_on and promise.ends_on:
        start = date_format(promise.starts_on, "j N Y")
        end = date_format(promise.ends_on, "j N Y")
        html += f'<span class="period">{escape(start)} – {escape(end)}</span>'
    elif promise.period_text:
        html += f'<span class="period" lang="sv">{escape(capfirst(promise.period_text))}</span>'
    return mark_safe(html)


def _progress_sentence(progress):
    counted = progress.counted
    text = ngettext(
        "%(done)s of %(counter)s commitment done",
        "%(done)s of %(counter)s commitments done",
        counted,
    ) % {"done": _number(progress.done), "counter": _number(counted)}
    if progress.in_progress:
        text += ", " + gettext("%(n)s in progress") % {"n": _number(progress.in_progress)}
    if progress.unreported:
        text += ", " + gettext("%(n)s not reported") % {"n": _number(progress.unreported)}
    if progress.cancelled:
        cancelled = progress.cancelled
        text += ", " + ngettext("%(counter)s cancelled", "%(counter)s cancelled", cancelled) % {
            "counter": _number(cancelled)
        }
    percent = gettext("progress %(percent)s %%") % {"percent": _number(progress.percent)}
    return f'{text}\n    <span class="progress-percent">({percent})</span>'


@register.simple_tag
def promise_progress_bar(progress):
    """A bar of done and in-progress commitments with the same in words, or why there is none."""
    if progress.counted and not progress.reported:
        text = ngettext(
            "No status has been reported yet for its %(counter)s commitment.",
            "No status has been reported yet for its %(counter)s commitments.",
            progress.counted,
        ) % {"counter": _number(progress.counted)}
        body = f'<p class="progress-text">{text}</p>'
    elif progress.counted:
        width, done, doing = 10 * progress.counted, 10 * progress.done, 10 * progress.in_progress
        body = (
            f'<svg class="progress-bar" viewBox="0 0 {width} 10" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false">\n'
            f'    <rect width="{width}" height="10" fill="#e4e9f0"/>\n'
            f'    <rect width="{done}" height="10" fill="#1d6b3a"/>\n'
            f'    <rect x="{done}" width="{doing}" height="10" fill="#7fb08f"/>\n'
            "  </svg>\n"
            f'  <p class="progress-text">\n    {_progress_sentence(progress)}\n  </p>'
        )
    elif progress.total:
        text = escape(gettext("Every commitment has been cancelled."))
        body = f'<p class="progress-text">{text}</p>'
    else:
        text = escape(gettext("No commitments have been published yet."))
        body = f'<p class="progress-text">{text}</p>'
    return mark_safe(f'<div class="progress">\n  {body}\n</div>')


@register.simple_tag
def promise_card(promise, level=3, show_locality=False):
    """A promise in a list: title, locality, period and progress (`promise.progress` set).

    Kept on the promise for the request: the home shows a promise in force twice."""
    key = f"_card_html_{level}_{show_locality}"
    if key in promise.__dict__:
        return promise.__dict__[key]
    locality = f"<span>{escape(promise.locality.name)}</span> · " if show_locality else ""
    html = promise.__dict__[key] = mark_safe(
        f'<li class="card promise-card">\n'
        f'  <h{level} class="card-title"><a href="{escape(promise.get_absolute_url())}" '
        f'lang="sv">{escape(promise.title)}</a></h{level}>\n'
        f'  <p class="meta">\n    {locality}{promise_period(promise)}\n  </p>\n'
        f"  {promise_progress_bar(promise.progress)}\n</li>"
    )
    return html


STATUS_ICONS = {
    "done": "✓",
    "in_progress": "◐",
    "delayed": "!",
    "cancelled": "✕",
    "not_started": "○",
}


@register.simple_tag
def status_badge(status, label):
    """A commitment status as an icon (hidden from screen readers) and its label."""
    icon = STATUS_ICONS.get(status, "?")
    return mark_safe(
        f'<span class="status status-{escape(status)}"><span class="status-icon" '
        f'aria-hidden="true">{icon}</span> {escape(str(label))}</span>'
    )


@register.simple_tag
def commitment_item(commitment):
    """A commitment on the promise page: its text, any earlier wording, status, last note,
    linked figures, why it was cancelled and its end-of-term outcome. Built in Python (0.15 ms
    a commitment through partials; a promise has up to 15)."""
    changes = commitment_changes(commitment)
    history = (
        render_to_string("promises/includes/_commitment_changes.html", {"changes": changes})
        if changes
        else ""
    )
    if commitment.last_update_on:
        day, label = commitment.last_update_on, escape(gettext("Last update"))
        last = (
            f'{label}: <time datetime="{day.isoformat()}">'
            f"{escape(date_format(day, 'j F Y'))}</time>"
        )
    else:
        last = escape(gettext("No follow-up note yet"))
    parts = [
        f'<li class="commitment" id="commitment-{commitment.pk}">\n'
        f'  <p class="commitment-text" lang="sv">{escape(commitment.text)}</p>\n'
        f"  {history}\n"
        f'  <p class="commitment-meta">\n'
        f"    {status_badge(commitment.status, commitment.get_status_display())}\n"
        f'    <span class="meta">{last}</span>\n'
        "  </p>\n"
    ]
    if commitment.linked_indicators:
        links = ", ".join(
            f'<a href="#indicator-{escape(i.slug)}" lang="sv">{escape(i.name)}</a>'
            for i in commitment.linked_indicators
        )
        label = escape(gettext("In figures"))
        parts.append(f'  <p class="meta">{label}: {links}</p>\n')
    if commitment.status == "cancelled":
        label = escape(gettext("Why it was cancelled"))
        if commitment.cancel_reason:
            reason = f'<div lang="sv">{render_markdown(commitment.cancel_reason)}</div>'
        else:
            reason = escape(gettext("No reason has been published yet."))
            reason = f"<p>{reason}</p>"
        parts.append(f'  <div class="cancel-reason"><p class="label">{label}:</p>{reason}</div>\n')
    verdict = getattr(commitment, "verdict", None)
    if verdict:
        outcome = escape(gettext("Outcome"))
        parts.append(
            f'  <div class="commitment-verdict"><p class="label">{outcome}: '
            f"<strong>{escape(str(verdict.get_outcome_display()))}</strong></p>"
            f'<p lang="sv">{escape(verdict.reason)}</p></div>\n'
        )
    parts.append("</li>")
    return mark_safe("".join(parts))
