"""Crawler endpoints: the sitemap index and its sitemaps, the Google News sitemap, robots.txt."""

import re
from datetime import date

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django.views.decorators.http import require_GET
from modeltranslation.settings import AVAILABLE_LANGUAGES

from articles.page_tags import shows_articles
from discovery.sitemaps import (
    LISTING_SITEMAPS,
    NEWS_WINDOW,
    ArticleMonthSitemap,
    NewsSitemap,
    article_months,
)
from pagecache import recorder, tags

# Sitemaps list thousands of rows, too many to name each in the page cache's tags:
# they are filed under the lists they show, which every change of a row purges.
LISTING_SITEMAP_TAGS = {
    "sections": (tags.NAV,),
    "tags": (tags.TAGS,),
    "authors": (tags.AUTHORS,),
    "pages": (tags.CORRECTIONS, tags.POLICIES),
}

MONTH_SECTION = re.compile(r"articles-(\d{4})-(\d{2})")
FIRST_YEAR = 1900


@require_GET
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Every sitemap: one per month of articles (split further past 2,000), then the listings."""
    recorder.stop_tracking_objects()
    shows_articles(tags.MONTHS)
    sitemaps = {sitemap.name: sitemap for sitemap in article_months()}
    sitemaps.update({name: sitemap() for name, sitemap in LISTING_SITEMAPS.items()})
    return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap")


@require_GET
def sitemap(request: HttpRequest, section: str) -> HttpResponse:
    """One sitemap of the index; an unknown name or an impossible month is a 404."""
    recorder.stop_tracking_objects()
    if section in LISTING_SITEMAPS:
        chosen = LISTING_SITEMAPS[section]()
        shows_articles(*LISTING_SITEMAP_TAGS[section])
    elif (match := MONTH_SECTION.fullmatch(section)) and 1 <= int(match[2]) <= 12:
        year = int(match[1])
        # Far-off years have no articles, and their dates overflow on the way to UTC.
        if not FIRST_YEAR <= year <= timezone.now().year + 1:
            raise Http404
        chosen = ArticleMonthSitemap(date(year, int(match[2]), 1))
        shows_articles(tags.month_tag(chosen.month))
    else:
        raise Http404
    return sitemap_views.sitemap(
        request, {section: chosen}, section=section, template_name="sitemaps/sitemap.xml"
    )


@require_GET
def news_sitemap(request: HttpRequest) -> HttpResponse:
    """The Google News sitemap: articles of the last 48 hours."""
    recorder.stop_tracking_objects()
    now = timezone.now()
    shows_articles(tags.PUBLICATION, tags.month_tag(now - NEWS_WINDOW), tags.month_tag(now))
    response = sitemap_views.sitemap(
        request, {"news": NewsSitemap()}, section="news", template_name="sitemaps/news.xml"
    )
    # It changes when its oldest article leaves the window.
    shown = [url["item"] for url in response.context_data["urlset"]]
    if shown:
        recorder.changes_at(min(article.published_at for article in shown) + NEWS_WINDOW)
    return response


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Where the sitemaps are; crawlers stay out of the admin, previews and search results."""
    return render(
        request,
        "robots.txt",
        {
            "private_paths": _private_paths(),
            "sitemaps": [
                request.build_absolute_uri(reverse("sitemap-index")),
                request.build_absolute_uri(reverse("news-sitemap")),
            ],
        },
        content_type="text/plain; charset=utf-8",
    )


def _private_paths() -> list[str]:
    """The admin, preview links and search results, under every language's prefix."""
    paths = []
    for code in AVAILABLE_LANGUAGES:
        with override(code):
            preview = reverse("articles:preview", kwargs={"token": "-"}).removesuffix("-/")
            paths += [reverse("admin:index"), preview, reverse("articles:search")]
    return paths
