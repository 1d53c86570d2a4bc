"""Full-text search of published articles, on PostgreSQL and on SQLite.

Both databases search the same analyzed words (``ArticleSearch``, built by
``newsroom.arabic.analyze``): each word's exact form and its light stems. A
query word matches an article holding any of its stems, and articles holding
its exact form rank above those that only share a stem. Queries are read the
same way on both (web-search style: words, "quoted phrases" matched on exact
forms, -excluded words, OR), ranked by relevance with a boost for recent
articles; highlighting is left to Python, which marks the words readers typed
in the original text, diacritics and all.

- PostgreSQL: two stored, generated ``tsvector`` columns (title A, summary B,
  body C, ``simple`` configuration: our analyzer does the language work), one
  of exact forms and one of stems under a GIN index, which PostgreSQL keeps in
  step with every write. Candidates come from the search table alone (it keeps
  a copy of the publication time); a query matching a large part of the
  archive ranks only its newest 2,000 matches, which the recency boost would
  favour anyway, and ranking unpacks only their vectors.
- SQLite: an FTS5 table over the six texts, kept in step by triggers, ranked
  with ``bm25``; column filters keep exact forms and stems apart.

``search`` adds what a reader expects when nothing matches every word: it
drops function words, then accepts articles holding all words but one, and
says so (``Outcome``).
"""

import re
import shlex
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain

from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from articles.search_lexicon import known_words
from articles.search_variants import spelling_variants
from newsroom.arabic import (
    analyze,
    hamza_alternatives,
    light_stems,
    lone_prefix_remainders,
    strip_prefixes,
    words,
)
from newsroom.arabic_words import FUNCTION_WORDS

MAX_RESULTS = 1000
MAX_QUERY_LENGTH = 300
# A year-old article needs to be thirteen times as relevant to rank beside today's.
RECENCY_DAYS = 30.0
# Most matches ranked on PostgreSQL: the newest ones, when a query matches more.
POSTGRES_CANDIDATES = 2000
# Queries longer than this are not relaxed to "all words but one" (one branch per word).
MAX_RELAXED_GROUPS = 8
TEXT_COLUMNS = ("title", "summary", "body")
STEM_COLUMNS = tuple(f"{name}_stems" for name in TEXT_COLUMNS)


# The FTS5 table (SQLite) over ``ArticleSearch``, created by migration 0015.
FTS_TABLE = "articles_search_fts"


@dataclass(frozen=True)
class Term:
    """One query word: the exact form it ranks best by and the stems it matches."""

    exact: str
    stems: tuple[str, ...]
    written: str = field(default="", compare=False)  # as the reader typed it


# One word, or a phrase of words in order.
Item = tuple[Term, ...]


