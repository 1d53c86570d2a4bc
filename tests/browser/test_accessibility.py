"""axe-core (WCAG 2.2 AA) on the public pages and the admin, at a phone's width and a desk's.

axe-core comes from npm (node_modules) and is evaluated inside each page; no
page loads anything from another origin. Also what axe cannot judge and an
Arabic editor on a phone would notice: the article form fits 390 px, the body
editor's direction icons face the way Arabic runs, the breadcrumbs point the
reading way.
"""

import io

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from PIL import Image, ImageStat

from articles.models import Article
from tests.browser.helpers import EDITOR_PASSWORD, open_page
from tests.demo_pages import public_pages
from tests.validators import axe_violations, require_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def admin_pages(site: str) -> dict[str, str]:
    """Every admin page an editor uses: each model's list, blank form and a filled one."""
    article = Article.objects.published().exclude(lead_image=None).first()
    pages = {
        "admin index": reverse("admin:index"),
        "article history": reverse("admin:articles_article_history", args=[article.pk]),
        "password change": reverse("admin:password_change"),
    }
    for model in admin.site._registry:
        options = model._meta
        prefix = f"admin:{options.app_label}_{options.model_name}"
        example = model._default_manager.order_by("pk").first()
        for kind, args in (("changelist", []), ("add", []), ("change", [example and example.pk])):
            if None in args:
                continue
            try:
                pages[f"{options.label_lower} {kind}"] = reverse(f"{prefix}_{kind}", args=args)
            except NoReverseMatch:  # a model without that page (added elsewhere, say)
                continue
    return {name: site + path for name, path in pages.items()}


def logged_in(browser, site: str, viewport: dict):
    page = open_page(browser, site + reverse("admin:login"), viewport=viewport)
    page.fill("#id_username", "desk")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    return page


def violations_on(page, pages: dict[str, str], width: int) -> dict[str, list[str]]:
    """What axe finds on each page the signed-in user may open (others answer 403)."""
    found = {}
    for name, url in pages.items():
        response = page.goto(url)
        if response.status == 403:
            continue
        assert response.status == 200, name
        page.wait_for_load_state("load")
        problems = axe_violations(page)
        if page.evaluate("document.documentElement.scrollWidth") > width:
            problems.append("the page is wider than the screen")
        if problems:
            found[f"{name} at {width}px"] = problems
    return found


def test_public_pages_pass_axe_at_phone_and_desk_widths(browser, seeded_demo):
    require_axe()
    pages = {name: seeded_demo + path for name, path in public_pages().items()}
    found = {}
    for viewport in (PHONE, DESK):
        page = open_page(browser, pages["home (ar)"], viewport=viewport)
        found |= violations_on(page, pages, viewport["width"])

    assert found == {}


# The pages an editor works in at night from a phone, checked at that width too.
ON_THE_PHONE = ("articles.article ", "articles.image ", "ticker.tickeritem ", "article history")


def test_admin_pages_pass_axe_at_phone_and_desk_widths(browser, seeded_demo):
    require_axe()
    pages = admin_pages(seeded_demo)
    on_the_phone = {name: url for name, url in pages.items() if name.startswith(ON_THE_PHONE)}
    found = violations_on(logged_in(browser, seeded_demo, DESK), pages, DESK["width"])
    found |= violations_on(logged_in(browser, seeded_demo, PHONE), on_the_phone, PHONE["width"])

    assert len(pages) > 30  # every registered model was reached
    assert len(on_the_phone) >= 7
    assert found == {}


def test_the_article_form_fits_a_phone_and_runs_right_to_left(browser, seeded_demo):
    article = Article.objects.published().exclude(lead_image=None).first()
    page = logged_in(browser, seeded_demo, PHONE)
    page.goto(seeded_demo + reverse("admin:articles_article_change", args=[article.pk]))
    page.wait_for_load_state("load")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    preview = page.locator("#preview-link").bounding_box()
    assert preview["x"] >= 0 and preview["x"] + preview["width"] <= 390

    # The body editor is named by its label, and speaks Arabic.
    arabic = page.locator(".prose-editor:has(#id_body_ar)")
    assert arabic.get_by_role("textbox", name="النص").count() == 1
    assert arabic.locator("[data-name=bulletList]").get_attribute("title") == "قائمة نقطية"
    assert arabic.locator("[data-name='history:undo']").get_attribute("aria-label") == "تراجع"

    # Icons with a direction are mirrored over Arabic text, and only there.
    def mirrored(editor, name):
        transform = editor.locator(f"[data-name='{name}']").evaluate(
            "button => getComputedStyle(button).transform"
        )
        return transform.startswith("matrix(-1")

    english = page.locator(".prose-editor:has(#id_body_en)")
    for name in ("bulletList", "orderedList", "history:undo", "history:redo"):
        assert mirrored(arabic, name)
        assert not mirrored(english, name)
    assert not mirrored(arabic, "bold")

    # The language tabs are named in Arabic, and a tab holds no second control.
    tabs = page.locator(".ui-tabs:has(#id_title_ar)")
    assert tabs.get_by_role("tab").all_inner_texts() == ["العربية", "الإنجليزية"]
    assert tabs.locator("[role=tab] a[href], [role=tab] [tabindex]").count() == 0

    # Breadcrumbs lead the reading way: in Arabic, each separator points left.
    separator = page.locator(".breadcrumbs li").first.evaluate(
        "item => getComputedStyle(item, '::after').content"
    )
    assert "‹" in separator


def test_the_article_forms_buttons_line_up(browser, seeded_demo):
    article = Article.objects.published().first()
    page = logged_in(browser, seeded_demo, DESK)
    page.goto(seeded_demo + reverse("admin:articles_article_change", args=[article.pk]))
    page.wait_for_load_state("load")

    boxes = [button.bounding_box() for button in page.locator(".submit-row > *").all()]
    assert len(boxes) >= 3
    assert len({round(box["height"]) for box in boxes}) == 1
    assert len({round(box["y"]) for box in boxes}) == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366


def test_a_phone_reader_sees_whole_dates_and_a_section_bar_that_scrolls(browser, seeded_demo):
    page = open_page(browser, seeded_demo + "/", viewport=PHONE)

    # One line: every piece of the date (Arabic words and digits run apart) at the same height.
    lines = page.locator(".masthead__date time").evaluate(
        "el => new Set([...el.getClientRects()].map(box => Math.round(box.top))).size"
    )
    assert lines == 1

    bar = page.locator(".sections__list")
    assert bar.evaluate("el => el.scrollWidth > el.clientWidth")
    # Only the shading is measured: the sections' names are made transparent.
    bar.evaluate("el => el.querySelectorAll('a').forEach(a => { a.style.color = 'transparent' })")

    def shade(edge: str) -> float:
        box = bar.bounding_box()
        x = box["x"] + 1 if edge == "left" else box["x"] + box["width"] - 5
        middle = box["y"] + box["height"] / 2 - 2
        png = page.screenshot(clip={"x": x, "y": middle, "width": 4, "height": 4})
        return 255 - ImageStat.Stat(Image.open(io.BytesIO(png)).convert("L")).mean[0]

    # Right to left: the bar opens at its right end, with more sections to the left.
    assert shade("left") > 15 and shade("right") < 2
    bar.evaluate("el => el.scrollTo({left: -el.scrollWidth})")
    page.wait_for_timeout(100)
    assert shade("left") < 2 and shade("right") > 15
