from django.urls import reverse
from django.utils import translation

from tests.factories import ArticleFactory


def test_remembered_addresses_follow_the_language_and_the_slug(db):
    story = ArticleFactory(title_ar="البرلمان يقر القانون")

    def reversed_now():
        return reverse("articles:detail", kwargs={"pk": story.pk, "slug": story.slug})

    arabic = story.get_absolute_url()
    with translation.override("en"):
        english = story.get_absolute_url()
        assert english == reversed_now()
    assert arabic == reversed_now()
    assert english == f"/en{arabic}"

    story.slug = "عنوان-آخر"
    assert story.get_absolute_url() == reversed_now() != arabic
