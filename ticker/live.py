"""The strip's live items as pages show them, told to the page cache."""

from pagecache import recorder, tags
from ticker.models import TickerItem


def live_items() -> list[TickerItem]:
    """``TickerItem.objects.live()``, for a page that changes when the strip does.

    The strip changes by itself when an item's window opens or closes, and when
    the scheduled story an item links to goes live (the link appears then).
    """
    items = list(TickerItem.objects.live())
    recorder.shows(tags.TICKER)
    if recorder.is_recording():
        recorder.changes_at(TickerItem.objects.next_change())
        for item in items:
            if item.article is not None and item.article.is_scheduled:
                recorder.changes_at(item.article.published_at)
    return items
