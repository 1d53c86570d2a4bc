"""What article pages tell the page cache about themselves (``pagecache.recorder``)."""

from django.db import models

from articles.models import Article
from pagecache import recorder, tags
from pagecache.fragments import cached_value


def shows_articles(*listings: str) -> None:
    """The page lists published articles: it is filed under ``listings`` and changes
    by itself when the next scheduled article goes live."""
    recorder.shows(*listings)
    if recorder.is_recording():
        # Kept, so each page does not ask; refreshed by any change to what is scheduled.
        recorder.changes_at(cached_value("next-publication", _next_publication, shown=False))


def _next_publication():
    recorder.shows(tags.SCHEDULE)
    moment = Article.objects.next_publication_time()
    recorder.changes_at(moment)  # then the next one is another article
    return moment


def listing_of(subject: models.Model | None = None) -> str:
    """The listing tag of all published articles, or of a section's, tag's or author's."""
    if subject is None:
        return tags.ARTICLES
    return tags.listing_tag(type(subject), subject.pk)
