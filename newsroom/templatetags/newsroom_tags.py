"""Template helpers for the site chrome."""

from django import template
from django.db import models
from django.urls import translate_url
from django.utils.translation import get_language
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """The address of the current page in ``language_code``, query string included."""
    return translate_url(context["request"].get_full_path(), language_code)


@register.filter
def shown_language(instance: models.Model, field: str) -> str:
    """The language of the text a translated ``field`` shows now.

    An English page falls back to the Arabic original where nothing is
    translated; that text must be marked ``lang="ar"`` for screen readers.
    """
    language = get_language()
    if getattr(instance, build_localized_fieldname(field, language), None):
        return language
    return DEFAULT_LANGUAGE
