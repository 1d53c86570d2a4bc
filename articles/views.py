"""Public pages: home, section, tag, author and article."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import ListView

from articles import page_content
from articles.corrections import notes_of
from articles.forms import SearchForm
from articles.models import Article, Correction, Section, Tag
from articles.page_content import PageContent, kept_content, render_page
from articles.page_tags import listing_of, shows_articles
from articles.previews import article_from_token
from articles.search import Outcome, highlight, missing_words, parse_query, snippet
from articles.search_suggestions import Answer, answer
from discovery import page_meta
from discovery.feed_formats import FORMATS
from discovery.links import FeedLink, feed_links
from discovery.sitemaps import month_bounds
from liveblog.reading import coverage_for
from newsroom import chrome, dates, masthead
from newsroom.models import PolicyPage, StaffMember
from newsroom.sanitize import plain_text
from pagecache import recorder, tags
from pagecache.fragments import cached_value

EDITOR_IN_CHIEF = StaffMember.MastheadRole.EDITOR_IN_CHIEF


class ArticleListView(ListView):
    """A paginated, newest-first list of published articles.

    Subclasses say which articles with ``articles()``. An out-of-range or
    malformed ``?page=`` is a 404, as ListView does by default.
    """

    paginate_by = settings.ARTICLES_PER_PAGE
    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def articles(self) -> QuerySet[Article]:
        return Article.objects.published()

    def listing(self) -> str:
        """The listing tag this page is filed under in the page cache."""
        return listing_of()

    def get_queryset(self) -> QuerySet[Article]:
        return self.articles().for_listing().newest_first()

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.count = self.count(queryset)
        return paginator

    def count(self, articles: QuerySet[Article]) -> int:
        """How many articles the list has, counted once until it changes: counting a
        list of the whole archive costs what the archive weighs."""
        listing = self.listing()

        def count() -> int:
            shows_articles(listing)  # purged with the list, expires when it grows
            return articles.count()

        return cached_value(f"count:{listing}", count)

    def feeds(self) -> list[FeedLink]:
        """The feeds this page offers (``<link rel="alternate">``)."""
        return feed_links()

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return render_page(request, kept_content(request, self.content))

    def content(self) -> PageContent:
        """The list without the chrome: ListView's own steps (its 404s included), rendered."""
        response = super().get(self.request)
        context = response.context_data
        publication = context["publication"]
        heading = context.get("heading")
        return page_content.content(
            title=f"{heading} | {publication.name}" if heading else publication.name,
            description=context.get("description") or heading or publication.tagline,
            meta=context["meta"],
            body=response.rendered_content,
            feeds=context["feeds"],
        )

    def get_context_data(self, **kwargs) -> dict:
        shows_articles(self.listing())
        context = super().get_context_data(feeds=self.feeds(), **kwargs)
        publication = chrome.publication()
        heading = context.get("heading") or publication.name
        context["publication"] = publication
        context["meta"] = page_meta.for_listing(
            self.request, publication, heading, context.get("description") or heading
        )
        return context


class CorrectionsView(ListView):
    """The public archive of corrections and clarifications, newest first, by month."""

    paginate_by = 20
    template_name = "articles/corrections.html"
    context_object_name = "corrections"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return render_page(request, kept_content(request, self.content))

    def content(self) -> PageContent:
        response = super().get(self.request)
        context = response.context_data
        publication, heading = context["publication"], context["heading"]
        return page_content.content(
            title=f"{heading} | {publication.name}",
            description=context["description"],
            meta=context["meta"],
            body=response.rendered_content,
            feeds=context["feeds"],
        )

    def get_queryset(self) -> QuerySet[Correction]:
        # Filed under the archive and every article list: a note appears or goes with
        # its article's publication.
        shows_articles(tags.CORRECTIONS, listing_of())
        self.month = _month(self.request.GET.get("month"))
        notes = Correction.objects.public().exclude(kind=Correction.Kind.UPDATE)
        if self.month is not None:
            start, end = month_bounds(self.month)
            notes = notes.filter(published_at__gte=start, published_at__lt=end)
        return notes.select_related("article")

    def get_context_data(self, **kwargs) -> dict:
        publication = chrome.publication()
        heading = _("Corrections and clarifications")
        description = _("Every correction and clarification we have published, newest first.")
        months = Correction.objects.public().exclude(kind=Correction.Kind.UPDATE)
        return super().get_context_data(
            publication=publication,
            heading=heading,
            description=description,
            month=self.month,
            months=months.dates("published_at", "month", order="DESC"),
            **chrome.policies_of_kind(corrections_policy=PolicyPage.Kind.CORRECTIONS),
            feeds=[
                *feed_links(),
                FeedLink(heading, *(reverse(f"feeds:corrections-{fmt}") for fmt in FORMATS)),
            ],
            meta=page_meta.for_listing(self.request, publication, heading, description),
            **kwargs,
        )


