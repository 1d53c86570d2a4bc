"""Reads of articles. Every public page, feed and tag goes through these."""

from django.db import models
from django.utils import timezone
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        """Articles a reader may see: published, with a publication time already reached.

        A published article with a future ``published_at`` is scheduled; it
        appears by itself when the clock passes that time, with no job to run.
        """
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())

    def published_between(self, start, end) -> "ArticleQuerySet":
        """Published articles whose publication time is in [start, end), as ``published()``
        finds them.

        The publication time gets one upper bound, not also ``published()``'s "not
        after now": given two, SQLite reads the index up to either, and for a past
        month it would read every article published since.
        """
        if end > timezone.now():
            return self.published().filter(published_at__gte=start)
        return self.filter(
            status=self.model.Status.PUBLISHED, published_at__gte=start, published_at__lt=end
        )

    def scheduled(self) -> "ArticleQuerySet":
        """Published articles whose publication time has not come yet."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=timezone.now())

    def next_publication_time(self):
        """When the next scheduled article goes live (None if none is scheduled).

        Pages that list articles change by themselves at that moment; the page
        cache keeps no copy of them beyond it.
        """
        return self.scheduled().aggregate(next=models.Min("published_at"))["next"]

    def translation_missing(self) -> "ArticleQuerySet":
        """Articles with no English headline yet."""
        return self.filter(models.Q(title_en__isnull=True) | models.Q(title_en=""))

    def available_in(self, language: str) -> "ArticleQuerySet":
        """Articles readable in ``language``: all in the original, otherwise those whose
        headline is translated (the rule of ``Article.available_languages``).

        Feeds and sitemaps of a language list only these, never an article a page
        would show entirely in the fallback language.
        """
        if language == DEFAULT_LANGUAGE:
            return self.all()
        headline = build_localized_fieldname("title", language)
        return self.exclude(models.Q(**{f"{headline}__isnull": True}) | models.Q(**{headline: ""}))

    def translation_outdated(self) -> "ArticleQuerySet":
        """Translated articles whose Arabic original changed after the English text."""
        return self.exclude(pk__in=self.translation_missing().values("pk")).filter(
            models.Q(original_changed_at__isnull=False)
            & (
                models.Q(translation_changed_at__isnull=True)
                | models.Q(original_changed_at__gt=models.F("translation_changed_at"))
            )
        )

    def curated_for_home(self) -> "ArticleQuerySet":
        """Published articles an editor has made the lead story or pinned, still in force."""
        now = timezone.now()
        return self.published().filter(
            models.Q(lead_until__gt=now) | models.Q(featured_until__gt=now)
        )

    def in_section(self, section) -> "ArticleQuerySet":
        return self.filter(section=section)

    def tagged(self, tag) -> "ArticleQuerySet":
        return self.filter(tags=tag)

    def by_author(self, staff_member) -> "ArticleQuerySet":
        return self.filter(authors=staff_member)

    def newest_first(self) -> "ArticleQuerySet":
        return self.order_by("-published_at", "-pk")

    def for_listing(self) -> "ArticleQuerySet":
        """Load what an article card shows (section, lead image) in the same query.

        Bodies are the bulk of a row and no card shows them, so they stay behind.
        """
        bodies = [build_localized_fieldname("body", code) for code in AVAILABLE_LANGUAGES]
        return self.select_related("section", "lead_image").defer("body", *bodies)

    def related_to(self, article, *, limit: int = 4) -> "ArticleQuerySet":
        """Newest published articles sharing at least one tag with ``article``.

        Read newest first from the publication-time index, each checked for a shared
        tag in the tag index, so the cost follows how recent the related articles are:
        collecting every article of its tags and sorting them grew with the archive
        (16 ms against 4 at 20,000 articles on SQLite).
        """
        tag_ids = [tag.pk for tag in article.tags.all()]  # prefetched on the article page
        shares_a_tag = models.Exists(
            self.model.tags.through.objects.filter(
                content_object_id=models.OuterRef("pk"), tag_id__in=tag_ids
            )
        )
        return (
            self.published()
            .filter(shares_a_tag)
            .exclude(pk=article.pk)
            .for_listing()
            .newest_first()[:limit]
        )

    def newest_per_section(self, per_section: int) -> "ArticleQuerySet":
        """The newest ``per_section`` published articles of every section, in one query:
        sections in their order, each newest first.

        Each section's articles are read from the top of the ``article_section_pub``
        index, so the cost grows with the number of sections, never with the archive.
        SQL has no portable way to take the first rows of each group from an index:
        PostgreSQL's LATERAL join can, SQLite has no such join, and a window function
        ranks every article. ``IN`` subqueries per section, OR'ed together, would
        cost a query to list the sections, and PostgreSQL would scan every article
        to test it against each. So the sections table (tens of rows) drives the
        query: for each rank, a scalar subquery per section gives the id of its
        article at that rank (an index lookup that stops after rank + 1 entries),
        the ranks are joined by ``UNION ALL``, and the articles are fetched by id.
        """
        Section = self.model._meta.get_field("section").related_model
        newest = self.published().filter(section=models.OuterRef("pk")).newest_first().values("pk")
        ranks = [
            Section.objects.annotate(article=models.Subquery(newest[rank : rank + 1]))
            .order_by()  # SQLite allows no ORDER BY inside a UNION
            .values("article")
            for rank in range(per_section)
        ]
        return (
            self.filter(pk__in=ranks[0].union(*ranks[1:], all=True))
            .for_listing()
            .order_by("section__order", "section__pk", "-published_at", "-pk")
        )
