"""Arabic text analysis for search: one analyzer for indexed text and for queries.

Each word becomes a ``Token`` with two forms: its **exact** form (spelling
unified, glued prefixes removed) and its **light stems** (suffixes removed as
well). Search matches either and ranks exact matches first, so «الذهب» finds
«الذهبية» too but ranks the gold stories above the golden visa.

Spelling (``words``), compared with PostgreSQL's ``arabic`` snowball
configuration (which misses glued و+ال and does not unify ة/ه) and with
Lucene's ArabicNormalizer and ArabicStemmer (the "light10" family):

- Like Lucene: tashkeel (fathatan … sukun, the superscript alef) and tatweel
  are removed; أ إ آ ٱ become ا; ى becomes ي; ة becomes ه.
- Beyond Lucene: every hamza seat (ؤ ئ ء) becomes ء, so «مسؤول» meets «مسئول»
  and «العداؤون» meets «العداءون»; a final tanween alef goes («جديداً» →
  «جديد»); Arabic-Indic (٠-٩) and Persian (۰-۹) digits become 0-9; a decimal
  point between digits («٢٥٫٥», «25.5») keeps the number whole, and thousands
  separators («٢٬٥٠٠», "2,500") are dropped. A reader who writes the seat
  without its hamza («سوال») is met at query time, where ``hamza_alternatives``
  offers «سءال» when the archive knows it.
- Punctuation and symbols («» “” ، ؛ ؟ - …) separate words; Latin letters are
  case-folded.

Prefixes (``strip_prefixes``):

- The article and its glued forms (ال وال فال بال كال لل) go whenever two
  letters remain, as in Lucene: «والكتاب», «بالكتاب», «للكتاب» → «كتاب».
- A lone و or ف (and, so), optionally followed by a lone ب ك ل (with, like,
  for), is removed only when what remains (at least three letters) is a word
  the archive knows: a term already indexed (``articles.search_lexicon``) or
  the curated ``KNOWN_WORDS``, or a number («و١٠٠»). Letter counts alone cut names and nouns:
  «لبنان» is not ل+«بنان», «كتاب» is not ك+«تاب». Words that are themselves
  whole and whose remainder is also a word («والي», «وادي», «ورقة», «وعود»)
  are listed in ``WHOLE_WORDS`` and never cut.
- The trade-off: a word met glued to a prefix before it was ever met alone
  keeps its prefix until the archive is reindexed (``manage.py
  rebuild_search_index``); the curated list covers the places and names that
  news meets first in «لغزة», «بلندن». And a known remainder can still be a
  wrong cut; ``WHOLE_WORDS`` is where such cuts are fixed when found.
- Lone prefixes come before the article, never after it: «الوالي» is «والي»,
  not «إلى».

Suffixes (``light_stems``): the plural and dual endings (ات ون ين ان تان تين),
pronoun suffixes (ه ها هم هن هما كم نا) and a plain final alef are removed,
one after the other, while three letters remain. A written ة stays («العودة»
is not «العود», «مدرسة» not «مدرس»); the feminine plural and dual lead back to
it («حكومات», «حكومتان» → «حكومة»). The nisba (ي ية يين يون) is removed
only down to a place or people in ``NISBA_BASES``: «المصرية» is about Egypt,
but «الذهبية» (golden) is not gold and «الأهلية» (civil) is not the club
«الأهلي», so those keep their ending, and the masculine and feminine apart. A
pronoun after a ت gives a second stem with the ت read as ة («حكومته» →
«حكومت» and «حكومة»). Names whose ending only looks
like a suffix («لبنان», not «لبن») are listed in ``UNSTEMMED``.
"""

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass

from newsroom.arabic_words import KNOWN_WORDS, NISBA_BASES, UNSTEMMED, WHOLE_WORDS

# Harakat, tanween, shadda, sukun, superscript alef and the Quranic annotation marks.
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
# A final alef carrying fathatan, on either side of it («جديداً», «جديدًا»).
TANWEEN_ALEF = re.compile("(?:\u064b\u0627|\u0627\u064b)(?=[\u064b-\u065f]*(?:\\W|$))")
DECIMAL_POINT = re.compile(r"(?<=\d)[.\u066b](?=\d)")
THOUSANDS_SEPARATOR = re.compile(r"(?<=\d)[,\u066c](?=\d{3}(?!\d))")
TATWEEL = "\u0640"
HAMZA = "ء"
LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ة": "ه", "ؤ": HAMZA, "ئ": HAMZA,
        "\u066b": ".",  # the Arabic decimal separator
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)  # fmt: skip
# The article and its glued forms, longest first; each needs two letters left after it.
ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"
# Least letters a lone prefix may leave: «بيد» is not ب+«يد».
MIN_REMAINDER = 3
# Longest first, so «مصريين» loses «يين» and not only «ين».
SUFFIXES = (
    "هما", "كما", "تين", "تان", "يين", "يون",
    "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "يه", "ية",
    "ه", "ي", "ا",
)  # fmt: skip
TAA = "ة"
PRONOUNS = frozenset({"ه", "ها", "هم", "هن", "هما", "كم", "كما", "نا"})
NISBA = frozenset({"ي", "يه", "ية", "يين", "يون"})
MIN_STEM = 3
MAX_SUFFIXES = 3
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@dataclass(frozen=True)
class Token:
    """One word as search sees it."""

    exact: str  # spelling unified, prefixes removed
    stems: tuple[str, ...]  # light stems: one, or two when a ت may stand for ة
    original: str  # the word as written, without tashkeel or tatweel, prefixes removed


def words(text: str) -> list[str]:
    """The words of ``text`` with their spelling unified and nothing removed.

    Never raises on any string.
    """
    return [unified for _, unified in _written_and_unified(text)]


