"""Follow-up notes are written in Markdown; what reaches a page is sanitised HTML."""

import functools
import html
import re
import threading
import unicodedata

import markdown as markdown_lib
import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# After nh3's own URL parsing: a link must visibly be absolute (http(s), mailto, tel), a
# path on this site or a fragment. Anything else, e.g. "javascript%3A..." that a browser
# would read as a relative path, is dropped rather than trusted.
SAFE_HREF = re.compile(r"(https?:|mailto:|tel:|#|/)", re.IGNORECASE)
# Elements removed with everything inside them, not just their tags.
CLEAN_CONTENT_TAGS = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


def _only_safe_links(tag, attribute, value):
    if attribute == "href" and not SAFE_HREF.match(value):
        return None
    return value


# A Markdown converter is expensive to build (~0.3 ms: its parsers and patterns) and not
# safe to share between threads: one per thread, reset before each use.
_converters = threading.local()


def _converter():
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
        _converters.markdown = converter
    return converter


def render_markdown(text):
    """Markdown to HTML with no script, no event handler and no javascript:/data: link."""
    return _render(text or "")


# Keyed by the text itself, so an edited note is rendered afresh; the newest notes (feeds,
# home page) are rendered on nearly every request.
@functools.lru_cache(maxsize=1024)
def _render(text):
    html = _converter().reset().convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attribute_filter=_only_safe_links,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


# Characters that take no visible space though Unicode does not class them as format
# characters (Cf) or whitespace: Hangul fillers and the blank Braille pattern.
_BLANK_LETTERS = dict.fromkeys(map(ord, "\u115f\u1160\u3164\uffa0\u2800"))


def has_visible_text(text):
    """Whether Markdown `text` shows any text once rendered and sanitised: a comment
    (`<!-- -->`), a zero-width space, `&nbsp;` or formatting alone (`**  **`, `---`) do not."""
    plain = html.unescape(strip_tags(render_markdown(text)))
    visible = "".join(
        char for char in plain.translate(_BLANK_LETTERS) if unicodedata.category(char) != "Cf"
    )
    return bool(visible.strip())
