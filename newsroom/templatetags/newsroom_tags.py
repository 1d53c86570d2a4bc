"""Template helpers for the site chrome."""

from datetime import timedelta

from django import template
from django.db import models
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from newsroom import dates
from newsroom.languages import direction, shown_language
from pagecache import recorder

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """The address of the current page in ``language_code``, query string included."""
    return translate_url(context["request"].get_full_path(), language_code)


@register.simple_tag
def language_attributes(instance: models.Model, field: str) -> SafeString:
    """``lang`` and ``dir`` for the text of a translated field, from the language shown.

    Stated rather than guessed with ``dir="auto"``: an Arabic paragraph that opens
    with a Latin name («BBC» قالت …) would otherwise be laid out left to right.
    """
    language = shown_language(instance, field)
    return format_html('lang="{}" dir="{}"', language, direction(language))


@register.simple_tag
def time_tag(moment, style: str = "date", *, with_hijri: bool = False) -> SafeString:
    """``<time datetime="ISO 8601">`` showing ``moment`` as readers of this page expect.

    ``style`` is ``date``, ``long_date``, ``time`` or ``datetime`` (newsroom/dates.py);
    ``with_hijri`` adds the Hijri date after it when the publication shows one.
    """
    if moment is None:
        return SafeString("")
    language = get_language()
    element = format_html(
        '<time datetime="{}">{}</time>', dates.iso(moment), dates.show(moment, style, language)
    )
    hijri = dates.hijri(moment, language) if with_hijri else ""
    if hijri:
        return format_html('{} <span class="date-hijri">{}</span>', element, hijri)
    return element


@register.filter
def iso(moment) -> str:
    """``moment`` for a ``datetime`` attribute: ISO 8601 to the second, as HTML allows."""
    return dates.iso(moment) if moment else ""


@register.simple_tag
def today():
    """Today's date in the publication's time zone; the page changes at midnight."""
    day = timezone.localdate()
    recorder.changes_at(dates.midnight(day + timedelta(days=1)))
    return day
