"""The admin once its scripts have run, in a real browser: Arabic there too.

``tests/newsroom/test_admin_arabic.py`` reads the pages as the server sends them;
these read what the scripts add: the time-zone note beside date fields, the
calendar and the clock, the rich-text editor's toolbar, the language tabs and the
two-list permission picker. Each is judged by the same rule (``tests/english_text.py``).
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.helpers import EDITOR_PASSWORD, open_page
from tests.english_text import english_strings, stored_texts
from tests.factories import ArticleFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def logged_in(browser, live_server, user) -> Page:
    # Dubai is ahead of the publication's Cairo all year: the note beside date fields shows.
    page = open_page(browser, live_server.url + reverse("admin:login"), timezone_id="Asia/Dubai")
    page.fill("#id_username", user.username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    return page


def test_the_article_form_is_arabic_once_its_scripts_have_run(browser, live_server, roles):
    article = ArticleFactory(title_en="Parliament passes the law", tags=["البرلمان"])
    page = logged_in(browser, live_server, UserFactory(role="Editor"))

    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    expect(page.locator(".prose-menubar").first).to_be_visible()
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0 caption")).to_be_visible()

    note = page.locator(".timezonewarning").first
    # Two hours ahead, one while Cairo keeps summer time.
    ahead = r"ملاحظة: أدخل الأوقات بتوقيت Africa/Cairo\. \(أنت متقدّم عنه (بساعتين|بساعة واحدة)\.\)"
    expect(note).to_have_text(re.compile(ahead))
    expect(page.get_by_role("tab", name="الإنجليزية").first).to_be_visible()
    expect(page.get_by_role("button", name="عريض").first).to_be_visible()
    assert english_strings(page.content(), stored_texts()) == []


def test_the_permission_picker_is_arabic(browser, live_server, roles):
    reporter = UserFactory(role="Reporter")
    page = logged_in(browser, live_server, UserFactory(is_staff=True, is_superuser=True))

    page.goto(live_server.url + reverse("admin:auth_user_change", args=[reporter.pk]))
    expect(page.locator("#id_user_permissions_from")).to_be_visible()

    assert english_strings(page.content(), stored_texts()) == []