def analyze(text: str, known: Container[str] = frozenset()) -> list[Token]:
    """Every word of ``text`` as a ``Token``; ``known`` holds the words the archive knows."""
    tokens = []
    for written, word in _written_and_unified(text):
        exact = strip_prefixes(word, known)
        original = written[len(written) - len(exact) :] if len(written) >= len(exact) else exact
        marked = exact[:-1] + TAA if original.endswith(TAA) else exact
        tokens.append(Token(exact, light_stems(marked), original))
    return tokens


def normalize(text: str, known: Container[str] = frozenset()) -> str:
    """The exact forms of the words of ``text``, separated by single spaces.

    Never raises on any string; the result is at most three times as long as the
    NFKC form of the input (case folding turns «ß» into "ss").
    """
    return " ".join(strip_prefixes(word, known) for word in words(text))


def strip_prefixes(word: str, known: Container[str] = frozenset()) -> str:
    """``word`` (unified by ``words``) without its glued article and safe lone prefixes."""
    if word in WHOLE_WORDS:
        return word
    for remainder in lone_prefix_remainders(word):
        if remainder in WHOLE_WORDS or remainder in KNOWN_WORDS or remainder in known:
            return remainder
        if remainder.isdigit():  # «و١٠٠»: a number needs no introduction
            return remainder
    return _strip_article(word)


def lone_prefix_remainders(word: str) -> list[str]:
    """What a lone و/ف, then a lone ب/ك/ل, could leave of ``word``, in the order tried.

    ``strip_prefixes`` takes the first one the archive knows; the lexicon looks
    these up in one query for a whole text.
    """
    remainders = []
    rest = word
    if rest[:1] in CONJUNCTIONS and (len(rest) - 1 >= MIN_REMAINDER or rest[1:].isdigit()):
        rest = rest[1:]
        remainders.append(_strip_article(rest))
    if rest[:1] in PREPOSITIONS and len(rest) - 1 >= MIN_REMAINDER:
        remainders.append(_strip_article(rest[1:]))
    return [r for r in remainders if len(r) >= MIN_REMAINDER or r.isdigit()]


def light_stems(word: str) -> tuple[str, ...]:
    """The light stems of an exact form: suffixes removed while three letters remain.

    ``word`` may end in ة where the text wrote one (``analyze`` keeps it for this):
    a written ة is the word's own letter («العودة» is not «العود»), where a final
    ه may be a pronoun («كتابه») or a ة typed plainly, and gives both readings.
    """
    if not ARABIC_LETTER.search(word):
        return (word,)
    return tuple(dict.fromkeys(stem.replace(TAA, "ه") for stem in _stems(word, MAX_SUFFIXES)))


def _stems(word: str, depth: int) -> list[str]:
    if depth == 0 or word.replace(TAA, "ه") in UNSTEMMED:
        return [word]
    suffix = next(
        (s for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= MIN_STEM), None
    )
    if suffix is None:
        return [word]
    rest = word[: -len(suffix)]
    if suffix in NISBA and rest not in NISBA_BASES:
        # «الذهبية», «الأهلية»: a nisba of something else than a place is its own word.
        return _stems(rest + "ي", depth - 1) if suffix in {"يين", "يون"} else [word]
    if suffix in {"تان", "تين", "ات"}:
        # Duals and plurals of «حكومة»: «حكومتان», «حكومات» (and of «لقاح»: «لقاحات»).
        stems = _stems(rest + TAA, depth - 1)
        return stems + _stems(rest, depth - 1) if suffix == "ات" else stems
    stems = _stems(rest, depth - 1)
    if suffix == "ه":
        stems.append(word)  # «مدرسه» typed for «مدرسة»
    if suffix in PRONOUNS and rest.endswith("ت") and len(rest) > MIN_STEM:
        # «حكومته»: the ت is a ة under the pronoun.
        stems += _stems(rest[:-1] + TAA, depth - 1)
    return stems


def hamza_alternatives(word: str) -> list[str]:
    """``word`` with one و or ي read as a hamza seat: «سوال» → «سءال», «رييس» → «رءيس»."""
    return [
        word[:i] + HAMZA + word[i + 1 :]
        for i, letter in enumerate(word)
        if letter in "وي" and 0 < i < len(word) - 1
    ]


def _written_and_unified(text: str) -> list[tuple[str, str]]:
    # Compatibility forms, then case folding, then NFKC again so the folded text is
    # itself normalized (Unicode's NFKC_Casefold, as far as Python offers it).
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    text = TANWEEN_ALEF.sub("", text.replace(TATWEEL, ""))
    text = THOUSANDS_SEPARATOR.sub("", DECIMAL_POINT.sub(".", text))
    written = TASHKEEL.sub("", text)
    pairs = []
    for word in _split(written):
        pairs.append((word, word.translate(LETTERS)))
    return pairs


def _split(text: str) -> list[str]:
    # Letters, digits and combining marks make words, and so does a point between
    # digits (``DECIMAL_POINT`` has already turned ٫ into it); the rest separates.
    characters = []
    for i, ch in enumerate(text):
        if _is_word_character(ch) or (
            ch == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        ):
            characters.append(ch)
        else:
            characters.append(" ")
    return "".join(characters).split()


def _strip_article(word: str) -> str:
    while True:
        prefix = next(
            (p for p in ARTICLE_PREFIXES if word.startswith(p) and len(word) - len(p) >= 2), None
        )
        if prefix is None:
            return word
        word = word[len(prefix) :]


def _is_word_character(ch: str) -> bool:
    return unicodedata.category(ch)[0] in {"L", "N", "M"}
