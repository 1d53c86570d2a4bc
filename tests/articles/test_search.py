"""Search finds what Arabic readers type, on SQLite and on PostgreSQL alike.

The same table runs on both databases (CI runs the suite on each).
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import ArticleSearch
from articles.search import find, parse_query
from articles.services import article_publish, article_return_to_draft
from tests.conftest import shared_rows
from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

CORPUS = {
    "hamza": ("أحمد يلتقي إبراهيم في آمال", ""),
    "taa": ("افتتاح مدرسة في القرية", ""),
    "haa": ("مدرسه بلا معلمين", ""),
    "alef_maqsura": ("مستشفى المدينة يستقبل المرضى", ""),
    "harakat": ("مُحَمَّدٌ يَكْتُبُ رِوايَةً", ""),
    "plain_mohamed": ("محمد يفوز بالجائزة", ""),
    "kitab_waw": ("والكتاب الجديد في المعرض", ""),
    "kitab_ba": ("بالكتاب نبدأ العام الدراسي", ""),
    "kitab_plain": ("كتاب عن التاريخ", ""),
    "kitab_lil": ("للكتاب قراء كثيرون", ""),
    "digits_western": ("تقرير عام 2025 للاقتصاد", ""),
    "digits_arabic": ("موازنة عام ٢٠٢٦ تحت النقاش", ""),
    "phrase": ("البنك المركزي يرفع الفائدة", ""),
    "phrase_apart": ("المركزي للإحصاء والبنك الدولي", ""),
    "gold": ("الذهب يرتفع في الأسواق", ""),
    "gold_only": ("أسعار الذهب اليوم", ""),
    "cinema": ("مهرجان السينما العربية", ""),
    "hamza_waw": ("سؤال البرلمان للحكومة", ""),
    "hamza_ya": ("رئيس الوزراء يزور الجنوب", ""),
    "walad": ("ولد في القاهرة عام 1990", ""),
    "bayt": ("بيت العائلة القديم", ""),
    "lebanon": ("لبنان يستضيف القمة", ""),
    "tatweel": ("الأخبـــار العاجلة من الميدان", ""),
    "guillemets": ("قال: «الاقتصاد بخير»", ""),
    "summary_only": ("تقرير مطول", "يتناول ملف الطاقة الشمسية"),
    "body_only": ("حوار خاص", "<p>تحدث عن الزراعة المائية في الصحراء</p>"),
}


@pytest.fixture(scope="class")
def corpus(django_db_setup, django_db_blocker, tmp_path_factory):
    """The corpus, made once for the tests that search it (they only read it)."""
    with shared_rows(django_db_blocker, tmp_path_factory.mktemp("corpus")):
        yield make_corpus()


def make_corpus() -> dict:
    articles = {}
    for key, (title, extra) in CORPUS.items():
        fields = {"title_ar": title, "summary_ar": "", "body_ar": "<p>نص</p>"}
        if key == "summary_only":
            fields["summary_ar"] = extra
        if key == "body_only":
            fields["body_ar"] = extra
        articles[key] = ArticleFactory(**fields)
    ArticleFactory(draft=True, title_ar="مسودة سرية عن الذهب في مدرسة", body_ar="<p>الكتاب</p>")
    ArticleFactory(scheduled=True, title_ar="خبر مجدول عن مدرسة والذهب")
    ArticleFactory(archived=True, title_ar="خبر مؤرشف عن الذهب")
    ArticleFactory(title_ar="خبر مترجم عن الفضاء", title_en="Space mission launches")
    return articles


KITAB = {"kitab_waw", "kitab_ba", "kitab_plain", "kitab_lil"}
CASES = [
    ("احمد", {"hamza"}),
    ("أحمد", {"hamza"}),
    ("ابراهيم", {"hamza"}),
    ("امال", {"hamza"}),
    ("مدرسه", {"taa", "haa"}),
    ("مدرسة", {"taa", "haa"}),
    ("المدرسة", {"taa", "haa"}),
    ("مستشفي", {"alef_maqsura"}),
    ("مستشفى", {"alef_maqsura"}),
    ("محمد", {"harakat", "plain_mohamed"}),
    ("مُحمّد", {"harakat", "plain_mohamed"}),
    ("يكتب", {"harakat"}),
    ("كتاب", KITAB),
    ("الكتاب", KITAB),
    ("والكتاب", KITAB),
    ("٢٠٢٥", {"digits_western"}),
    ("2026", {"digits_arabic"}),
    ("۲۰۲۶", {"digits_arabic"}),
    ('"البنك المركزي"', {"phrase"}),
    ("«البنك المركزي»", {"phrase"}),
    ("البنك المركزي", {"phrase", "phrase_apart"}),
    ('"المركزي البنك"', set()),
    ("الذهب", {"gold", "gold_only"}),
    ("الذهب -الأسواق", {"gold_only"}),
    ("الذهب أو السينما", {"gold", "gold_only", "cinema"}),
    ("الذهب OR السينما", {"gold", "gold_only", "cinema"}),
    ("سوال", {"hamza_waw"}),
    ("سؤال", {"hamza_waw"}),
    ("رييس", {"hamza_ya"}),
    ("رئيس", {"hamza_ya"}),
    ("ولد", {"walad"}),
    ("بيت", {"bayt"}),
    ("لبنان", {"lebanon"}),
    ("الاخبار", {"tatweel"}),
    ("أخبار", {"tatweel"}),
    ("«الاقتصاد»", {"guillemets", "digits_western"}),
    ("الطاقة", {"summary_only"}),
    ("الزراعة", {"body_only"}),
    ("حوار الزراعة", {"body_only"}),
    ("مُحَمَّد الجائزة", {"plain_mohamed"}),
    ("مسودة سرية", set()),
    ("مجدول", set()),
    ("مؤرشف", set()),
    ("", set()),
    ("   ", set()),
    ("«»،.؟", set()),
    ("-الذهب", set()),
    ("\x00\x01\x1b[31m", set()),
    ("ذهب" * 400, set()),
    ('"غير مغلق', set()),
]


class TestCorpus:
    """Searches of one corpus, made once for them; the tests after it make their own."""

    @pytest.mark.parametrize(
        ("query", "expected"), CASES, ids=[q[:20] or "empty" for q, _ in CASES]
    )
    def test_search_finds_what_readers_type(self, corpus, query, expected):
        found = {m.article_id for m in find(parse_query(query), language="ar")}

        assert found == {corpus[key].pk for key in expected}

    def test_english_search_covers_english_translations_only(self, corpus):
        assert len(find(parse_query("space"), language="en")) == 1
        assert len(find(parse_query('"mission launches"'), language="en")) == 1
        assert find(parse_query("الذهب"), language="en") == []


def test_exact_title_match_outranks_a_body_mention(db):
    in_body = ArticleFactory(title_ar="أخبار متنوعة", body_ar="<p>ذكر عابر للبرلمان</p>")
    in_title = ArticleFactory(title_ar="البرلمان يناقش الموازنة", published_at=in_body.published_at)

    ranked = [m.article_id for m in find(parse_query("البرلمان"), language="ar")]

    assert ranked == [in_title.pk, in_body.pk]


def test_recent_article_outranks_an_equally_relevant_old_one(db):
    old = ArticleFactory(title_ar="قمة المناخ", published_at=timezone.now() - timedelta(days=400))
    new = ArticleFactory(title_ar="قمة المناخ", published_at=timezone.now() - timedelta(hours=2))

    assert [m.article_id for m in find(parse_query("المناخ"), language="ar")] == [new.pk, old.pk]


def test_search_follows_edits_deletes_and_the_workflow(db):
    article = ArticleFactory(title_ar="عنوان قديم")
    query = parse_query("جديد")
    assert find(query, language="ar") == []

    article.title_ar = "عنوان جديد"
    article.save()
    assert [m.article_id for m in find(query, language="ar")] == [article.pk]

    article.status = article.Status.ARCHIVED
    article.save(update_fields=["status"])
    assert find(query, language="ar") == []

    article.delete()
    assert find(parse_query("عنوان"), language="ar") == []


def test_a_scheduled_article_is_found_from_its_publication_time(db):
    article = ArticleFactory(scheduled=True, title_ar="افتتاح الجسر الجديد")
    query = parse_query("الجسر")
    assert find(query, language="ar") == []

    with time_machine.travel(article.published_at + timedelta(minutes=1)):
        assert [m.article_id for m in find(query, language="ar")] == [article.pk]


def test_publishing_and_unpublishing_through_the_workflow_move_search_along(db):
    editor = UserFactory(role="Editor")
    article = ArticleFactory(in_review=True, title_ar="تقرير الموازنة")
    query = parse_query("الموازنة")
    assert find(query, language="ar") == []

    article_publish(article=article, by=editor)
    assert [m.article_id for m in find(query, language="ar")] == [article.pk]

    article_return_to_draft(article=article, by=editor, note="أخطاء في الأرقام")
    assert find(query, language="ar") == []


def test_the_article_itself_decides_visibility_even_if_its_entry_says_otherwise(db):
    draft = ArticleFactory(draft=True, title_ar="مسودة عن الانتخابات")
    ArticleSearch.objects.filter(article=draft).update(published_at=timezone.now())

    assert find(parse_query("الانتخابات"), language="ar") == []


def test_section_filter_keeps_matches_of_that_section_only(db):
    sport, economy = SectionFactory(), SectionFactory()
    match = ArticleFactory(section=sport, title_ar="المنتخب يفوز بالكأس")
    ArticleFactory(section=economy, title_ar="المنتخب الاقتصادي يجتمع")

    found = find(parse_query("المنتخب"), language="ar", section_id=sport.pk)

    assert [m.article_id for m in found] == [match.pk]
