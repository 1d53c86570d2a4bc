"""What the public page being rendered shows, recorded while it renders.

The page cache middleware opens a record around each public ``GET``/``HEAD``;
code that reads content adds to it:

- every row of a registered model that is loaded adds its tag by itself
  (``signals.py`` listens to ``post_init``), so a new template that shows one
  more object cannot forget to say so;
- code that runs a *listing* (the newest articles of a section, the ticker's
  live items) names it with ``shows()``: a list has no row to load when it is
  empty, yet must be purged when something joins it;
- code that reads the clock says when its answer runs out with ``changes_at()``
  (a scheduled article going live, a pin expiring, midnight for the date line),
  so no cached copy outlives that moment.

Outside a record (the admin, management commands, tests calling code
directly) every function here does nothing.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class PageRecord:
    tags: set[str] = field(default_factory=set)
    # The first moment the page would look different without any edit; None: no such moment.
    expires_at: datetime | None = None
    # Off for pages that list thousands of rows (sitemaps), which name coarser tags instead.
    tracks_objects: bool = True


_current: ContextVar[PageRecord | None] = ContextVar("page_record", default=None)


@contextmanager
def recording() -> Iterator[PageRecord]:
    """Record what the code run inside shows."""
    record = PageRecord()
    token = _current.set(record)
    try:
        yield record
    finally:
        _current.reset(token)


def is_recording() -> bool:
    """Whether a public page is being rendered (worth a query to learn when it expires)."""
    return _current.get() is not None


def shows(*tags: str) -> None:
    """The page shows these listings (or objects)."""
    record = _current.get()
    if record is not None:
        record.tags.update(tags)


def shows_object(tag: str) -> None:
    """A row was loaded; ignored on pages that asked not to track rows."""
    record = _current.get()
    if record is not None and record.tracks_objects:
        record.tags.add(tag)


def changes_at(moment: datetime | None) -> None:
    """The page changes by itself at ``moment`` (None: no such moment)."""
    record = _current.get()
    if record is None or moment is None:
        return
    if record.expires_at is None or moment < record.expires_at:
        record.expires_at = moment


def stop_tracking_objects() -> None:
    """For a page listing too many rows to name each: it names its listings instead,
    and those listings are purged whenever one of their rows changes."""
    record = _current.get()
    if record is not None:
        record.tracks_objects = False
