"""The allow-list that rich text (article bodies, live updates, policy pages) is cleaned
to before it is stored."""

import re
from html import unescape
from urllib.parse import unquote

import nh3
from django.conf import settings
from django.utils.html import strip_tags
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "a",
    "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "*": {"dir", "lang"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_body(html: str) -> str:
    """Return ``html`` reduced to the tags and attributes an article body may use.

    Scripts, styles, event handlers and unsafe URL schemes are removed, and
    every link gets ``rel="noopener noreferrer"``.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_own_images_only,
    )


def _own_images_only(tag: str, attribute: str, value: str) -> str | None:
    """Keep an image's address only when it points at our own media library.

    A body must not load pictures from other sites: they would track readers and
    could change after publication.
    """
    if tag == "img" and attribute == "src":
        media = "/" + settings.MEDIA_URL.lstrip("/")
        # Decoded first: browsers resolve %2e%2e as "..", out of the media folder.
        path = unquote(value)
        return value if path.startswith(media) and ".." not in path and "\\" not in path else None
    return value


BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figcaption)>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """Body HTML as the words a reader sees, one block a line.

    Entities are decoded once (``&amp;`` is "&", ``&nbsp;`` a space), so search
    indexes and snippets hold the text, not its markup; callers escape it again
    wherever it goes back into HTML.
    """
    return unescape(strip_tags(BLOCK_END.sub("\n", html or ""))).strip()


def sanitize_translations(instance, field: str = "body") -> None:
    """Clean ``instance``'s rich-text ``field`` in every language, before it is saved."""
    for code in AVAILABLE_LANGUAGES:
        name = build_localized_fieldname(field, code)
        setattr(instance, name, sanitize_body(getattr(instance, name) or ""))
