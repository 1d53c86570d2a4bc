"""Pieces of HTML that many pages share, kept like pages and purged by the same tags.

The ticker strip is the same on every page of a language, and rendering it
(two copies of a dozen linked items) costs a quarter of an article page. Kept
as a fragment, a page that is not in the page cache (a new address, or one
just purged) renders it once for everybody instead of once per page. A
fragment records what it shows and when it changes by itself, as a page does,
and hands both to the page it is part of, whether rendered or reused: the page
is purged when the fragment would be, and expires no later.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from pagecache import recorder, store, tags

logger = logging.getLogger(__name__)


@dataclass
class CachedFragment:
    html: str
    expires_at: float | None
    tag_versions: dict[str, int]


def cached_fragment(name: str, render: Callable[[], str]) -> SafeString:
    """The HTML ``render()`` gives for ``name`` in the active language, from the cache
    when nothing it shows changed. Only inside a page being recorded (a GET)."""
    if not settings.FRAGMENT_CACHE_ENABLED or not recorder.is_recording():
        return mark_safe(render())
    key = f"fragment:{name}:{get_language()}"
    try:
        fragment = store.lookup(key)
        started_at = store.purge_counter()
    except Exception:  # the cache server is down: render as if there were no cache
        logger.exception("The page cache does not answer; rendering the %s fragment", name)
        return mark_safe(render())
    if fragment is None:
        with recorder.recording() as record:
            html = render()
        expires_at = record.expires_at.timestamp() if record.expires_at else None
        fragment = CachedFragment(html, expires_at, {})
        if timeout := store.timeout_for(expires_at, time.time()):
            try:
                store.save(key, fragment, record.tags | {tags.ALL}, started_at=started_at,
                           timeout=timeout)  # fmt: skip
            except Exception:
                logger.exception("The page cache does not answer; %s not stored", name)
        shown = record.tags
    else:
        shown = fragment.tag_versions
    recorder.shows(*shown)
    if fragment.expires_at is not None:
        recorder.changes_at(datetime.fromtimestamp(fragment.expires_at, tz=UTC))
    return mark_safe(fragment.html)
