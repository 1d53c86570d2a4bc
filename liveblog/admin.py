"""Live coverage in the admin: posting and running it from the article's page.

The article's change page shows a panel (``templatetags/live_admin.py``) with
a compact form to post an update and the updates newest first, each with its
buttons. They post here; every action goes through ``liveblog.services``,
which checks permissions on the server and writes the editorial log. An
update's full page (rich text, image, authors, English, history) is the
``LiveUpdate`` admin.
"""

from functools import partial

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin

from articles.models import Article
from liveblog import services
from liveblog.forms import LiveUpdateForm, QuickUpdateForm
from liveblog.models import LiveBlog, LiveUpdate
from liveblog.permissions import can_change_update, can_post
from newsroom.bilingual_admin import BilingualAdmin, RichTextAdminMixin

reversion.register(LiveUpdate, exclude=["changed_at"])

# The buttons beside each update: action name → service, called with update= and by=.
UPDATE_ACTIONS = {
    "delete": services.update_delete,
    "pin": services.update_pin,
    "unpin": partial(services.update_pin, pinned=False),
    "key_event": services.update_mark_key_event,
    "not_key_event": partial(services.update_mark_key_event, key_event=False),
    "ticker": services.update_to_ticker,
}
DONE = {
    "start": _("Live coverage started."),
    "end": _("Live coverage ended."),
    "reopen": _("Live coverage reopened."),
    "post": _("Update posted."),
    "delete": _("Update deleted."),
    "pin": _("Update pinned."),
    "unpin": _("Update unpinned."),
    "key_event": _("Update marked as a key event."),
    "not_key_event": _("Update no longer a key event."),
    "ticker": _("Update sent to the ticker."),
}


@admin.register(LiveBlog)
class LiveBlogAdmin(admin.ModelAdmin):
    """Only the panel's actions: live blogs are run from their article's page."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("start/<int:article_id>/", view(self.start_view), name="liveblog_start"),
            path("<int:pk>/<str:action>/", view(self.live_blog_view), name="liveblog_action"),
            path(
                "update/<int:pk>/<str:action>/",
                view(self.update_view),
                name="liveblog_update_action",
            ),
        ]

    @method_decorator(require_POST)
    def start_view(self, request: HttpRequest, article_id: int):
        article = get_object_or_404(Article, pk=article_id)
        return self._run(request, article, "start", partial(services.live_start, article=article))

    @method_decorator(require_POST)
    def live_blog_view(self, request: HttpRequest, pk: int, action: str):
        live_blog = get_object_or_404(LiveBlog, pk=pk)
        article = live_blog.article
        if action == "end":
            return self._run(
                request, article, action, partial(services.live_end, live_blog=live_blog)
            )
        if action == "reopen":
            return self._run(
                request, article, action, partial(services.live_reopen, live_blog=live_blog)
            )
        if action != "post":
            raise Http404
        if not can_post(request.user):
            raise PermissionDenied
        form = QuickUpdateForm(request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                self.message_user(request, f"{label}: {' '.join(errors)}", messages.ERROR)
            return HttpResponseRedirect(_panel_url(article))
        data = form.cleaned_data
        post = partial(
            services.update_post,
            live_blog=live_blog,
            headline_ar=data["headline"],
            body_ar=services.plain_text_to_body(data["text"]),
            is_key_event=data["is_key_event"],
        )
        return self._run(request, article, action, post)

    @method_decorator(require_POST)
    def update_view(self, request: HttpRequest, pk: int, action: str):
        update = get_object_or_404(LiveUpdate, pk=pk)
        if action not in UPDATE_ACTIONS:
            raise Http404
        service = partial(UPDATE_ACTIONS[action], update=update)
        return self._run(request, update.live_blog.article, action, service)

    def _run(self, request: HttpRequest, article: Article, action: str, service):
        """Call ``service(by=user)``; say how it went on the article's page."""
        try:
            service(by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, DONE[action], messages.SUCCESS)
        return HttpResponseRedirect(_panel_url(article))


def _panel_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk]) + "#live"


@admin.register(LiveUpdate)
class LiveUpdateAdmin(RichTextAdminMixin, VersionAdmin, BilingualAdmin):
    """An update's full page: rich text in both languages, image, authors, history."""

    list_display = ("__str__", "live_blog", "posted_at", "is_key_event", "is_pinned")
    list_filter = ("is_key_event", "is_pinned")
    date_hierarchy = "posted_at"
    form = LiveUpdateForm
    fields = ("headline", "body", "image", "authors", "is_key_event")
    autocomplete_fields = ("image", "authors")

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).filter(deleted_at__isnull=True)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # posted from the article's page, into its live blog

    def has_change_permission(self, request: HttpRequest, obj: LiveUpdate | None = None) -> bool:
        if obj is None:
            return super().has_change_permission(request)
        return can_change_update(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: LiveUpdate | None = None) -> bool:
        if obj is None:
            return False  # no bulk deletion: each goes through the service
        return can_change_update(request.user, obj)

    def save_model(self, request: HttpRequest, obj: LiveUpdate, form, change: bool) -> None:
        services.update_edit(update=obj, by=request.user)

    def delete_model(self, request: HttpRequest, obj: LiveUpdate) -> None:
        services.update_delete(update=obj, by=request.user)

    def response_post_save_change(self, request: HttpRequest, obj: LiveUpdate):
        return HttpResponseRedirect(_panel_url(obj.live_blog.article))

    def response_delete(self, request: HttpRequest, obj_display: str, obj_id):
        update = LiveUpdate.objects.filter(pk=obj_id).select_related("live_blog__article").first()
        if update is None:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(request, DONE["delete"], messages.SUCCESS)
        return HttpResponseRedirect(_panel_url(update.live_blog.article))
