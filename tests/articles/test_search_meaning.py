"""Search finds what an Arabic reader means: stems beside exact forms, safe prefixes,
spelling variants, and never a dead end. Runs on SQLite and on PostgreSQL alike."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import ArticleSearch, SearchTerm, SpellingVariant
from articles.search import find, parse_query, search
from articles.search_suggestions import answer, edit_distance
from articles.services import article_return_to_draft
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, SpellingVariantFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(query: str, **filters) -> list[int]:
    return [match.article_id for match in find(parse_query(query), language="ar", **filters)]


def story(title: str, body: str = "نص الخبر.", **fields):
    return ArticleFactory(title_ar=title, summary_ar="", body_ar=f"<p>{body}</p>", **fields)


# ---- Light stems beside the exact form


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("الحكومة المصرية تعلن خطة", "مصر"),
        ("زلزال يضرب الأقاليم المغربية", "زلزال المغرب"),
        ("حملة اللقاحات تبدأ", "لقاح"),
        ("وصول لقاح جديد", "اللقاحات"),
        ("اجتماع الوزيرين في عمّان", "الوزير"),
        ("المعلمون يعودون إلى الصفوف", "المعلمين"),
        ("الحكومتان توقعان اتفاقا", "الحكومة"),
        ("رئيس الوزراء يزور حكومته المحلية", "حكومة"),
        ("اللبنانيون ينتظرون الكهرباء", "لبنان"),
    ],
)
def test_a_word_finds_its_plurals_duals_nisba_and_suffixed_forms(written, typed):
    article = story(written)

    assert found(typed) == [article.pk]


def test_exact_forms_rank_above_stem_only_matches_even_when_older():
    stem_only = story("الصادرات المصرية ترتفع")
    exact = story("مصر ترفع صادراتها", published_at=stem_only.published_at - timedelta(days=2))

    assert found("مصر") == [exact.pk, stem_only.pk]


@pytest.mark.parametrize(
    ("typed", "meant", "other"),
    [
        ("الذهب", "أسعار الذهب ترتفع", "الإقامة الذهبية للمستثمرين"),
        ("الأهلي", "الأهلي يفوز بالدوري", "الجامعات الأهلية تفتح أبوابها"),
        ("العود", "مهرجان العود في بغداد", "العودة إلى المدارس"),
    ],
)
def test_stems_never_bring_in_a_word_of_another_meaning(typed, meant, other):
    gold, golden = story(meant), story(other)

    assert found(typed) == [gold.pk]
    assert golden.pk not in found(typed)


def test_a_quoted_phrase_holds_to_the_exact_forms_in_order():
    phrase = story("البنك المركزي يرفع الفائدة")
    story("البنوك المركزية تجتمع")

    assert found('"البنك المركزي"') == [phrase.pk]


def test_excluding_a_word_excludes_its_forms_too():
    vaccines = story("حملة اللقاحات في المدارس")
    schools = story("المدارس تفتح أبوابها")

    assert found("المدارس -لقاح") == [schools.pk]
    assert vaccines.pk in found("المدارس")


# ---- Safe prefix rules


@pytest.mark.parametrize(
    ("written", "typed"),
    [("مساعدات لغزة تعبر المعبر", "غزة"), ("رحلات جديدة بلندن", "لندن"), ("دعم للبنان", "لبنان")],
)
def test_a_lone_prefix_goes_before_a_place_the_archive_knows(written, typed):
    article = story(written)

    assert found(typed) == [article.pk]


def test_a_lone_prefix_goes_once_the_archive_knows_the_word_alone():
    glued = story("تكريم لفلانستان")
    assert found("فلانستان") == []

    story("فلانستان تحتفل")  # now the archive knows the name
    assert sorted(found("لفلانستان")) == sorted(found("فلانستان"))
    assert SearchTerm.objects.filter(term="فلانستان").exists()

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert glued.pk in found("فلانستان")


@pytest.mark.parametrize(
    ("whole", "other"),
    [("الوالي يزور السوق", "سافر إلى القاهرة"), ("ورقة بحثية جديدة", "معارك حول الرقة")],
)
def test_whole_words_that_open_like_a_prefix_are_not_cut(whole, other):
    governor, elsewhere = story(whole), story(other)

    first_word = whole.split()[0]
    assert found(first_word) == [governor.pk]
    assert elsewhere.pk not in found(first_word)


# ---- Hamza seats, tanween, decimals


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("المسؤول يصرّح", "مسئول"),
        ("المسئول يصرّح", "مسؤول"),
        ("العداؤون يصلون", "العداءون"),
        ("سؤال في البرلمان", "سوال"),
        ("أعلنت الوزارة رسمياً", "رسمي"),
        ("التضخم يبلغ ٢٥٫٥ في المئة", "25.5"),
        ("التضخم يبلغ 25.5 في المئة", "٢٥٫٥"),
    ],
)
def test_hamza_seats_tanween_and_decimals_meet(written, typed):
    article = story(written)

    assert found(typed) == [article.pk]


def test_a_decimal_number_is_not_its_parts():
    story("التضخم يبلغ 25.5 في المئة")

    assert found("25") == [] and found("5") == []


# ---- The editors' spelling variants


def test_a_spelling_variant_finds_the_other_spellings():
    SpellingVariant.objects.filter(spellings__contains="ترامب").delete()
    trump, trmp = story("ترامب يلتقي وفدا"), story("ترمب يلقي خطابا")
    assert found("ترامب") == [trump.pk]

    SpellingVariantFactory(spellings="ترامب، ترمب")

    assert sorted(found("ترامب")) == sorted([trump.pk, trmp.pk])
    assert sorted(found("لترمب")) == sorted([trump.pk, trmp.pk])


def test_the_table_is_seeded_with_common_names():
    assert SpellingVariant.objects.count() >= 30
    assert SpellingVariant.objects.filter(spellings__contains="الكونجرس").exists()


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(role="Editor"))
    return client


def test_editors_keep_the_variants_in_the_admin(editor_client):
    add = reverse("admin:articles_spellingvariant_add")

    response = editor_client.post(add, {"spellings": "زيدان، زايدان"})

    assert response.status_code == 302
    assert SpellingVariant.objects.filter(spellings="زيدان، زايدان").exists()


@pytest.mark.parametrize(
    ("spellings", "error"),
    [
        ("زيدان", "أدخل كتابتين على الأقل."),
        ("زيدان، زين الدين", "«زين الدين» ليست كلمة واحدة."),
        ("أحمد، احمد", "البحث يقرأ هذه الكتابات كلمة واحدة أصلًا."),
        ("ترمب، ترامپ", "«ترمب» كتابة مسجلة من قبل ضمن «ترامب، ترمب»."),
    ],
)
def test_a_bad_variant_gets_a_clear_error_and_saves_nothing(editor_client, spellings, error):
    before = SpellingVariant.objects.count()

    response = editor_client.post(
        reverse("admin:articles_spellingvariant_add"), {"spellings": spellings}
    )

    assert response.status_code == 200
    assert error in response.context["adminform"].form.errors["spellings"]
    assert SpellingVariant.objects.count() == before


def test_reporters_cannot_change_the_variants(client):
    client.force_login(UserFactory(role="Reporter"))

    response = client.post(reverse("admin:articles_spellingvariant_add"), {"spellings": "أ، ب"})

    assert response.status_code == 403


# ---- Never a dead end


def test_function_words_go_when_every_word_together_finds_nothing():
    article = story("أسعار الذهب ترتفع")

    outcome = search(parse_query("ما هي أسعار الذهب"), language="ar")

    assert [m.article_id for m in outcome.matches] == [article.pk]
    assert outcome.dropped == ["ما", "هي"] and not outcome.partial


def test_articles_holding_all_words_but_one_are_marked_partial(client, site_chrome):
    article = story("زلزال قوي يضرب المغرب", "سقط عشرات الضحايا.")

    outcome = search(parse_query("زلزال المغرب تسونامي"), language="ar")
    page = client.get("/search/", {"q": "زلزال المغرب تسونامي"})

    assert [m.article_id for m in outcome.matches] == [article.pk] and outcome.partial
    assert page.context["hits"][0].missing == ["تسونامي"]
    assert "search__relaxed" in page.text and "<s><bdi>تسونامي</bdi></s>" in page.text


def test_a_single_unknown_word_is_not_relaxed_to_everything():
    story("خبر عن الطقس")

    assert search(parse_query("قزحية"), language="ar").matches == []


# ---- «هل تقصد»


def test_a_typing_slip_shows_the_results_of_the_known_word(client, site_chrome):
    article = story("فلسطين تستضيف المؤتمر")

    result = answer("فلسطسن", language="ar")
    page = client.get("/search/", {"q": "فلسطسن"})
    as_typed = client.get("/search/", {"q": "فلسطسن", "as_typed": "1"})

    assert result.corrected == "فلسطين"
    assert [m.article_id for m in result.outcome.matches] == [article.pk]
    assert [hit.article for hit in page.context["hits"]] == [article]
    assert "search__suggestion" in page.text and "as_typed=1" in page.text
    assert as_typed.context["hits"] == []


def test_a_slip_is_never_corrected_to_a_word_only_drafts_hold(client, site_chrome):
    ArticleFactory(draft=True, title_ar="مسودة عن قزحستان")

    assert answer("قزحستن", language="ar").corrected is None


def test_edit_distance_counts_one_slip_per_letter_and_half_for_a_close_one():
    assert edit_distance("مغرب", "مقرب") == 1
    assert edit_distance("فلسطسن", "فلسطين") == 0.5  # س and ي are neighbouring keys
    assert edit_distance("مغرب", "غمرب") == 1  # two neighbours swapped
    assert edit_distance("المغرن", "المغرب") == 0.5  # ن and ب differ by their dots
    assert edit_distance("لقاخ", "لقاح") == 0.5 < edit_distance("لقاخ", "لقاء")
    assert edit_distance("ترامب", "بريطانيا", limit=2) == 3


def test_of_equally_close_words_the_one_finding_most_wins(client, site_chrome):
    gold = {story("أسعار الذهب ترتفع"), story("أسعار الذهب تتراجع")}
    story("أسعار دهن العود")  # «دهن» is as close to «دهب», but finds less

    assert answer("اسعار الدهب", language="ar").corrected == "اسعار ذهب"
    page = client.get("/search/", {"q": "اسعار الدهب"})
    assert {hit.article for hit in page.context["hits"]} == gold


# ---- The index stays true


def test_the_index_follows_edits_restores_and_unpublishing(client):
    editor = UserFactory(role="Editor")
    client.force_login(editor)
    article = story("خبر أول")

    for title in ["الحكومات العربية تجتمع", "الوزراء العرب يجتمعون"]:
        article.refresh_from_db()  # the form carries the version it edits
        response = client.post(change_url(article), form_data(article, title_ar=title))
        assert response.status_code == 302
    assert found("حكومة") == [] and found("الوزراء") == [article.pk]

    old = Version.objects.get_for_object(article).last()
    article.refresh_from_db()
    restore = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    response = client.post(restore, form_data(article, title_ar="الحكومات العربية تجتمع"))
    assert response.status_code == 302
    assert found("حكومة") == [article.pk] and found("الوزراء") == []

    article.refresh_from_db()
    article_return_to_draft(article=article, by=editor, note="مراجعة")
    assert found("حكومة") == []


def test_every_entry_keeps_its_stems_beside_its_exact_forms():
    article = story("اللقاحات تصل", "وصلت اللقاحات إلى المستشفيات.")

    entry = ArticleSearch.objects.get(article=article, language="ar")

    assert entry.title == "لقاحات تصل"
    assert "لقاح" in entry.title_stems.split()
    assert "مستشفي" in entry.body_stems.split()


def test_a_stale_entry_is_never_shown_once_the_article_is_withdrawn():
    article = story("تقرير عن الطاقة", published_at=timezone.now() - timedelta(hours=1))
    ArticleSearch.objects.filter(article=article).update(published_at=timezone.now())
    article.status = article.Status.ARCHIVED
    article.save(update_fields=["status"])

    assert found("الطاقة") == []
