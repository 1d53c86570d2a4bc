"""Translated fields of the ticker (Arabic first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from ticker.models import TickerItem


@register(TickerItem)
class TickerItemTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("ar",)
