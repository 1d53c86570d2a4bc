"""The ``<link rel="alternate">`` entries that point browsers and feed readers at feeds."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FeedLink:
    title: str
    rss: str
    atom: str


def feed_links(scope: str = "", slug: str = "", name: str = "") -> list[FeedLink]:
    """Feeds for a page: the whole site's, then the page's own (``scope`` is
    ``"section"``, ``"tag"`` or ``"author"``, with the object's slug and name)."""
    links = [FeedLink(_("Latest news"), reverse("feeds:rss"), reverse("feeds:atom"))]
    if scope:
        links.append(
            FeedLink(
                name,
                reverse(f"feeds:{scope}-rss", kwargs={"slug": slug}),
                reverse(f"feeds:{scope}-atom", kwargs={"slug": slug}),
            )
        )
    return links
