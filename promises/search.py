"""Searching promises the way residents type: one rule for the list, the API and the area
finder, on every database.

- Every database: a word matches where its folded form (lower case, accents removed,
  spaces and hyphens dropped: "Frölunda", "frolunda" and "FRÖLUNDA" are one word; so are
  "hotspots" and "hot spots") is contained in the folded text. SQLite folds with a Python
  function registered on each connection (`register_fold`), PostgreSQL with `unaccent`,
  `lower` and `translate`.
- PostgreSQL also matches Swedish word forms ("löftet" finds "löfte") through full-text
  search with the `swedish_unaccent` configuration (the Swedish stemmer after `unaccent`,
  created by a migration), ranks the results and highlights the words found in a snippet.

Misspellings get close matches from the names and titles the portal knows (`suggestions`).
"""

import difflib
import re
import unicodedata

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import models
from django.db.models import Case, Func, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import Contains

SEARCH_CONFIG = "swedish_unaccent"
# The highlighted words of a snippet are wrapped in these two characters, which no text typed
# in a form carries; the `highlight` template filter escapes the rest and marks them.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\x02", "\x03"
FOLD_FUNCTION = "portal_fold"

_SQUASHED = re.compile(r"[\s\-\u00ad\u2010-\u2014]+")


def fold(text):
    """Lower case without accents: "Mölndals BRO" -> "molndals bro"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def squash(text):
    """Folded, without spaces and hyphens: "Hot spots" and "hot-spots" -> "hotspots"."""
    return _SQUASHED.sub("", fold(text))


def register_fold(sender, connection, **kwargs):
    """Give each SQLite connection the folding function (connected to `connection_created`
    by PromisesConfig.ready)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD_FUNCTION, 1, _sqlite_fold, deterministic=True)


def _sqlite_fold(text):
    return None if text is None else squash(text)


class Squashed(Func):
    """The SQL twin of `squash`."""

    output_field = models.TextField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function=FOLD_FUNCTION, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = (
            "translate(unaccent(lower(%(expressions)s)), "
            "' -' || chr(9) || chr(10) || chr(13) || chr(173), '')"
        )
        return super().as_sql(compiler, connection, template=template, **extra)


class Joined(Func):
    """Texts joined into one, flat (`a || ' | ' || b ...`: nested CONCATs overflow SQLite's
    parser), an empty text standing for a NULL."""

    arg_joiner = " || ' | ' || "
    template = "(%(expressions)s)"
    output_field = models.TextField()

    def __init__(self, *paths, separator=" | "):
        texts = (Coalesce(path, Value(""), output_field=models.TextField()) for path in paths)
        super().__init__(*texts)
        self.arg_joiner = f" || '{separator}' || "


class Matches(Func):
    """`vector @@ query` as a condition (PostgreSQL)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = models.BooleanField()


def words(q, limit):
    """The words of a query, at most `limit`, without NUL characters."""
    return q.replace("\x00", "").split()[:limit]


def word_condition(field, word, vendor):
    """A condition true where the text `field` (a path or expression) contains `word`, as
    described in the module's docstring."""
    condition = Contains(Squashed(field), squash(word))
    if vendor != "postgresql":
        return condition
    stemmed = Matches(
        SearchVector(field, config=SEARCH_CONFIG),
        SearchQuery(word, config=SEARCH_CONFIG, search_type="plain"),
    )
    return models.Q(condition) | models.Q(stemmed)


def any_word_query(q, limit):
    """A full-text query for any of the words (for ranking and highlighting)."""
    query = None
    for word in words(q, limit):
        one = SearchQuery(word, config=SEARCH_CONFIG, search_type="plain")
        query = one if query is None else query | one
    return query


def rank(q, limit):
    """How well a promise matches `q`: the title counts most, then the summary and locality,
    then the background (PostgreSQL)."""
    vector = (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("locality__name", weight="B", config=SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("background", weight="C", config=SEARCH_CONFIG)
        + SearchVector("follow_up", weight="D", config=SEARCH_CONFIG)
    )
    ranked = SearchRank(vector, any_word_query(q, limit))
    # A word as typed (not only a word of the same stem) in the title puts the promise first:
    # "tryggare" finds "trygghet" too, but "Tryggare utemiljö" before it.
    for word in words(q, limit):
        in_title = Case(
            When(Contains(Squashed("title"), squash(word)), then=Value(1.0)),
            default=Value(0.0),
            output_field=models.FloatField(),
        )
        ranked = ranked + in_title
    return ranked


def snippet(q, limit):
    """The promise's text around the words found, with them marked (PostgreSQL)."""
    text = Joined("summary", "background", "follow_up", separator=" ")
    return SearchHeadline(
        text,
        any_word_query(q, limit),
        config=SEARCH_CONFIG,
        start_sel=HIGHLIGHT_START,
        stop_sel=HIGHLIGHT_STOP,
        max_words=30,
        min_words=15,
    )


def python_snippet(text, q, limit, width=160):
    """The same snippet made in Python (SQLite): the text around the first word found, each
    word found marked."""
    text = " ".join((text or "").split())
    folded = fold(text)  # NFKD then dropping marks keeps one character per letter of Swedish
    if len(folded) != len(text):
        folded = text.lower()
    found = [fold(w) for w in words(q, limit) if fold(w) and fold(w) in folded]
    if not found:
        return ""
    first = min(folded.index(w) for w in found)
    start = max(0, first - width // 3)
    if start:
        start = text.rfind(" ", 0, start) + 1
    end = min(len(text), start + width)
    cut = text.rfind(" ", start, end)
    if end < len(text) and cut > first:
        end = cut
    marked, pos = [], start
    spans = sorted(
        (m.start(), m.start() + len(w))
        for w in found
        for m in re.finditer(re.escape(w), folded[start:end])
    )
    for span_start, span_end in spans:
        span_start += start
        span_end += start
        if span_start < pos:
            continue
        marked += [text[pos:span_start], HIGHLIGHT_START, text[span_start:span_end], HIGHLIGHT_STOP]
        pos = span_end
    marked.append(text[pos:end])
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(marked) + suffix


def suggestions(q, vocabulary, limit, n=3):
    """Close matches for the words of `q` that are not in `vocabulary` (names and words the
    portal knows), as whole queries: "frolnda torg" -> ["Frölunda torg"]."""
    known = {}
    for term in vocabulary:
        for word in (term or "").split():
            word = word.strip(".,;:!?()«»\"'”“–")
            if len(word) >= 3:
                known.setdefault(fold(word), word)
    typed = words(q, limit)
    if not typed:
        return []
    options = []
    replaced = False
    for word in typed:
        key = fold(word)
        if key in known:
            options.append([known[key]])
            continue
        close = difflib.get_close_matches(key, known.keys(), n=n, cutoff=0.75)
        if not close:
            return []
        replaced = True
        options.append([known[c] for c in close])
    if not replaced:
        return []
    # The best match of each word, and for a one-word query its next best too.
    first = " ".join(choices[0] for choices in options)
    result = [first]
    if len(options) == 1:
        result += options[0][1:]
    return result
