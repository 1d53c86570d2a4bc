"""What an editor reads on an admin page, and which of it is English left untranslated.

What an editor reads is the page's text (outside scripts, styles and templates),
the labels of buttons, and the attributes a browser shows or reads out: ``title``
(the tooltip), ``placeholder`` and ``aria-label``. (Not ``alt``: Django writes
«True», «False» and «Search» there from its templates and template tags, with no
gettext to reach.) Text is cut at every Arabic letter; each piece holding Latin
letters must be one of these:

* content: a text the newsroom wrote, stored in a row of a model the admin edits
  (an English headline, a user name, a Latin tag; ``stored_texts``). Form values,
  ``<textarea>`` bodies (the rich-text editor's among them) and what the templates
  mark as user text (``<bdi>``, ``dir="auto"``) are not read at all;
* an address, an e-mail address, a file name or a time zone ("Africa/Cairo");
* a name that stays Latin in Arabic writing too (``JPEG``, ``HTML``…: ``LATIN_NAMES``);
* one of the few strings a third-party admin writes without gettext
  (``UNTRANSLATABLE``, each with where it comes from).

Anything else is an interface string left untranslated. The admin's scripts are
judged by the catalogue ``/admin/jsi18n/`` serves them (``script_strings``).
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import django_prose_editor
import lxml.html
import polib
from django.contrib import admin
from django.contrib.admin import __file__ as admin_package
from django.contrib.auth.models import Group
from django.db import models

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Addresses, e-mail addresses, file names and time zones ("Africa/Cairo", named in
# the note beside date fields) are written in Latin letters in Arabic too.
ADDRESS = re.compile(
    r"https?://\S+|\S+@\S+\.\w+|(?<!\w)/[\w./%-]*|[\w.-]+\.(?:jpe?g|png|webp|gif|xml|json)\b"
    r"|\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\b"
)
# Where a text is cut into the pieces judged one by one.
SEPARATORS = re.compile(r"[()\[\]{}|,،:;؛«»“”\"]+|\s[-–—]\s")
# Trimmed from both ends of a piece: spaces, direction marks, punctuation.
TRIMMED = " \t\r\n\xa0\u200e\u200f\u2066\u2067\u2068\u2069.!?؟'‘’…‹›<>·•*#%+=_&@-"
LATIN_NAMES = {
    # Formats and protocols, named so in Arabic writing too.
    "JPEG", "PNG", "WebP", "HTML", "URL", "RSS", "Atom", "JSON", "Feed", "IP", "HTTP",
    "GET", "POST", "LDAP",
    # Keys as printed on keyboards.
    "Control", "Command",
    # The public pages' language switch names each language in itself.
    "English",
}  # fmt: skip
# What a third-party admin writes in English without gettext, out of any catalogue's
# reach, each with where it comes from. None so far: anything else must be translated.
UNTRANSLATABLE: set[str] = set()
# Inside these nothing is read: code; text areas, whose text is content; and what
# templates mark as text of unknown direction, which is content (DESIGN.md: <bdi> and
# dir="auto" wrap user text; Django marks the values it shows the same way).
UNREAD = (
    "//script | //style | //template | //noscript | //comment() | //textarea"
    " | //bdi | //*[@dir='auto']"
)
ICONS = "//*[contains(concat(' ', normalize-space(@class), ' '), ' material-icons ')]"
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label")


@dataclass(frozen=True)
class Content:
    """The newsroom's stored texts, cut into pieces as page texts are."""

    texts: frozenset[str]
    joined: str  # the pieces one a line, to find a piece of several words inside one


def english_strings(html: str, content: Content) -> list[str]:
    """The interface strings on ``html`` with Latin letters that are not content,
    an address or a Latin name."""
    found = [
        piece
        for text in _shown_texts(html)
        for piece in latin_pieces(text)
        if not _may_be_latin(piece, content)
    ]
    return list(dict.fromkeys(found))


def latin_pieces(text: str) -> Iterator[str]:
    """The pieces of ``text`` between Arabic words, addresses and punctuation that hold
    Latin letters."""
    for piece in SEPARATORS.split(ADDRESS.sub(" ", ARABIC.sub(" ", text))):
        piece = " ".join(piece.split()).strip(TRIMMED)
        if LATIN.search(piece):
            yield piece


def _shown_texts(html: str) -> Iterator[str]:
    root = lxml.html.document_fromstring(html)
    for element in root.xpath(UNREAD):
        element.drop_tree()
    for icon in root.xpath(ICONS):
        icon.text = None  # the name of a glyph in an icon font, not a word anyone reads
    yield from root.itertext()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in SHOWN_ATTRIBUTES:
            if element.get(name):
                yield element.get(name)
        if element.tag == "input" and element.get("type") in ("submit", "button", "reset"):
            yield element.get("value", "")


def _may_be_latin(piece: str, content: Content) -> bool:
    """A Latin name, a text the newsroom stored, or (two words or more) part of one:
    a single word is content only when stored alone, so that an untranslated "Run"
    never passes for a word of an English headline."""
    if set(re.findall(r"\w+", piece)) <= LATIN_NAMES or piece in UNTRANSLATABLE:
        return True
    if piece in content.texts:
        return True
    return " " in piece and bool(re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", content.joined))


# Rows whose stored text is interface, not content: the role groups keep their English
# names (the contract) and are shown translated.
INTERFACE_MODELS = {Group}


def stored_texts() -> Content:
    """Every text the newsroom wrote that the database keeps: the text fields of each
    model the admin edits (choices excluded: their labels are interface), each row's
    name, and the full names of accounts."""
    texts: set[str] = set()
    for model in admin.site._registry:
        if model in INTERFACE_MODELS:
            continue
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.FileField))
            and not f.choices
        ]
        for row in model._default_manager.all():
            texts.add(str(row))
            texts.update(str(getattr(row, name) or "") for name in names)
            if hasattr(row, "get_full_name"):
                texts.add(row.get_full_name())
    # Cut as page texts are, so that a stored "Breaking: the vote" is found in pieces.
    pieces = {piece for text in texts for piece in latin_pieces(text)}
    return Content(frozenset(pieces), "\n".join(pieces))


# ---------------------------------------------------------------------------
# What the admin's scripts show
# ---------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def script_strings() -> set[str]:
    """Every message id the admin's scripts may show: Django's (its admin's source
    catalogue), and what django-prose-editor passes through gettext (read from its
    bundle, where gettext has a short name of the minifier's choosing)."""
    source = Path(admin_package).parent / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
    # As the catalogue keys them: "context\x04id" for an id with a context.
    ids = {"\x04".join(filter(None, [e.msgctxt, e.msgid])) for e in polib.pofile(source)}
    bundle = Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js"
    code = bundle.read_text()
    named = re.search(r"(\w+)=window\.gettext\|\|", code)
    assert named, "django-prose-editor no longer names gettext so: read its bundle again"
    ids |= set(re.findall(rf"\b{re.escape(named.group(1))}\(\"([^\"\\]+)\"\)", code))
    return ids


def served_catalogue(script: str) -> dict[str, str | list[str]]:
    """The catalogue ``/admin/jsi18n/`` hands the admin's scripts."""
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))


def untranslated(translation: str | list[str] | None) -> bool:
    """Whether a served translation is missing, or leaves English (beside placeholders)."""
    if translation is None:
        return True
    forms = [translation] if isinstance(translation, str) else translation
    return any(
        piece not in LATIN_NAMES
        for form in forms
        for piece in latin_pieces(PLACEHOLDER.sub(" ", form))
    )
