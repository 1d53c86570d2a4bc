"""Admin for the publication and its staff (the masthead and bylines)."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom.bilingual_admin import BilingualAdmin
from newsroom.models import Publication, StaffMember

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Newsroom desk")


@admin.register(Publication)
class PublicationAdmin(BilingualAdmin):
    """The publication has one row: the list goes straight to its form."""

    fields = ("name", "tagline", "logo")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        publication = Publication.load()
        return HttpResponseRedirect(
            reverse("admin:newsroom_publication_change", args=[publication.pk])
        )


@admin.register(StaffMember)
class StaffMemberAdmin(BilingualAdmin):
    list_display = ("name", "job_title", "masthead_role", "masthead_order", "user")
    list_editable = ("masthead_order",)
    list_filter = ("masthead_role",)
    search_fields = ("name_ar", "name_en", "job_title_ar", "job_title_en")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("user",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "job_title", "photo", "bio")}),
        (_("Masthead"), {"fields": ("masthead_role", "masthead_order")}),
        (_("Advanced"), {"classes": ("collapse",), "fields": ("user",)}),
    )


admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(GroupAdmin):
    """Groups are the newsroom's roles; their stored English names are shown translated."""

    list_display = ("role",)

    @admin.display(description=_("role"), ordering="name")
    def role(self, group: Group) -> str:
        return gettext(group.name)
