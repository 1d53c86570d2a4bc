"""Full-text search of published articles, on PostgreSQL and on SQLite.

Both databases search the same normalized words (``ArticleSearch``, built with
``newsroom.arabic.normalize``), parse queries the same way (web-search style:
words, "quoted phrases", -excluded words, OR), rank by relevance with a boost
for recent articles, and leave highlighting to Python, which marks the words
readers typed in the original text, diacritics and all.

- PostgreSQL: a stored, generated ``tsvector`` column (title A, summary B,
  body C, ``simple`` configuration: our normalization does the language work),
  which PostgreSQL keeps in step with every write, under a GIN index. Candidates
  come from the search table alone (it keeps a copy of the publication time);
  a query matching a large part of the archive ranks only its newest 2,000
  matches, which the recency boost would favour anyway, and ranking unpacks
  only their vectors.
- SQLite: an FTS5 table over the same columns, kept in step by triggers, ranked
  with ``bm25`` and the same weights.
"""

import re
import shlex
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from newsroom.arabic import normalize

MAX_RESULTS = 1000
MAX_QUERY_LENGTH = 300
# A year-old article needs to be thirteen times as relevant to rank beside today's.
RECENCY_DAYS = 30.0
# Most matches ranked on PostgreSQL: the newest ones, when a query matches more.
POSTGRES_CANDIDATES = 2000
POSTGRES_VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, summary), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'C')"
)


FTS_TABLE = "articles_search_fts"
SQLITE_SETUP = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, summary, body, "
    "content='articles_articlesearch', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER articles_search_insert AFTER INSERT ON articles_articlesearch BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) "
    "VALUES (new.id, new.title, new.summary, new.body); END",
    "CREATE TRIGGER articles_search_delete AFTER DELETE ON articles_articlesearch BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, summary, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.body); END",
    "CREATE TRIGGER articles_search_update AFTER UPDATE ON articles_articlesearch BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, summary, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.body); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) "
    "VALUES (new.id, new.title, new.summary, new.body); END",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS articles_search_insert",
    "DROP TRIGGER IF EXISTS articles_search_delete",
    "DROP TRIGGER IF EXISTS articles_search_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_SETUP = [
    "ALTER TABLE articles_articlesearch ADD COLUMN vector tsvector "
    f"GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    "CREATE INDEX article_search_vector ON articles_articlesearch USING GIN (vector)",
]
POSTGRES_TEARDOWN = [
    "DROP INDEX IF EXISTS article_search_vector",
    "ALTER TABLE articles_articlesearch DROP COLUMN IF EXISTS vector",
]


