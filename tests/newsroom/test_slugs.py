import pytest
from django.utils import translation

from newsroom.slugs import arabic_slugify
from tests.factories import ArticleFactory, SectionFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("مُحَمَّدٌ يكتبُ", "محمد-يكتب"),  # harakat dropped
        ("الأخبـــار العاجلة", "الأخبار-العاجلة"),  # tatweel dropped, hamza kept
        ("«مقتل 5» بدير الزور.. والتفاصيل، لاحقًا", "مقتل-5-بدير-الزور-والتفاصيل-لاحقا"),
        ("Election 2026: النتائج", "election-2026-النتائج"),
        ("١٠٠ يوم", "١٠٠-يوم"),
    ],
)
def test_arabic_slugify_keeps_letters_and_drops_marks_and_punctuation(text, slug):
    assert arabic_slugify(text) == slug


def test_same_headline_gets_a_unique_slug():
    first = ArticleFactory(title_ar="خبر متكرر")
    second = ArticleFactory(title_ar="خبر متكرر")
    third = ArticleFactory(title_ar="خبر متكرر")

    assert [first.slug, second.slug, third.slug] == ["خبر-متكرر", "خبر-متكرر-2", "خبر-متكرر-3"]


def test_slug_is_made_from_the_arabic_text_even_when_english_is_active():
    with translation.override("en"):
        section = SectionFactory(name_ar="اقتصاد", name_en="Economy")

    assert section.slug == "اقتصاد"


def test_slug_does_not_change_when_the_headline_is_edited():
    article = ArticleFactory(title_ar="العنوان الأول")
    article.title_ar = "عنوان معدل"
    article.save()

    assert article.slug == "العنوان-الأول"


def test_long_headline_slug_fits_the_column_and_stays_unique():
    title = ("كلمة " * 60).strip()  # 299 characters: a headline at its longest
    first, second = ArticleFactory(title_ar=title), ArticleFactory(title_ar=title)

    assert len(first.slug) <= 160 and len(second.slug) <= 160
    assert first.slug != second.slug
    assert second.slug.endswith("-2")


def test_headline_without_letters_still_gets_a_slug():
    assert ArticleFactory(title_ar="«…»").slug == "article"


def test_staff_slug_comes_from_the_name():
    assert StaffMemberFactory(name_ar="د. محرر الاقتصاد").slug == "د-محرر-الاقتصاد"
