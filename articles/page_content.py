"""A public page's own part, kept apart from the site's chrome.

The ticker, the masthead and the section bar are on every page, so a change to
any of them purges every page in the page cache; that is when readers arrive
in numbers during breaking news. What a page shows of its own (an article with
its related stories, a list with its cards, and the metadata in its head) is
kept here as a rendered piece filed under what it read
(``pagecache.fragments``), so the page is rebuilt from it and the chrome
alone, and is read again only when something it shows changes.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from discovery.links import FeedLink
from discovery.page_meta import PageMeta
from pagecache.fragments import cached_value


@dataclass(frozen=True)
class PageContent:
    """What ``articles/page.html`` puts inside the chrome."""

    title: str
    description: str
    meta_html: SafeString
    body_html: SafeString
    feeds: list[FeedLink]


def content(
    *, title: str, description: str, meta: PageMeta | None, body: str, feeds: list[FeedLink]
) -> PageContent:
    """A page's content from its rendered body, with its metadata rendered for the head."""
    meta_html = render_to_string("components/page_meta.html", {"meta": meta}) if meta else ""
    return PageContent(title, description, mark_safe(meta_html), mark_safe(body), feeds)


def kept_content(request: HttpRequest, compute: Callable[[], PageContent]) -> PageContent:
    """The content ``compute()`` gives for this address, kept until what it shows changes.

    Its metadata holds absolute addresses, so the key has the scheme and host.
    """
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return cached_value(f"content:{get_language()}:{digest}", compute)


def render_page(request: HttpRequest, page: PageContent, **context) -> HttpResponse:
    """The whole page: ``page`` inside the masthead, ticker, sections and footer."""
    return render(request, "articles/page.html", {"page": page, "feeds": page.feeds, **context})