@dataclass
class ParsedQuery:
    """A query as groups that must all match; each group matches if any of its items does.

    A group of one typed word also holds its other known spellings (hamza seats,
    the editors' spelling variants) as further items.
    """

    groups: list[list[Item]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    @property
    def words(self) -> set[str]:
        """Every exact form and stem the reader is looking for (for highlighting)."""
        return {
            form
            for group in self.groups
            for item in group
            for term in item
            for form in (term.exact, *term.stems)
        }

    def without_function_words(self) -> "ParsedQuery":
        """This query without the groups that are only a function word («في», «التي»)."""
        kept = [group for group in self.groups if not _is_function_word(group)]
        return ParsedQuery(kept, self.excluded)

    def __bool__(self) -> bool:
        return bool(self.groups)


def _is_function_word(group: list[Item]) -> bool:
    return len(group[0]) == 1 and group[0][0].exact in FUNCTION_WORDS


def parse_query(text: str) -> ParsedQuery:
    """Read a reader's query the way web search engines do.

    Words must all appear; "quoted words" must appear in that order; a word
    after a minus is excluded; OR (or «أو») between two items accepts either.
    Anything else (punctuation, control characters, stray quotes) is ignored.
    Costs two small queries: the lexicon and the spelling variants.
    """
    tokens = _tokens(text[:MAX_QUERY_LENGTH])
    if not tokens:
        return ParsedQuery()
    known = known_words(token for token in tokens if token.casefold() not in OR_WORDS)
    variants = spelling_variants()
    query = ParsedQuery()
    join_next = False
    for token in tokens:
        if token.casefold() in OR_WORDS:
            join_next = bool(query.groups)
            continue
        if token.startswith("-") and len(token) > 1:
            query.excluded.extend(_term(t.exact) for t in analyze(token[1:], known))
            join_next = False
            continue
        item = tuple(Term(t.exact, t.stems, t.original) for t in analyze(token, known))
        if not item:
            continue
        items = [item]
        if len(item) == 1:
            exact = item[0].exact
            others = [a for a in hamza_alternatives(exact) if a in known]
            others += [v for v in variants.get(exact, ()) if v != exact]
            items += [(_term(other),) for other in dict.fromkeys(others)]
        if join_next:
            query.groups[-1].extend(items)
        else:
            query.groups.append(items)
        join_next = False
    return query


OR_WORDS = {"or", "أو", "او"}


def _tokens(text: str) -> list[str]:
    quoted = text.replace("“", '"').replace("”", '"').replace("«", '"').replace("»", '"')
    try:
        return shlex.split(quoted)
    except ValueError:  # an unbalanced quote: read the words without phrases
        return text.replace('"', " ").split()


def _term(exact: str) -> Term:
    return Term(exact, light_stems(exact))


@dataclass
class Match:
    article_id: int
    score: float


@dataclass
class Outcome:
    """What ``search`` found, and how far it had to relax the query to find it."""

    matches: list[Match]
    query: ParsedQuery  # the query the matches answer
    dropped: list[str] = field(default_factory=list)  # function words left out
    partial: bool = False  # articles hold all words but one


def search(query: ParsedQuery, **filters) -> Outcome:
    """``find``, and when nothing holds every word: without function words, then
    articles holding all words but one (never a dead end while any word matches)."""
    matches = find(query, **filters)
    if matches or not query:
        return Outcome(matches, query)
    trimmed = query.without_function_words()
    dropped = [group[0][0].exact for group in query.groups if _is_function_word(group)]
    if trimmed and dropped:
        matches = find(trimmed, **filters)
        if matches:
            return Outcome(matches, trimmed, dropped=dropped)
    base = trimmed or query
    if 2 <= len(base.groups) <= MAX_RELAXED_GROUPS:
        matches = find(base, all_but_one=True, **filters)
        if matches:
            return Outcome(matches, base, dropped=dropped if trimmed else [], partial=True)
    return Outcome([], query)


def find(
    query: ParsedQuery,
    *,
    language: str,
    section_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    all_but_one: bool = False,
) -> list[Match]:
    """Published articles matching ``query`` in ``language``, best first (at most 1000).

    With ``all_but_one``, an article may miss any one of the query's groups.
    """
    if not query:
        return []
    now = timezone.now()
    # Conditions on the search entries alone, so that choosing candidates never
    # has to visit the articles table for each match.
    conditions = ["s.language = %s", "s.published_at <= %s"]
    params: list = [language, now]
    if section_id is not None:
        conditions.append("s.article_id IN (SELECT id FROM articles_article WHERE section_id = %s)")
        params.append(section_id)
    if since is not None:
        conditions.append("s.published_at >= %s")
        params.append(since)
    if until is not None:
        conditions.append("s.published_at < %s")
        params.append(until)
    # The entries' publication time is a copy; the article's own state has the last word.
    visible = "a.status = %s AND a.published_at <= %s"
    visible_params = [Article.Status.PUBLISHED, now]
    engine = _postgres if connection.vendor == "postgresql" else _sqlite
    return engine(query, all_but_one, now, conditions, params, visible, visible_params)


def _required(query: ParsedQuery, all_but_one: bool, join_and, join_or) -> str:
    """The groups as one expression: all of them, or every choice of all but one."""
    if not all_but_one:
        return join_and(query.groups)
    return join_or(
        [join_and(query.groups[:i] + query.groups[i + 1 :]) for i in range(len(query.groups))]
    )


def _positive_terms(query: ParsedQuery) -> list[Term]:
    return list(dict.fromkeys(chain.from_iterable(chain.from_iterable(query.groups))))


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _postgres(query, all_but_one, now, conditions, params, visible, visible_params) -> list[Match]:
    def stems(term: Term) -> str:
        return "(" + " | ".join(_lexeme(stem) for stem in term.stems) + ")"

    def group(items: list[Item]) -> str:
        # A phrase is found by its stems here and checked in order on exact forms below.
        return "(" + " | ".join(" & ".join(stems(t) for t in item) for item in items) + ")"

    matching = _required(
        query,
        all_but_one,
        lambda groups: "(" + " & ".join(group(g) for g in groups) + ")",
        lambda branches: "(" + " | ".join(branches) + ")",
    )
    for term in query.excluded:
        matching += " & !" + stems(term)
    phrase_checks, phrase_params = [], []
    for items in [] if all_but_one else query.groups:
        if any(len(item) > 1 for item in items):
            alternatives = []
            for item in items:
                if len(item) > 1:
                    alternatives.append("s.vector @@ %s::tsquery")
                    phrase_params.append(" <-> ".join(_lexeme(t.exact) for t in item))
                else:
                    alternatives.append("s.stem_vector @@ %s::tsquery")
                    phrase_params.append(stems(item[0]))
            phrase_checks.append("(" + " OR ".join(alternatives) + ")")
    terms = _positive_terms(query)
    all_stems = dict.fromkeys(chain.from_iterable(t.stems for t in terms))
    stem_rank = " | ".join(_lexeme(stem) for stem in all_stems)
    exact_rank = " | ".join(_lexeme(word) for word in dict.fromkeys(t.exact for t in terms))
    where = " AND ".join([*conditions, *phrase_checks])
    sql = f"""
        WITH candidates AS (
            SELECT s.id
            FROM articles_articlesearch s
            WHERE s.stem_vector @@ %s::tsquery AND {where}
            ORDER BY s.published_at DESC
            LIMIT {POSTGRES_CANDIDATES}
        )
        SELECT s.article_id,
               (ts_rank('{{0, 0.2, 0.4, 1}}', s.stem_vector, %s::tsquery)
                + ts_rank('{{0, 0.2, 0.4, 1}}', s.vector, %s::tsquery))
               / (1 + EXTRACT(EPOCH FROM (%s - a.published_at)) / 86400 / {RECENCY_DAYS}) AS score
        FROM candidates c
        JOIN articles_articlesearch s ON s.id = c.id
        JOIN articles_article a ON a.id = s.article_id
        WHERE {visible}
        ORDER BY score DESC, a.published_at DESC
        LIMIT {MAX_RESULTS}
    """  # Values, and every word of the queries, are parameters.
    with transaction.atomic(), connection.cursor() as cursor:
        # For a common word the planner may prefer scanning the whole table, not
        # counting the cost of unpacking every stored vector; the GIN index is faster.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            sql,
            [matching, *params, *phrase_params, stem_rank, exact_rank, now, *visible_params],
        )
        return [Match(article_id, score) for article_id, score in cursor.fetchall()]


