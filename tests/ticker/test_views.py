from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import html

from tests.factories import ArticleFactory, LiveBlogFactory, TickerItemFactory

pytestmark = pytest.mark.django_db


def test_ticker_json_lists_live_items_in_order(client):
    article = ArticleFactory()
    TickerItemFactory(text_ar="الثاني", order=2, url="https://example.com/2")
    TickerItemFactory(text_ar="الأول «عاجل»", order=1, article=article, is_breaking=True)
    LiveBlogFactory(article=article)
    TickerItemFactory(text_ar="انتهى", ends_at=timezone.now() - timedelta(minutes=1),
                      starts_at=timezone.now() - timedelta(hours=1))  # fmt: skip

    response = client.get("/ticker.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"].startswith("public, max-age=60")
    assert response.json() == {
        "items": [
            {
                "text": "الأول «عاجل»",
                "url": article.get_absolute_url(),
                "is_breaking": True,
                "lang": "ar",
                "dir": "rtl",
                "live": True,
            },
            {
                "text": "الثاني",
                "url": "https://example.com/2",
                "is_breaking": False,
                "lang": "ar",
                "dir": "rtl",
                "live": False,
            },
        ]
    }


def test_english_ticker_json_falls_back_to_arabic_text_marked_as_arabic(client):
    TickerItemFactory(text_ar="نص عربي", text_en="English text", order=1)
    TickerItemFactory(text_ar="بلا ترجمة", order=2)

    items = client.get("/en/ticker.json").json()["items"]

    assert [(i["text"], i["lang"], i["dir"]) for i in items] == [
        ("English text", "en", "ltr"),
        ("بلا ترجمة", "ar", "rtl"),
    ]


def test_ticker_json_refuses_writes(client):
    assert client.post("/ticker.json").status_code == 405


def test_strip_links_published_stories_and_escapes_text(client):
    published = ArticleFactory()
    draft = ArticleFactory(draft=True)
    TickerItemFactory(text_ar="خبر منشور", article=published, order=1)
    TickerItemFactory(text_ar="خبر لم ينشر بعد", article=draft, order=2)
    TickerItemFactory(text_ar="<script>alert(1)</script>", order=3)

    strip = client.get("/").text.split('class="ticker"')[1].split("</section>")[0]

    assert f'href="{published.get_absolute_url()}" lang="ar" dir="rtl">خبر منشور</a>' in strip
    assert '<span lang="ar" dir="rtl">خبر لم ينشر بعد</span>' in strip
    assert draft.get_absolute_url() not in strip
    assert "<script>" not in strip and "&lt;script&gt;" in strip
    # The seamless-loop copy is hidden from assistive technology and the keyboard.
    assert 'aria-hidden="true"' in strip and 'tabindex="-1"' in strip


def test_no_live_items_means_a_hidden_strip_the_script_can_fill(client):
    TickerItemFactory(starts_at=timezone.now() + timedelta(hours=1))

    page = html.fromstring(client.get("/").content)

    (strip,) = page.xpath('//section[@class="ticker"]')
    assert strip.get("hidden") is not None
    assert strip.xpath(".//li") == []


def test_every_page_has_the_refresh_script_and_a_polite_announcer(client, settings):
    settings.TICKER_REFRESH_SECONDS = 45
    TickerItemFactory()

    page = html.fromstring(client.get("/en/").content)

    (strip,) = page.xpath('//section[@class="ticker"]')
    assert strip.get("data-live-url") == "/en/ticker.json"
    assert strip.get("data-refresh-seconds") == "45"
    assert strip.get("data-breaking-label") == "Breaking"
    (announcer,) = page.xpath('//*[@id="ticker-announcer"]')
    assert announcer.get("aria-live") == "polite"
    (script,) = page.xpath('//script[contains(@src, "js/ticker.js")]')
    assert "defer" in script.attrib
