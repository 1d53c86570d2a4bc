"""Template helpers for the site chrome."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """The address of the current page in ``language_code``, query string included."""
    return translate_url(context["request"].get_full_path(), language_code)
