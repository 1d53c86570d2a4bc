"""Purging a cache in front (Varnish, a CDN) by the same content tags as the page cache.

The backend is a class named by ``CDN_PURGE_BACKEND``, made with the endpoints
in ``CDN_PURGE_URLS`` and a timeout, with one method: ``purge(tags)``. The one
shipped here speaks to Varnish with the xkey module (``deploy/varnish/default.vcl``);
Fastly (``POST /service/<id>/purge`` with a ``Surrogate-Key`` header) or
Cloudflare (``purge_cache`` by tags) plug in as another class of the same shape.
A failed purge is logged, never raised: the edit is already committed, and
shared caches still expire on their own (``CDN_CACHE_SECONDS``).
"""

import logging
import urllib.error
import urllib.request
from collections.abc import Iterable
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class Purger(Protocol):
    def __init__(self, urls: list[str], timeout: float) -> None: ...

    def purge(self, tags: frozenset[str]) -> None: ...


class XkeyPurger:
    """Varnish with vmod-xkey: a ``PURGE`` request naming the tags in ``xkey-purge``."""

    def __init__(self, urls: list[str], timeout: float) -> None:
        self.urls, self.timeout = urls, timeout

    def purge(self, tags: frozenset[str]) -> None:
        header = " ".join(sorted(tags))
        for url in self.urls:
            request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": header})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
            except (urllib.error.URLError, OSError) as error:
                logger.error("Purging %s at %s failed: %s", header, url, error)


def purge(tags: Iterable[str]) -> None:
    """Purge ``tags`` from every configured endpoint (nothing when none is configured)."""
    tags = frozenset(tags)
    if not settings.CDN_PURGE_URLS or not tags:
        return
    backend = import_string(settings.CDN_PURGE_BACKEND)
    backend(urls=settings.CDN_PURGE_URLS, timeout=settings.CDN_PURGE_TIMEOUT).purge(tags)
