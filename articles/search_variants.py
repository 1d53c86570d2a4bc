"""The editors' table of equivalent spellings (``SpellingVariant``), as search reads it."""

from articles.models import SpellingVariant
from newsroom.arabic import normalize


def spelling_variants() -> dict[str, tuple[str, ...]]:
    """Each spelling's exact form → the exact forms of all spellings of its word."""
    variants: dict[str, tuple[str, ...]] = {}
    for row in SpellingVariant.objects.only("spellings"):
        forms = tuple(dict.fromkeys(normalize(spelling) for spelling in row.spelling_list))
        for form in forms:
            variants[form] = forms
    return variants
