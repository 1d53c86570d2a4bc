"""The committed Arabic catalogue is complete and its compiled .mo matches it."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "ar" / "LC_MESSAGES"


def entries(catalogue) -> dict:
    return {(e.msgctxt, e.msgid): e.msgstr for e in catalogue if e.msgid}


def test_every_interface_string_has_an_arabic_translation():
    po = polib.pofile(LOCALE / "django.po")

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert len(po.translated_entries()) > 50


def test_compiled_catalogue_matches_the_source():
    assert entries(polib.mofile(LOCALE / "django.mo")) == entries(
        polib.pofile(LOCALE / "django.po")
    )


@pytest.mark.parametrize(
    ("english", "arabic"),
    [
        ("Related topics", "موضوعات متعلقة"),
        ("Breaking", "عاجل"),
        ("Page not found", "الصفحة غير موجودة"),
    ],
)
def test_interface_strings_are_arabic_by_default(english, arabic):
    with translation.override("ar"):
        assert translation.gettext(english) == arabic
