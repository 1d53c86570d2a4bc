"""Tags as editors type them: «غزة، القدس، الضفة».

taggit reads a list of tags as names separated by commas, a name in double
quotes kept whole (spaces and commas included), and, when there is neither
comma nor quote, names separated by spaces. An Arabic keyboard types the Arabic
comma «،», which taggit took for a letter: «غزة، القدس» became the tags «غزة،»
and «القدس». Here «،» separates names as «,» does; the rest is taggit's reading,
so quotes keep working. ``TAGGIT_TAGS_FROM_STRING`` and ``TAGGIT_STRING_FROM_TAGS``
point taggit's form field and widget here.
"""

import re
from collections.abc import Iterable

from taggit.utils import _parse_tags

from newsroom.languages import original_text

ARABIC_COMMA = "،"
SEPARATORS = re.compile(f"[,{ARABIC_COMMA}]")
# How the field shows a list: the way Arabic text separates items.
JOINER = f"{ARABIC_COMMA} "


def parse_tags(text: str) -> list[str]:
    """The tag names in ``text``, sorted, each once: «غزة، القدس» gives «القدس», «غزة».

    «،» and «,» separate names; double quotes keep a name whole, separators and
    spaces included («"الشرق الأوسط"، غزة»). Without a separator or a quote, spaces
    separate names, as in taggit.
    """
    if not text:
        return []
    # Between quotes a comma is part of the name: only the text outside them changes.
    # taggit reads the text after an unmatched quote as unquoted, so it changes too.
    pieces = text.split('"')
    unquoted = set(range(0, len(pieces), 2)) | {len(pieces) - 1}
    for index in unquoted:
        pieces[index] = pieces[index].replace(ARABIC_COMMA, ",")
    return _parse_tags('"'.join(pieces))


def join_tags(tags: Iterable) -> str:
    """Tags as the field shows them, «، » between names: what ``parse_tags`` reads back.

    A name is shown in Arabic whatever language the admin speaks (the Arabic name is
    the tag), and quoted when it holds a space or a separator.
    """
    names = [original_text(tag, "name") for tag in tags]
    return JOINER.join(
        f'"{name}"' if " " in name or SEPARATORS.search(name) else name for name in sorted(names)
    )


def split_names(text: str) -> list[str]:
    """The names in a text holding one or several, split at «،» and «,» only.

    For names that arrive one by one (a WordPress term): a space is part of a name
    there, and a quote is a character like another.
    """
    return [name for name in (part.strip() for part in SEPARATORS.split(text)) if name]
