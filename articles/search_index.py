"""What search indexes for an article: its words per language, normalized."""

from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from articles.sanitize import plain_text
from newsroom.arabic import normalize


def searchable_texts(article, language: str) -> dict[str, str] | None:
    """Normalized title, summary and body of ``article`` in ``language``.

    None for a translation that has no headline yet: English search covers
    translated articles only, never the Arabic fallback.
    """
    title = getattr(article, build_localized_fieldname("title", language)) or ""
    if not title and language != DEFAULT_LANGUAGE:
        return None
    summary = getattr(article, build_localized_fieldname("summary", language)) or ""
    body = getattr(article, build_localized_fieldname("body", language)) or ""
    return {
        "title": normalize(title),
        "summary": normalize(summary),
        "body": normalize(plain_text(body)),
    }
