"""What readers see of live coverage on its article's page, and how they follow it."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from liveblog.models import LiveBlog, LiveUpdate

# Updates on one page: a two-day live blog stays light; older ones are a link away.
UPDATES_PER_PAGE = 50
# Key events listed at the top, newest first.
KEY_EVENTS = 20


@dataclass
class Coverage:
    """One page of a live blog: the pinned update, key events, and updates newest first."""

    live_blog: LiveBlog
    updates: list[LiveUpdate]
    pinned: LiveUpdate | None = None
    key_events: list[LiveUpdate] = field(default_factory=list)
    older: LiveUpdate | None = None  # the first update of the next page, if any
    starts_at: LiveUpdate | None = None  # the update this page starts from (?from=)
    cursor: int = 0  # where polling starts (``poll_cursor``)
    poll_seconds: int = 20

    @property
    def is_live(self) -> bool:
        return self.live_blog.state == LiveBlog.State.LIVE

    @property
    def key_event_links(self) -> list[tuple[LiveUpdate, bool]]:
        """Each key event, and whether it is on this page (an anchor is enough)."""
        here = {update.pk for update in self.updates}
        if self.pinned is not None:
            here.add(self.pinned.pk)
        return [(update, update.pk in here) for update in self.key_events]

    @property
    def last_change(self) -> datetime:
        """When the coverage last changed as readers see it (``dateModified``)."""
        latest = max((update.changed_at for update in self.updates), default=None)
        return max(filter(None, [latest, self.live_blog.started_at, self.live_blog.ended_at]))


def coverage_for(article, from_update: str | None = None) -> Coverage | None:
    """The page of ``article``'s coverage starting at update ``from_update`` (newest when
    None or unknown), or None when it has none."""
    try:
        live_blog = article.live_blog  # joined by the article's query, when it was asked to
    except LiveBlog.DoesNotExist:
        return None
    shown = live_blog.updates.shown().select_related("image").prefetch_related("authors")
    pinned = next(iter(shown.filter(is_pinned=True)), None)
    timeline = shown.filter(is_pinned=False).order_by("-posted_at", "-pk")
    start = _update_in(timeline, from_update)
    if start is not None:
        timeline = timeline.filter(posted_at__lte=start.posted_at).exclude(
            posted_at=start.posted_at, pk__gt=start.pk
        )
    page = list(timeline[: UPDATES_PER_PAGE + 1])
    key_events = list(
        live_blog.updates.shown()
        .filter(is_key_event=True)
        .order_by("-posted_at", "-pk")[:KEY_EVENTS]
    )
    return Coverage(
        live_blog=live_blog,
        updates=page[:UPDATES_PER_PAGE],
        pinned=pinned if start is None else None,
        key_events=key_events,
        older=page[UPDATES_PER_PAGE] if len(page) > UPDATES_PER_PAGE else None,
        starts_at=start,
        cursor=poll_cursor(timezone.now()),
        poll_seconds=settings.LIVE_POLL_SECONDS,
    )


def _update_in(timeline, pk: str | None) -> LiveUpdate | None:
    if not pk or not pk.isdigit() or len(pk) > 18:
        return None
    return timeline.filter(pk=int(pk)).first()


def poll_cursor(moment: datetime) -> int:
    """The start of ``moment``'s polling bucket, in seconds since the epoch.

    Readers who loaded the page within one bucket ask for the same address, so
    the page cache and the CDN answer almost every poll; an answer holds every
    change from the bucket's start, so nothing is missed between buckets.
    """
    bucket = settings.LIVE_POLL_SECONDS
    return int(moment.timestamp()) // bucket * bucket
