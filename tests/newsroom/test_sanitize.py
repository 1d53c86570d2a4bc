"""Hostile HTML in an article body never reaches readers."""

import pytest

from newsroom.sanitize import sanitize_body
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("hostile", "clean"),
    [
        ("<p>نص<script>alert(1)</script></p>", "<p>نص</p>"),
        ('<p onclick="steal()" style="color:red">نص</p>', "<p>نص</p>"),
        ('<a href="javascript:alert(1)">رابط</a>', '<a rel="noopener noreferrer">رابط</a>'),
        (
            '<a href="data:text/html,<script>x</script>">رابط</a>',
            '<a rel="noopener noreferrer">رابط</a>',
        ),
        ('<iframe src="https://evil.example"></iframe><p>نص</p>', "<p>نص</p>"),
        ("<style>body{display:none}</style><p>نص</p>", "<p>نص</p>"),
        ('<img src="x" onerror="alert(1)">', "<img>"),
        ('<img src="https://tracker.example/pixel.gif">', "<img>"),
        ('<img src="/media/../admin/">', "<img>"),
        ("<svg><script>alert(1)</script></svg><p>نص</p>", "<p>نص</p>"),
        ('<form action="/x"><input name="q"></form>', ""),
        ("<h1>عنوان</h1><h5>صغير</h5>", "عنوانصغير"),
    ],
)
def test_hostile_markup_is_removed(hostile, clean):
    assert sanitize_body(hostile) == clean


@pytest.mark.parametrize(
    "allowed",
    [
        "<h2>السياق الاستراتيجي</h2><h3>فرعي</h3><h4>أصغر</h4>",
        "<p><strong>مهم</strong> و<em>مائل</em></p>",
        "<ul><li>أ</li></ul><ol><li>ب</li></ol>",
        "<blockquote><p>«قال المصدر»</p></blockquote>",
        (
            '<figure><img src="/media/images/2026/11/photo.jpg" alt="وصف">'
            "<figcaption>تعليق</figcaption></figure>"
        ),
        '<p dir="ltr" lang="en">Quoted in English</p>',
    ],
)
def test_newsroom_markup_survives(allowed):
    assert sanitize_body(allowed) == allowed


def test_links_keep_safe_schemes_and_get_rel():
    html = (
        '<a href="https://example.com/x" target="_blank">مصدر</a> '
        '<a href="mailto:desk@example.com">راسلنا</a>'
    )

    assert sanitize_body(html) == (
        '<a href="https://example.com/x" rel="noopener noreferrer">مصدر</a> '
        '<a href="mailto:desk@example.com" rel="noopener noreferrer">راسلنا</a>'
    )


def test_both_languages_are_cleaned_when_saved(client, site_chrome):
    article = ArticleFactory(
        body_ar="<p>نص</p><script>alert('ar')</script>",
        body_en='<p onmouseover="x()">Text</p><script>alert("en")</script>',
    )

    assert article.body_ar == "<p>نص</p>"
    assert article.body_en == "<p>Text</p>"
    assert (
        "<script>"
        not in client.get(article.get_absolute_url())
        .text.split("</header>", 1)[1]
        .split("<footer")[0]
    )
