"""Admin for sections, the image library and articles."""

import logging
from collections.abc import Callable
from datetime import timedelta

import reversion
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Q
from django.http import Http404, HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.models import Tag as TaggitTag

from articles.corrections import can_correct, can_withdraw, correction_publish, correction_withdraw
from articles.forms import (
    AddTagsActionForm,
    ArticleAdminForm,
    CorrectionForm,
    ImageForm,
    ReturnToDraftActionForm,
    WithdrawCorrectionForm,
    WorkflowForm,
)
from articles.models import (
    UNVERSIONED_FIELDS,
    Article,
    ArticleSearch,
    Correction,
    EditorialLogEntry,
    Image,
    Section,
    SpellingVariant,
    Tag,
    TaggedArticle,
)
from articles.permissions import can_edit_article, can_publish
from articles.previews import preview_url
from articles.revisions import TEXT_FIELDS, changes, version_contents
from articles.services import (
    ACTIONS,
    article_add_tags,
    article_archive,
    article_publish,
    article_return_to_draft,
    article_submit,
    available_transitions,
    image_make_crops,
    image_make_renditions,
    publishing_problems,
)
from newsroom.admin_lists import OutOfRangeFiltersAdmin
from newsroom.admin_texts import NewsroomTextsAdmin
from newsroom.arabic import analyze
from newsroom.bilingual_admin import BilingualAdmin, RichTextAdminMixin

logger = logging.getLogger(__name__)


@admin.register(Section)
class SectionAdmin(BilingualAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_ar", "name_en")
    prepopulated_fields = {"slug": ("name",)}


# The publication's tags are articles.Tag; taggit's own model and admin go unused.
admin.site.unregister(TaggitTag)


class EnglishNameFilter(admin.SimpleListFilter):
    """Find the tags English pages still show in Arabic."""

    title = _("English name")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("not written yet")), ("written", _("written"))]

    def queryset(self, request, queryset):
        missing = Q(name_en__isnull=True) | Q(name_en="")
        return {
            "missing": queryset.filter(missing),
            "written": queryset.exclude(missing),
        }.get(self.value(), queryset)


@admin.register(Tag)
class TagAdmin(BilingualAdmin):
    """Tags are made by typing them on articles; here editors give them English names
    (English pages show the Arabic one until then). The address never changes."""

    list_display = ("name_ar", "name_en", "slug", "article_count")
    list_filter = (EnglishNameFilter,)
    search_fields = ("name_ar", "name_en", "slug")
    ordering = ("name_ar",)
    fields = ("name", "slug")
    readonly_fields = ("slug",)

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("articles_taggedarticle_items"))
        )

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, tag: Tag) -> int:
        return tag.article_count


