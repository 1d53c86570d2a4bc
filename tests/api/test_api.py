"""The read-only API as an app developer meets it: published content only, every
language, stable cursor pages, clear errors, a rate limit, CORS and the page cache."""

import re
from datetime import UTC, timedelta
from urllib.parse import unquote

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from articles.models import Tag
from articles.services import image_make_renditions
from tests.factories import (
    ArticleFactory,
    CorrectionFactory,
    SectionFactory,
    StaffMemberFactory,
    TickerItemFactory,
)
from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(site_chrome):
    economy = SectionFactory(name_ar="اقتصاد", name_en="Economy")
    author = StaffMemberFactory(name_ar="سلمى الحكيم", name_en="Salma Al-Hakim")
    translated = ArticleFactory(
        section=economy,
        authors=[author],
        tags=["البنوك"],
        title_ar="البنك المركزي يثبت الفائدة",
        title_en="Central bank holds rates",
        body_en="<p>The bank held its rate.</p>",
        with_image=True,
        published_at=timezone.now() - timedelta(hours=1),
    )
    arabic_only = ArticleFactory(
        title_ar="افتتاح معرض الكتاب", published_at=timezone.now() - timedelta(hours=3)
    )
    hidden = [
        ArticleFactory(title_ar="مسودة لم تنشر", draft=True),
        ArticleFactory(title_ar="خبر مجدول", published_at=timezone.now() + timedelta(hours=2)),
    ]
    return translated, arabic_only, hidden, economy, author


def titles(response) -> list[str]:
    return [article["title"]["ar"] for article in response.json()["results"]]


def test_articles_are_the_published_ones_newest_first(client, newsroom):
    translated, arabic_only, hidden, *_ = newsroom

    response = client.get("/api/v1/articles/")

    assert response.status_code == 200
    assert titles(response) == [translated.title_ar, arabic_only.title_ar]
    for article in hidden:
        assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 404


def test_an_article_carries_every_language_its_image_and_its_notes(client, newsroom):
    translated, *_ = newsroom
    image_make_renditions(image=translated.lead_image)
    CorrectionFactory(article=translated, text_ar="صححنا نسبة الفائدة.")

    article = client.get(f"/api/v1/articles/{translated.pk}/").json()

    assert article["languages"] == ["ar", "en"]
    assert article["title"] == {"ar": translated.title_ar, "en": "Central bank holds rates"}
    assert article["body"]["en"] == "<p>The bank held its rate.</p>"
    assert (
        unquote(article["urls"]["en"])
        == f"http://testserver/en/news/{translated.pk}/{translated.slug}/"
    )
    assert article["section"]["name"] == {"ar": "اقتصاد", "en": "Economy"}
    assert article["authors"][0]["name"]["en"] == "Salma Al-Hakim"
    assert [tag["name"] for tag in article["tags"]] == [{"ar": "البنوك"}]
    image = article["lead_image"]
    assert image["url"].startswith("http://testserver/media/")
    assert image["width"] == translated.lead_image.width
    assert {r["format"] for r in image["renditions"]} == {"jpeg", "webp"}
    assert all(r["url"].startswith("http://testserver/") for r in image["renditions"])
    assert image["focal_point"] == {"x": 0.5, "y": 0.5}
    # The factory's image is 800 by 450: too narrow for 1,200-pixel crops, never upscaled.
    assert [(c["ratio"], c["width"], c["height"]) for c in image["crops"]] == [
        ("16:9", 800, 450),
        ("4:3", 600, 450),
        ("1:1", 450, 450),
    ]
    assert all(c["url"].startswith("http://testserver/media/") for c in image["crops"])
    assert [(c["kind"], c["text"]["ar"]) for c in article["corrections"]] == [
        ("correction", "صححنا نسبة الفائدة.")
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("section={economy}", ["البنك المركزي يثبت الفائدة"]),
        ("tag=البنوك", ["البنك المركزي يثبت الفائدة"]),
        ("author={author}", ["البنك المركزي يثبت الفائدة"]),
        ("language=en", ["البنك المركزي يثبت الفائدة"]),
        ("language=ar", ["البنك المركزي يثبت الفائدة", "افتتاح معرض الكتاب"]),
        ("published_until={two_hours_ago}", ["افتتاح معرض الكتاب"]),
        ("published_since={two_hours_ago}", ["البنك المركزي يثبت الفائدة"]),
    ],
)
def test_articles_filter_by_section_tag_author_language_and_time(client, newsroom, query, expected):
    *_, economy, author = newsroom
    two_hours_ago = (timezone.now() - timedelta(hours=2)).astimezone(UTC).isoformat()
    query = query.format(economy=economy.slug, author=author.slug, two_hours_ago=two_hours_ago)

    assert titles(client.get("/api/v1/articles/?" + query.replace("+", "%2B"))) == expected


