"""Translated fields of the publication-level models (Arabic first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from newsroom.models import PolicyPage, Publication, StaffMember


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = ("name", "tagline")
    required_languages = ("ar",)


@register(StaffMember)
class StaffMemberTranslationOptions(TranslationOptions):
    fields = ("name", "job_title", "bio")
    required_languages = ("ar",)


@register(PolicyPage)
class PolicyPageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("ar",)
