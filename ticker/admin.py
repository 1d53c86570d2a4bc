"""Admin for the ticker: editors add, order, schedule and flag headlines."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.bilingual_admin import BilingualAdmin
from ticker.models import TickerItem


@admin.register(TickerItem)
class TickerItemAdmin(BilingualAdmin):
    list_display = ("text", "is_breaking", "order", "starts_at", "ends_at", "is_live")
    list_editable = ("is_breaking", "order")
    list_filter = ("is_breaking",)
    search_fields = ("text_ar", "text_en")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("article",)
    fields = ("text", "article", "url", "is_breaking", "order", "starts_at", "ends_at")

    @admin.display(boolean=True, description=_("showing now"))
    def is_live(self, item: TickerItem) -> bool:
        return item.is_live
