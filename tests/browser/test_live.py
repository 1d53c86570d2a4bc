"""A reader follows live coverage in a real browser while the newsroom posts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import expect

from liveblog import services
from liveblog.models import LiveUpdate
from tests.browser.helpers import open_page
from tests.factories import LiveBlogFactory, LiveUpdateFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_new_updates_wait_behind_a_polite_button_and_nothing_moves(
    browser, live_server, roles, site_chrome
):
    live_blog = LiveBlogFactory(article__title_ar="ليلة الانتخابات مباشرة")
    for n in range(8):  # enough to scroll past
        LiveUpdateFactory(live_blog=live_blog, headline_ar=f"تحديث سابق {n}")
    editor = UserFactory(role="Editor")
    page = open_page(
        browser, live_server.url + live_blog.article.get_absolute_url(), fake_clock=True
    )
    page.locator("#live").scroll_into_view_if_needed()
    reading = page.locator(".live__updates .live-update__time").first
    reading.focus()  # the reader is on the newest update's link
    scroll = page.evaluate("window.scrollY")

    first = post_from_another_process(live_blog, editor, "فتح الصناديق")
    second = post_from_another_process(live_blog, editor, "بدء الفرز")
    page.clock.run_for((settings.LIVE_POLL_SECONDS + 1) * 1000)

    button = page.locator("button.live__new")
    expect(button).to_have_text("تحديثات جديدة (2)")
    expect(page.locator(".live__announce")).to_have_text("تحديثات جديدة (2)")
    assert page.locator(f"#update-{first.pk}").count() == 0  # not pushed under the eyes
    assert page.evaluate("window.scrollY") == scroll
    expect(reading).to_be_focused()

    button.focus()
    button.press("Enter")

    updates = page.locator(".live__updates > .live-update")
    expect(updates.nth(0)).to_have_attribute("id", f"update-{second.pk}")
    expect(updates.nth(1)).to_have_attribute("id", f"update-{first.pk}")
    assert page.evaluate("document.activeElement.classList.contains('live__new')")
    assert page.evaluate("window.scrollY") == scroll
    expect(button).to_have_attribute("aria-disabled", "true")


def post_from_another_process(live_blog, editor, headline: str) -> LiveUpdate:
    """Post through the services from a separate Django process on the test database,
    as a newsroom's desk does while readers watch; return the update."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{database['NAME']}"
    else:
        url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from liveblog import services\nfrom liveblog.models import LiveBlog\n"
        f"services.update_post(live_blog=LiveBlog.objects.get(pk={live_blog.pk}), "
        f"by=get_user_model().objects.get(pk={editor.pk}), headline_ar={headline!r}, "
        f"body_ar='<p>{headline}</p>')"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(settings.BASE_DIR),
        env={**os.environ, "DATABASE_URL": url, "PAGE_CACHE_ENABLED": "0"},
        check=True,
        capture_output=True,
    )
    return live_blog.updates.get(headline_ar=headline)


def test_edits_and_deletions_change_in_place(browser, live_server, roles, site_chrome):
    live_blog = LiveBlogFactory()
    kept = LiveUpdateFactory(live_blog=live_blog, headline_ar="عنوان أول")
    gone = LiveUpdateFactory(live_blog=live_blog, headline_ar="سيُحذف")
    editor = UserFactory(role="Editor")
    page = open_page(
        browser, live_server.url + live_blog.article.get_absolute_url(), fake_clock=True
    )

    services.update_edit(update=kept, by=editor, headline_ar="عنوان بعد التصحيح")
    services.update_delete(update=gone, by=editor)
    page.clock.run_for((settings.LIVE_POLL_SECONDS + 1) * 1000)

    expect(page.locator(f"#update-{kept.pk} .live-update__headline")).to_have_text(
        "عنوان بعد التصحيح"
    )
    expect(page.locator(f"#update-{gone.pk}")).to_have_count(0)
    expect(page.locator("button.live__new")).to_be_hidden()
