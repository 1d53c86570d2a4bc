"""RSS 2.0 and Atom feeds of the newest published articles: the whole site, a section,
a tag, an author; in Arabic, and under /en/ in English.

A feed in a language lists only articles written or translated in it. Each
feed class serves both formats: the URLs make one instance per format.
"""

import re
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from articles.models import Article, Correction, Section, Tag
from articles.page_tags import listing_of, shows_articles
from discovery.feed_formats import FeedImage, NewsRssFeed
from discovery.sitemaps import carrying_published_articles
from newsroom import chrome
from newsroom.models import Publication, StaffMember
from pagecache import tags

FEED_LENGTH = 30
# Root-relative links and images in a body; readers of a feed are on another site.
ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


@dataclass(frozen=True)
class Scope:
    """What a feed covers: the publication, and the section, tag or author (None for all)."""

    publication: Publication
    subject: Any = None
    name: str = ""


class ArticleFeed(Feed):
    """The newest published articles of the whole publication."""

    def __init__(self, feed_type=NewsRssFeed):
        self.feed_type = feed_type

    def get_object(self, request: HttpRequest, **kwargs) -> Scope:
        return Scope(chrome.publication())

    def articles(self, scope: Scope) -> QuerySet[Article]:
        return Article.objects.published()

    def title(self, scope: Scope) -> str:
        name = scope.publication.name
        return f"{name} — {scope.name}" if scope.name else name

    def link(self, scope: Scope) -> str:
        return reverse("articles:home")

    def subtitle(self, scope: Scope) -> str:
        """Atom's subtitle: plain text."""
        return scope.publication.tagline or self.title(scope)

    def description(self, scope: Scope) -> str:
        # Readers take RSS descriptions, and Atom summaries of type "html", as HTML:
        # plain text is escaped once more, or "5 < 6" is mangled and "<img …>" runs.
        return escape(self.subtitle(scope))

    def author_name(self, scope: Scope) -> str:
        return scope.publication.name

    def author_link(self, scope: Scope) -> str:
        return reverse("articles:home")

    def items(self, scope: Scope) -> QuerySet[Article]:
        shows_articles(listing_of(scope.subject))
        return (
            self.articles(scope)
            .available_in(get_language())
            .select_related("section", "lead_image")
            .prefetch_related("authors", "tags")
            .newest_first()[:FEED_LENGTH]
        )

    def item_title(self, article: Article) -> str:
        return article.title

    def item_description(self, article: Article) -> str:
        return escape(article.summary)  # plain text, read as HTML (see description())

    def item_guid(self, article: Article) -> str:
        # The short address never changes, even when a corrected headline changes the slug.
        return reverse("articles:detail-short", kwargs={"pk": article.pk})

    def item_pubdate(self, article: Article):
        return article.published_at

    def item_updateddate(self, article: Article):
        return article.last_modified

    def item_categories(self, article: Article) -> list[str]:
        section = [article.section.name] if article.section else []
        return section + [tag.name for tag in article.tags.all()]

    def item_extra_kwargs(self, article: Article) -> dict:
        image = None
        if article.lead_image:
            copy = article.lead_image.shared_copy
            image = FeedImage(
                url=copy.url,
                mime_type=copy.mime_type,
                length=copy.size,
                width=copy.width,
                height=copy.height,
                caption=article.lead_image.caption,
                credit=article.lead_image.credit,
            )
        return {
            "content": article.body,
            "authors": [(a.name, a.get_absolute_url()) for a in article.authors.all()],
            "image": image,
        }

    def get_feed(self, scope: Scope, request: HttpRequest):
        """The feed, with every address in it made absolute for readers elsewhere."""
        feed = super().get_feed(scope, request)
        site = request.build_absolute_uri("/")
        feed.feed["author_link"] = request.build_absolute_uri(feed.feed["author_link"])
        for item in feed.items:
            item["unique_id"] = request.build_absolute_uri(item["unique_id"])
            item["content"] = ROOT_RELATIVE.sub(lambda m: m.group(1) + site, item["content"])
            item["authors"] = [
                (name, request.build_absolute_uri(url)) for name, url in item["authors"]
            ]
            if item["image"]:
                image = replace(item["image"], url=request.build_absolute_uri(item["image"].url))
                item["image"] = image
                item["enclosures"] = [Enclosure(image.url, str(image.length), image.mime_type)]
        return feed


class SectionFeed(ArticleFeed):
    """The newest published articles of one section."""

    def get_object(self, request: HttpRequest, **kwargs) -> Scope:
        section = get_object_or_404(Section, slug=kwargs["slug"])
        return Scope(chrome.publication(), section, section.name)

    def articles(self, scope: Scope) -> QuerySet[Article]:
        return super().articles(scope).in_section(scope.subject)

    def link(self, scope: Scope) -> str:
        return scope.subject.get_absolute_url()


class TagFeed(ArticleFeed):
    """The newest published articles carrying one tag."""

    def get_object(self, request: HttpRequest, **kwargs) -> Scope:
        # As for its page: a tag only drafts carry must not reveal itself.
        tags = Tag.objects.filter(slug=kwargs["slug"])
        links = Article.tags.through.objects.all()
        tag = get_object_or_404(carrying_published_articles(tags, links, "tag", "content_object"))
        return Scope(chrome.publication(), tag, tag.name)

    def articles(self, scope: Scope) -> QuerySet[Article]:
        return super().articles(scope).tagged(scope.subject)

    def link(self, scope: Scope) -> str:
        return reverse("articles:tag", kwargs={"slug": scope.subject.slug})


class AuthorFeed(ArticleFeed):
    """The newest published articles by one staff member."""

    def get_object(self, request: HttpRequest, **kwargs) -> Scope:
        author = get_object_or_404(StaffMember, slug=kwargs["slug"])
        return Scope(chrome.publication(), author, author.name)

    def articles(self, scope: Scope) -> QuerySet[Article]:
        return super().articles(scope).by_author(scope.subject)

    def link(self, scope: Scope) -> str:
        return scope.subject.get_absolute_url()


class CorrectionsFeed(ArticleFeed):
    """The newest corrections and clarifications, each linking to its note on the article."""

    def get_object(self, request: HttpRequest, **kwargs) -> Scope:
        return Scope(chrome.publication(), None, gettext("Corrections and clarifications"))

    def link(self, scope: Scope) -> str:
        return reverse("articles:corrections")

    def items(self, scope: Scope):
        shows_articles(tags.CORRECTIONS, listing_of())
        notes = Correction.objects.public().exclude(kind=Correction.Kind.UPDATE)
        return notes.select_related("article")[:FEED_LENGTH]

    def item_title(self, note: Correction) -> str:
        return f"{note.get_kind_display()}: {note.article.title}"

    def item_description(self, note: Correction) -> str:
        return escape(note.text)  # plain text, read as HTML

    def item_link(self, note: Correction) -> str:
        return f"{note.article.get_absolute_url()}#{note.anchor}"

    def item_guid(self, note: Correction) -> str:
        return self.item_link(note)

    def item_pubdate(self, note: Correction):
        return note.published_at

    def item_updateddate(self, note: Correction):
        return note.withdrawn_at or note.published_at

    def item_categories(self, note: Correction) -> list[str]:
        return [note.get_kind_display()]

    def item_extra_kwargs(self, note: Correction) -> dict:
        return {"content": "", "authors": [], "image": None}
