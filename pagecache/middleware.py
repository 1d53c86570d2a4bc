"""Serve public pages from the page cache, store them, and say how others may cache them.

It sits above the session, locale and authentication middleware, so a stored
page is served with no database query and no session read. A response is a
public page only when its view is marked with ``newsroom.http.public_cache``,
the request is an anonymous ``GET``/``HEAD`` and the response is a 200 or 301
that sets no cookie; everything else is sent ``private, no-store`` unless its
view said otherwise (the admin and previews already do).
"""

import gzip
import hashlib
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from pagecache import recorder, store, tags
from pagecache.store import CachedPage

logger = logging.getLogger(__name__)

STORED_STATUSES = {200, 301}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Headers the page cache sets itself on every response it gives.
OWN_HEADERS = {
    "cache-control",
    "content-encoding",
    "content-length",
    "etag",
    "expires",
    "last-modified",
    "vary",
}
PRIVATE = "private, no-store"
# Paths whose view gives no public page (health checks, the admin): which view a path
# reaches is fixed while the process runs, so after one request they skip the cache.
PRIVATE_PATHS_REMEMBERED = 10_000


@dataclass
class Fill:
    """One request's attempt to fill a missing page in the cache."""

    key: str
    # The purge number when the view started: a page is stored only if none of its
    # tags was purged since. None until the view is known to be a public page.
    started_at: int | None = None
    locked: bool = False


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.private_paths: dict[str, None] = {}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in {"GET", "HEAD"}:
            return _keep_private(self.get_response(request))
        request.page_cache_fill = None
        if _may_use_cache(request) and request.path not in self.private_paths:
            key = _key(request)
            try:
                page = store.lookup(key)
            except Exception:  # the cache server is down: pages are still rendered
                logger.exception("The page cache does not answer; rendering %s", request.path)
            else:
                if page is not None:
                    return _respond(request, page, "hit")
                request.page_cache_fill = Fill(key)
        fill = request.page_cache_fill
        try:
            with recorder.recording() as record:
                response = self.get_response(request)
            if getattr(response, "page_cache_outcome", None) == "hit":
                return response  # another request's render, waited for in process_view
            if not _is_public(request, response):
                if getattr(response, "is_public_page", False):
                    response["Cache-Control"] = PRIVATE  # a logged-in reader's copy
                return _keep_private(response)
            storing = fill is not None and fill.started_at is not None
            page = _page_from(response, record, gzipped=storing or _accepts_gzip(request))
            stored = storing and _store(fill, page, record)
            return _respond(request, page, "miss" if stored else "pass")
        finally:
            if fill is not None and fill.locked:
                try:
                    store.release_fill(fill.key)
                except Exception:  # it expires by itself in store.LOCK_SECONDS
                    logger.exception("The page cache does not answer; lock kept")

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        """Once the view is known to give a public page, start filling it, or wait
        for the request already filling it (only then: other views cost nothing more)."""
        fill = getattr(request, "page_cache_fill", None)
        if not getattr(view_func, "is_public_view", False):
            if len(self.private_paths) < PRIVATE_PATHS_REMEMBERED:
                self.private_paths[request.path] = None
            return None
        if fill is None:
            return None
        try:
            fill.started_at = store.purge_counter()
            fill.locked = store.acquire_fill(fill.key)
            # Another worker is rendering this page: wait for it rather than stampede.
            page = None if fill.locked else store.wait_for(fill.key)
        except Exception:
            logger.exception("The page cache does not answer; rendering %s", request.path)
            request.page_cache_fill = fill.started_at = None
            return None
        return None if page is None else _respond(request, page, "hit")


def _may_use_cache(request: HttpRequest) -> bool:
    # A session cookie means a reader who may be logged in: neither served nor stored.
    return settings.PAGE_CACHE_ENABLED and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _key(request: HttpRequest) -> str:
    """One key per address: scheme, host, path and query string (the language is in the path)."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return hashlib.sha256(address.encode()).hexdigest()


def _is_public(request: HttpRequest, response: HttpResponse) -> bool:
    if not getattr(response, "is_public_page", False):
        return False
    if response.status_code not in STORED_STATUSES or response.streaming or response.cookies:
        return False
    # A stale session cookie may still belong to an anonymous reader, who may share.
    has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    return not (has_session and request.user.is_authenticated)


def _keep_private(response: HttpResponse) -> HttpResponse:
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = PRIVATE
    return response


def _accepts_gzip(request: HttpRequest) -> bool:
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def _page_from(response: HttpResponse, record: recorder.PageRecord, *, gzipped: bool) -> CachedPage:
    body = response.content
    content_tags = " ".join(sorted(record.tags | {tags.ALL}))
    headers = [(name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS]
    headers += [("Surrogate-Key", content_tags), ("xkey", content_tags)]
    return CachedPage(
        status=response.status_code,
        headers=headers,
        body=gzip.compress(body, compresslevel=6, mtime=0) if gzipped else body,
        gzipped=gzipped,
        etag=f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"',
        rendered_at=time.time(),
        expires_at=record.expires_at.timestamp() if record.expires_at else None,
        tag_versions={},
    )


def _store(fill: Fill, page: CachedPage, record: recorder.PageRecord) -> bool:
    timeout = store.timeout_for(page.expires_at, page.rendered_at)
    if not timeout:
        return False
    try:
        return store.save(
            fill.key, page, record.tags | {tags.ALL}, started_at=fill.started_at, timeout=timeout
        )
    except Exception:
        logger.exception("The page cache does not answer; a page was not stored")
        return False


def _respond(request: HttpRequest, page: CachedPage, outcome: str) -> HttpResponse:
    """The response for ``page``: 304 when the reader's copy is current, else the page,
    gzipped for clients that accept it."""
    now = time.time()
    # A page is gzipped when stored or when this reader accepts it.
    gzipped = page.gzipped and _accepts_gzip(request)
    body = gzip.decompress(page.body) if page.gzipped and not gzipped else page.body
    if page.status == 301:
        response = HttpResponsePermanentRedirect(dict(page.headers)["Location"], content=body)
    else:
        response = HttpResponse(body, status=page.status)
    for name, value in page.headers:
        response[name] = value
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(body))
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = cache_control(page.expires_at, now)
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.rendered_at)
    response["X-Page-Cache"] = outcome
    response = get_conditional_response(
        request, etag=page.etag, last_modified=int(page.rendered_at), response=response
    )
    response.page_cache_outcome = outcome  # a 304 included
    return response


def cache_control(expires_at: float | None, now: float) -> str:
    """``Cache-Control`` for a public page that changes by itself at ``expires_at``.

    Browsers keep it ``PUBLIC_CACHE_SECONDS``, shared caches ``CDN_CACHE_SECONDS``
    (they are purged on change), neither past the moment it changes; a page so
    bounded is not served stale while it is fetched again.
    """
    browser, shared = settings.PUBLIC_CACHE_SECONDS, settings.CDN_CACHE_SECONDS
    directives = ["public"]
    remaining = None if expires_at is None else max(0, int(expires_at - now))
    bounded = remaining is not None and remaining < shared
    if bounded:
        browser, shared = min(browser, remaining), remaining
    directives += [f"max-age={browser}", f"s-maxage={shared}"]
    if not bounded:
        directives.append(f"stale-while-revalidate={settings.STALE_WHILE_REVALIDATE_SECONDS}")
    directives.append(f"stale-if-error={settings.STALE_IF_ERROR_SECONDS}")
    return ", ".join(directives)
