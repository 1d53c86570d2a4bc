"""RSS 2.0, Atom and JSON Feed documents carrying what news readers expect beyond
Django's defaults.

Django's generators write a summary, one author and enclosures. A news feed also
carries the full article (``content:encoded`` in RSS, ``<content>`` in Atom),
every author with the address of their page, and the lead image with its size
and caption (Media RSS). Items pass these as ``content``, ``authors`` (a list of
``(name, url)``) and ``image`` (a ``FeedImage`` or None).

Characters XML cannot carry are dropped from every text first (``XmlSafe``).
"""

import json
import re
from dataclasses import dataclass, replace

from django.utils.encoding import iri_to_uri
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import strip_tags

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


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) from the same items as RSS
    and Atom: the full body as ``content_html``, the summary, every author with their
    page, the lead image, the section and tags."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding) -> None:
        feed = self.feed
        document = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": iri_to_uri(feed["link"]),
            "feed_url": iri_to_uri(feed["feed_url"]),
            "description": feed["description"],
            "language": feed["language"],
            "authors": [{"name": feed["author_name"], "url": iri_to_uri(feed["author_link"])}],
            "items": [self.item(item) for item in self.items],
        }
        outfile.write(json.dumps(_without_empty(document), ensure_ascii=False).encode(encoding))

    def item(self, item: dict) -> dict:
        image = item.get("image")
        return _without_empty(
            {
                "id": item["unique_id"],
                "url": iri_to_uri(item["link"]),
                "title": item["title"],
                "content_html": item.get("content") or item["description"],
                "summary": strip_tags(item["description"]) if item.get("content") else "",
                "image": iri_to_uri(image.url) if image else "",
                "date_published": item["pubdate"].isoformat() if item["pubdate"] else "",
                "date_modified": item["updateddate"].isoformat() if item["updateddate"] else "",
                "authors": [
                    {"name": name, "url": iri_to_uri(url)} for name, url in item.get("authors", ())
                ],
                "tags": list(item["categories"] or ()),
            }
        )


def _without_empty(values: dict) -> dict:
    # JSON Feed leaves out what is unknown rather than giving it empty.
    return {key: value for key, value in values.items() if value not in ("", [], None)}


# The formats every feed is offered in, by the name in its address.
FORMATS = {"rss": NewsRssFeed, "atom": NewsAtomFeed, "json": JsonFeed}
