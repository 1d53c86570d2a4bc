"""Sitemaps, the Google News sitemap and robots.txt, validated against the schemas."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db.models import F
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from articles.models import Article
from discovery import sitemaps
from newsroom.languages import url_in
from tests.discovery.sitemap_schema import NAMESPACES, valid_sitemap
from tests.factories import ArticleFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def fetch(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return valid_sitemap(response.content)


def index_locations(client) -> list[str]:
    index = fetch(client, "/sitemap.xml")
    assert index.tag == f"{{{NAMESPACES['s']}}}sitemapindex"
    return index.xpath("s:sitemap/s:loc/text()", namespaces=NAMESPACES)


def entries(client) -> dict[str, list[str]]:
    """Every URL in every sitemap of the index, with the hreflang codes of its alternates."""
    found = {}
    for location in index_locations(client):
        for url in fetch(client, location.removeprefix(SITE)).xpath("s:url", namespaces=NAMESPACES):
            loc = url.findtext("s:loc", namespaces=NAMESPACES)
            found[loc] = url.xpath("xhtml:link/@hreflang", namespaces=NAMESPACES)
    return found


def absolute(path: str) -> str:
    return SITE + iri_to_uri(path)


def test_index_lists_a_sitemap_per_month_and_the_listings_all_valid(client, archive):
    ArticleFactory(published_at=timezone.now() - timedelta(days=70))

    locations = index_locations(client)

    months = [loc for loc in locations if "/sitemap-articles-" in loc]
    assert len(months) >= 2  # this month and one seventy days back
    assert {f"{SITE}/sitemap-{name}.xml" for name in ("sections", "tags", "authors")} <= set(
        locations
    )
    for location in locations:
        fetch(client, location.removeprefix(SITE))


def test_the_index_costs_the_same_few_queries_however_many_months_it_lists(
    client, site_chrome, django_assert_max_num_queries
):
    for months in range(6):
        ArticleFactory(published_at=timezone.now() - timedelta(days=31 * months + 1))
    ArticleFactory(published_at=datetime(1950, 3, 15, tzinfo=UTC))  # over 900 months back

    # The first publication time, every month's count and last change, the number
    # of sections, tags, authors and policy pages, and when the next scheduled article
    # goes live.
    with django_assert_max_num_queries(7):
        locations = index_locations(client)

    months = [loc for loc in locations if "articles-" in loc]
    assert len(months) >= 7
    assert months[-1] == f"{SITE}/sitemap-articles-1950-03.xml"


def test_the_index_gives_each_month_its_last_change(client, site_chrome):
    edited = ArticleFactory(published_at=datetime(2025, 3, 10, 9, tzinfo=UTC))
    ArticleFactory(published_at=datetime(2025, 3, 20, 9, tzinfo=UTC))
    Article.objects.update(updated_at=F("published_at"))
    last_change = datetime(2025, 4, 2, 12, tzinfo=UTC)  # a correction, weeks later
    Article.objects.filter(pk=edited.pk).update(updated_at=last_change)

    index = fetch(client, "/sitemap.xml")

    (lastmod,) = index.xpath(
        "s:sitemap[s:loc=$loc]/s:lastmod/text()",
        namespaces=NAMESPACES,
        loc=f"{SITE}/sitemap-articles-2025-03.xml",
    )
    assert lastmod == timezone.localtime(last_change).isoformat()


def test_an_article_published_at_midnight_opens_the_new_month(client, site_chrome):
    cairo_new_year = datetime(2026, 12, 31, 22, 0, tzinfo=UTC)  # midnight in Cairo
    article = ArticleFactory(published_at=cairo_new_year)

    with time_machine.travel(cairo_new_year + timedelta(hours=1)):
        months = [loc for loc in index_locations(client) if "articles-" in loc]
        in_january = fetch(client, "/sitemap-articles-2027-01.xml")

    assert months == [f"{SITE}/sitemap-articles-2027-01.xml"]
    assert in_january.xpath("s:url/s:loc/text()", namespaces=NAMESPACES) == [
        absolute(article.get_absolute_url())
    ]


def test_translated_articles_name_each_other_both_ways_and_untranslated_stand_alone(
    client, archive
):
    found = entries(client)
    arabic = absolute(archive.translated.get_absolute_url())
    english = SITE + url_in("en", archive.translated)

    assert found[arabic] == ["ar", "en", "x-default"]
    assert found[english] == ["ar", "en", "x-default"]
    alone = absolute(archive.arabic_only.get_absolute_url())
    assert found[alone] == []
    assert SITE + url_in("en", archive.arabic_only) not in found


def test_scheduled_archived_and_draft_articles_are_left_out_until_visible(client, archive):
    hidden = [archive.scheduled, archive.archived, archive.draft]
    found = entries(client)
    assert not any(absolute(a.get_absolute_url()) in found for a in hidden)

    with time_machine.travel(archive.scheduled.published_at + timedelta(minutes=1)):
        found = entries(client)

    assert absolute(archive.scheduled.get_absolute_url()) in found
    assert absolute(archive.archived.get_absolute_url()) not in found


def test_months_follow_the_publications_calendar_across_the_new_year(client, site_chrome):
    cairo_new_year = datetime(2026, 12, 31, 22, 0, tzinfo=UTC)  # midnight in Cairo
    december = ArticleFactory(published_at=cairo_new_year - timedelta(minutes=30))
    january = ArticleFactory(published_at=cairo_new_year + timedelta(minutes=30))

    with time_machine.travel(cairo_new_year + timedelta(hours=1)):
        in_december = fetch(client, "/sitemap-articles-2026-12.xml")
        in_january = fetch(client, "/sitemap-articles-2027-01.xml")
        assert {"articles-2026-12", "articles-2027-01"} <= {
            loc.rsplit("sitemap-", 1)[-1].removesuffix(".xml") for loc in index_locations(client)
        }

    assert in_december.xpath("s:url/s:loc/text()", namespaces=NAMESPACES) == [
        absolute(december.get_absolute_url())
    ]
    assert in_january.xpath("s:url/s:loc/text()", namespaces=NAMESPACES) == [
        absolute(january.get_absolute_url())
    ]


def test_tags_and_authors_only_unpublished_articles_carry_are_left_out(client, site_chrome):
    shown, hidden = StaffMemberFactory(), StaffMemberFactory()
    ArticleFactory(tags=["منشور"], authors=[shown])
    ArticleFactory(draft=True, tags=["مسودة"], authors=[hidden])
    ArticleFactory(scheduled=True, tags=["مجدول"], authors=[hidden])

    tags = fetch(client, "/sitemap-tags.xml").xpath("s:url/s:loc/text()", namespaces=NAMESPACES)
    authors = fetch(client, "/sitemap-authors.xml").xpath(
        "s:url/s:loc/text()", namespaces=NAMESPACES
    )

    assert tags == [f"{SITE}/tag/{iri_to_uri('منشور')}/", f"{SITE}/en/tag/{iri_to_uri('منشور')}/"]
    assert absolute(shown.get_absolute_url()) in authors
    assert not any(absolute(hidden.get_absolute_url()) in loc for loc in authors)


def test_text_xml_cannot_carry_is_dropped_not_fatal(client, site_chrome):
    ArticleFactory(title_ar="عنوان\x0bملصوق من معالج نصوص")

    root = fetch(client, "/news-sitemap.xml")

    assert root.xpath("//news:title/text()", namespaces=NAMESPACES) == ["عنوانملصوق من معالج نصوص"]


def test_tags_without_letters_still_have_addresses(client, site_chrome):
    article = ArticleFactory(tags=["🔴", "؟", "2025"])

    slugs = sorted(tag.slug for tag in article.tags.all())

    assert slugs[0] == "2025" and all(s.startswith("tag-") for s in slugs[1:])
    assert len(set(slugs)) == 3
    assert client.get(article.get_absolute_url()).status_code == 200
    assert len(fetch(client, "/sitemap-tags.xml")) == 6  # three tags, two languages each
    for slug in slugs:
        assert client.get(f"/tag/{slug}/").status_code == 200


def test_lastmod_is_the_articles_last_change(client, archive):
    article = archive.arabic_only
    month = timezone.localtime(article.published_at)
    root = fetch(client, f"/sitemap-articles-{month:%Y-%m}.xml")
    (url,) = root.xpath(
        "s:url[s:loc=$loc]", namespaces=NAMESPACES, loc=absolute(article.get_absolute_url())
    )

    lastmod = url.findtext("s:lastmod", namespaces=NAMESPACES)
    assert lastmod == timezone.localtime(article.updated_at).isoformat()


def test_a_month_with_more_articles_than_a_file_holds_is_split_into_pages(
    client, site_chrome, monkeypatch
):
    monkeypatch.setattr(sitemaps.ArticleMonthSitemap, "limit", 2)
    now = timezone.now()
    for minutes in range(5):
        ArticleFactory(published_at=now - timedelta(minutes=minutes + 1))

    locations = [loc for loc in index_locations(client) if "articles-" in loc]

    assert [loc.rsplit("?", 1)[-1] for loc in locations[1:]] == ["p=2", "p=3"]
    counts = [len(fetch(client, loc.removeprefix(SITE))) for loc in locations]
    assert counts == [2, 2, 1]
    assert client.get(locations[0].removeprefix(SITE) + "?p=4").status_code == 404


def test_google_news_sitemap_has_the_last_two_days_in_each_language(client, archive):
    old = ArticleFactory(published_at=timezone.now() - timedelta(hours=49))

    root = fetch(client, "/news-sitemap.xml")

    news = {
        url.findtext("s:loc", namespaces=NAMESPACES): url.find("news:news", NAMESPACES)
        for url in root.xpath("s:url", namespaces=NAMESPACES)
    }
    assert absolute(old.get_absolute_url()) not in news
    for hidden in (archive.scheduled, archive.archived, archive.draft):
        assert absolute(hidden.get_absolute_url()) not in news
    arabic = news[absolute(archive.translated.get_absolute_url())]
    english = news[SITE + url_in("en", archive.translated)]
    assert arabic.findtext("news:title", namespaces=NAMESPACES) == archive.translated.title_ar
    assert english.findtext("news:title", namespaces=NAMESPACES) == archive.translated.title_en
    assert english.findtext("news:publication/news:language", namespaces=NAMESPACES) == "en"
    assert english.findtext("news:publication/news:name", namespaces=NAMESPACES) == "The Test Daily"
    assert arabic.findtext("news:publication/news:name", namespaces=NAMESPACES) == "صحيفة الاختبار"
    published = arabic.findtext("news:publication_date", namespaces=NAMESPACES)
    assert published == timezone.localtime(archive.translated.published_at).isoformat()


def test_google_news_sitemap_stops_at_its_limit_newest_first(client, site_chrome, monkeypatch):
    monkeypatch.setattr(sitemaps, "NEWS_MAX_URLS", 3)
    monkeypatch.setattr(sitemaps.NewsSitemap, "limit", 3)
    articles = [
        ArticleFactory(published_at=timezone.now() - timedelta(hours=h + 1)) for h in range(5)
    ]

    root = fetch(client, "/news-sitemap.xml")

    locations = root.xpath("s:url/s:loc/text()", namespaces=NAMESPACES)
    assert locations == [absolute(a.get_absolute_url()) for a in articles[:3]]


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-nothing.xml",
        "/sitemap-articles-2026-13.xml",
        "/sitemap-articles-2026-00.xml",
        "/sitemap-articles-9999-12.xml",
        "/sitemap-articles-0001-01.xml",
        "/sitemap-tags.xml?p=x",
    ],
)
def test_unknown_sitemaps_are_404(client, site_chrome, url):
    assert client.get(url).status_code == 404


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_private_pages(client, db):
    response = client.get("/robots.txt")

    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "User-agent: *" in lines
    for path in ("/admin/", "/preview/", "/search/", "/en/admin/", "/en/preview/", "/en/search/"):
        assert f"Disallow: {path}" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/news-sitemap.xml" in lines
