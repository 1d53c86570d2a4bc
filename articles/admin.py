"""Admin for sections, the image library and articles."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from articles.models import Article, Image, Section


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_ar", "name_en")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    list_display = ("thumbnail", "__str__", "credit", "width", "height", "created_at")
    search_fields = ("alt_text_ar", "alt_text_en", "caption_ar", "caption_en", "credit_ar")
    date_hierarchy = "created_at"
    readonly_fields = ("thumbnail", "width", "height")
    fields = ("file", "thumbnail", "alt_text", "caption", "credit", "width", "height")

    @admin.display(description=_("preview"))
    def thumbnail(self, image: Image) -> str:
        if not image.file:
            return "—"
        return format_html('<img src="{}" alt="" width="120" style="height:auto">', image.file.url)


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    list_display = ("title", "section", "status", "is_published", "published_at", "updated_at")
    list_filter = ("status", "section", "published_at")
    list_select_related = ("section",)
    search_fields = ("title_ar", "title_en", "summary_ar", "summary_en")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("section", "authors", "lead_image")
    fieldsets = (
        (None, {"fields": ("kicker", "title", "summary", "body")}),
        (_("Placement"), {"fields": ("section", "authors", "tags", "lead_image")}),
        (_("Publishing"), {"fields": ("status", "published_at")}),
        (_("Advanced"), {"classes": ("collapse",), "fields": ("slug",)}),
    )

    @admin.display(boolean=True, description=_("visible to readers"))
    def is_published(self, article: Article) -> bool:
        return article.is_published
