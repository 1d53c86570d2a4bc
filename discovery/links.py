"""The ``<link rel="alternate">`` entries that point browsers and feed readers at feeds."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from discovery.feed_formats import FORMATS


@dataclass(frozen=True)
class FeedLink:
    title: str
    rss: str
    atom: str
    json: str


def feed_links(scope: str = "", slug: str = "", name: str = "") -> list[FeedLink]:
    """Feeds for a page: the whole site's, then the page's own (``scope`` is
    ``"section"``, ``"tag"`` or ``"author"``, with the object's slug and name)."""
    links = [FeedLink(_("Latest news"), *(reverse(f"feeds:{fmt}") for fmt in FORMATS))]
    if scope:
        addresses = (reverse(f"feeds:{scope}-{fmt}", kwargs={"slug": slug}) for fmt in FORMATS)
        links.append(FeedLink(name, *addresses))
    return links
