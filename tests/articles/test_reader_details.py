"""Details a reader notices that validators pass over.

On English pages, text that falls back to the Arabic original is marked as
Arabic, right to left, so screen readers switch voice and the text aligns to
the right. Listing pages keep their headings in order. A photo's caption and
its credit are told apart.
"""

import itertools
import re

import lxml.html
import pytest
from django.utils.translation import override

from tests.factories import (
    ArticleFactory,
    ImageFactory,
    LiveBlogFactory,
    LiveUpdateFactory,
    SectionFactory,
    StaffMemberFactory,
    TickerItemFactory,
)

ARABIC = re.compile(r"[\u0600-\u06FF]")
NOT_SHOWN = {"script", "style", "template", "title"}


def unmarked_arabic(html: str) -> list[str]:
    """Arabic text runs in the page body not inside ``lang="ar" dir="rtl"``."""
    body = lxml.html.document_fromstring(html).body
    found = []
    for element in body.iter(tag=lxml.etree.Element):
        if element.tag in NOT_SHOWN or any(a.tag in NOT_SHOWN for a in element.iterancestors()):
            continue
        runs = [element.text, *(child.tail for child in element)]
        if not any(run and ARABIC.search(run) for run in runs):
            continue
        chain = [element, *element.iterancestors()]
        language = next((e.get("lang") for e in chain if e.get("lang")), None)
        direction = next((e.get("dir") for e in chain if e.get("dir")), None)
        if (language, direction) != ("ar", "rtl"):
            found.append(f"<{element.tag}> {' '.join(r.strip() for r in runs if r)[:60]}")
    return found


@pytest.fixture
def arabic_only_story(site_chrome):
    """A live story whose kicker, section, tags, photo and updates exist only in Arabic."""
    author = StaffMemberFactory(name_ar="ليلى منصور", name_en="Layla Mansour")
    section = SectionFactory(name_ar="محليات")
    story = ArticleFactory(
        title_ar="المجلس البلدي يقر خطة النقل",
        title_en="Council approves the transport plan",
        summary_en="A plan for buses and trams.",
        kicker_ar="خطة النقل",
        section=section,
        lead_image=ImageFactory(caption_en="", credit_ar="وكالة الصور العربية"),
        tags=["النقل العام", "البلديات"],
        authors=[author],
    )
    ArticleFactory(title_ar="خبر متصل لم يترجم بعد", section=section, tags=["النقل العام"])
    live = LiveBlogFactory(article=story)
    LiveUpdateFactory(live_blog=live, headline_ar="بدء الجلسة", is_key_event=True)
    TickerItemFactory(text_ar="خبر في الشريط بالعربية فقط")
    return story


def english_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_english_pages_mark_arabic_fallback_text_as_arabic(client, arabic_only_story):
    story = arabic_only_story
    with override("en"):
        urls = [
            "/en/",
            story.get_absolute_url(),
            story.section.get_absolute_url(),
            "/en/tag/" + story.tags.first().slug + "/",
            story.authors.first().get_absolute_url(),
        ]
    pages = {url: english_page(client, url) for url in urls}
    article = lxml.html.document_fromstring(pages[urls[1]])

    # The fragments the page really shows in Arabic: kicker, tags, related headline,
    # live update, credit, ticker item (the check below is not vacuous).
    shown = article.text_content()
    for arabic in ("خطة النقل", "النقل العام", "خبر متصل لم يترجم بعد", "بدء الجلسة",
                   "وكالة الصور العربية", "خبر في الشريط بالعربية فقط"):  # fmt: skip
        assert arabic in shown
    assert {url: unmarked_arabic(html) for url, html in pages.items()} == {url: [] for url in urls}


def test_arabic_pages_do_not_need_the_marking(client, arabic_only_story):
    page = english_page(client, arabic_only_story.get_absolute_url())

    assert '<html lang="ar" dir="rtl">' in page
    assert unmarked_arabic(page) == []


def heading_levels(html: str) -> list[int]:
    document = lxml.html.document_fromstring(html)
    return [int(h.tag[1]) for h in document.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def test_listing_pages_keep_their_headings_in_order(client, arabic_only_story):
    story = arabic_only_story
    for url in (
        story.section.get_absolute_url(),
        "/tag/" + story.tags.first().slug + "/",
        story.authors.first().get_absolute_url(),
    ):
        levels = heading_levels(english_page(client, url))
        assert levels[0] == 1, url
        skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert skips == [], url


def test_a_photos_caption_and_credit_are_separate(client, arabic_only_story):
    page = lxml.html.document_fromstring(english_page(client, arabic_only_story.get_absolute_url()))
    [caption] = page.xpath("//figure[contains(@class, 'article__figure')]/figcaption")
    [text] = caption.xpath("span[@class='caption']")
    [credit] = caption.xpath("span[@class='credit']")

    assert text.text_content() == "تعليق على الصورة"
    assert "وكالة الصور العربية" in credit.text_content()
