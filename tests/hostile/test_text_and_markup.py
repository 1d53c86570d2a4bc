"""Entities are text once, empty-looking bodies are empty, and image paths stay in media."""

import pytest

from articles.models import Article
from articles.services import publishing_problems
from newsroom.sanitize import plain_text, sanitize_body
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_plain_text_decodes_entities_once():
    assert (
        plain_text("<p>البنك &amp; السوق &lt;3&gt;&nbsp;اليوم</p>") == "البنك & السوق <3>\xa0اليوم"
    )
    assert plain_text("<p>&amp;amp;</p>") == "&amp;"


@pytest.mark.parametrize("body", ["<p>&nbsp;</p>", "<p> &nbsp; </p><p><br></p>", "<p>&#160;</p>"])
def test_a_body_of_only_spaces_is_no_body_for_publishing(body):
    article = ArticleFactory(status=Article.Status.REVIEW, body_ar=body)
    assert "اكتب نص المقال." in publishing_problems(article)


def test_search_snippets_show_an_ampersand_once_and_do_not_index_entity_names(client, site_chrome):
    ArticleFactory(title_ar="تقرير الأسواق", body_ar="<p>مؤشرات البنوك &amp; الأسواق تتراجع</p>")

    found = client.get("/search/?q=مؤشرات")
    assert "البنوك &amp; الأسواق" in found.text  # shown as "البنوك & الأسواق"
    assert "&amp;amp;" not in found.text
    assert "تقرير الأسواق" not in client.get("/search/?q=amp").text


@pytest.mark.parametrize(
    "src",
    [
        "/media/%2e%2e/%2e%2e/admin/x",
        "/media/%2E%2E/secret.jpg",
        "/media/images/..%2fsecret.jpg",
        "/media/images/%5c..%5csecret.jpg",
        "/media/..\\secret.jpg",
    ],
)
def test_image_addresses_that_climb_out_of_media_are_dropped(src):
    assert "src=" not in sanitize_body(f'<p><img src="{src}" alt="صورة"></p>')


def test_image_addresses_in_media_are_kept():
    html = '<p><img src="/media/images/%D8%B5%D9%88%D8%B1%D8%A9.jpg" alt="صورة"></p>'
    assert sanitize_body(html) == html
