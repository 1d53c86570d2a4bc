"""Every public page costs the same queries with 5 articles in its listing as with 60.

Each page is counted with 5 articles, then again after 55 more, each new article
with its own tag and co-author beside the shared ones: a query per article, tag
or author shown would make the second count larger. Every page is asked for once
before counting, so what a process keeps between requests is not counted.
"""

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Tag
from tests.factories import (
    ArticleFactory,
    ImageFactory,
    SectionFactory,
    StaffMemberFactory,
    TickerItemFactory,
)

pytestmark = pytest.mark.django_db

# Mid-month: every article is in the same month's sitemap and in the news sitemap.
NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)
SHARED_TAG = "الأسواق المالية"

# On PostgreSQL a search sets a planner option for its own transaction: inside a
# test's transaction, that is a savepoint, the setting and the release.
SEARCH_TRANSACTION = 3 if connection.vendor == "postgresql" else 0
# The most queries each page may take with nothing kept between requests (the page
# cache and its fragments off, as in every test unless turned on). HTML pages spend
# six on the site chrome (publication, masthead terms, sections, policy pages of the
# footer, ticker, and when the ticker next changes) and read the publication once more
# for their own part, kept apart from the chrome (articles.page_content); the home and
# article pages read the policy pages again for the publisher in their structured
# data. The rest are the page's own: a listing's count and page (each also asking when
# the next scheduled article goes live, so the page expires then), the home page's
# curated, latest and per-section articles, an article with its authors, tags,
# corrections and related articles (and the masthead terms and policy pages again, for
# its editor-in-chief and links), a feed's articles with their authors and tags, a
# sitemap's items and count. A search also reads the words the archive knows and the
# spelling variants.
BUDGETS = {
    "home": 15,
    "home (en)": 15,
    "section": 12,
    "tag": 13,
    "author": 12,
    "article": 16,
    "search": 12 + SEARCH_TRANSACTION,
    "feed": 5,
    "feed (atom, en)": 5,
    "section feed": 6,
    "section feed (atom)": 6,
    "tag feed": 6,
    "tag feed (atom)": 6,
    "author feed": 6,
    "author feed (atom)": 6,
    "sitemap index": 7,
    "sitemap, month": 3,
    "sitemap, sections": 3,
    "sitemap, tags": 3,
    "sitemap, authors": 3,
    "news sitemap": 4,
    "robots.txt": 0,
    "ticker.json": 2,
}


class Archive:
    """Articles sharing a section, a tag and an author, each in the ticker too."""

    def __init__(self):
        self.section = SectionFactory(name_ar="اقتصاد", name_en="Economy")
        self.author = StaffMemberFactory()
        self.image = ImageFactory()
        self.numbers, self.articles = count(), []
        self.add(5)
        self.article = self.articles[0]
        self.tag = Tag.objects.get(name=SHARED_TAG)

    def add(self, how_many: int) -> None:
        """``how_many`` more articles, every other one translated into English."""
        for _ in range(how_many):
            n = next(self.numbers)
            english = {"title_en": f"Markets story {n}", "summary_en": "A summary."}
            article = ArticleFactory(
                section=self.section,
                lead_image=self.image,
                authors=[self.author, StaffMemberFactory()],
                tags=[SHARED_TAG, f"وسم {n}"],
                published_at=NOW - timedelta(minutes=n + 1),
                **(english if n % 2 else {}),
            )
            TickerItemFactory(article=article)
            self.articles.append(article)

    def pages(self) -> dict[str, str]:
        scopes = {"section": self.section.slug, "tag": self.tag.slug, "author": self.author.slug}
        pages = {
            "home": "/",
            "home (en)": "/en/",
            "section": self.section.get_absolute_url(),
            "tag": reverse("articles:tag", kwargs={"slug": self.tag.slug}),
            "author": self.author.get_absolute_url(),
            "article": self.article.get_absolute_url(),
            "search": "/search/?q=الأسواق",
            "feed": reverse("feeds:rss"),
            "feed (atom, en)": "/en" + reverse("feeds:atom"),
        }
        for scope, slug in scopes.items():
            pages[f"{scope} feed"] = reverse(f"feeds:{scope}-rss", kwargs={"slug": slug})
            pages[f"{scope} feed (atom)"] = reverse(f"feeds:{scope}-atom", kwargs={"slug": slug})
        return pages | {
            "sitemap index": "/sitemap.xml",
            "sitemap, month": f"/sitemap-articles-{NOW:%Y-%m}.xml",
            "sitemap, sections": "/sitemap-sections.xml",
            "sitemap, tags": "/sitemap-tags.xml",
            "sitemap, authors": "/sitemap-authors.xml",
            "news sitemap": "/news-sitemap.xml",
            "robots.txt": "/robots.txt",
            "ticker.json": "/ticker.json",
        }


@pytest.fixture
def archive(site_chrome):
    with time_machine.travel(NOW, tick=False):
        yield Archive()


def query_counts(client, pages: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        counts[name] = len(queries)
    return counts


def listed(client) -> dict[str, int]:
    """How much a few of the pages list, to show that the listings grew."""
    month = client.get(f"/sitemap-articles-{NOW:%Y-%m}.xml")
    return {
        "search hits": client.get("/search/?q=الأسواق").context["paginator"].count,
        "feed items": client.get(reverse("feeds:rss")).content.count(b"<item>"),
        "month's addresses": month.content.count(b"<url>"),
        "tags' addresses": client.get("/sitemap-tags.xml").content.count(b"<url>"),
        "ticker items": len(client.get("/ticker.json").json()["items"]),
    }


def test_every_public_page_costs_the_same_queries_with_5_and_60_articles(
    client, archive, django_assert_num_queries, django_assert_max_num_queries
):
    pages = archive.pages()
    assert pages.keys() == BUDGETS.keys()
    query_counts(client, pages)  # warm up
    with_5 = query_counts(client, pages)
    assert listed(client) == {
        "search hits": 5,
        "feed items": 5,
        "month's addresses": 5 + 2,  # every other article in English too
        "tags' addresses": (1 + 5) * 2,  # in both languages
        "ticker items": 5,
    }

    archive.add(55)

    assert listed(client) == {
        "search hits": 60,
        "feed items": 30,
        "month's addresses": 60 + 30,
        "tags' addresses": (1 + 60) * 2,
        "ticker items": 60,
    }
    for name, url in pages.items():
        with django_assert_num_queries(with_5[name], info=f"{name}: {url}"):
            client.get(url)
        with django_assert_max_num_queries(BUDGETS[name], info=f"{name}: {url}"):
            client.get(url)


def test_pages_not_in_the_page_cache_read_less_when_shared_pieces_are_kept(
    client, archive, settings, django_capture_on_commit_callbacks
):
    # Production keeps the chrome, the ticker strip, cards and counts even for a page
    # that is not in the page cache (just purged): such a page costs fewer queries,
    # and as many with 60 articles as with 5 once the change is committed.
    settings.FRAGMENT_CACHE_ENABLED = True
    pages = archive.pages()
    query_counts(client, pages)
    with_5 = query_counts(client, pages)

    with django_capture_on_commit_callbacks(execute=True):
        archive.add(55)
    query_counts(client, pages)  # the pieces the additions purged are read again once

    assert query_counts(client, pages) == with_5
    for name in ("home", "section", "tag", "author", "article"):
        assert with_5[name] < BUDGETS[name] - 3, name