@dataclass
class ParsedQuery:
    """A query as groups that must all match; each group matches if any of its items does.

    An item is a tuple of normalized words: one word, or a phrase in order.
    """

    groups: list[list[tuple[str, ...]]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def words(self) -> set[str]:
        """Every normalized word the reader is looking for (for highlighting)."""
        return {word for group in self.groups for item in group for word in item}

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse_query(text: str) -> ParsedQuery:
    """Read a reader's query the way web search engines do.

    Words must all appear; "quoted words" must appear in that order; a word
    after a minus is excluded; OR (or «أو») between two items accepts either.
    Anything else (punctuation, control characters, stray quotes) is ignored.
    """
    text = text[:MAX_QUERY_LENGTH]
    try:
        tokens = shlex.split(
            text.replace("“", '"').replace("”", '"').replace("«", '"').replace("»", '"')
        )
    except ValueError:  # an unbalanced quote: read the words without phrases
        tokens = text.replace('"', " ").split()
    query = ParsedQuery()
    join_next = False
    for token in tokens:
        if token.casefold() in {"or", "أو", "او"}:
            join_next = bool(query.groups)
            continue
        if token.startswith("-") and len(token) > 1:
            query.excluded.extend(normalize(token[1:]).split())
            join_next = False
            continue
        words = tuple(normalize(token).split())
        if not words:
            continue
        if join_next:
            query.groups[-1].append(words)
        else:
            query.groups.append([words])
        join_next = False
    return query


@dataclass
class Match:
    article_id: int
    score: float


def find(
    query: ParsedQuery,
    *,
    language: str,
    section_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[Match]:
    """Published articles matching ``query`` in ``language``, best first (at most 1000)."""
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
    if connection.vendor == "postgresql":
        return _postgres(query, now, " AND ".join(conditions), params, visible, visible_params)
    return _sqlite(query, now, " AND ".join(conditions), params, visible, visible_params)


def _postgres(query, now, conditions, params, visible, visible_params) -> list[Match]:
    def item(words: tuple[str, ...]) -> str:
        return " <-> ".join(f"'{word}'" for word in words)

    expression = " & ".join(
        "(" + " | ".join(item(words) for words in group) + ")" for group in query.groups
    )
    if query.excluded:
        expression += " & " + " & ".join(f"!'{word}'" for word in query.excluded)
    sql = f"""
        WITH candidates AS (
            SELECT s.id
            FROM articles_articlesearch s
            WHERE s.vector @@ to_tsquery('simple', %s) AND {conditions}
            ORDER BY s.published_at DESC
            LIMIT {POSTGRES_CANDIDATES}
        )
        SELECT s.article_id,
               ts_rank('{{1, 0.2, 0.4, 1}}', s.vector, to_tsquery('simple', %s))
               / (1 + EXTRACT(EPOCH FROM (%s - a.published_at)) / 86400 / {RECENCY_DAYS}) AS score
        FROM candidates c
        JOIN articles_articlesearch s ON s.id = c.id
        JOIN articles_article a ON a.id = s.article_id
        WHERE {visible}
        ORDER BY score DESC, a.published_at DESC
        LIMIT {MAX_RESULTS}
    """  # Values are parameters; the words in the expression are normalized letters and digits.
    with transaction.atomic(), connection.cursor() as cursor:
        # For a common word the planner may prefer scanning the whole table, not
        # counting the cost of unpacking every stored vector; the GIN index is faster.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, [expression, *params, expression, now, *visible_params])
        return [Match(article_id, score) for article_id, score in cursor.fetchall()]


def _sqlite(query, now, conditions, params, visible, visible_params) -> list[Match]:
    def item(words: tuple[str, ...]) -> str:
        return '"' + " ".join(words) + '"'

    expression = " AND ".join(
        "(" + " OR ".join(item(words) for words in group) + ")" for group in query.groups
    )
    for word in query.excluded:
        expression += f' NOT "{word}"'
    sql = f"""
        SELECT s.article_id,
               -bm25({FTS_TABLE}, 10.0, 4.0, 1.0)
               / (1 + (julianday(%s) - julianday(a.published_at)) / {RECENCY_DAYS}) AS score
        FROM {FTS_TABLE}
        JOIN articles_articlesearch s ON s.id = {FTS_TABLE}.rowid
        JOIN articles_article a ON a.id = s.article_id
        WHERE {FTS_TABLE} MATCH %s AND {conditions} AND {visible}
        ORDER BY score DESC, a.published_at DESC
        LIMIT {MAX_RESULTS}
    """  # Values are parameters; the words in the expression are normalized letters and digits.
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, expression, *params, *visible_params])
        return [Match(article_id, score) for article_id, score in cursor.fetchall()]


WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")


def highlight(text: str, words: set[str]) -> SafeString:
    """``text`` escaped, with each word whose normalized form was searched in <mark>."""
    parts, last = [], 0
    for found in WORD.finditer(text):
        parts.append(escape(text[last : found.start()]))
        word = found.group()
        if normalize(word) in words:
            parts.append(f"<mark>{escape(word)}</mark>")
        else:
            parts.append(escape(word))
        last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # every piece is escaped above


def snippet(text: str, words: set[str], *, length: int = 30) -> SafeString:
    """About ``length`` words of ``text`` around the first searched word, highlighted."""
    tokens = text.split()
    first = next((i for i, token in enumerate(tokens) if set(normalize(token).split()) & words), 0)
    start = max(0, first - length // 3)
    window = " ".join(tokens[start : start + length])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(tokens) else ""
    return mark_safe(escape(prefix) + highlight(window, words) + escape(suffix))
