"""A live blog's own feed of updates (RSS 2.0 and Atom), beside the article feeds,
where the article stays one item."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from discovery.feeds import ArticleFeed
from liveblog.models import LiveBlog, LiveUpdate
from liveblog.reading import UPDATES_PER_PAGE
from newsroom.sanitize import plain_text


class LiveUpdatesFeed(ArticleFeed):
    """The newest updates of one live blog, each linking to its permalink."""

    def get_object(self, request: HttpRequest, **kwargs) -> LiveBlog:
        live_blog = get_object_or_404(LiveBlog.objects.select_related("article"), pk=kwargs["pk"])
        if not live_blog.article.is_published:
            raise Http404
        return live_blog

    def title(self, live_blog: LiveBlog) -> str:
        return f"{live_blog.article.title} — {_('Live coverage')}"

    def subtitle(self, live_blog: LiveBlog) -> str:
        return live_blog.article.summary or self.title(live_blog)

    def link(self, live_blog: LiveBlog) -> str:
        return live_blog.article.get_absolute_url()

    def author_name(self, live_blog: LiveBlog) -> str:
        return self.title(live_blog)

    def author_link(self, live_blog: LiveBlog) -> str:
        return self.link(live_blog)

    def items(self, live_blog: LiveBlog):
        shown = live_blog.updates.shown().order_by("-posted_at", "-pk")
        return shown.prefetch_related("authors")[:UPDATES_PER_PAGE]

    def item_title(self, update: LiveUpdate) -> str:
        return update.headline or Truncator(plain_text(update.body)).words(12)

    def item_description(self, update: LiveUpdate) -> str:
        return escape(Truncator(plain_text(update.body)).words(40))  # plain text, read as HTML

    def item_link(self, update: LiveUpdate) -> str:
        return update.get_absolute_url()

    def item_guid(self, update: LiveUpdate) -> str:
        return update.get_absolute_url()

    def item_pubdate(self, update: LiveUpdate):
        return update.posted_at

    def item_updateddate(self, update: LiveUpdate):
        return update.changed_at

    def item_categories(self, update: LiveUpdate) -> list[str]:
        return []

    def item_extra_kwargs(self, update: LiveUpdate) -> dict:
        return {
            "content": update.body,
            "authors": [(a.name, a.get_absolute_url()) for a in update.authors.all()],
            "image": None,
        }