@admin.register(Image)
class ImageAdmin(BilingualAdmin):
    form = ImageForm
    list_display = (
        "thumbnail",
        "__str__",
        "credit",
        "width",
        "height",
        "uploaded_by",
        "created_at",
    )
    list_select_related = ("uploaded_by",)
    search_fields = ("alt_text_ar", "alt_text_en", "caption_ar", "caption_en", "credit_ar")
    date_hierarchy = "created_at"
    readonly_fields = ("focal_point_picker", "crop_previews", "width", "height", "uploaded_by")
    fields = (
        "file",
        "focal_point_picker",
        "focal_x",
        "focal_y",
        "crop_previews",
        "alt_text",
        "caption",
        "credit",
        "width",
        "height",
        "uploaded_by",
    )

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/focal_point.js"]

    def has_change_permission(self, request: HttpRequest, obj: Image | None = None) -> bool:
        return super().has_change_permission(request, obj) and _may_manage(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Image | None = None) -> bool:
        return super().has_delete_permission(request, obj) and _may_manage(request, obj)

    def save_model(self, request: HttpRequest, obj: Image, form, change: bool) -> None:
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if "file" in form.changed_data:
            self._make_copies(
                request,
                obj,
                image_make_renditions,
                _(
                    "The image was saved, but its smaller copies could not be made; "
                    "pages show the original meanwhile."
                ),
            )
        elif {"focal_x", "focal_y"} & set(form.changed_data):
            self._make_copies(
                request,
                obj,
                image_make_crops,
                _(
                    "The focal point was saved, but the crops could not be cut again; "
                    "search engines and social networks get the previous ones meanwhile."
                ),
            )

    def _make_copies(
        self, request: HttpRequest, image: Image, make: Callable[..., Image], failure: str
    ) -> None:
        try:
            make(image=image)
        except Exception:
            # The upload and the focal point are kept: pages show what already exists.
            logger.exception("Copies of image %s could not be made", image.pk)
            self.message_user(request, failure, messages.WARNING)

    @admin.display(description=_("preview"))
    def thumbnail(self, image: Image) -> str:
        if not image.file:
            return "—"
        # In the list the picture is the link to the image, so it needs a name.
        return format_html(
            '<img src="{}" alt="{}" width="120" style="height:auto">', image.file.url, image
        )

    @admin.display(description=_("focal point"))
    def focal_point_picker(self, image: Image) -> str:
        if not image.file:
            return _("Upload the image first; then tap its subject here to set the focal point.")
        # The widest copy a screen needs: the original may be tens of megapixels.
        preview = image.renditions.get("jpeg", {}).get("800")
        return format_html(
            '<div class="focal-picker" data-focal-picker>'
            '<img src="{}" alt="" width="{}" height="{}">'
            '<span class="focal-picker__marker" style="left:{}%;top:{}%" aria-hidden="true">'
            "</span></div>"
            '<p class="help">{}</p>',
            image.file.storage.url(preview) if preview else image.file.url,
            image.width,
            image.height,
            round(image.focal_x * 100, 1),
            round(image.focal_y * 100, 1),
            _(
                "Tap or click the subject of the picture (a face, the speaker) to set the "
                "focal point below, then save. Crops for search engines and social networks "
                "are cut around it."
            ),
        )

    @admin.display(description=_("crops"))
    def crop_previews(self, image: Image) -> str:
        if not image.crop_copies:
            return "—"
        return format_html_join(
            "",
            '<figure class="crop-preview"><img src="{}" alt="" width="{}" height="{}">'
            '<figcaption><bdi dir="ltr">{}:{} · {}×{}</bdi></figcaption></figure>',
            (
                (crop.url, crop.width, crop.height, across, down, crop.width, crop.height)
                for (across, down), crop in image.crop_copies.items()
            ),
        )


def _may_manage(request: HttpRequest, image: Image | None) -> bool:
    # Reporters manage their own uploads; editors any image (it may lead a live story).
    return image is None or image.uploaded_by_id == request.user.pk or can_publish(request.user)


def _corrections_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk]) + "#corrections"


