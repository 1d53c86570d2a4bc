"""Sitemaps for search engines: articles by month, sections, tags, authors, and Google News.

Every page is listed once per language it is written in, each entry naming the
others (``xhtml:link hreflang``, with ``x-default`` for the Arabic original),
as search engines ask. An untranslated article is listed in Arabic alone.
"""

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.translation import override
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE

from articles.models import HEADLINE_FIELDS, Article, Section, Tag, readable_languages
from discovery.feed_formats import xml_safe
from newsroom import chrome
from newsroom.models import StaffMember

# Each article gives up to three URLs with three alternates each, and an Arabic
# slug can make one URL over a kilobyte long: 2,000 articles stay far below the
# protocol's 50,000 URLs and 50 MB a file.
ARTICLES_PER_SITEMAP = 2000
NEWS_WINDOW = timedelta(hours=48)
NEWS_MAX_URLS = 1000
# Stand-ins for an article's id and slug in the address ArticleSitemap fills in.
ID_MARK, SLUG_MARK = 987654321, "article-slug"


class BilingualSitemap(Sitemap):
    """A sitemap whose items are listed in each of their languages, with alternates."""

    def languages_of(self, item) -> list[str]:
        return list(AVAILABLE_LANGUAGES)

    def lastmod(self, item) -> datetime | None:
        return None

    def get_latest_lastmod(self) -> datetime | None:
        # Listings have no time of their own; the index asks without loading them.
        return None

    def locator(self) -> Callable[[Any], str]:
        """What gives an item's address in the active language: ``location()``."""
        return self.location

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        items = list(self.paginator.page(page).object_list)
        languages = [self.languages_of(item) for item in items]
        # One language at a time: switching costs more than finding an address.
        addresses = {}
        for code in AVAILABLE_LANGUAGES:
            with override(code):
                locate = self.locator()
                addresses[code] = {
                    index: origin + iri_to_uri(locate(item))
                    for index, item in enumerate(items)
                    if code in languages[index]
                }
        urls, lastmods = [], []
        for index, item in enumerate(items):
            versions = {code: addresses[code][index] for code in languages[index]}
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
        # Rows of values, not articles: a file lists thousands, and making an Article
        # of each was a third of its time.
        return (
            self.articles()
            .annotate(last_change=Greatest("updated_at", "published_at"))
            .values_list(
                "pk", "slug", "published_at", "last_change", *HEADLINE_FIELDS.values(), named=True
            )
        )

    def languages_of(self, article) -> list[str]:
        return readable_languages(article)

    def lastmod(self, article) -> datetime:
        return article.last_change

    def locator(self) -> Callable[[Any], str]:
        """Article addresses in the active language, made from one ``reverse()``.

        The addresses of a language differ only in the id and slug, and a file
        lists thousands of them: one ``reverse()`` each, at some 20 µs, was the
        largest part of a month's sitemap. (The slug is left for ``get_urls()`` to
        encode, as ``reverse()`` would: slugs hold only letters, digits and dashes.)
        """
        pattern = reverse("articles:detail", kwargs={"pk": ID_MARK, "slug": SLUG_MARK})
        return lambda article: pattern.replace(str(ID_MARK), str(article.pk)).replace(
            SLUG_MARK, article.slug
        )