EXACT_FILTER = "{" + " ".join(TEXT_COLUMNS) + "}"
STEM_FILTER = "{" + " ".join(STEM_COLUMNS) + "}"


def _quoted(words) -> str:
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'


def _sqlite(query, all_but_one, now, conditions, params, visible, visible_params) -> list[Match]:
    def stems(term: Term) -> str:
        return f"{STEM_FILTER} : (" + " OR ".join(_quoted([s]) for s in term.stems) + ")"

    def item(words: Item) -> str:
        if len(words) > 1:
            return f"{EXACT_FILTER} : {_quoted(t.exact for t in words)}"
        # The exact branch never widens the match (same word, same stems); it
        # adds the exact columns' weight to the article's rank.
        return f"({stems(words[0])} OR {EXACT_FILTER} : {_quoted([words[0].exact])})"

    expression = _required(
        query,
        all_but_one,
        lambda groups: "(" + " AND ".join(
            "(" + " OR ".join(item(i) for i in g) + ")" for g in groups
        ) + ")",
        lambda branches: "(" + " OR ".join(branches) + ")",
    )  # fmt: skip
    for term in query.excluded:
        expression += f" NOT {stems(term)}"
    sql = f"""
        SELECT s.article_id,
               -bm25({FTS_TABLE}, 10.0, 4.0, 1.0, 5.0, 2.0, 0.5)
               / (1 + (julianday(%s) - julianday(a.published_at)) / {RECENCY_DAYS}) AS score
        FROM {FTS_TABLE}
        JOIN articles_articlesearch s ON s.id = {FTS_TABLE}.rowid
        JOIN articles_article a ON a.id = s.article_id
        WHERE {FTS_TABLE} MATCH %s AND {" AND ".join(conditions)} AND {visible}
        ORDER BY score DESC, a.published_at DESC
        LIMIT {MAX_RESULTS}
    """  # Values, and the words of the expression, are parameters or quoted.
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, expression, *params, *visible_params])
        return [Match(article_id, score) for article_id, score in cursor.fetchall()]


# A word as readers see it: a decimal number whole, or letters with their marks.
WORD = re.compile(r"\d+(?:[.\u066b]\d+)+|[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")


def highlight(text: str, searched: set[str]) -> SafeString:
    """``text`` escaped, with each word that search matched (``ParsedQuery.words``) in <mark>."""
    parts, last = [], 0
    for found in WORD.finditer(text):
        parts.append(escape(text[last : found.start()]))
        word = found.group()
        if _forms(word) & searched:
            parts.append(f"<mark>{escape(word)}</mark>")
        else:
            parts.append(escape(word))
        last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # every piece is escaped above


def snippet(text: str, searched: set[str], *, length: int = 30) -> SafeString:
    """About ``length`` words of ``text`` around the first searched word, highlighted."""
    tokens = text.split()
    first = next((i for i, token in enumerate(tokens) if _forms(token) & searched), 0)
    start = max(0, first - length // 3)
    window = " ".join(tokens[start : start + length])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(tokens) else ""
    return mark_safe(escape(prefix) + highlight(window, searched) + escape(suffix))


def missing_words(query: ParsedQuery, text: str) -> list[str]:
    """The groups of ``query`` (as the reader typed their first word) that ``text`` lacks."""
    present = set().union(*(_forms(word) for word in words(text)))
    return [
        " ".join(term.written or term.exact for term in group[0])
        for group in query.groups
        if not any(all(set(term.stems) & present for term in item) for item in group)
    ]


def _forms(text: str) -> set[str]:
    """Every exact form and stem a written word may stand for, whatever the archive knows."""
    forms = set()
    for word in words(text):
        for exact in (strip_prefixes(word), *lone_prefix_remainders(word)):
            forms.add(exact)
            forms.update(light_stems(exact))
    return forms
