"""The words the archive knows, which decide the safe prefix rules (``newsroom.arabic``).

A lone و ب ك ف ل is removed only before a word the archive knows: a term
already indexed (``SearchTerm``), one of the curated ``KNOWN_WORDS``, or a word
that the same text uses on its own («غزة … لغزة»).
"""

from collections.abc import Iterable

from articles.models import MAX_TERM_LENGTH, SearchTerm
from newsroom.arabic import hamza_alternatives, lone_prefix_remainders, strip_prefixes, words


def known_words(texts: Iterable[str]) -> frozenset[str]:
    """The words ``texts`` could be cut into (or misspell) that the archive knows, in one query."""
    unified = [word for text in texts for word in words(text)]
    own = {strip_prefixes(word) for word in unified}
    candidates = {remainder for word in unified for remainder in lone_prefix_remainders(word)}
    candidates |= {alternative for word in own for alternative in hamza_alternatives(word)}
    candidates = {word for word in candidates - own if len(word) <= MAX_TERM_LENGTH}
    if not candidates:
        return frozenset(own)
    stored = SearchTerm.objects.filter(term__in=candidates).values_list("term", flat=True)
    return frozenset(own) | frozenset(stored)


def remember(terms: Iterable[str]) -> None:
    """Record ``terms`` (exact forms) as known; those already known are left alone."""
    new = {term for term in terms if len(term) <= MAX_TERM_LENGTH}
    if new:
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term) for term in sorted(new)], ignore_conflicts=True, batch_size=500
        )
