"""RSS 2.0 and Atom documents carrying what news readers expect beyond Django's defaults.

Django's generators write a summary, one author and enclosures. A news feed also
carries the full article (``content:encoded`` in RSS, ``<content>`` in Atom),
every author with the address of their page, and the lead image with its size
and caption (Media RSS). Items pass these as ``content``, ``authors`` (a list of
``(name, url)``) and ``image`` (a ``FeedImage`` or None).

Characters XML cannot carry are dropped from every text first (``XmlSafe``).
"""

import re
from dataclasses import dataclass, replace

from django.utils.encoding import iri_to_uri
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
# Characters XML 1.0 forbids. Text pasted from word processors can carry them, and
# one would stop every feed listing the article.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    """``value`` with characters XML cannot carry removed, inside lists and tuples too."""
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(part) for part in value)
    if isinstance(value, FeedImage):
        return replace(value, caption=xml_safe(value.caption), credit=xml_safe(value.credit))
    return value


class XmlSafe:
    """Clean every text given to a feed generator before it is written."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_safe(args), **{k: xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_safe(args), **{k: xml_safe(v) for k, v in kwargs.items()})


@dataclass(frozen=True)
class FeedImage:
    """An item's lead image: an absolute URL, its type, size in bytes and pixels, caption."""

    url: str
    mime_type: str
    length: int
    width: int
    height: int
    caption: str = ""
    credit: str = ""


class NewsRssFeed(XmlSafe, Rss201rev2Feed):
    """RSS 2.0 with the full body, every author and the lead image as Media RSS."""

    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DUBLIN_CORE_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for name, _url in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        image = item.get("image")
        if image:
            handler.startElement(
                "media:content",
                {
                    "url": iri_to_uri(image.url),
                    "type": image.mime_type,
                    "fileSize": str(image.length),
                    "medium": "image",
                    "width": str(image.width),
                    "height": str(image.height),
                },
            )
            if image.caption:
                handler.addQuickElement("media:description", image.caption)
            if image.credit:
                handler.addQuickElement("media:credit", image.credit)
            handler.endElement("media:content")


class NewsAtomFeed(XmlSafe, Atom1Feed):
    """Atom with the full body as HTML content and every author with their page."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for name, url in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", iri_to_uri(url))
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
