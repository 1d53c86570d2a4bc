"""RSS, Atom and JSON feeds: valid, complete, in the page's language, only what readers
may see."""

import json
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote

import feedparser
import jsonschema
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation
from lxml import html

from articles.models import Tag
from discovery.feed_formats import FORMATS
from tests.factories import ArticleFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db


def feed_urls(archive) -> list[str]:
    """Every feed, in both formats and both languages."""
    tag = Tag.objects.get(name="البنوك")
    urls = []
    for language in ("ar", "en"):
        with translation.override(language):
            for fmt in FORMATS:
                urls += [
                    reverse(f"feeds:{fmt}"),
                    reverse(f"feeds:section-{fmt}", kwargs={"slug": archive.section.slug}),
                    reverse(f"feeds:tag-{fmt}", kwargs={"slug": tag.slug}),
                    reverse(f"feeds:author-{fmt}", kwargs={"slug": archive.author.slug}),
                ]
    return urls


JSON_FEED_SCHEMA = json.loads((Path(__file__).parent / "schemas/jsonfeed-1.1.json").read_text())


def parse(client, url: str):
    """The feed at ``url``, checked against its format; a JSON Feed is read into the
    shape feedparser gives the others (feedparser 6.0 does not read JSON Feed)."""
    response = client.get(url)
    assert response.status_code == 200, url
    if "/feeds/json/" not in url:
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        return feed
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    document = response.json()
    jsonschema.validate(document, JSON_FEED_SCHEMA)
    return feedparser.FeedParserDict(
        feed=feedparser.FeedParserDict(language=document["language"], title=document["title"]),
        entries=[
            feedparser.FeedParserDict(title=item["title"], link=item["url"])
            for item in document["items"]
        ],
    )


def links(feed) -> set[str]:
    return {entry.link for entry in feed.entries}


def test_every_feed_parses_without_errors_and_lists_only_what_readers_may_see(client, archive):
    urls = feed_urls(archive)
    assert len(urls) == 24

    for url in urls:
        feed = parse(client, url)
        language = "en" if url.startswith("/en/") else "ar"
        assert feed.feed.language == language
        titles = {entry.title for entry in feed.entries}
        if language == "ar":
            assert titles == {archive.translated.title_ar, archive.arabic_only.title_ar}
        else:  # English feeds carry English text only: the translated article
            assert titles == {"Central bank holds interest rates"}


def test_rss_item_carries_summary_full_body_authors_categories_and_image(client, archive):
    article = archive.translated
    response = client.get(reverse("feeds:rss"))
    feed = feedparser.parse(response.content)
    entry = next(e for e in feed.entries if e.title == article.title_ar)

    assert response["Content-Type"].startswith("application/rss+xml")
    assert entry.link == "http://testserver" + article.get_absolute_url()
    assert entry.summary == article.summary_ar
    assert entry.content[0].value == article.body_ar
    assert entry.author == archive.author.name_ar
    assert {tag.term for tag in entry.tags} == {"اقتصاد", "البنوك", "الفائدة"}
    image = article.lead_image
    (enclosure,) = entry.enclosures
    assert enclosure.href == "http://testserver" + image.file.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == image.file.size > 0
    assert entry.media_content[0]["width"] == str(image.width)
    # lastBuildDate: the newest change among the items.
    assert feed.feed.updated_parsed >= max(e.published_parsed for e in feed.entries)


def test_atom_entry_carries_content_authors_with_pages_and_updated_times(client, archive):
    with translation.override("en"):
        url = reverse("feeds:atom")
        author_page = "http://testserver" + archive.author.get_absolute_url()
    feed = parse(client, url)
    (entry,) = feed.entries

    assert feed.feed.language == "en"
    assert entry.title == "Central bank holds interest rates"
    assert entry.content[0].value == "<p>The bank kept its main rate unchanged.</p>"
    assert entry.content[0].type == "text/html"
    assert [(a.name, a.href) for a in entry.authors] == [(archive.author.name_en, author_page)]
    assert entry.updated_parsed is not None
    assert feed.feed.updated_parsed == entry.updated_parsed
    assert entry.enclosures[0].type == "image/jpeg"


def test_json_feed_item_carries_body_summary_authors_tags_image_and_dates(client, archive):
    article = archive.translated
    article.refresh_from_db()
    with translation.override("en"):
        url = reverse("feeds:section-json", kwargs={"slug": archive.section.slug})
        author_page = "http://testserver" + archive.author.get_absolute_url()
        article_page = "http://testserver" + article.get_absolute_url()
    document = client.get(url).json()
    (item,) = document["items"]

    assert document["language"] == "en"
    assert document["feed_url"] == "http://testserver" + url
    assert item["url"] == article_page
    assert item["id"] == f"http://testserver/en/news/{article.pk}/"  # stable when the slug changes
    assert item["title"] == "Central bank holds interest rates"
    assert item["content_html"] == "<p>The bank kept its main rate unchanged.</p>"
    assert item["summary"] == article.summary_en
    assert item["authors"] == [{"name": archive.author.name_en, "url": author_page}]
    assert item["image"] == "http://testserver" + article.lead_image.file.url
    assert set(item["tags"]) >= {"البنوك"}
    assert item["date_published"] == article.published_at.isoformat()


