"""What search indexes for an article: its words per language, exact and stemmed."""

from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from articles.search_lexicon import known_words, remember
from newsroom.arabic import analyze
from newsroom.sanitize import plain_text

FIELDS = ("title", "summary", "body")


def searchable_texts(article, language: str) -> dict[str, str] | None:
    """``ArticleSearch`` columns for ``article`` in ``language``: each text's exact
    forms and its stems.

    None for a translation that has no headline yet: English search covers
    translated articles only, never the Arabic fallback.
    """
    title = getattr(article, build_localized_fieldname("title", language)) or ""
    if not title and language != DEFAULT_LANGUAGE:
        return None
    texts = {
        "title": title,
        "summary": getattr(article, build_localized_fieldname("summary", language)) or "",
        "body": plain_text(getattr(article, build_localized_fieldname("body", language)) or ""),
    }
    return analyzed_texts(texts)


def analyzed_texts(texts: dict[str, str]) -> dict[str, str]:
    """Exact forms and stems of each named text, with the lexicon read once for all."""
    known = known_words(texts.values())
    columns = {}
    for name, text in texts.items():
        tokens = analyze(text, known)
        columns[name] = " ".join(token.exact for token in tokens)
        columns[f"{name}_stems"] = " ".join(stem for token in tokens for stem in token.stems)
    return columns


def remember_terms(columns: dict[str, str]) -> None:
    """Add the exact forms of an indexed entry to the lexicon."""
    remember(word for name in FIELDS for word in columns.get(name, "").split())


def reindex(entries) -> int:
    """Analyze the articles of ``entries`` (``ArticleSearch`` rows) again; returns how many.

    Two passes: the first teaches the lexicon every word, so that the second
    strips a lone prefix before a word that only a later article uses alone.
    """
    for entry in entries.select_related("article").iterator(chunk_size=500):
        texts = searchable_texts(entry.article, entry.language)
        if texts is not None:
            remember_terms(texts)
    count = 0
    for entry in entries.select_related("article").iterator(chunk_size=500):
        texts = searchable_texts(entry.article, entry.language)
        if texts is not None:
            type(entry).objects.filter(pk=entry.pk).update(**texts)
            count += 1
    return count
