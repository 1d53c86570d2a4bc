"""Which language a translated field's text is in, and addresses in each language."""

from django.db import models
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language, get_language_info, override
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname


def original_text(instance: models.Model, field: str) -> str:
    """The text of a translated field in the publication's first language (Arabic).

    Slugs and editorial checks use the original whatever language is active,
    so adding a translation changes neither.
    """
    return getattr(instance, build_localized_fieldname(field, DEFAULT_LANGUAGE)) or ""


def shown_language(instance: models.Model, field: str) -> str:
    """The language of the text a translated ``field`` shows now.

    An English page falls back to the Arabic original where nothing is
    translated; that text must be marked as Arabic.
    """
    language = get_language()
    if getattr(instance, build_localized_fieldname(field, language), None):
        return language
    return DEFAULT_LANGUAGE


def url_in(language: str, instance: models.Model) -> str:
    """``instance``'s address in ``language`` (its language prefix included), URI-encoded."""
    with override(language):
        return iri_to_uri(instance.get_absolute_url())


def direction(language: str) -> str:
    """``"rtl"`` or ``"ltr"``: how text in ``language`` runs."""
    return "rtl" if get_language_info(language)["bidi"] else "ltr"