def test_pages_offer_their_json_feeds_beside_rss_and_atom(client, archive):
    page = html.fromstring(client.get(archive.section.get_absolute_url()).content)
    section_feed = reverse("feeds:section-json", kwargs={"slug": archive.section.slug})

    offered = page.xpath('//link[@rel="alternate"][@type="application/feed+json"]/@href')
    assert [unquote(href) for href in offered] == ["/feeds/json/", unquote(section_feed)]
    for href in offered:
        assert client.get(href)["Content-Type"].startswith("application/feed+json")


def test_a_scheduled_article_joins_the_feed_at_its_time(client, archive):
    assert archive.scheduled.title_ar not in {e.title for e in parse(client, "/feeds/rss/").entries}

    with time_machine.travel(archive.scheduled.published_at + timedelta(minutes=1)):
        titles = {e.title for e in parse(client, "/feeds/rss/").entries}

    assert archive.scheduled.title_ar in titles
    assert archive.archived.title_ar not in titles
    assert archive.draft.title_ar not in titles


def test_a_feed_lists_the_newest_thirty_newest_first(client, site_chrome):
    for hours in range(32):
        ArticleFactory(published_at=timezone.now() - timedelta(hours=hours + 1))

    entries = parse(client, "/feeds/atom/").entries

    assert len(entries) == 30
    published = [entry.published_parsed for entry in entries]
    assert published == sorted(published, reverse=True)


def test_links_and_images_in_the_body_point_back_to_the_site(client, site_chrome):
    ArticleFactory(body_ar='<p>انظر <a href="/section/x/">القسم</a></p>')

    entry = parse(client, "/feeds/rss/").entries[0]

    assert 'href="http://testserver/section/x/"' in entry.content[0].value
    assert entry.id.startswith("http://testserver/news/")


def test_pages_point_browsers_at_their_feeds(client, archive):
    home = client.get("/").content.decode()
    section = client.get(archive.section.get_absolute_url()).content.decode()

    site_feed = reverse("feeds:rss")
    assert f'type="application/rss+xml" title="آخر الأخبار (RSS)" href="{site_feed}"' in home
    section_feed = reverse("feeds:section-atom", kwargs={"slug": archive.section.slug})
    assert f'type="application/atom+xml" title="اقتصاد (Atom)" href="{section_feed}"' in section


def test_a_feed_of_something_that_does_not_exist_is_a_404(client, site_chrome):
    assert client.get("/feeds/rss/section/لا-يوجد/").status_code == 404
    assert client.get("/feeds/atom/author/لا-يوجد/").status_code == 404


def test_feeds_are_cached_publicly_and_take_few_queries(
    client, archive, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get("/feeds/rss/")

    assert "public" in response["Cache-Control"]


def test_a_stray_control_character_does_not_break_the_feeds(client, site_chrome):
    author = StaffMemberFactory(name_ar="محرر\x08الموقع")
    ArticleFactory(
        title_ar="عنوان\x0bملصوق",
        summary_ar="ملخص\x0c",
        body_ar="<p>نص\x1f الخبر</p>",
        authors=[author],
        with_image=True,
    )

    for url in ("/feeds/rss/", "/feeds/atom/"):
        (entry,) = parse(client, url).entries
        assert entry.title == "عنوانملصوق"
        assert entry.author == "محررالموقع"


def test_english_feeds_name_tags_in_english_where_they_have_an_english_name(client, archive):
    Tag.objects.filter(name_ar="البنوك").update(name_en="Banks")
    arabic_feed = reverse("feeds:rss")
    with translation.override("en"):
        urls = {fmt: reverse(f"feeds:{fmt}") for fmt in FORMATS}
        tag_feed = reverse("feeds:tag-rss", kwargs={"slug": "البنوك"})

    rss, atom = (parse(client, urls[fmt]) for fmt in ("rss", "atom"))
    (item,) = client.get(urls["json"]).json()["items"]

    named = {"Economy", "Banks", "الفائدة"}  # the section, and the tags with a fallback
    assert {tag.term for tag in rss.entries[0].tags} == named
    assert {tag.term for tag in atom.entries[0].tags} == named
    assert set(item["tags"]) == named
    assert parse(client, tag_feed).feed.title == "The Test Daily — Banks"
    arabic = parse(client, arabic_feed)
    assert {tag.term for tag in arabic.entries[0].tags} == {"اقتصاد", "البنوك", "الفائدة"}
