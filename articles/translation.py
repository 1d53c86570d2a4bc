"""Translated fields of sections, images and articles (Arabic first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, Correction, Image, Section, Tag


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("ar",)


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt_text", "caption", "credit")


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "kicker", "summary", "body")
    required_languages = ("ar",)


@register(Correction)
class CorrectionTranslationOptions(TranslationOptions):
    fields = ("text", "withdrawal_note")
    required_languages = {"ar": ("text",), "default": ()}
