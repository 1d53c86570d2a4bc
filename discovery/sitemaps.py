"""Sitemaps for search engines: articles by month, sections, tags, authors, and Google News.

Every page is listed once per language it is written in, each entry naming the
others (``xhtml:link hreflang``, with ``x-default`` for the Arabic original),
as search engines ask. An untranslated article is listed in Arabic alone.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import Greatest, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.translation import override
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname
from taggit.models import Tag

from articles.models import Article, Section
from discovery.feed_formats import xml_safe
from newsroom import chrome
from newsroom.models import StaffMember

# Each article gives up to three URLs with three alternates each, and an Arabic
# slug can make one URL over a kilobyte long: 2,000 articles stay far below the
# protocol's 50,000 URLs and 50 MB a file.
ARTICLES_PER_SITEMAP = 2000
NEWS_WINDOW = timedelta(hours=48)
NEWS_MAX_URLS = 1000


class BilingualSitemap(Sitemap):
    """A sitemap whose items are listed in each of their languages, with alternates."""

    def languages_of(self, item) -> list[str]:
        return list(AVAILABLE_LANGUAGES)

    def lastmod(self, item) -> datetime | None:
        return None

    def get_latest_lastmod(self) -> datetime | None:
        # Listings have no time of their own; the index asks without loading them.
        return None

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls, lastmods = [], []
        for item in self.paginator.page(page).object_list:
            versions = {}
            for code in self.languages_of(item):
                with override(code):
                    versions[code] = origin + iri_to_uri(self.location(item))
            alternates = []
            if len(versions) > 1:
                alternates = [{"lang_code": c, "location": url} for c, url in versions.items()]
                default = versions[DEFAULT_LANGUAGE]
                alternates.append({"lang_code": "x-default", "location": default})
            lastmod = self.lastmod(item)
            lastmods.append(lastmod)
            for code, location in versions.items():
                urls.append(
                    {
                        "item": item,
                        "language": code,
                        "location": location,
                        "lastmod": lastmod,
                        "alternates": alternates,
                    }
                )
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)  # the view's Last-Modified header
        return urls


class ArticleSitemap(BilingualSitemap):
    """Articles, each in the languages it is written in, with its last change."""

    def articles(self):
        return Article.objects.published()

    def items(self):
        headlines = [build_localized_fieldname("title", code) for code in AVAILABLE_LANGUAGES]
        return self.articles().only("pk", "slug", "published_at", "updated_at", *headlines)

    def languages_of(self, article: Article) -> list[str]:
        return article.available_languages

    def lastmod(self, article: Article) -> datetime:
        return article.last_modified


class ArticleMonthSitemap(ArticleSitemap):
    """The articles published in one calendar month (in the publication's time zone)."""

    limit = ARTICLES_PER_SITEMAP

    def __init__(self, month: date, *, count: int | None = None, latest: datetime | None = None):
        self.month = month
        # Known when the index lists every month from one grouped query.
        self.count, self.latest = count, latest

    @property
    def name(self) -> str:
        return f"articles-{self.month:%Y-%m}"

    def articles(self):
        start = timezone.make_aware(datetime.combine(self.month, time.min))
        following = (self.month.replace(day=28) + timedelta(days=4)).replace(day=1)
        end = timezone.make_aware(datetime.combine(following, time.min))
        return Article.objects.published_between(start, end).order_by("published_at", "pk")

    @property
    def paginator(self) -> Paginator:
        paginator = Paginator(self.items(), self.limit)
        if self.count is not None:
            paginator.count = self.count  # saves the index a count per month
        return paginator

    def get_latest_lastmod(self) -> datetime | None:
        if self.latest is None:
            self.latest = self.articles().aggregate(
                latest=Max(Greatest("updated_at", "published_at"))
            )["latest"]
        return self.latest


def article_months() -> list[ArticleMonthSitemap]:
    """One sitemap per month that has published articles, newest first, in one query."""
    months = (
        Article.objects.published()
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(count=Count("pk"), latest=Max(Greatest("updated_at", "published_at")))
        .order_by("-month")
    )
    return [
        ArticleMonthSitemap(
            timezone.localtime(row["month"]).date(), count=row["count"], latest=row["latest"]
        )
        for row in months
    ]


class SectionSitemap(BilingualSitemap):
    def items(self):
        return Section.objects.order_by("order", "pk")


class TagSitemap(BilingualSitemap):
    def items(self):
        published = Article.objects.published().values("pk")
        return (
            Tag.objects.filter(articles_taggedarticle_items__content_object__in=published)
            .distinct()
            .order_by("pk")
        )

    def location(self, tag: Tag) -> str:
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class AuthorSitemap(BilingualSitemap):
    def items(self):
        published = Article.objects.published().values("pk")
        return StaffMember.objects.filter(articles__in=published).distinct().order_by("pk")


LISTING_SITEMAPS = {"sections": SectionSitemap, "tags": TagSitemap, "authors": AuthorSitemap}


class NewsSitemap(ArticleSitemap):
    """Google News: the articles of the last 48 hours, newest first, at most 1,000 URLs."""

    limit = NEWS_MAX_URLS

    def articles(self):
        since = timezone.now() - NEWS_WINDOW
        return Article.objects.published().filter(published_at__gte=since).newest_first()

    def items(self):
        return super().items()[:NEWS_MAX_URLS]

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        urls = super().get_urls(page, site, protocol)[:NEWS_MAX_URLS]
        publication = chrome.publication()
        for url in urls:
            with override(url["language"]):
                url["title"] = xml_safe(url["item"].title)
                url["publication"] = xml_safe(publication.name)
        return urls
