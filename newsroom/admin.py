"""Admin for the publication and its staff (the masthead and bylines)."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from articles.forms import body_editor
from newsroom.admin_lists import OutOfRangeFiltersAdmin
from newsroom.admin_texts import NewsroomTextsAdmin
from newsroom.bilingual_admin import BilingualAdmin, RichTextAdminMixin
from newsroom.models import MastheadTerm, PolicyPage, Publication, StaffMember
from newsroom.roles import role_name

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
        (
            _("Masthead"),
            {
                "fields": ("masthead_role", "masthead_order"),
                "description": _(
                    "Changing the role here starts it today and ends the previous holder's "
                    "term; for other dates, edit the masthead terms."
                ),
            },
        ),
        (_("Advanced"), {"classes": ("collapse",), "fields": ("user",)}),
    )


@admin.register(MastheadTerm)
class MastheadTermAdmin(NewsroomTextsAdmin, OutOfRangeFiltersAdmin, VersionAdmin):
    """Who held which masthead role, and when: the masthead page's history."""

    list_display = ("staff_member", "role", "starts_on", "ends_on", "is_current")
    list_filter = ("role",)
    list_select_related = ("staff_member",)
    search_fields = ("staff_member__name_ar", "staff_member__name_en")
    date_hierarchy = "starts_on"
    autocomplete_fields = ("staff_member",)
    fields = ("staff_member", "role", "starts_on", "ends_on")

    @admin.display(description=_("current"), boolean=True)
    def is_current(self, term: MastheadTerm) -> bool:
        return term.held_on(timezone.localdate())


class PolicyPageForm(forms.ModelForm):
    class Meta:
        model = PolicyPage
        fields = ["title", "slug", "kind", "body", "order"]
        widgets = {"body_ar": body_editor(), "body_en": body_editor()}


@admin.register(PolicyPage)
class PolicyPageAdmin(RichTextAdminMixin, VersionAdmin, BilingualAdmin):
    """The standards pages at /about/<slug>/, linked from every page's footer."""

    form = PolicyPageForm
    list_display = ("title", "kind", "order", "updated_at", "view_on_site_link")
    list_editable = ("order",)
    search_fields = ("title_ar", "title_en")
    prepopulated_fields = {"slug": ("title",)}
    fields = ("title", "slug", "kind", "body", "order")

    @admin.display(description=_("page"))
    def view_on_site_link(self, page: PolicyPage) -> str:
        return format_html('<a href="{}">{}</a>', page.get_absolute_url(), _("View on site"))


admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(NewsroomTextsAdmin, GroupAdmin):
    """Groups are the newsroom's roles; their stored English names are shown translated."""

    list_display = ("role",)

    def get_fields(self, request: HttpRequest, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Who may only look reads the role's name, not the stored English one.
            return ["role" if field == "name" else field for field in fields]
        return fields

    @admin.display(description=_("role"), ordering="name")
    def role(self, group: Group) -> str:
        return role_name(group)


User = get_user_model()
admin.site.unregister(User)


class PasswordForm(AdminPasswordChangeForm):
    # Django's form adds this warning to the help text in English, without gettext.
    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )


@admin.register(User)
class StaffAccountAdmin(NewsroomTextsAdmin, UserAdmin):
    """Staff accounts. Only superusers grant superuser status or single permissions,
    and only they edit a superuser, so the editor-in-chief cannot raise their own rights."""

    change_password_form = PasswordForm

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)