@pytest.mark.parametrize(
    "query",
    ["section=لا-يوجد", "language=fr", "published_since=yesterday", "published_until=0001-01-01"],
)
def test_a_filter_that_cannot_apply_is_a_400_naming_it(client, newsroom, query):
    response = client.get("/api/v1/articles/?" + query)

    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_cursor_pages_do_not_shift_when_an_article_is_published(client, site_chrome):
    for hours in range(5):
        ArticleFactory(
            title_ar=f"خبر {hours}", published_at=timezone.now() - timedelta(hours=hours + 1)
        )

    first = client.get("/api/v1/articles/?page_size=2").json()
    ArticleFactory(title_ar="خبر عاجل جديد")
    second = client.get(first["next"]).json()

    assert [a["title"]["ar"] for a in first["results"]] == ["خبر 0", "خبر 1"]
    assert [a["title"]["ar"] for a in second["results"]] == ["خبر 2", "خبر 3"]
    assert client.get("/api/v1/articles/?cursor=not-a-cursor").status_code == 404


def test_sections_tags_authors_and_ticker(client, newsroom):
    translated, *_, economy, author = newsroom
    TickerItemFactory(text_ar="عاجل: البنك المركزي يثبت الفائدة", article=translated)

    sections = client.get("/api/v1/sections/").json()
    tags = client.get("/api/v1/tags/").json()["results"]
    authors = client.get("/api/v1/authors/").json()["results"]
    ticker = client.get("/api/v1/ticker/").json()

    assert economy.slug in [s["slug"] for s in sections]
    assert [t["slug"] for t in tags] == ["البنوك"]
    assert unquote(tags[0]["urls"]["en"]) == "http://testserver/en/tag/البنوك/"
    assert author.slug in [a["slug"] for a in authors]
    draft_author = StaffMemberFactory()
    ArticleFactory(draft=True, authors=[draft_author])
    assert draft_author.slug not in [
        a["slug"] for a in client.get("/api/v1/authors/").json()["results"]
    ]
    item = next(i for i in ticker if i["text"]["ar"] == "عاجل: البنك المركزي يثبت الفائدة")
    assert unquote(item["url"]) == "http://testserver" + unquote(translated.get_absolute_url())


def test_search_is_the_sites_arabic_search(client, newsroom):
    translated, *_ = newsroom

    found = client.get("/api/v1/search/", {"q": "والفائدة"}).json()
    missing_q = client.get("/api/v1/search/")

    assert [a["id"] for a in found["results"]] == [translated.pk]
    assert found["corrected"] is False
    assert missing_q.status_code == 400 and "q" in missing_q.json()


def test_readers_over_the_rate_limit_get_429_with_retry_after(client, newsroom, settings):
    settings.API_RATE_LIMIT = "3/minute"

    statuses = [client.get("/api/v1/sections/").status_code for _ in range(4)]
    refused = client.get("/api/v1/sections/")

    assert statuses == [200, 200, 200, 429]
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()


def test_any_site_may_read_the_api_from_a_browser_but_not_write(client, newsroom):
    answer = client.get("/api/v1/articles/", HTTP_ORIGIN="https://app.example")
    preflight = client.options(
        "/api/v1/articles/",
        HTTP_ORIGIN="https://app.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    page = client.get("/", HTTP_ORIGIN="https://app.example")

    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in page  # the site's pages are not shared
    assert client.post("/api/v1/articles/").status_code in {403, 405}


def test_api_answers_are_kept_and_purged_like_pages(
    client, page_cache, newsroom, django_capture_on_commit_callbacks
):
    translated, *_ = newsroom
    url = f"/api/v1/articles/{translated.pk}/"
    first = client.get(url)

    assert outcome(client, url) == "hit"
    assert outcome(client, "/api/v1/articles/") in {"miss", "hit"}
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        translated.title_en = "Central bank holds rates again"
        translated.save()
    assert client.get(url).json()["title"]["en"] == "Central bank holds rates again"
    assert "Central bank holds rates again" in client.get("/api/v1/articles/").text


def test_the_schema_is_openapi_3_and_its_documentation_uses_our_files(client):
    schema = client.get("/api/v1/schema/")
    docs = client.get("/api/v1/docs/").text

    assert schema["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert schema.json()["openapi"].startswith("3.")
    assert "/api/v1/articles/" in schema.json()["paths"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', docs)
    assert len(sources) == 4 and all(s.startswith("/static/") for s in sources)
    for source in sources:  # each is one of our static files, none from another origin
        assert finders.find(source.removeprefix("/static/")), source


def test_a_tag_has_its_name_in_each_language_it_is_written_in(client, newsroom):
    translated, *_ = newsroom
    Tag.objects.filter(name_ar="البنوك").update(name_en="Banks")

    (tag,) = client.get("/api/v1/tags/").json()["results"]
    article = client.get(f"/api/v1/articles/{translated.pk}/").json()

    assert tag["name"] == {"ar": "البنوك", "en": "Banks"}
    assert article["tags"] == [tag]
