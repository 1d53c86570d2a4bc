"""The one normalization applied to indexed text and to queries."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsroom.arabic import normalize

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
def test_normalizing_twice_changes_nothing(text):
    once = normalize(text)

    assert normalize(once) == once


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
        ("كِتَابًا", "كتابا"),
        ("الأخبـــار", "اخبار"),
        ("سؤال", "سوال"),
        ("رئيس", "رييس"),
        ("٢٠٢٥", "2025"),
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
