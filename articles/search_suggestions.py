"""«هل تقصد …؟»: a query that finds nothing, with each unknown word replaced by the
known word it most resembles, offered only when that query finds articles.

Candidates come from the lexicon (``SearchTerm``) by shared trigrams: PostgreSQL's
``pg_trgm`` similarity under a GIN index, an FTS5 ``trigram`` table on SQLite
(both created by migration 0015). The best candidate is chosen in Python by the
same measure on both databases, so a suggestion does not depend on the database.
"""

from difflib import SequenceMatcher

from django.db import connection

from articles.models import Article, SearchTerm
from articles.search import ParsedQuery, find, parse_query
from newsroom.arabic import analyze

CANDIDATES = 20
# How alike a known word must be (difflib's ratio) to be offered instead.
MIN_LIKENESS = 0.7


def suggestion(text: str, query: ParsedQuery, **filters) -> str | None:
    """A corrected ``text`` that finds published articles, or None."""
    unknown = _unknown_words(query)
    if not unknown:
        return None
    replacements = {}
    for word in unknown:
        best = _closest(word.exact)
        if best is not None:
            replacements[word] = best
    if not replacements:
        return None
    corrected = text
    for word, known in replacements.items():
        corrected = corrected.replace(word.written, known)
    matches = find(parse_query(corrected), **filters)
    if not matches:
        return None
    return _as_written(corrected, matches[0].article_id)


def _unknown_words(query: ParsedQuery) -> list:
    typed = [item[0] for group in query.groups for item in group[:1] if len(item) == 1]
    known = set(
        SearchTerm.objects.filter(term__in=[t.exact for t in typed]).values_list("term", flat=True)
    )
    return [term for term in typed if term.exact not in known and term.written]


def _closest(word: str) -> str | None:
    scored = [
        (SequenceMatcher(None, word, candidate).ratio(), candidate)
        for candidate in _similar_terms(word)
        if candidate != word
    ]
    scored = [pair for pair in scored if pair[0] >= MIN_LIKENESS]
    return max(scored)[1] if scored else None


def _similar_terms(word: str) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT term FROM articles_searchterm WHERE term %% %s "
                "ORDER BY similarity(term, %s) DESC LIMIT %s",
                [word, word, CANDIDATES],
            )
        else:
            padded = f" {word} "
            grams = {padded[i : i + 3] for i in range(len(padded) - 2)}
            cursor.execute(
                "SELECT t.term FROM articles_searchterm_trigrams g "
                "JOIN articles_searchterm t ON t.id = g.rowid "
                "WHERE articles_searchterm_trigrams MATCH %s "
                "ORDER BY bm25(articles_searchterm_trigrams) LIMIT %s",
                [" OR ".join('"' + gram.replace('"', '""') + '"' for gram in grams), CANDIDATES],
            )
        return [term for (term,) in cursor.fetchall()]


def _as_written(corrected: str, article_id: int) -> str:
    """``corrected`` with each replaced word spelled as the first result writes it
    («غزة», not the search form «غزه»)."""
    article = Article.objects.get(pk=article_id)
    tokens = analyze(f"{article.title} {article.summary}")
    written = {token.exact: token.original for token in tokens}
    return " ".join(written.get(word, word) for word in corrected.split())
