"""The seeded site in a real headless Chromium (Debian's), driven by Playwright.

Playwright never downloads a browser here: it launches the system Chromium
through ``executable_path``. Screenshots are saved under ``test-artifacts/``.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.models import Article
from tests.browser.helpers import ARTIFACTS, EDITOR_PASSWORD, open_page
from tests.factories import TickerItemFactory

# serialized_rollback restores the rows migrations create (the role groups) after each flush.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def seeded_urls(seeded_demo) -> dict[str, str]:
    """The demo publication and an editor account (``seeded_demo``); the pages to visit."""
    article = Article.objects.published().exclude(lead_image=None).first()
    return {
        "home": seeded_demo + "/",
        "article": seeded_demo + article.get_absolute_url(),
        "admin": seeded_demo + reverse("admin:articles_article_change", args=[article.pk]),
    }


def animation(page: Page) -> dict:
    return page.eval_on_selector(
        ".ticker__track",
        "el => ({name: getComputedStyle(el).animationName,"
        " state: getComputedStyle(el).animationPlayState})",
    )


def test_home_and_article_render_right_to_left_with_masthead_and_ticker(browser, seeded_urls):
    page = open_page(browser, seeded_urls["home"], viewport={"width": 1366, "height": 900})

    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator(".masthead__name").is_visible()
    assert "رئيس مجلس الإدارة" in page.locator(".masthead__line").inner_text()
    assert "رئيس التحرير" in page.locator(".masthead__line").inner_text()
    assert page.locator(".ticker").is_visible()
    assert page.locator(".ticker__list:not([aria-hidden]) .ticker__item").count() == 12
    # The page is the mirror image of the sketch: the lead story sits right of the sidebar.
    lead, aside = (
        page.locator(".card--lead").bounding_box(),
        page.locator(".home__aside").bounding_box(),
    )
    assert lead["x"] > aside["x"]
    page.screenshot(path=ARTIFACTS / "home.png", full_page=True)

    page = open_page(browser, seeded_urls["article"], viewport={"width": 1366, "height": 900})

    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".masthead__name").is_visible()
    assert page.locator(".ticker").is_visible()
    assert page.locator("h1.article__title").is_visible()
    assert page.eval_on_selector(".article__figure img", "img => img.naturalWidth") > 0
    assert page.locator(".article__figure figcaption").is_visible()
    assert page.locator(".article__body h2").count() >= 2
    assert page.get_by_role("heading", name="موضوعات متعلقة").is_visible()
    page.screenshot(path=ARTIFACTS / "article.png", full_page=True)


def test_ticker_moves_pauses_and_stands_still_for_reduced_motion(browser, seeded_urls):
    page = open_page(browser, seeded_urls["home"])
    assert animation(page) == {"name": "ticker-move", "state": "running"}

    pause = page.get_by_role("checkbox", name="إيقاف الشريط مؤقتًا")
    page.locator("label.ticker__pause").click()
    page.mouse.move(0, 0)  # away from the strip, so only the control holds it
    assert pause.is_checked()
    assert animation(page)["state"] == "paused"

    # Keyboard users reach the same control and toggle it with Space.
    pause.focus()
    page.keyboard.press("Space")
    assert not pause.is_checked()
    assert animation(page)["state"] == "paused"  # focus inside the strip holds it still
    page.evaluate("document.activeElement.blur()")
    assert animation(page)["state"] == "running"

    page.hover(".ticker__viewport")
    assert animation(page)["state"] == "paused"

    still = open_page(browser, seeded_urls["home"], reduced_motion="reduce")
    assert animation(still)["name"] == "none"
    assert still.locator(".ticker").is_visible()


def test_small_screens_get_one_column_and_a_pausable_ticker(browser, seeded_urls):
    page = open_page(browser, seeded_urls["home"], viewport={"width": 375, "height": 812})

    columns = page.eval_on_selector(
        ".card-grid", "el => getComputedStyle(el).gridTemplateColumns.split(' ').length"
    )
    assert columns == 1
    assert page.locator(".ticker__pause").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=ARTIFACTS / "home-mobile.png", full_page=True)


def test_the_masthead_page_answers_who_led_the_paper_on_a_chosen_day(browser, seeded_urls):
    page = open_page(
        browser, seeded_urls["home"] + "masthead/", viewport={"width": 390, "height": 844}
    )
    assert "حسام عبد الرحمن" in page.locator("#masthead-today").locator("..").inner_text()

    page.fill("#masthead-on", "2020-05-01")
    page.get_by_role("button", name="اعرض").click()

    on_day = page.locator("section[aria-labelledby=masthead-on-day]")
    expect(on_day).to_contain_text("فؤاد الطحان")
    assert "ماجد السعدي" not in on_day.inner_text()  # managing editor only since 2022
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=ARTIFACTS / "masthead-mobile.png", full_page=True)

    page.locator(".site-footer").get_by_role("link", name="سياسة التصحيح").click()
    expect(page.locator("h1")).to_have_text("سياسة التصحيح")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_admin_article_form_shows_language_tabs_from_our_own_files(browser, seeded_urls):
    page = open_page(browser, seeded_urls["admin"], viewport={"width": 1366, "height": 900})
    page.fill("#id_username", "desk")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    # jQuery UI (served by us, allowed by the Content-Security-Policy) turned the
    # per-language inputs into tabs.
    assert page.locator(".ui-tabs").count() >= 3
    assert page.locator("#id_title_ar").is_visible()
    assert not page.locator("#id_title_en").is_visible()
    page.locator(".ui-tabs:has(#id_title_ar)").get_by_role("tab", name="الإنجليزية").click()
    assert page.locator("#id_title_en").is_visible()
    # The body is a rich-text editor (loaded under the nonce), Arabic right-to-left,
    # English left-to-right.
    arabic_body = page.locator(".prose-editor:has(#id_body_ar) .ProseMirror[contenteditable]")
    assert arabic_body.get_attribute("contenteditable") == "true"
    assert "السياق" in arabic_body.inner_text() or arabic_body.locator("h2").count() >= 2
    assert arabic_body.evaluate("el => getComputedStyle(el).direction") == "rtl"
    english_body = page.locator(".prose-editor:has(#id_body_en) .ProseMirror[contenteditable]")
    assert english_body.evaluate("el => getComputedStyle(el).direction") == "ltr"
    arabic_body.click()
    page.keyboard.press("End")
    page.keyboard.type(" نص جديد")
    assert "نص جديد" in arabic_body.inner_text()
    page.screenshot(path=ARTIFACTS / "admin-article.png", full_page=True)


def test_search_from_the_masthead_finds_words_typed_without_hamza(browser, seeded_urls):
    page = open_page(browser, seeded_urls["home"], viewport={"width": 1366, "height": 900})

    page.fill("#masthead-search", '"وكاله الانباء"')
    page.press("#masthead-search", "Enter")
    page.wait_for_load_state("load")

    assert "/search/" in page.url
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".ticker").is_visible()
    assert page.locator(".search__results .result").count() > 0
    marked = page.locator(".search__results mark").all_inner_texts()
    assert "الأنباء" in marked  # the text as written, hamza and all
    page.screenshot(path=ARTIFACTS / "search.png", full_page=True)


def test_ticker_update_waits_until_the_pointer_leaves_the_strip(browser, seeded_urls):
    page = open_page(browser, seeded_urls["home"], fake_clock=True)
    strip = page.locator(".ticker__list:not([aria-hidden])")

    page.hover(".ticker__viewport")
    TickerItemFactory(text_ar="خبر جديد يصل أثناء القراءة", order=0)
    with page.expect_response("**/ticker.json") as answer:
        page.clock.run_for(61_000)
    assert "خبر جديد يصل أثناء القراءة" in answer.value.text()
    page.wait_for_timeout(300)  # time for the script to read the answer
    expect(strip).not_to_contain_text("خبر جديد يصل أثناء القراءة")

    page.mouse.move(0, 0)

    expect(strip.locator(".ticker__item").first).to_have_text("خبر جديد يصل أثناء القراءة")
    expect(page.locator(".ticker__list--copy")).to_contain_text("خبر جديد يصل أثناء القراءة")
    expect(page.locator("#ticker-announcer")).to_have_text("")  # not breaking: not read out


def test_ticker_shows_and_announces_breaking_news_keeping_pause_and_focus(browser, seeded_urls):
    page = open_page(browser, seeded_urls["home"], fake_clock=True)
    strip = page.locator(".ticker__list:not([aria-hidden])")
    page.locator("label.ticker__pause").click()
    page.mouse.move(0, 0)
    page.locator("#masthead-search").focus()

    TickerItemFactory(text_ar="زلزال بقوة 5 درجات يضرب المنطقة", is_breaking=True, order=0)
    page.clock.run_for(61_000)

    expect(strip.locator(".ticker__item").first).to_have_text("زلزال بقوة 5 درجات يضرب المنطقة")
    expect(page.locator("#ticker-announcer")).to_have_text("عاجل: زلزال بقوة 5 درجات يضرب المنطقة")
    assert strip.locator(".ticker__item").count() == 13
    assert page.get_by_role("checkbox", name="إيقاف الشريط مؤقتًا").is_checked()
    assert animation(page)["state"] == "paused"
    assert page.evaluate("document.activeElement.id") == "masthead-search"