def _month(value: str | None) -> date | None:
    """``YYYY-MM`` as the first day of that month; anything else is a 404."""
    if not value:
        return None
    found = MONTH.fullmatch(value)
    if not found or not 1 <= int(found[2]) <= 12:
        raise Http404
    month = date(int(found[1]), int(found[2]), 1)
    if not dates.EARLIEST.year <= month.year < dates.LATEST.year:
        raise Http404
    return month


MONTH = re.compile(r"(\d{4})-(\d{2})")


class HomeView(ArticleListView):
    """The lead story, pinned articles, the newest ones, and the latest of each section.

    The lead is the story an editor chose, else the newest; pinned stories come
    next and leave the chronological list while their pin lasts.
    """

    template_name = "articles/home.html"
    latest_count = 8
    per_section = 4
    featured_count = 4

    def articles(self) -> QuerySet[Article]:
        curated = list(Article.objects.curated_for_home().for_listing().newest_first())
        now = timezone.now()
        recorder.shows(tags.HOME)
        for article in curated:  # the page changes when a lead or a pin runs out
            for moment in (article.lead_until, article.featured_until):
                if moment and moment > now:
                    recorder.changes_at(moment)
        self.chosen_lead = next((a for a in curated if a.lead_until and a.lead_until > now), None)
        self.featured = [a for a in curated if a != self.chosen_lead][: self.featured_count]
        # Only the stories shown on top leave the list; any further pins keep their place.
        self.shown = [a.pk for a in [self.chosen_lead, *self.featured] if a is not None]
        return super().articles().exclude(pk__in=self.shown)

    def count(self, articles: QuerySet[Article]) -> int:
        # The stories on top are published ones left out of the list.
        return super().count(Article.objects.published()) - len(self.shown)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        articles = list(context["articles"])
        if context["page_obj"].number > 1:
            return {**context, "lead_story": None, "cards": articles}
        if self.chosen_lead:
            lead, rest = self.chosen_lead, articles
        else:
            lead, rest = (articles[0], articles[1:]) if articles else (None, [])
        return {
            **context,
            "meta": page_meta.for_home(self.request, context["publication"]),
            "lead_story": lead,
            "cards": [*self.featured, *rest],
            "featured": self.featured,
            "latest": Article.objects.published().for_listing().newest_first()[: self.latest_count],
            "section_blocks": _group_by_section(
                Article.objects.newest_per_section(self.per_section)
            ),
        }


class SectionView(ArticleListView):
    def articles(self) -> QuerySet[Article]:
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().articles().in_section(self.section)

    def listing(self) -> str:
        return listing_of(self.section)

    def feeds(self) -> list[FeedLink]:
        return feed_links("section", self.section.slug, self.section.name)

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            heading=self.section.name,
            description=self.section.description,
            section=self.section,
            **kwargs,
        )


class TagView(ArticleListView):
    # A tag that only drafts carry must not reveal itself: no published article, no page.
    allow_empty = False

    def articles(self) -> QuerySet[Article]:
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().articles().tagged(self.tag)

    def listing(self) -> str:
        return listing_of(self.tag)

    def feeds(self) -> list[FeedLink]:
        return feed_links("tag", self.tag.slug, self.tag.name)

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(heading=self.tag.name, tag=self.tag, **kwargs)


class AuthorView(ArticleListView):
    template_name = "articles/author.html"

    def articles(self) -> QuerySet[Article]:
        self.author = get_object_or_404(StaffMember, slug=self.kwargs["slug"])
        return super().articles().by_author(self.author)

    def listing(self) -> str:
        return listing_of(self.author)

    def feeds(self) -> list[FeedLink]:
        return feed_links("author", self.author.slug, self.author.name)

    def get_context_data(self, **kwargs) -> dict:
        description = Truncator(self.author.bio).words(30) or self.author.name
        return super().get_context_data(
            author=self.author, heading=self.author.name, description=description, **kwargs
        )


def article_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    """An article page. Any slug but the current one redirects (301) to the canonical URL."""
    kept = kept_content(request, partial(_published_article, request, pk, slug))
    if isinstance(kept, str):  # the address with the current slug
        return redirect(kept, permanent=True)
    return render_page(request, kept)


