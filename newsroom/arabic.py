"""Arabic text normalization for search: one function for indexed text and for queries.

Readers type Arabic inconsistently: with or without hamza and diacritics, ة or
ه at the end, ى or ي, Arabic-Indic or Western digits, and with the article and
conjunctions glued to words. ``normalize`` maps all of these to one form, and is
applied the same way to what is indexed and to what is searched.

Choices, compared with PostgreSQL's ``arabic`` snowball configuration (which
stems aggressively, yet misses glued و+ال and does not unify ة/ه) and with
Lucene's ArabicNormalizer and ArabicStemmer (the "light10" family):

- Like Lucene: tashkeel (fathatan … sukun, the superscript alef) and tatweel
  are removed; أ إ آ ٱ become ا; ى becomes ي; ة becomes ه.
- Beyond Lucene: ؤ becomes و and ئ becomes ي, the letter each hamza sits on,
  so a reader who leaves the hamza out still finds the word («سؤال» / «سوال»,
  «رئيس» / «رييس»); a standalone ء is kept. Arabic-Indic (٠-٩) and Persian
  (۰-۹) digits become 0-9, so «٢٠٢٥» finds «2025».
- Punctuation and symbols («» “” ، ؛ ؟ . - …) separate words; Latin letters are
  case-folded.
- Prefixes, as Lucene's light stemmer: the article and its glued forms
  (ال وال بال كال فال لل) when two letters remain, and a lone و when three
  remain, so «والكتاب», «بالكتاب» and «للكتاب» all become «كتاب» while «ولد»
  stays. A lone ب ك ف ل is not removed: it would cut names («لبنان»,
  «بغداد», «فلسطين») and turn «كتاب» into «تاب». Suffixes are left alone; the
  search ranks exact words well enough without them.

Stripping repeats until nothing more applies, so normalizing twice gives the
same result as once.
"""

import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef and the Quranic annotation marks.
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
TATWEEL = "\u0640"
LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)  # fmt: skip
# The article and its glued forms, longest first; each needs two letters left after it.
ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
CONJUNCTION = "و"


def normalize(text: str) -> str:
    """Return ``text`` as space-separated search words (see the module's notes).

    Never raises on any string; the result is at most three times as long as the
    NFKC form of the input (case folding turns «ß» into "ss"), and
    ``normalize(normalize(t)) == normalize(t)``.
    """
    # Compatibility forms, then case folding, then NFKC again so the folded text is
    # itself normalized (Unicode's NFKC_Casefold, as far as Python offers it).
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    text = TASHKEEL.sub("", text.replace(TATWEEL, "")).translate(LETTERS)
    words = "".join(ch if _is_word_character(ch) else " " for ch in text).split()
    return " ".join(stem(word) for word in words)


def stem(word: str) -> str:
    """Remove glued article and conjunction prefixes from one normalized word."""
    while True:
        shorter = _strip_once(word)
        if shorter == word:
            return word
        word = shorter


def _strip_once(word: str) -> str:
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    if word.startswith(CONJUNCTION) and len(word) - 1 >= 3:
        return word[1:]
    return word


def _is_word_character(ch: str) -> bool:
    # Letters, digits and combining marks make words; everything else separates them.
    return unicodedata.category(ch)[0] in {"L", "N", "M"}
