"""Which tags a change of content purges, and purging them once it is committed.

The rules for articles are the finest, because articles change most: an edit
purges the article's own pages (``a12``: its page and every card, feed and
list that shows it); only a change that moves it into, out of or within a
list (published or not, its time, its section, its English headline) also
purges the lists it belongs to. Editing article A leaves article B alone
unless B's page shows A.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.db import transaction

from articles.models import Article, Section, Tag
from newsroom.models import StaffMember
from pagecache import cdn, store, tags

logger = logging.getLogger(__name__)


def purge_on_commit(content_tags: Iterable[str]) -> None:
    """Purge ``content_tags`` once the current transaction commits (at once outside one).

    A rolled-back change purges nothing; a committed one is purged before the
    editor's next request, so readers see it on theirs.
    """
    content_tags = frozenset(content_tags)
    if content_tags:
        transaction.on_commit(partial(purge_now, content_tags))


def purge_now(content_tags: frozenset[str]) -> None:
    """Purge the page cache, then Varnish or the CDN. Failures are logged: the change
    is committed, and pages still expire by themselves."""
    try:
        store.purge(content_tags)
    except Exception:  # the cache server is down: its pages are unreachable anyway
        logger.exception("Purging the page cache of %s failed", " ".join(sorted(content_tags)))
    cdn.purge(content_tags)


@dataclass(frozen=True)
class ArticleState:
    """What of an article decides which lists show it."""

    listed: bool  # published: shown now, or scheduled to be
    published_at: datetime | None
    section_id: int | None
    translated: bool  # has an English headline, so English lists show it
    lead_until: datetime | None
    featured_until: datetime | None

    @classmethod
    def of(cls, article: Article) -> "ArticleState":
        return cls(
            listed=article.status == Article.Status.PUBLISHED,
            published_at=article.published_at,
            section_id=article.section_id,
            translated=bool(article.title_en),
            lead_until=article.lead_until,
            featured_until=article.featured_until,
        )

    @classmethod
    def stored(cls, pk: int) -> "ArticleState | None":
        """The article's state as the database has it now (None if it has no row)."""
        article = (
            Article.objects.filter(pk=pk)
            .only("status", "published_at", "section_id", "title_en", "lead_until",
                  "featured_until")
            .first()
        )  # fmt: skip
        return None if article is None else cls.of(article)

    def places(self) -> tuple:
        """Everything that decides where the article stands in the lists."""
        return (self.listed, self.published_at, self.section_id, self.translated)


def article_change_tags(
    pk: int,
    before: ArticleState | None,
    after: ArticleState | None,
    memberships: Callable[[], tuple[list[int], list[int]]],
) -> set[str]:
    """The tags to purge when article ``pk`` went from ``before`` to ``after`` (None:
    no row). ``memberships()`` gives its tag and author ids, asked only when needed."""
    purged = {tags.object_tag(Article, pk)}
    states = [state for state in (before, after) if state is not None and state.listed]
    if not states:
        return purged  # a draft is on no public page
    purged |= {tags.SEARCH, tags.MONTHS}
    purged |= {tags.month_tag(state.published_at) for state in states if state.published_at}
    if before is None or after is None or before.places() != after.places():
        tag_ids, author_ids = memberships()
        purged |= {tags.ARTICLES, tags.HOME, tags.SCHEDULE}
        purged |= {tags.listing_tag(Section, s.section_id) for s in states if s.section_id}
        purged |= tagging_tags(tag_ids) | authorship_tags(author_ids)
    elif (before.lead_until, before.featured_until) != (after.lead_until, after.featured_until):
        purged.add(tags.HOME)
    return purged


def tagging_tags(tag_ids: Iterable[int]) -> set[str]:
    """What to purge when a published article gains or loses these tags."""
    purged = {tags.listing_tag(Tag, pk) for pk in tag_ids}
    return purged | {tags.TAGS} if purged else purged


def authorship_tags(author_ids: Iterable[int]) -> set[str]:
    """What to purge when a published article gains or loses these authors."""
    purged = {tags.listing_tag(StaffMember, pk) for pk in author_ids}
    return purged | {tags.AUTHORS} if purged else purged


def listed_article_ids(ids: Iterable[int]) -> set[int]:
    """Which of these articles are published (shown now or scheduled)."""
    return set(
        Article.objects.filter(pk__in=list(ids), status=Article.Status.PUBLISHED).values_list(
            "pk", flat=True
        )
    )
