"""Translated fields of live updates (Arabic first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from liveblog.models import LiveUpdate


@register(LiveUpdate)
class LiveUpdateTranslationOptions(TranslationOptions):
    fields = ("headline", "body")