@never_cache
def article_preview(request: HttpRequest, token: str) -> HttpResponse:
    """Any article, whatever its status, exactly as its page will look, for a signed link.

    Never cached and never indexed; a forged, altered or expired token is a 404.
    """
    pk = article_from_token(token)
    if pk is None:
        raise Http404
    article = get_object_or_404(_with_page_relations(Article.objects.all()), pk=pk)
    page = _article_content(request, article, preview=True)
    response = render_page(request, page, preview_status=article.get_status_display())
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _with_page_relations(articles: QuerySet[Article]) -> QuerySet[Article]:
    # With its live coverage, if any (liveblog): one join, no query of its own.
    return articles.select_related("section", "lead_image", "live_blog").prefetch_related(
        "authors", "tags", "corrections"
    )


def _published_article(request: HttpRequest, pk: int, slug: str) -> PageContent | str:
    """The article's page content, or its address when ``slug`` is not its own: kept
    under the address requested (and purged with the article), like the page."""
    article = get_object_or_404(_with_page_relations(Article.objects.published()), pk=pk)
    if slug != article.slug:
        return article.get_absolute_url()
    return _article_content(request, article)


def _article_content(
    request: HttpRequest, article: Article, *, preview: bool = False
) -> PageContent:
    publication = chrome.publication()
    # Related articles are the newest of each of its tags.
    shows_articles(*[listing_of(tag) for tag in article.tags.all()])
    coverage = coverage_for(article, request.GET.get("from"))
    notes = notes_of(article)
    published_on = dates.local(article.published_at).date() if article.published_at else None
    body = render_to_string(
        "articles/article_body.html",
        {
            "article": article,
            "related": Article.objects.related_to(article),
            "coverage": coverage,
            "notes": notes,
            "published_on": published_on,
            "editor_in_chief": published_on
            and masthead.holder_on(chrome.masthead_terms(), EDITOR_IN_CHIEF, published_on),
            **chrome.policies_of_kind(
                corrections_policy=PolicyPage.Kind.CORRECTIONS,
                feedback_policy=PolicyPage.Kind.FEEDBACK,
            ),
        },
    )
    return page_content.content(
        title=f"{article.title} | {publication.name}",
        description=article.summary,
        # A preview is never indexed: it carries no canonical address or metadata.
        meta=None
        if preview
        else page_meta.for_article(request, article, publication, coverage, notes),
        body=body,
        feeds=feed_links(),
    )


def _group_by_section(articles: QuerySet[Article]) -> list[tuple[Section, list[Article]]]:
    """Turn a section-ordered list of articles into (section, articles) pairs."""
    blocks: list[tuple[Section, list[Article]]] = []
    for article in articles:
        if not blocks or blocks[-1][0].pk != article.section_id:
            blocks.append((article.section, []))
        blocks[-1][1].append(article)
    return blocks


@dataclass(frozen=True)
class SearchHit:
    article: Article
    title: SafeString
    snippet: SafeString
    missing: list[str]  # query words a partial match lacks


def search(request: HttpRequest) -> HttpResponse:
    """Search published articles in the page's language; never an error page for odd input."""
    shows_articles(tags.SEARCH)
    form = SearchForm(request.GET)
    found = Answer(Outcome([], parse_query("")))
    if form.is_valid():
        data = form.cleaned_data
        found = answer(
            data["q"],
            language=get_language(),
            section_id=data["section"].pk if data["section"] else None,
            since=_start_of(data["since"]),
            until=_start_of(data["until"] + timedelta(days=1)) if data["until"] else None,
            correct=not data["as_typed"],
        )
    outcome = found.outcome
    paginator = Paginator(outcome.matches, settings.ARTICLES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None
    articles = Article.objects.select_related("section", "lead_image").in_bulk(
        [match.article_id for match in page]
    )
    words = outcome.query.words
    hits = []
    for match in page:
        if article := articles.get(match.article_id):
            text = plain_text(article.body) or article.summary
            whole = f"{article.title} {article.summary} {text}"
            hits.append(
                SearchHit(
                    article=article,
                    title=highlight(article.title, words),
                    snippet=snippet(text, words),
                    missing=missing_words(outcome.query, whole) if outcome.partial else [],
                )
            )
    return render(
        request,
        "articles/search.html",
        {
            "form": form,
            "searched": bool(outcome.query),
            "outcome": outcome,
            "corrected": found.corrected,
            "hits": hits,
            "page_obj": page,
            "paginator": paginator,
            "is_paginated": paginator.num_pages > 1,
        },
    )


def _start_of(day: date | None) -> datetime | None:
    """Midnight at the start of ``day`` in the publication's time zone."""
    return None if day is None else dates.midnight(day)
