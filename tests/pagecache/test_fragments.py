"""The ticker strip is rendered once for all pages, and still changes when it should."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from newsroom.models import Publication
from tests.factories import ArticleFactory, TickerItemFactory

pytestmark = pytest.mark.django_db


def ticker_queries(client, url) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return sum("ticker_tickeritem" in q["sql"] for q in queries), response


def test_pages_not_in_the_page_cache_share_one_rendered_strip(
    client, page_cache, newsroom, settings, django_capture_on_commit_callbacks, midday
):
    settings.PAGE_CACHE_ENABLED = False  # every page renders; the strip need not
    settings.CDN_CACHE_SECONDS = 3600
    ending = timezone.now() + timedelta(minutes=20)
    TickerItemFactory(text_ar="خبر عاجل في الشريط", ends_at=ending)
    first_count, _ = ticker_queries(client, newsroom[0].get_absolute_url())
    reused_count, reused = ticker_queries(client, newsroom[1].get_absolute_url())

    assert first_count == 2  # the live items, and when the strip next changes
    assert reused_count == 0
    assert "خبر عاجل في الشريط" in reused.text
    # A page that reuses the strip is still filed under it and expires with it.
    assert "ticker" in reused["xkey"].split()
    shared = int(reused["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 1190 <= shared <= 1200  # the strip changes in 20 minutes

    with django_capture_on_commit_callbacks(execute=True):
        TickerItemFactory(text_ar="خبر أحدث في الشريط")
    assert "خبر أحدث في الشريط" in client.get(newsroom[1].get_absolute_url()).text


def test_each_language_has_its_own_strip(client, page_cache, newsroom):
    TickerItemFactory(text_ar="خبر بالعربية", text_en="News in English")
    assert "خبر بالعربية" in client.get("/").text
    english = client.get("/en/").text
    assert "News in English" in english and "خبر بالعربية" not in english


def test_cards_are_rendered_once_and_purged_with_their_article(
    client, page_cache, newsroom, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = False  # every list renders; its cards need not
    story, other = newsroom
    client.get("/")

    with django_capture_on_commit_callbacks(execute=True):
        story.title_ar = "عنوان جديد على البطاقة"
        story.save()

    for url in ("/", story.section.get_absolute_url(), "/tag/أسواق/"):
        text = client.get(url).text
        assert "عنوان جديد على البطاقة" in text, url
        assert "خبر الاقتصاد الأول" not in text, url
    assert other.title_ar in client.get("/").text


def test_a_card_is_purged_with_its_section(
    client, page_cache, newsroom, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = False
    story = newsroom[0]
    client.get("/tag/أسواق/")

    with django_capture_on_commit_callbacks(execute=True):
        story.section.name_ar = "قسم باسم جديد"
        story.section.save()

    assert "قسم باسم جديد" in client.get("/tag/أسواق/").text


def test_pages_are_not_filed_under_the_schedule_they_only_read(
    client, page_cache, newsroom, settings
):
    # The next scheduled time bounds listing pages; its own tag must not file them, or
    # every publication would purge every list. With fragments kept or not.
    for kept in (True, False):
        settings.FRAGMENT_CACHE_ENABLED = kept
        page_cache.clear()
        keys = client.get(newsroom[0].section.get_absolute_url())["xkey"].split()
        assert "schedule" not in keys
        assert f"ls{newsroom[0].section_id}" in keys


def test_a_list_counts_its_articles_once_until_it_changes(
    client, page_cache, site_chrome, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = False
    first = ArticleFactory()
    section = first.section
    for _ in range(11):
        ArticleFactory(section=section)
    url = section.get_absolute_url()
    client.get(url)
    # A card's edit renders the list again, but its length is the same.
    with django_capture_on_commit_callbacks(execute=True):
        first.title_ar = "عنوان معدل في القائمة"
        first.save()
    with CaptureQueriesContext(connection) as queries:
        listed = client.get(url).text
    assert "عنوان معدل في القائمة" in listed and 'rel="next"' not in listed
    assert not any("COUNT(" in q["sql"] for q in queries)

    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(section=section)

    assert 'rel="next"' in client.get(url).text
    assert client.get(f"{url}?page=2").status_code == 200


def test_an_article_page_renders_its_article_once_and_follows_what_it_shows(
    client, page_cache, newsroom, settings, django_capture_on_commit_callbacks
):
    # A ticker item purges every page; the article's own part need not be read again.
    settings.PAGE_CACHE_ENABLED = False
    story, other = newsroom
    url = story.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        kept = client.get(url)
    assert not any("articles_taggedarticle" in q["sql"] for q in queries)
    assert f"a{story.pk}" in kept["xkey"].split()
    assert f"i{story.lead_image_id}" in kept["xkey"].split()
    assert '"@type": "NewsArticle"' in kept.text

    edits = [
        (story.authors.first(), "name_ar", "اسم الكاتب المعدل"),
        (story.lead_image, "caption_ar", "تعليق معدل تحت الصورة"),
        (story.section, "name_ar", "قسم بعنوان معدل"),
        (story.tags.first(), "name", "وسم معدل"),
    ]
    for row, field, value in edits:
        with django_capture_on_commit_callbacks(execute=True):
            setattr(row, field, value)
            row.save()
        assert value in client.get(url).text, field

    # A related article joining its tag, and the publication named in its metadata.
    with django_capture_on_commit_callbacks(execute=True):
        other.tags.add("وسم معدل")
    assert other.title_ar in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        publication = Publication.load()
        publication.name_en = "The Renamed Daily"
        publication.save()
    assert "The Renamed Daily" in client.get("/en" + url).text

    with django_capture_on_commit_callbacks(execute=True):
        story.status = Article.Status.DRAFT
        story.save()
    assert client.get(url).status_code == 404
