"""The admin speaks Arabic: every page the newsroom uses, walked as each role, shows
no interface string left in English.

The walk is built from the admin site's registry (``admin_walk.admin_pages``), so a
new model admin is visited without anyone listing it; a new custom admin address
must be added to the walk or declared not a page, or
``test_the_walk_covers_every_admin_address`` fails. What counts as an English
interface string, and what is left alone as content, is explained in
``tests/english_text.py``. The pages as their scripts change them, in a browser:
``tests/browser/test_admin_arabic.py``.
"""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_walk import NOT_PAGES, admin_pages, admin_url_names, seed_newsroom
from tests.english_text import (
    english_strings,
    script_strings,
    served_catalogue,
    stored_texts,
    untranslated,
)
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["Reporter", "Editor", "Editor-in-chief", "superuser"]


@pytest.fixture
def newsroom():
    return seed_newsroom()


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_is_arabic_for(role, client, newsroom, caplog):
    caplog.set_level(logging.ERROR, logger="django.request")  # each refused page logs a warning
    client.force_login(newsroom.users[role])
    content = stored_texts()
    visited, problems = 0, []

    for page in admin_pages(newsroom):
        response = client.post(page.url, page.data) if page.data else client.get(page.url)
        if response.status_code in (302, 403, 404):
            continue  # not this role's page
        assert response.status_code == 200, f"{page.url} as {role}: {response.status_code}"
        visited += 1
        problems += [
            f"{page.url} as {role}: {text!r}"
            for text in english_strings(response.content.decode(), content)
        ]

    assert visited > 20
    assert problems == [], "English left in the admin:\n" + "\n".join(problems)


def test_login_and_lockout_pages_are_arabic(settings):
    settings.AXES_FAILURE_LIMIT = 1
    content = stored_texts()
    client = Client()
    login = client.get(reverse("admin:login"))
    locked_out = client.post(
        reverse("admin:login"), {"username": "nobody", "password": "wrong password"}
    )

    assert locked_out.status_code == 429
    for response in (login, locked_out):
        assert english_strings(response.content.decode(), content) == []


def test_the_walk_covers_every_admin_address(newsroom):
    walked = {page.name for page in admin_pages(newsroom)} | {"login"}

    assert admin_url_names() - walked - set(NOT_PAGES) == set()


def test_the_article_list_runs_filters_and_chooses_in_arabic(client):
    ArticleFactory()
    client.force_login(UserFactory(role="Editor"))

    page = client.get(reverse("admin:articles_article_changelist")).text

    assert ">نفّذ</button>" in page  # Django's "Run"
    assert "تصفية حسب" in page  # "Filter by", over the dates
    assert ">- اختر -</option>" in page  # "- Select an option -", the actions' first line


def test_the_admin_scripts_speak_arabic(client):
    client.force_login(UserFactory(role="Reporter"))
    script = client.get(reverse("admin:jsi18n")).text
    catalogue = served_catalogue(script)
    wanted = script_strings()

    assert len(wanted) > 100
    assert [msgid for msgid in wanted if untranslated(catalogue.get(msgid))] == []
    # Six plural forms: «ساعة واحدة», «ساعتين», «3 ساعات», «11 ساعة»…
    assert "n%100>=11 && n%100<=99 ? 4 : 5" in script


def test_the_time_zone_note_beside_date_fields_is_arabic(client):
    client.force_login(UserFactory(role="Editor"))
    catalogue = served_catalogue(client.get(reverse("admin:jsi18n")).text)
    ahead = catalogue[
        "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)"
    ]

    assert ahead[2] == "ملاحظة: أدخل الأوقات بتوقيت %(timezone)s. (أنت متقدّم عنه بساعتين.)"
    assert catalogue["server"] == "الخادم"
