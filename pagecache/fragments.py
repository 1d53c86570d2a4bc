"""Pieces that many pages share, kept like pages and purged by the same tags.

The ticker strip is the same on every page of a language, and rendering it
(two copies of a dozen linked items) cost a quarter of an article page; an
article card looks the same on every list; the publication, masthead and
sections are read by every page. Kept here, a page that is not in the page
cache (a new address, or one just purged) renders or reads each once for
everybody. A piece records what it shows and when it changes by itself, as a
page does, and hands both to the page it is part of, whether computed or
reused: the page is purged when the piece would be, and expires no later.
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
class CachedPiece:
    value: object
    expires_at: float | None
    tag_versions: dict[str, int]
    checked_at: int = 0
    keep_until: float = 0.0


def cached_fragment(name: str, render: Callable[[], str]) -> SafeString:
    """The HTML ``render()`` gives for ``name`` in the active language, from the cache
    when nothing it shows changed. Only inside a page being recorded (a GET)."""
    return cached_fragments([(name, render)])[0]


def cached_fragments(parts: list[tuple[str, Callable[[], str]]]) -> list[SafeString]:
    """Many fragments at once (the cards of a list): looked up together, only the
    missing ones rendered, and those stored together."""
    language = get_language()
    named = [(f"fragment:{name}:{language}", render) for name, render in parts]
    return [mark_safe(html) for html in cached_values(named)]


def cached_value(name: str, compute: Callable[[], object], *, shown: bool = True):
    """What ``compute()`` returns (rows the page shows, a moment), kept like a fragment.

    With ``shown`` false the page is not filed under what the value read, nor
    bound by when it runs out: for a value that only helps the page decide its
    own bounds (its purges then only refresh the value).
    """
    return cached_values([(f"value:{name}", compute)], shown=shown)[0]


def cached_values(parts: list[tuple[str, Callable[[], object]]], *, shown: bool = True) -> list:
    if not settings.FRAGMENT_CACHE_ENABLED or not recorder.is_recording():
        return [_compute(compute, shown) for _key, compute in parts]
    keys = [key for key, _compute in parts]
    try:
        found = store.lookup_many(keys)
        started_at = store.purge_counter()
    except Exception:  # the cache server is down: compute as if there were no cache
        logger.exception("The page cache does not answer; computing %s", keys[0])
        return [_compute(compute, shown) for _key, compute in parts]
    computed = {}
    for key, compute in parts:
        if key in found or key in computed:
            continue
        with recorder.recording() as record:
            value = compute()
        expires_at = record.expires_at.timestamp() if record.expires_at else None
        computed[key] = (CachedPiece(value, expires_at, {}), record.tags | {tags.ALL})
    _store(computed, started_at)
    pieces = {**found, **{key: piece for key, (piece, _tags) in computed.items()}}
    if shown:
        for key in keys:
            piece = pieces[key]
            recorder.shows(*(computed[key][1] if key in computed else piece.tag_versions))
            if piece.expires_at is not None:
                recorder.changes_at(datetime.fromtimestamp(piece.expires_at, tz=UTC))
    return [pieces[key].value for key in keys]


def _compute(compute: Callable[[], object], shown: bool):
    """``compute()`` with nothing kept; what it reads tags the page only if ``shown``."""
    if shown:
        return compute()
    with recorder.recording():
        return compute()


def _store(computed: dict, started_at: int) -> None:
    now = time.time()
    by_timeout: dict[int, dict] = {}
    for key, (piece, shown) in computed.items():
        if timeout := store.timeout_for(piece.expires_at, now):
            by_timeout.setdefault(timeout, {})[key] = (piece, shown)
    try:
        for timeout, entries in by_timeout.items():
            store.save_many(entries, started_at=started_at, timeout=timeout)
    except Exception:
        logger.exception("The page cache does not answer; fragments not stored")
