"""The one analyzer applied to indexed text and to queries (``newsroom.arabic``)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsroom.arabic import (
    analyze,
    hamza_alternatives,
    light_stems,
    normalize,
    strip_prefixes,
    words,
)
from newsroom.arabic_words import FUNCTION_WORDS, KNOWN_WORDS, UNSTEMMED, WHOLE_WORDS

ARABIC = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(" «»“”،؛؟.-0123456789abcXYZ\u0640\u200f\n\t"),
    ),
    max_size=200,
)
ANY_TEXT = st.one_of(ARABIC, st.text(max_size=200))


@given(ANY_TEXT)
def test_every_word_has_stems_no_shorter_than_three_letters_cut_from_its_end(text):
    for token in analyze(text):
        assert token.stems and token.exact
        for stem in token.stems:
            assert stem == token.exact or len(stem) >= 3
            assert token.exact.startswith(stem[:-1])


@given(ANY_TEXT)
def test_never_raises_and_grows_at_most_threefold_past_the_nfkc_form(text):
    result = normalize(text)

    assert isinstance(result, str)
    assert len(result) <= 3 * len(unicodedata.normalize("NFKC", text))


def test_case_folding_is_the_only_growth():
    assert normalize("Straße") == normalize("STRASSE") == "strasse"


@given(ANY_TEXT)
def test_output_is_words_separated_by_single_spaces(text):
    result = normalize(text)

    assert result == " ".join(result.split())
    assert not any(ch in result for ch in "«»“”،؛؟\u0640")


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمال", "امال"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("مُحَمَّدٌ", "محمد"),
        ("كِتَابًا", "كتاب"),
        ("جديداً", "جديد"),
        ("رسمياً", "رسمي"),
        ("الأخبـــار", "اخبار"),
        ("مسؤول", "مسئول"),
        ("العداؤون", "العداءون"),
        ("سؤال", "سءال"),
        ("٢٠٢٥", "2025"),
        ("٢٥٫٥", "25.5"),
        ("٢٬٥٠٠", "2500"),
        ("2,500", "2500"),
        ("۲۰۲۵", "2025"),
        ("«الاقتصاد»", "اقتصاد"),
        ("والكتاب", "كتاب"),
        ("بالكتاب", "كتاب"),
        ("للكتاب", "كتاب"),
        ("فالكتاب", "كتاب"),
        ("كالكتاب", "كتاب"),
        ("وكتاب", "كتاب"),
        ("ولد", "ولد"),
        ("بيت", "بيت"),
        ("لبنان", "لبنان"),
        ("للبنان", "لبنان"),
        ("لغزة", "غزة"),
        ("بلندن", "لندن"),
        ("وبالمدينة", "مدينة"),
        ("بغداد", "بغداد"),
        ("الى", "الي"),
        ("iPhone", "iphone"),
    ],
)
def test_variants_readers_type_meet_the_written_form(written, searched):
    assert normalize(written) == normalize(searched)


def test_a_headline_becomes_search_words():
    headline = "«مقتل 5» بدير الزور.. والشيباني يُعرِب عن قلقه، و١٠٠ يوم"

    # "و١٠٠" is "and 100": the conjunction goes, the number stays.
    assert normalize(headline) == "مقتل 5 بدير زور شيباني يعرب عن قلقه 100 يوم"


@pytest.mark.parametrize("text", ["", "   ", "«»،.", "\x00\x01\x7f", "ـــ", "\u064b\u064c"])
def test_empty_punctuation_and_control_text_give_no_words(text):
    assert normalize(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25.5", ["25.5"]),
        ("٢٥٫٥٪", ["25.5"]),
        ("نما 3.2 في المئة.", ["نما", "3.2", "في", "المءه"]),
        ("عام 2025.", ["عام", "2025"]),
        ("1.2.3", ["1.2.3"]),
        ("ص.ب", ["ص", "ب"]),
    ],
)
def test_a_decimal_number_stays_one_word_and_other_points_separate(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "word", ["والي", "وادي", "ورقة", "وعود", "لبنان", "بغداد", "كتاب", "ولد", "بيت", "فلسطين"]
)
def test_a_word_that_only_seems_to_open_with_a_prefix_keeps_its_letters(word):
    # Even when the archive knows what the cut would leave («إلى», «الرقة», «عود», «تاب»).
    known = {"الي", "رقه", "عود", "تاب", "بنان", "ادي", "لد", "يت", "غداد", "لسطين"}

    assert normalize(word, known) == normalize(word).replace("ة", "ه")
    assert len(normalize(word, known)) == len(word)


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("لفلان", set(), "لفلان"),  # never by letter count alone
        ("لفلان", {"فلان"}, "فلان"),  # the archive knows the name
        ("وفلان", {"فلان"}, "فلان"),
        ("وبفلان", {"فلان"}, "فلان"),  # و then ب
        ("بوفلان", {"فلان"}, "بوفلان"),  # never ب then و
        ("الوالي", {"الي"}, "والي"),  # a lone prefix never follows the article
        ("الوعود", {"عود"}, "وعود"),
        ("بيد", {"يد"}, "بيد"),  # too short a remainder
        ("للكتاب", set(), "كتاب"),  # the glued article goes as before
    ],
)
def test_a_lone_prefix_goes_only_before_a_known_word(word, known, expected):
    assert strip_prefixes(words(word)[0], known) == expected


def test_a_text_teaches_the_words_it_uses_alone_through_the_lexicon_caller():
    # analyze() itself knows only what it is told; articles.search_lexicon adds the
    # text's own words (tested there), the index's terms and the curated list.
    assert normalize("لفلان") == "لفلان"
    assert normalize("لفلان", {"فلان"}) == "فلان"


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["مصر", "المصري", "المصرية", "المصريين", "المصريون"], "مصر"),
        (["المغرب", "المغربي", "المغربية"], "مغرب"),
        (["لقاح", "اللقاحات"], "لقاح"),
        (["الذهبية", "ذهبية", "الذهبيه"], "ذهبيه"),
        (["وزير", "الوزيران", "الوزيرين"], "وزير"),
        (["حكومة", "حكومته", "حكومتها", "الحكومتان", "الحكومات"], "حكومه"),
        (["رئيس", "رئيسها", "رئيسهم"], "رءيس"),
        (["العداؤون", "العداءون", "عداء"], "عداء"),
        (["لبنان", "اللبناني", "اللبنانيين"], "لبنان"),
    ],
)
def test_light_stems_meet_plurals_duals_nisba_and_pronoun_suffixes(forms, stem):
    for form in forms:
        assert stem in analyze(form)[0].stems, form


@pytest.mark.parametrize(("word", "other"), [("لبنان", "لبن"), ("غزة", "غز"), ("سودان", "سود")])
def test_names_that_only_look_suffixed_keep_their_stem(word, other):
    assert other not in analyze(word)[0].stems


def test_exact_forms_keep_apart_what_stems_bring_together():
    egypt, egyptian = analyze("مصر المصرية")

    assert egypt.exact != egyptian.exact
    assert set(egypt.stems) & set(egyptian.stems)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("الذهب", "الذهبية"),  # gold, golden
        ("الأهلي", "الأهلية"),  # the club, civil
        ("العود", "العودة"),  # the oud, the return
        ("المدرس", "المدرسة"),  # the teacher, the school
        ("الدولي", "الدول"),  # international, the countries
    ],
)
def test_stems_keep_apart_words_of_other_meanings(one, other):
    assert not set(analyze(one)[0].stems) & set(analyze(other)[0].stems)


def test_a_plainly_typed_final_ha_reads_both_as_taa_marbuta_and_as_a_pronoun():
    typed = analyze("مدرسه")[0]

    assert set(analyze("المدرسة")[0].stems) <= set(typed.stems)  # the school
    assert set(analyze("كتابه")[0].stems) >= {"كتاب"}  # his book


def test_english_words_are_not_stemmed():
    assert light_stems("markets") == ("markets",)


@pytest.mark.parametrize(
    ("typed", "alternative"), [("سوال", "سءال"), ("رييس", "رءيس"), ("مسوول", "مسءول")]
)
def test_a_seat_typed_without_its_hamza_has_the_hamza_reading_as_alternative(typed, alternative):
    assert alternative in hamza_alternatives(typed)


@pytest.mark.parametrize(
    "entries",
    [KNOWN_WORDS, WHOLE_WORDS, UNSTEMMED, FUNCTION_WORDS],
    ids=["known", "whole", "unstemmed", "function"],
)
def test_the_word_lists_are_spelled_as_the_analyzer_spells(entries):
    for entry in entries:
        assert words(entry) == [entry], entry
