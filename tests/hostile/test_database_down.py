"""With the database down, cached pages still answer and the rest get a calm page."""

import logging

import pytest
from django.db import connection

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_down():
    """Point the connection at a database that is not there, as when the server stops."""

    def stop():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent/folder/newsroom.sqlite3"
        else:
            connection.settings_dict["PORT"] = "1"  # nothing listens there

    saved = dict(connection.settings_dict)
    yield stop
    connection.close()
    connection.settings_dict.update(saved)


def test_cached_pages_answer_and_others_get_a_calm_503(
    client, page_cache, site_chrome, database_down, caplog
):
    article = ArticleFactory(title_ar="خبر محفوظ في الذاكرة")
    home = client.get("/")
    assert home.status_code == 200
    caplog.set_level(logging.ERROR)

    database_down()

    cached = client.get("/")
    assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
    assert "خبر محفوظ في الذاكرة" in cached.text
    calm = client.get(article.section.get_absolute_url())
    assert calm.status_code == 503
    assert calm["Retry-After"] == "30"
    assert "لا يمكن عرض هذه الصفحة الآن" in calm.text and "Traceback" not in calm.text
    assert "The database does not answer: GET " + article.section.get_absolute_url() in caplog.text


def test_a_missing_page_still_says_so_when_the_layout_cannot_be_built(
    client, site_chrome, database_down, caplog
):
    database_down()
    caplog.set_level(logging.ERROR)

    response = client.get("/لا-توجد-صفحة-بهذا-العنوان/")

    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.text
    assert "The missing-page page failed" in caplog.text
