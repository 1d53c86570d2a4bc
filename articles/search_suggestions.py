"""A reader's typing slips: «هل تقصد …؟», and results for it when nothing else fits.

Each word of the query that the archive does not know is replaced by the
known word closest to it (at most one letter off, two in longer words: a
letter swapped, missing, extra or mistyped), provided the corrected query then
finds articles holding every word. Candidates come from the lexicon
(``SearchTerm``) by shared trigrams: PostgreSQL's ``pg_trgm`` under a GIN
index, an FTS5 ``trigram`` table on SQLite (both created by migration 0015),
plus the curated ``KNOWN_WORDS``; the choice among them is made in Python, the
same on both databases.
"""

from dataclasses import dataclass

from django.db import connection, transaction

from articles.models import Article, SearchTerm
from articles.search import Outcome, ParsedQuery, find, parse_query, search
from newsroom.arabic import analyze
from newsroom.arabic_words import KNOWN_WORDS

CANDIDATES = 30
MIN_SIMILARITY = 0.1
# Closest words tried for one slip, each costing a search.
CHOICES = 4


@dataclass
class Answer:
    """What a reader's search shows: an outcome, and the correction it answers, if any."""

    outcome: Outcome
    corrected: str | None = None  # the query whose results are shown instead of the typed one


def answer(text: str, *, correct: bool = True, **filters) -> Answer:
    """``search`` for ``text``; when it finds nothing, or only partial matches, and a
    typed word is unknown, the results of the corrected query instead (unless not
    ``correct``: the reader asked for what they typed)."""
    outcome = search(parse_query(text), **filters)
    if not correct or (outcome.matches and not outcome.partial and not outcome.dropped):
        return Answer(outcome)
    # Articles holding every corrected word are better than all but the mistyped one.
    return correction(text, outcome.query, **filters) or Answer(outcome)


def correction(text: str, query: ParsedQuery, **filters) -> Answer | None:
    """``text`` with its unknown words corrected and what it finds, if it finds
    articles holding every word; else None.

    Of known words equally close to a slip («دهب»: «ذهب», «دهن»), the one that
    finds the most articles with the rest of the query is what the reader meant.
    """
    best = None
    for replacements in _corrections(query):
        typed = _split_keeping_prefix(text, replacements)
        corrected = " ".join(replacements.get(word, word) for word in typed)
        parsed = parse_query(corrected)
        matches = find(parsed, **filters)
        if matches and (best is None or len(matches) > len(best[2])):
            best = (corrected, parsed, matches, replacements)
    if best is None:
        return None
    corrected, parsed, matches, replacements = best
    shown = _as_written(corrected, set(replacements.values()), matches[0].article_id)
    return Answer(Outcome(matches, parsed), corrected=shown)


def _corrections(query: ParsedQuery) -> list[dict[str, str]]:
    """Ways to replace the query's unknown words (typed form → known word), at most
    ``CHOICES``: every closest candidate of the first unknown word, the others'
    first."""
    choices = [(term.written, _closest(term.exact)) for term in _unknown_words(query)]
    choices = [(written, known) for written, known in choices if known]
    if not choices:
        return []
    (first, first_known), rest = choices[0], choices[1:]
    common = {written: known[0] for written, known in rest}
    return [{first: known, **common} for known in first_known[:CHOICES]]


def _split_keeping_prefix(text: str, replacements: dict[str, str]) -> list[str]:
    # A typed word may carry prefixes the analyzer removed; replace the whole word.
    words = []
    for word in text.split():
        found = next((w for w in replacements if word.endswith(w)), None)
        words.append(found or word)
    return words


def _unknown_words(query: ParsedQuery) -> list:
    typed = [group[0][0] for group in query.groups if len(group[0]) == 1]
    stored = SearchTerm.objects.filter(term__in=[t.exact for t in typed])
    known = set(stored.values_list("term", flat=True)) | KNOWN_WORDS
    return [term for term in typed if term.exact not in known and term.written]


def _closest(word: str) -> list[str]:
    """The known words fewest slips away from ``word`` (none if all are too far)."""
    allowed = 1 if len(word) <= 5 else 2
    by_distance: dict[float, list[str]] = {}
    for candidate in dict.fromkeys([*_similar_terms(word), *sorted(KNOWN_WORDS)]):
        distance = edit_distance(word, candidate, limit=allowed)
        if distance <= allowed:
            by_distance.setdefault(distance, []).append(candidate)
    # Sorted, so that both databases try ties in the same order.
    return sorted(by_distance[min(by_distance)]) if by_distance else []


# Letters a reader easily puts for each other: neighbours on the Arabic keyboard
# (top and middle rows), and letters told apart only by their dots or merged in
# speech («دهب» for «ذهب», «لقاخ» for «لقاح»). Swapping them is half a slip.
KEYBOARD_ROWS = ("ضصثقفغعهخحجد", "شسيبلاتنمكط")
LOOKALIKES = (
    "دذ",
    "ذز",
    "زر",
    "تث",
    "ثس",
    "سش",
    "صض",
    "ضد",
    "طظ",
    "ظض",
    "عغ",
    "حخ",
    "حج",
    "جخ",
    "فق",
    "قك",
    "بت",
    "تن",
    "بن",
)
CLOSE_LETTERS = frozenset(
    frozenset(pair)
    for pair in [
        *LOOKALIKES,
        *(row[i : i + 2] for row in KEYBOARD_ROWS for i in range(len(row) - 1)),
    ]
)


def edit_distance(a: str, b: str, *, limit: float = 2) -> float:
    """Slips that turn ``a`` into ``b``: a letter inserted, deleted, replaced or swapped
    with its neighbour counts 1, a close letter put for another ½ (optimal string
    alignment); more than ``limit`` gives ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = [], [float(j) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [float(i)] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + _replacing(a[i - 1], b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _replacing(x: str, y: str) -> float:
    if x == y:
        return 0
    return 0.5 if frozenset((x, y)) in CLOSE_LETTERS else 1


def _similar_terms(word: str) -> list[str]:
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # pg_trgm's default threshold (0.3) drops most one-slip neighbours of
            # short Arabic words; any shared trigram makes a candidate, as on SQLite.
            cursor.execute(f"SET LOCAL pg_trgm.similarity_threshold = {MIN_SIMILARITY}")
            cursor.execute(
                "SELECT term FROM articles_searchterm WHERE term %% %s "
                "AND length(term) BETWEEN %s AND %s "
                "ORDER BY similarity(term, %s) DESC LIMIT %s",
                [word, len(word) - 2, len(word) + 2, word, CANDIDATES],
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


def _as_written(corrected: str, replaced: set[str], article_id: int) -> str:
    """``corrected`` with each replaced word spelled as the first result writes it
    («غزة», not the search form «غزه»)."""
    article = Article.objects.get(pk=article_id)
    tokens = analyze(f"{article.title} {article.summary}")
    written = {token.exact: token.original for token in tokens if token.exact in replaced}
    return " ".join(written.get(word, word) for word in corrected.split())