def _local_time(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


# Revisions keep what editors write: texts in both languages, placement, authors and
# tags. The workflow state is not content: restoring an old revision must never publish
# or unpublish around the workflow's permission checks, so it stays out. Registered here,
# not beside the models, because the translated fields exist only once modeltranslation
# has run, which is before the admin loads.
reversion.register(Article, exclude=UNVERSIONED_FIELDS, follow=["taggedarticle_set"])
reversion.register(TaggedArticle)
# A correction keeps its own history; the article does not follow it, so restoring an
# article never takes back a published correction.
reversion.register(Correction)


class PublicationStateFilter(admin.SimpleListFilter):
    """Filter by workflow status, with "scheduled" told apart from "published"."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", Article.Status.DRAFT.label),
            ("review", Article.Status.REVIEW.label),
            ("scheduled", _("Scheduled")),
            ("live", _("Published")),
            ("archived", Article.Status.ARCHIVED.label),
        ]

    def queryset(self, request, queryset):
        return {
            "draft": queryset.filter(status=Article.Status.DRAFT),
            "review": queryset.filter(status=Article.Status.REVIEW),
            "scheduled": queryset.scheduled(),
            "live": queryset.published(),
            "archived": queryset.filter(status=Article.Status.ARCHIVED),
        }.get(self.value(), queryset)


TRANSLATION_STATES = {
    "missing": "—",
    "outdated": _("out of date"),
    "current": _("up to date"),
}


class TranslationStateFilter(admin.SimpleListFilter):
    """Find articles whose English translation is missing or older than the Arabic."""

    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [
            ("missing", _("missing")),
            ("outdated", TRANSLATION_STATES["outdated"]),
            ("current", TRANSLATION_STATES["current"]),
        ]

    def queryset(self, request, queryset):
        return {
            "missing": queryset.translation_missing(),
            "outdated": queryset.translation_outdated(),
            "current": queryset.exclude(pk__in=queryset.translation_missing().values("pk")).exclude(
                pk__in=queryset.translation_outdated().values("pk")
            ),
        }.get(self.value(), queryset)


def _edited_in(request: HttpRequest, obj: Article, form, language: str) -> bool:
    """Whether this save changes any translated text of the article in ``language``.

    A restore starts its form from the old version, so the form sees no change; the
    texts as they were before the restore tell instead.
    """
    names = [build_localized_fieldname(field, language) for field in TEXT_FIELDS]
    before = getattr(request, "texts_before_restore", None)
    if before is not None:
        return any(getattr(obj, name) != before[name] for name in names)
    return any(name in form.changed_data for name in names)


@admin.register(Article)
class ArticleAdmin(RichTextAdminMixin, VersionAdmin, BilingualAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"
    list_display = (
        "title", "section", "state", "is_published", "english", "published_at", "updated_at",
    )  # fmt: skip
    list_filter = (PublicationStateFilter, TranslationStateFilter, "section", "published_at")
    list_select_related = ("section",)
    # Shows the search box; get_search_results searches the normalized words instead.
    search_fields = ("title_ar", "title_en", "summary_ar", "summary_en")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("section", "authors", "lead_image")
    # Status and time change only through the workflow buttons, which check permissions.
    readonly_fields = ("status", "published_at")
    fieldsets = (
        (None, {"fields": ("kicker", "title", "summary", "body")}),
        (_("Placement"), {"fields": ("section", "authors", "tags", "lead_image")}),
        (_("Publishing"), {"fields": ("status", "published_at")}),
        (_("Home page"), {"fields": ("lead_until", "featured_until")}),
        (_("Advanced"), {"classes": ("collapse",), "fields": ("slug",)}),
    )
    actions = [
        "submit_selected", "publish_selected", "archive_selected", "return_selected",
        "feature_selected", "tag_selected",
    ]  # fmt: skip

    @admin.display(boolean=True, description=_("visible to readers"))
    def is_published(self, article: Article) -> bool:
        return article.is_published

    def get_search_results(self, request: HttpRequest, queryset, search_term: str):
        """Search with the readers' analyzer: «اسرائيل» finds «إسرائيل», «لقاح» finds
        «اللقاحات», drafts too."""
        tokens = analyze(search_term)
        if not tokens:
            return queryset, False
        entries = ArticleSearch.objects.all()
        for token in tokens:
            stem = token.stems[0]
            entries = entries.filter(
                Q(title_stems__contains=stem)
                | Q(summary_stems__contains=stem)
                | Q(body_stems__contains=stem)
            )
        return queryset.filter(pk__in=entries.values("article_id")), False

    @admin.display(description=_("English"))
    def english(self, article: Article) -> str:
        return TRANSLATION_STATES[article.translation_state]

    @admin.display(description=_("state"), ordering="status")
    def state(self, article: Article) -> str:
        if article.is_scheduled:
            return _("Scheduled for %(time)s") % {"time": _local_time(article.published_at)}
        return article.get_status_display()

    # ---- Permissions: reporters edit their own drafts; publishing needs its permission

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            readonly += ["lead_until", "featured_until"]  # placing stories is the editors' call
        return readonly

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if obj is None:
            return super().has_change_permission(request)
        return can_edit_article(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or can_edit_article(request.user, obj)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return can_publish(request.user)

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        if change:
            obj.version = F("version") + 1
        else:
            obj.created_by = request.user
        now = timezone.now()
        if _edited_in(request, obj, form, DEFAULT_LANGUAGE):
            obj.original_changed_at = now
        if _edited_in(request, obj, form, "en"):
            obj.translation_changed_at = now
        super().save_model(request, obj, form, change)
        obj.refresh_from_db(fields=["version"])

    # ---- Revisions: history, comparison and restore (django-reversion)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old version's content while the article keeps its workflow state.

        The version must be one of this article's own, and restoring needs the right
        to edit the article as it is now, checked before anything is reverted.
        """
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not Version.objects.get_for_object(article).filter(pk=version_id).exists():
            raise Http404
        if request.method == "POST" and not self.has_change_permission(request, article):
            raise PermissionDenied
        request.texts_before_restore = {
            build_localized_fieldname(field, language): getattr(
                article, build_localized_fieldname(field, language)
            )
            for field in TEXT_FIELDS
            for language in AVAILABLE_LANGUAGES
        }
        request.workflow_state = (
            Article.objects.filter(pk=article.pk)
            .values(*[Article._meta.get_field(name).attname for name in UNVERSIONED_FIELDS])
            .first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        """Bring back a deleted article (as a draft); versions of live articles are not here."""
        if not Version.objects.get_deleted(Article).filter(pk=version_id).exists():
            raise Http404
        if not (self.has_add_permission(request) and can_publish(request.user)):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        # Reverting rewrote the row with the old version, whose workflow fields are
        # defaults (they are not versioned); put today's back, in the row (inside the
        # revert's transaction) and on the object, before the form sees either.
        state = getattr(request, "workflow_state", None)
        if article is not None and state:
            Article.objects.filter(pk=article.pk).update(**state)
            for attname, value in state.items():
                setattr(article, attname, value)
        return article

    def compare_view(self, request: HttpRequest, object_id: str):
        """What changed between two versions chosen on the history page."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article)
        try:
            older = versions.get(pk=int(request.GET.get("from", "")))
            newer = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist):
            raise Http404 from None
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        return TemplateResponse(
            request,
            "admin/articles/article/compare.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Changes between two versions"),
                "opts": self.model._meta,
                "original": article,
                "older": older,
                "newer": newer,
                "changes": changes(version_contents(older), version_contents(newer)),
            },
        )

    # ---- Workflow buttons on the change page

    def get_urls(self):
        return [
            path(
                "<path:object_id>/workflow/<str:action>/",
                self.admin_site.admin_view(self.workflow_view),
                name="articles_article_workflow",
            ),
            path(
                "<path:object_id>/corrections/publish/",
                self.admin_site.admin_view(self.correction_publish_view),
                name="articles_article_correction_publish",
            ),
            path(
                "corrections/<int:pk>/withdraw/",
                self.admin_site.admin_view(self.correction_withdraw_view),
                name="articles_correction_withdraw",
            ),
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_article_compare",
            ),
            *super().get_urls(),
        ]

    def workflow_view(self, request: HttpRequest, object_id: str, action: str):
        """Run one workflow action from the change page's buttons (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, object_id)
        if article is None or action not in ACTIONS:
            raise Http404
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        form = WorkflowForm(request.POST)
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if not form.is_valid():
            for errors in form.errors.values():
                self.message_user(request, " ".join(errors), messages.ERROR)
            return HttpResponseRedirect(change_url)
        options = {"note": form.cleaned_data["note"]} if action == "return_to_draft" else {}
        if action == "publish":
            options["at"] = form.cleaned_data["publish_at"]
        try:
            article = ACTIONS[action](article=article, by=request.user, **options)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, self._done_message(article), messages.SUCCESS)
        return HttpResponseRedirect(change_url)

    @method_decorator(require_POST)
    def correction_publish_view(self, request: HttpRequest, object_id: str):
        """Publish a correction, clarification or update from the change page."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        form = CorrectionForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                self.message_user(request, " ".join(errors), messages.ERROR)
        else:
            self._run_correction(request, _("Note published."), correction_publish,
                                 article=article, **form.cleaned_data)  # fmt: skip
        return HttpResponseRedirect(_corrections_url(article))

    @method_decorator(require_POST)
    def correction_withdraw_view(self, request: HttpRequest, pk: int):
        correction = get_object_or_404(Correction.objects.select_related("article"), pk=pk)
        form = WithdrawCorrectionForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        self._run_correction(
            request, _("Note withdrawn."), correction_withdraw, correction=correction, note=note
        )
        return HttpResponseRedirect(_corrections_url(correction.article))

    def _run_correction(self, request: HttpRequest, done: str, service, **arguments) -> None:
        try:
            service(by=request.user, **arguments)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow"] = {
                "preview_url": (
                    request.build_absolute_uri(preview_url(obj.pk))
                    if can_edit_article(request.user, obj) or can_publish(request.user)
                    else None
                ),
                "transitions": available_transitions(article=obj, user=request.user),
                "form": WorkflowForm(),
                "log": obj.log_entries.select_related("actor"),
                "problems": publishing_problems(obj),
            }
            context["corrections"] = {
                "list": obj.corrections.all(),
                "form": CorrectionForm()
                if can_correct(request.user) and obj.is_published
                else None,
                "may_withdraw": can_withdraw(request.user),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    # ---- Bulk actions in the list

    @admin.action(description=_("Submit selected articles for review"))
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, article_submit)

    @admin.action(description=_("Publish selected articles now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, article_publish)

    @admin.action(description=_("Archive selected articles"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._bulk(request, queryset, article_archive)

    @admin.action(description=_("Return selected articles to draft…"), permissions=["publish"])
    def return_selected(self, request, queryset):
        form = ReturnToDraftActionForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            self._bulk(request, queryset, article_return_to_draft, note=form.cleaned_data["note"])
            return None
        return self._ask(
            request,
            queryset,
            form,
            action="return_selected",
            title=_("Return to draft"),
            intro=_("These articles will go back to their authors as drafts:"),
        )

    @admin.action(description=_("Add tags to selected articles…"))
    def tag_selected(self, request, queryset):
        form = AddTagsActionForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            self._bulk(request, queryset, article_add_tags, tags=form.cleaned_data["tags"])
            return None
        return self._ask(
            request,
            queryset,
            form,
            action="tag_selected",
            title=_("Add tags"),
            intro=_("These articles will get the tags you type, keeping those they have:"),
        )

    def _ask(self, request, queryset, form, *, action: str, title: str, intro: str):
        """The page a bulk action asks its question on, listing the selected articles."""
        return TemplateResponse(
            request,
            "admin/articles/article/bulk_action.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "intro": intro,
                "action": action,
                "opts": self.model._meta,
                "articles": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description=_("Pin selected articles to the home page for a day"),
                  permissions=["publish"])  # fmt: skip
    def feature_selected(self, request, queryset):
        until = timezone.now() + timedelta(days=1)
        # Saved one by one, not with update(): each save purges the pages that show it.
        count = 0
        for article in queryset:
            article.featured_until = until
            article.save(update_fields=["featured_until"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d article pinned.", "%(count)d articles pinned.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def _bulk(self, request, queryset, action, **options) -> None:
        done, refused = 0, []
        for article in queryset:
            try:
                action(article=article, by=request.user, **options)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", [str(error)]))
                refused.append(f"«{article.title}»: {reason}")
        if done:
            self.message_user(
                request,
                ngettext("%(count)d article done.", "%(count)d articles done.", done)
                % {"count": done},
                messages.SUCCESS,
            )
        for line in refused:
            self.message_user(request, line, messages.ERROR)

    @staticmethod
    def _done_message(article: Article) -> str:
        if article.is_scheduled:
            return _("Scheduled: readers will see it on %(time)s.") % {
                "time": _local_time(article.published_at)
            }
        return _("The article is now: %(status)s.") % {"status": article.get_status_display()}


@admin.register(EditorialLogEntry)
class EditorialLogEntryAdmin(OutOfRangeFiltersAdmin, admin.ModelAdmin):
    """The whole newsroom's editorial log, read-only."""

    list_display = ("created_at", "article", "actor", "from_status", "to_status", "note")
    list_filter = ("to_status",)
    list_select_related = ("article", "actor")
    date_hierarchy = "created_at"
    search_fields = ("article__title_ar", "note")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SpellingVariant)
class SpellingVariantAdmin(NewsroomTextsAdmin, admin.ModelAdmin):
    """The spellings search treats as one word; editors add names as news brings them."""

    list_display = ("spellings",)
    search_fields = ("spellings",)