class ArticleMonthSitemap(ArticleSitemap):
    """The articles published in one calendar month (in the publication's time zone)."""

    limit = ARTICLES_PER_SITEMAP

    def __init__(self, month: date, *, count: int | None = None, latest: datetime | None = None):
        self.month = month
        # Known when the index lists every month from its one query of totals.
        self.count, self.latest = count, latest

    @property
    def name(self) -> str:
        return f"articles-{self.month:%Y-%m}"

    def articles(self):
        # In the order of the article_published_changes index: SQLite reads it unsorted.
        return Article.objects.published_between(*month_bounds(self.month)).order_by(
            "published_at", "updated_at", "pk"
        )

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
    """One sitemap per month that has published articles, newest first, in two queries.

    Grouping the articles by a month computed for each would read every article,
    and on SQLite call Python for each to convert its time zone. Instead the first
    publication time gives the months to ask about, and one query reads each
    month's count and last change from its range of the ``article_published_changes``
    index, which holds both times, never reading an article row. (Joining the
    months to the articles and grouping would make SQLite sort every entry; in the
    ORM the query takes a subquery per month joined by ``UNION ALL``: most of a
    millisecond of Python per month and, past 500 months, more than SQLite takes.)
    """
    first = (
        Article.objects.published()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if first is None:
        return []
    months = list(months_since(first))
    # What published() shows: published, and not after now (times are kept to the
    # microsecond); one upper bound per month, as published_between() explains.
    latest_visible = timezone.now() + timedelta(microseconds=1)
    bounds = []
    for number, month in enumerate(months):
        start, end = month_bounds(month)
        end = min(end, latest_visible)
        bounds += [number, *map(connection.ops.adapt_datetimefield_value, (start, end))]
    rows = ", ".join(["(%s, %s, %s)"] * len(months))
    articles = connection.ops.quote_name(Article._meta.db_table)
    in_month = "a.status = %s AND a.published_at >= months.start AND a.published_at < months.stop"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH months (number, start, stop) AS (VALUES {rows})
            SELECT number,
                (SELECT COUNT(*) FROM {articles} a WHERE {in_month}),
                (SELECT MAX(a.published_at) FROM {articles} a WHERE {in_month}),
                (SELECT MAX(a.updated_at) FROM {articles} a WHERE {in_month})
            FROM months
            ORDER BY number DESC
            """,
            [*bounds, *[Article.Status.PUBLISHED] * 3],
        )
        return [
            ArticleMonthSitemap(
                months[number], count=count, latest=max(map(database_datetime, times))
            )
            for number, count, *times in cursor.fetchall()
            if count
        ]


def months_since(moment: datetime) -> Iterator[date]:
    """The first day of each month from ``moment``'s to this one, in the publication's
    time zone."""
    month, this_month = timezone.localdate(moment).replace(day=1), timezone.localdate()
    while month <= this_month:
        yield month
        month = next_month(month)


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """Midnight on the first day of ``month`` and of the next, in the publication's
    time zone."""
    start, end = (datetime.combine(day, time.min) for day in (month, next_month(month)))
    return timezone.make_aware(start), timezone.make_aware(end)


def database_datetime(value: datetime | str) -> datetime:
    """A time read by raw SQL: SQLite gives text in UTC, PostgreSQL a datetime."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value


class SectionSitemap(BilingualSitemap):
    def items(self):
        return Section.objects.order_by("order", "pk")


def carrying_published_articles(
    listings: QuerySet, links: QuerySet, listing: str, article: str
) -> QuerySet:
    """The tags or staff members of ``listings`` that a published article carries.

    ``links`` is the table joining them to articles, by its ``listing`` and
    ``article`` foreign keys. Each one's links are read from their index until one
    leads to a published article, so the cost grows with the listings, not with
    the archive. A ``DISTINCT`` join reads every article and link; PostgreSQL
    turns an ``Exists`` filter into such a join; and a subquery starting from the
    articles makes SQLite read all of them for a staff member who has none.
    """
    published = Article.objects.published().filter(pk=OuterRef(article))
    first = links.filter(**{listing: OuterRef("pk")}).filter(Exists(published))
    return listings.alias(first_article=Subquery(first.order_by().values(article)[:1])).filter(
        first_article__isnull=False
    )


class TagSitemap(BilingualSitemap):
    def items(self):
        tags = Tag.objects.order_by("pk")
        links = Article.tags.through.objects.all()
        return carrying_published_articles(tags, links, "tag", "content_object")

    def location(self, tag: Tag) -> str:
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class AuthorSitemap(BilingualSitemap):
    def items(self):
        staff = StaffMember.objects.order_by("pk")
        links = Article.authors.through.objects.all()
        return carrying_published_articles(staff, links, "staffmember", "article")


class PageSitemap(BilingualSitemap):
    """The publication's own pages: the corrections archive, the masthead and the
    policy pages (each in the languages it is written in)."""

    def items(self) -> list:
        return ["articles:corrections", "newsroom:masthead", *chrome.policies()]

    def languages_of(self, item) -> list[str]:
        if isinstance(item, str):
            return list(AVAILABLE_LANGUAGES)
        return [code for code in AVAILABLE_LANGUAGES if getattr(item, f"title_{code}")]

    def location(self, item) -> str:
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()


LISTING_SITEMAPS = {
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "pages": PageSitemap,
}


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
            url["title"] = xml_safe(getattr(url["item"], HEADLINE_FIELDS[url["language"]]))
            with override(url["language"]):
                url["publication"] = xml_safe(publication.name)
        return urls
