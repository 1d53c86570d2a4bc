"""Entries of the page cache kept in this process too, when the cache is Redis.

A page served from Redis costs a round trip: the client's work, the kernel's
and Redis's own, about as much as the rest of serving it. So each process
keeps the entries it has used, and Redis tells every process the number of
each purge as it happens (publish/subscribe, ``store.purge()``). An entry
found current as of purge number N stays current while no later purge has
been announced: it is served with no trip at all.

Redis passes an announcement to its subscribers while it handles the PUBLISH,
before it answers the process that purged, and a process reads what waits on
its subscription before every lookup: a request that starts after a purge has
finished never gets what it purged. When the subscription drops, the number
is unknown until it is back and the counter read again; meanwhile lookups go
to Redis as before. Backends without publish/subscribe (local memory, which
is this process's already) have no such copy.
"""

import logging
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings

logger = logging.getLogger(__name__)

CHANNEL = "purge-notices"
SUBSCRIBE_SECONDS = 1.0
# An entry is asked of Redis again this often even with no purge announced: were an
# announcement ever lost (a purge whose PUBLISH failed), no copy outlives it longer.
HOLD_SECONDS = 30


class PurgeNotices:
    """The number of the latest purge, as announced on a subscription."""

    def __init__(self, cache, read_counter: Callable[[], int]):
        self.cache = cache
        self.read_counter = read_counter
        self.subscription = None
        self.number: int | None = None

    def latest(self) -> int | None:
        """The latest purge number, or None while it cannot be known."""
        try:
            if self.subscription is None:
                self.subscribe()
            while (message := self.subscription.get_message(timeout=0)) is not None:
                self.receive(message)
        except Exception:
            logger.warning("Purge notices are not received; asking the cache", exc_info=True)
            self.close()
        return self.number

    def subscribe(self) -> None:
        self.number = None
        self.subscription = self.cache.subscribe(CHANNEL)
        # A reconnection may have missed announcements: unknown until resubscribed.
        self.subscription.connection.register_connect_callback(self.reconnected)
        # Once a process: wait for the subscription to hold, so the next lookup can use it.
        if message := self.subscription.get_message(timeout=SUBSCRIBE_SECONDS):
            self.receive(message)

    def receive(self, message: dict) -> None:
        if message["type"] == "subscribe":
            # From here on every purge is announced; the ones before are counted.
            self.number = self.read_counter()
        elif message["type"] == "message" and self.number is not None:
            self.number = max(self.number, int(message["data"]))

    def reconnected(self, connection) -> None:
        self.number = None

    def close(self) -> None:
        self.number = None
        if self.subscription is not None:
            subscription, self.subscription = self.subscription, None
            try:
                subscription.close()
            except Exception:
                logger.debug("Closing a lost subscription failed", exc_info=True)


class NearbyEntries:
    """The entries this process used last, served while no purge is announced."""

    def __init__(self, notices: PurgeNotices, size: int):
        self.notices = notices
        self.size = size
        self.entries: OrderedDict[str, tuple[object, float]] = OrderedDict()

    def current(self, keys: list[str]) -> dict | None:
        """All of ``keys``' entries, if each is held here and current; else None."""
        if not all(key in self.entries for key in keys):
            return None
        number = self.notices.latest()
        if number is None:
            return None
        now, held_since = time.time(), time.monotonic() - HOLD_SECONDS
        found = {}
        for key in keys:
            entry, held_at = self.entries[key]
            if entry.checked_at != number or entry.keep_until <= now or held_at < held_since:
                return None
            if entry.expires_at is not None and entry.expires_at <= now:
                return None
            found[key] = entry
            self.entries.move_to_end(key)
        return found

    def keep(self, entries: dict, number: int) -> None:
        """Hold ``entries``, found current as of purge ``number``."""
        if self.notices.subscription is None:
            self.notices.latest()  # subscribe now, so the next lookup may be spared
        held_at = time.monotonic()
        for key, entry in entries.items():
            if entry.checked_at == number:
                self.entries[key] = (entry, held_at)
                self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


_nearby: "weakref.WeakKeyDictionary[object, NearbyEntries]" = weakref.WeakKeyDictionary()


def nearby(cache, read_counter: Callable[[], int]) -> NearbyEntries | None:
    """This process's copy for ``cache``, if the cache can announce purges."""
    if not hasattr(cache, "subscribe") or not settings.PAGE_CACHE_NEARBY_ENTRIES:
        return None
    copy = _nearby.get(cache)
    if copy is None:
        notices = PurgeNotices(cache, read_counter)
        copy = _nearby[cache] = NearbyEntries(notices, settings.PAGE_CACHE_NEARBY_ENTRIES)
    return copy
