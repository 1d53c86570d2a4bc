"""The committed Arabic catalogue is complete and its compiled .mo matches it."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "ar" / "LC_MESSAGES"


def entries(catalogue) -> dict:
    return {(e.msgctxt, e.msgid): e.msgstr for e in catalogue if e.msgid}


# django: templates and Python; djangojs: the admin's scripts (served by /admin/jsi18n/).
DOMAINS = ["django", "djangojs"]


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_interface_string_has_an_arabic_translation(domain):
    po = polib.pofile(LOCALE / f"{domain}.po")

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert len(po.translated_entries()) > 20


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalogue_matches_the_source(domain):
    assert entries(polib.mofile(LOCALE / f"{domain}.mo")) == entries(
        polib.pofile(LOCALE / f"{domain}.po")
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
