"""No markup typed into any text field runs on any page, feed, JSON-LD or JSON."""

import json
from html import escape, unescape

import feedparser
import lxml.html
import pytest

from articles.previews import preview_url
from newsroom.models import Publication
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    ImageFactory,
    SectionFactory,
    StaffMemberFactory,
    TickerItemFactory,
    UserFactory,
)
from tests.hostile.executable import in_feed, in_html
from tests.hostile.xss_corpus import PAYLOADS

pytestmark = pytest.mark.django_db

MARKER = "مؤشر"  # a word every hostile article carries, for the search page


def everything_holding(payload: str):
    """The publication, a section, a reporter, an image, an article (in both languages,
    with a tag) and a ticker item, every text field of each holding ``payload``."""
    publication = Publication.load()
    publication.name_ar = publication.name_en = f"صحيفة {payload}"
    publication.tagline_ar = publication.tagline_en = payload
    publication.save()
    section = SectionFactory(name_ar=f"قسم {payload}", name_en=f"Section {payload}",
                             description_ar=payload, description_en=payload)  # fmt: skip
    reporter = StaffMemberFactory(name_ar=f"كاتب {payload}", name_en=f"Writer {payload}",
                                  job_title_ar=payload, bio_ar=payload)  # fmt: skip
    image = ImageFactory(alt_text_ar=payload, caption_ar=payload, credit_ar=payload,
                         alt_text_en=payload, caption_en=payload, credit_en=payload)  # fmt: skip
    article = ArticleFactory(
        title_ar=f"{MARKER} {payload}", title_en=f"Marker {payload}",
        kicker_ar=payload, kicker_en=payload, summary_ar=payload, summary_en=payload,
        body_ar=f"<p>{MARKER}</p>{payload}", body_en=f"<p>Marker</p>{payload}",
        section=section, lead_image=image, authors=[reporter], tags=[f"وسم {payload}"[:100]],
    )  # fmt: skip
    TickerItemFactory(text_ar=payload, text_en=payload, article=article)
    return article


def public_addresses(article) -> list[str]:
    tag = article.tags.first()
    author = article.authors.first()
    return [
        "/", "/en/", article.get_absolute_url(), "/en" + article.get_absolute_url(),
        article.section.get_absolute_url(), f"/tag/{tag.slug}/", author.get_absolute_url(),
        f"/search/?q={MARKER}", "/en/search/?q=Marker",
    ]  # fmt: skip


def feed_addresses(article) -> list[str]:
    tag = article.tags.first()
    section = article.section.slug
    return ["/feeds/rss/", "/feeds/atom/", "/en/feeds/rss/", "/en/feeds/atom/",
            f"/feeds/rss/tag/{tag.slug}/", f"/feeds/atom/section/{section}/"]  # fmt: skip


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_nothing_typed_runs_anywhere(client, site_chrome, payload):
    article = everything_holding(payload)

    for url in public_addresses(article):
        response = client.get(url)
        assert response.status_code == 200, url
        assert in_html(response.text) == [], url
    for url in feed_addresses(article):
        response = client.get(url)
        assert response.status_code == 200, url
        assert in_feed(response.content) == [], url
    ticker = json.loads(client.get("/ticker.json").content)
    assert payload in [item["text"] for item in ticker["items"]]  # text, shown as text
    for url in ("/sitemap.xml", "/news-sitemap.xml"):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ["Reporter", "Editor", "Editor-in-chief"])
def test_each_role_typing_markup_in_the_article_form_publishes_nothing_that_runs(
    client, site_chrome, role
):
    user = UserFactory(role=role)
    client.force_login(user)
    # A draft of their own, which every role may edit, seen as it will be published.
    article = ArticleFactory(draft=True, created_by=user)
    for payload in PAYLOADS[::6]:
        data = form_data(article, title_ar=f"{MARKER} {payload}", summary_ar=payload,
                         body_ar=f"<p>{MARKER}</p>{payload}", kicker_ar=payload,
                         edited_version=article.version)  # fmt: skip
        response = client.post(change_url(article), data)
        assert response.status_code in (200, 302), payload
        article.refresh_from_db()
        page = client.get(preview_url(article.pk))
        assert page.status_code == 200
        assert in_html(page.text) == [], payload


def test_arabic_punctuation_quotes_and_ampersands_survive_unchanged(client, site_chrome):
    title = "«الذهب» يرتفع 5% & \"النفط\" يتراجع — 'مؤقتًا' <بحسب> المحللين"
    article = ArticleFactory(title_ar=title, summary_ar=title, body_ar=f"<p>{escape(title)}</p>")

    page = lxml.html.document_fromstring(client.get(article.get_absolute_url()).text)
    shown = [
        page.xpath('//h1[contains(@class, "article__title")]')[0].text_content(),
        page.xpath('//p[contains(@class, "article__summary")]')[0].text_content(),
        page.xpath('//div[contains(@class, "article__body")]/p')[0].text_content(),
        page.xpath("//title")[0].text_content().split(" | ")[0],
    ]
    assert shown == [title] * 4
    [ld] = [json.loads(s.text) for s in page.xpath('//script[@type="application/ld+json"]')
            if json.loads(s.text).get("@type") == "NewsArticle"]  # fmt: skip
    assert ld["headline"] == title and ld["description"] == title
    for url in ("/feeds/rss/", "/feeds/atom/"):
        [entry] = feedparser.parse(client.get(url).content).entries
        assert entry.title == title
        assert unescape(entry.summary) == title
    results = lxml.html.document_fromstring(client.get("/search/?q=النفط").text)
    assert title in results.text_content()


def test_the_checks_find_the_corpus_when_it_is_not_escaped():
    # Typed raw into a page, most payloads run; the rest only run where a page puts
    # text in an attribute or a script, which the page tests above cover.
    flagged = [payload for payload in PAYLOADS if in_html(payload, fragment=True)]
    assert len(PAYLOADS) >= 60
    assert len(flagged) >= 55
    assert in_html(f"<html><body><p>{PAYLOADS[0]}</p></body></html>") == ["<script src=''>alert(1)"]
