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
    return cached_fragments([(name, render)])[0]


def cached_fragments(parts: list[tuple[str, Callable[[], str]]]) -> list[SafeString]:
    """Many fragments at once (the cards of a list): looked up together, only the
    missing ones rendered, and those stored together."""
    if not settings.FRAGMENT_CACHE_ENABLED or not recorder.is_recording():
        return [mark_safe(render()) for _name, render in parts]
    language = get_language()
    keys = [f"fragment:{name}:{language}" for name, _render in parts]
    try:
        found = store.lookup_many(keys)
        started_at = store.purge_counter()
    except Exception:  # the cache server is down: render as if there were no cache
        logger.exception("The page cache does not answer; rendering fragments")
        return [mark_safe(render()) for _name, render in parts]
    rendered = {}
    for key, (_name, render) in zip(keys, parts, strict=True):
        if key in found or key in rendered:
            continue
        with recorder.recording() as record:
            html = render()
        expires_at = record.expires_at.timestamp() if record.expires_at else None
        rendered[key] = (CachedFragment(html, expires_at, {}), record.tags | {tags.ALL})
    _store(rendered, started_at)
    fragments = {**found, **{key: fragment for key, (fragment, _tags) in rendered.items()}}
    for key in keys:
        fragment = fragments[key]
        recorder.shows(*(rendered[key][1] if key in rendered else fragment.tag_versions))
        if fragment.expires_at is not None:
            recorder.changes_at(datetime.fromtimestamp(fragment.expires_at, tz=UTC))
    return [mark_safe(fragments[key].html) for key in keys]


def _store(rendered: dict, started_at: int) -> None:
    now = time.time()
    by_timeout: dict[int, dict] = {}
    for key, (fragment, shown) in rendered.items():
        if timeout := store.timeout_for(fragment.expires_at, now):
            by_timeout.setdefault(timeout, {})[key] = (fragment, shown)
    try:
        for timeout, entries in by_timeout.items():
            store.save_many(entries, started_at=started_at, timeout=timeout)
    except Exception:
        logger.exception("The page cache does not answer; fragments not stored")
