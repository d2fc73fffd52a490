"""Follow-up notes are Markdown from editors; what reaches a page must be inert."""

import re
from html.parser import HTMLParser

import pytest

from followup.markdown import has_visible_text, render_markdown

HOSTILE = [
    "<javascript:alert(1)>",
    "[x](javascript&#58;alert(1))",
    "[x](javascript%3Aalert(1))",
    "[x][1]\n\n[1]: javascript:alert(1)",
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    "<<script>script>alert(1)<</script>/script>",
    '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
    "<svg/onload=alert(1)>",
    '<a href="https://example.se" style="position:fixed;top:0">overlay</a>',
    '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src="x" onerror="alert(1)">',
    '<p onclick="alert(1)">klick</p>',
    '<a href="#" onmouseover="alert(1)">länk</a>',
    "<body onload=alert(1)>",
    "[länk](javascript:alert(1))",
    "[länk](JaVaScRiPt:alert(1))",
    "[länk](  javascript:alert(1))",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#9;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    "[länk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "![bild](javascript:alert(1))",
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>Skicka</button></form>',
    '<p style="background:url(javascript:alert(1))">stil</p>',
    "<style>body{display:none}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<a href="https://example.se" target="_blank" onclick="x()">ok</a>',
    '<div><p><a href="javascript:alert(1)"><img src=x onerror=alert(1)></a></p></div>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<input autofocus onfocus="alert(1)">',
    '<details open ontoggle="alert(1)">',
    '<video><source onerror="alert(1)"></video>',
    "`<script>alert(1)</script>` och <script>alert(2)</script>",
    '[a](https://example.se "title\\" onmouseover=\\"alert(1)")',
]

SAFE_TAGS = {
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
SAFE_ATTRIBUTES = {"href", "title", "rel", "scope"}


class Elements(HTMLParser):
    """The elements and attributes a browser would see in the output."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_input_renders_inert(hostile):
    html = str(render_markdown(hostile))

    for tag, attrs in Elements(html).found:
        assert tag in SAFE_TAGS, (hostile, html)
        assert set(attrs) <= SAFE_ATTRIBUTES, (hostile, html)
        href = "".join((attrs.get("href") or "").split()).lower()
        assert not href or re.match(r"(https?:|mailto:|tel:|#|/)", href), (hostile, html)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_executable_scheme_survives_even_as_text_in_a_link(hostile):
    html = str(render_markdown(hostile))

    assert not re.search(r"href=\"\s*(javascript|vbscript|data):", html, re.I), html


def test_ordinary_markdown_keeps_its_meaning():
    html = str(
        render_markdown("**Fler** patruller, se [rapporten](https://polisen.se/r).\n\n- ett\n- två")
    )

    assert "<strong>Fler</strong>" in html
    assert '<a href="https://polisen.se/r" rel="noopener noreferrer nofollow">rapporten</a>' in html
    assert "<li>två</li>" in html


def test_text_that_looks_like_code_is_shown_not_run():
    html = str(render_markdown("`<script>alert(1)</script>`"))

    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html


def test_empty_text_renders_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_one_note_does_not_leak_into_the_next():
    """The converter is reused: a link reference defined in one note is unknown to the next."""
    assert "<a " in str(render_markdown("[rapporten][r]\n\n[r]: https://polisen.se/r"))

    html = str(render_markdown("Se [rapporten][r]."))

    assert "<a " not in html and "[rapporten][r]" in html


def test_an_edited_text_is_rendered_afresh():
    assert str(render_markdown("**Före**")) == "<p><strong>Före</strong></p>"
    assert str(render_markdown("**Efter**")) == "<p><strong>Efter</strong></p>"
    assert str(render_markdown("**Före**")) == "<p><strong>Före</strong></p>"


INVISIBLE = [
    "<!-- -->",
    "<!-- Varför: hemligt -->",
    "\u200b",
    "\u200b\u200c\u200d\u2060\ufeff",
    "&#8203;",
    "&nbsp;",
    "&nbsp; \u00a0 \u3000",
    "   \n\n\t  ",
    "**\u200b**",
    "* \n* ",
    "---",
    "<br>",
    "<script>alert('Varför')</script>",
    "\u3164",
    "\u2800",
]


@pytest.mark.parametrize("text", INVISIBLE)
def test_text_that_shows_nothing_once_rendered_has_no_visible_text(text):
    assert not has_visible_text(text)


@pytest.mark.parametrize(
    "text",
    ["Avbrutet: ingen personal.", "0", "`kod`", "[länk](https://example.se)", "\u200bA"],
)
def test_text_that_shows_something_has_visible_text(text):
    assert has_visible_text(text)
