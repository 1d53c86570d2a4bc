"""Pages (and shared fragments of pages) in Django's cache, filed by tag.

Redis in production, local memory otherwise.

Purging uses tag versions rather than lists of pages: each tag has a version
in the cache, the number of the last purge that named it, and each stored page
keeps the versions of its tags as they were when it was rendered. A purge
only writes new versions (one round trip, however many pages carry the tag);
a page whose tags no longer have the versions it kept is a miss. This needs
nothing but ``get_many``/``set_many``/``add``/``incr``, so it works the same on
every cache backend.

A purge that lands while a page renders must not let the page be stored with
what it read before: purges are numbered from one counter, each render notes
the counter when it starts, and a page whose tags were purged after that is
served but not stored.

The counter also spares most hits the tag check: an entry remembers the purge
number as of which its tags were last found current, and while no purge at
all has happened since, it is current without asking for its tags' versions.
"""

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

from pagecache import nearby

logger = logging.getLogger(__name__)

COUNTER_KEY = "purges"
# How long one render holds the right to fill a missing page, and how long the
# others wait for it before rendering themselves (a stuck worker must not stall all).
LOCK_SECONDS = 10
WAIT_SECONDS = 3.0
WAIT_STEP = 0.02


@dataclass
class CachedPage:
    """A rendered public page as kept in the cache."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    # Stored pages are kept gzipped (smaller in the cache, ready for most readers).
    gzipped: bool
    etag: str
    rendered_at: float
    # The moment the page would change by itself (epoch seconds), or None.
    expires_at: float | None
    tag_versions: dict[str, int]
    # Set by save_many(): see the module's docstring, and when the cache lets it go.
    checked_at: int = 0
    keep_until: float = 0.0


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _version_seconds() -> int:
    # A tag version must outlive the pages filed under it (a lost version only makes
    # them misses); bounded, so versions of long-gone rows do not pile up forever.
    return max(2 * settings.PAGE_CACHE_SECONDS, 60 * 60 * 24)


def _tag_key(tag: str) -> str:
    return f"tag:{tag}"


def _entry_key(key: str) -> str:
    return f"entry:{key}"


def _lock_key(key: str) -> str:
    return f"lock:{key}"


def purge_counter() -> int:
    """The number of the latest purge; read when a render starts."""
    cache = _cache()
    counter = cache.get(COUNTER_KEY)
    if counter is None:
        # Started from the clock, so a counter lost with the cache (a Redis restart,
        # local memory culling) starts above every version written before.
        cache.add(COUNTER_KEY, time.time_ns() // 1000, timeout=None)
        counter = cache.get(COUNTER_KEY)
    return counter


def timeout_for(expires_at: float | None, now: float) -> int:
    """Seconds to keep an entry rendered at ``now`` that changes by itself at
    ``expires_at``: ``PAGE_CACHE_SECONDS``, never past that moment (0: do not keep)."""
    timeout = settings.PAGE_CACHE_SECONDS
    if expires_at is not None:
        timeout = min(timeout, int(expires_at - now))
    return max(timeout, 0)


def lookup(key: str):
    """The stored entry (a ``CachedPage`` or a fragment) for ``key``, if none of its
    tags was purged since it was stored and it has not run out."""
    return lookup_many([key]).get(key)


def lookup_many(keys: list[str]) -> dict:
    """The entries of ``keys`` still current, in two round trips whatever their number
    (none while this process holds them all and no purge was announced since)."""
    cache = _cache()
    copy = nearby.nearby(cache, purge_counter)
    if copy is not None and (held := copy.current(keys)) is not None:
        return held
    stored = cache.get_many([COUNTER_KEY, *(_entry_key(key) for key in keys)])
    counter = stored.get(COUNTER_KEY)
    # The cache's own expiry is in whole seconds (and follows the server's clock): the
    # moment an entry changes by itself is checked here too.
    now = time.time()
    entries = {
        key: entry
        for key in keys
        if (entry := stored.get(_entry_key(key))) is not None
        and (entry.expires_at is None or entry.expires_at > now)
    }
    current = {key: e for key, e in entries.items() if counter and e.checked_at == counter}
    to_check = {key: e for key, e in entries.items() if key not in current}
    tag_keys = {_tag_key(tag) for entry in to_check.values() for tag in entry.tag_versions}
    versions = cache.get_many(list(tag_keys)) if tag_keys else {}
    for key, entry in to_check.items():
        if all(versions.get(_tag_key(tag)) == v for tag, v in entry.tag_versions.items()):
            current[key] = entry
            if counter and (timeout := int(entry.keep_until - now)) > 0:
                # Current as of this purge number: the next hits need not ask again.
                entry.checked_at = counter
                cache.set(_entry_key(key), entry, timeout=timeout)
    if copy is not None and counter:
        copy.keep(current, counter)
    return current


def save(key: str, entry, tags: Iterable[str], *, started_at: int, timeout: int) -> bool:
    """Store an entry rendered since purge number ``started_at``, filed under ``tags``.

    Returns False, storing nothing, when one of its tags was purged during the
    render (what it read may be older than the purge).
    """
    return bool(save_many({key: (entry, set(tags))}, started_at=started_at, timeout=timeout))


def save_many(entries: dict, *, started_at: int, timeout: int) -> list[str]:
    """Store entries ``{key: (entry, tags)}`` rendered since purge number ``started_at``;
    returns the keys stored (none of whose tags was purged during the render)."""
    cache = _cache()
    keys = {tag: _tag_key(tag) for _entry, tags in entries.values() for tag in tags}
    found = cache.get_many(list(keys.values()))
    missing = [tag_key for tag_key in keys.values() if tag_key not in found]
    if missing:
        # Never purged, or evicted (and then its last purge is unknown): version it
        # with the current purge number, so an entry is stored only if no purge at
        # all happened during the render. ``add`` keeps a version a purge wrote meanwhile.
        current = purge_counter()
        for tag_key in missing:
            cache.add(tag_key, current, timeout=_version_seconds())
        found.update(cache.get_many(missing))
    versions = {tag: found.get(tag_key) for tag, tag_key in keys.items()}
    if any(version is None or version > started_at for version in versions.values()):
        newest = max((version for version in versions.values() if version), default=0)
        if newest > purge_counter():
            # The counter was lost and restarted behind the versions (another host's
            # clock): move it past them, or entries under those tags would never be stored.
            cache.set(COUNTER_KEY, newest + 1, timeout=None)
    current = {}
    for key, (entry, tags) in entries.items():
        entry.tag_versions = {tag: versions[tag] for tag in tags}
        entry.checked_at, entry.keep_until = started_at, time.time() + timeout
        if all(v is not None and v <= started_at for v in entry.tag_versions.values()):
            current[_entry_key(key)] = entry
    if current:
        cache.set_many(current, timeout=timeout)
    return [key for key in entries if _entry_key(key) in current]


def purge(tags: Iterable[str]) -> None:
    """Make every stored page carrying one of ``tags`` a miss."""
    tags = set(tags)
    if not tags:
        return
    cache = _cache()
    try:
        number = cache.incr(COUNTER_KEY)
    except ValueError:  # no counter yet (or it was evicted)
        purge_counter()
        number = cache.incr(COUNTER_KEY)
    cache.set_many({_tag_key(tag): number for tag in tags}, timeout=_version_seconds())
    # Once more: a lookup that found its entry current as of ``number`` before the
    # versions above were written must not spare the next hits their check.
    number = cache.incr(COUNTER_KEY)
    if hasattr(cache, "publish"):
        cache.publish(nearby.CHANNEL, number)  # to the copies other processes hold


def acquire_fill(key: str) -> bool:
    """Take the right to render a missing page; False when another render has it."""
    return _cache().add(_lock_key(key), 1, timeout=LOCK_SECONDS)


def release_fill(key: str) -> None:
    _cache().delete(_lock_key(key))


def wait_for(key: str) -> CachedPage | None:
    """Wait for the render that holds ``key``'s fill; None if it has not stored the page
    within ``WAIT_SECONDS`` (or stored nothing), and the caller renders it itself."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP)
        page = lookup(key)
        if page is not None:
            return page
        if _cache().get(_lock_key(key)) is None:
            return lookup(key)
    return None
