"""A WordPress post's text as an article body.

WordPress stores paragraphs as blank lines (its editor adds ``<p>`` only when
showing a post) and decorates text with shortcodes. Here blank lines become
paragraphs and single line breaks ``<br>``, as WordPress's ``wpautop`` would
show them; a shortcode gives way to what it wraps; inline images are handed
to a callback that brings them into the image library and says where they
are now. The article's own save then sanitizes the result.
"""

import re
from collections.abc import Callable

from lxml import html

# Block elements wpautop leaves unwrapped.
BLOCKS = r"(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|pre|hr|img)"
BLOCK_START = re.compile(rf"^\s*</?{BLOCKS}[\s>/]", re.IGNORECASE)
SHORTCODE = re.compile(r"\[/?[a-zA-Z_][\w-]*(?:\s[^\]]*)?\]")
BLANK_LINES = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> str:
    """``text`` with its blank-line paragraphs as ``<p>`` and line breaks as ``<br>``."""
    text = SHORTCODE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        return ""
    blocks = []
    for chunk in BLANK_LINES.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            blocks.append(chunk)
        else:
            blocks.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(blocks)


def with_images(body: str, bring: Callable[[str, str], str | None]) -> str:
    """``body`` with each ``<img>`` brought in by ``bring(src, alt)``, which gives its
    new address, or None to drop an image that cannot be brought."""
    if "<img" not in body:
        return body
    fragment = html.fragment_fromstring(body, create_parent="div")
    for image in fragment.iter("img"):
        new = bring(image.get("src", ""), image.get("alt", ""))
        if new is None:
            image.drop_tree()
        else:
            image.set("src", new)
            for attribute in ("srcset", "sizes", "class"):
                image.attrib.pop(attribute, None)
    inner = (fragment.text or "") + "".join(
        html.tostring(child, encoding="unicode") for child in fragment
    )
    return inner
