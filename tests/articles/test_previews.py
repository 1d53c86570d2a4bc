from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from articles.previews import preview_url
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_chrome):
    return ArticleFactory(draft=True, title_ar="مسودة للمعاينة", with_image=True)


def test_preview_shows_a_draft_as_its_page_will_look_to_anyone_with_the_link(client, draft):
    response = client.get(preview_url(draft.pk))  # no account needed

    assert response.status_code == 200
    assert "مسودة للمعاينة" in response.text
    assert 'class="masthead"' in response.text and 'class="article__figure"' in response.text
    assert "معاينة: هذا المقال لا يراه القراء بعد (الحالة: مسودة)" in response.text


def test_preview_is_never_indexed_or_cached_publicly(client, draft):
    response = client.get(preview_url(draft.pk))

    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert 'rel="canonical"' not in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_draft_stays_404_on_its_public_url(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_tampered_token_is_404(client, draft):
    url = preview_url(draft.pk)
    other = ArticleFactory(draft=True)
    forged = url.replace(url.split("/")[-2].split(":")[0], str(other.pk), 1)

    assert client.get(forged).status_code == 404
    assert client.get(url[:-3] + "xx/").status_code == 404
    assert client.get("/preview/not-a-token/").status_code == 404


def test_expired_link_is_404(client, draft, settings):
    url = preview_url(draft.pk)

    with time_machine.travel(timedelta(seconds=settings.PREVIEW_MAX_AGE + 60)):
        assert client.get(url).status_code == 404
    with time_machine.travel(timedelta(seconds=settings.PREVIEW_MAX_AGE - 60)):
        assert client.get(url).status_code == 200


def test_link_for_a_deleted_article_is_404(client, draft):
    url = preview_url(draft.pk)
    draft.delete()

    assert client.get(url).status_code == 404


def change(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_author_and_editor_get_the_preview_link_in_the_admin(client):
    reporter = UserFactory(role="Reporter")
    own = ArticleFactory(draft=True, created_by=reporter)
    others = ArticleFactory(draft=True)
    client.force_login(reporter)
    assert "/preview/" in client.get(change(own)).text
    assert "/preview/" not in client.get(change(others)).text

    client.force_login(UserFactory(role="Editor"))
    assert "/preview/" in client.get(change(others)).text
