"""The base of every admin that edits translated fields."""

from django.http import HttpRequest
from django.middleware.csp import get_nonce
from django.utils.translation import get_language_info
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin

from newsroom.admin_lists import OutOfRangeFiltersAdmin
from newsroom.admin_texts import NewsroomTextsAdmin


class BilingualAdmin(NewsroomTextsAdmin, OutOfRangeFiltersAdmin, TabbedTranslationAdmin):
    """A tab per language, each input marked with its own language and direction.

    Arabic inputs are right-to-left and English ones left-to-right in the same
    form, whatever the admin's own language, so typing and proofreading work.
    """

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # set on modeltranslation's fields
        if field is not None and language:
            direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
            field.widget.attrs.update({"lang": language, "dir": direction})
        return field


class RichTextAdminMixin:
    """For change forms with the rich-text body editor, whose import map is an inline
    script: it gets this request's CSP nonce."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["media"] = Media.from_media(context["media"], nonce=get_nonce(request))
        return super().render_change_form(request, context, add, change, form_url, obj)
