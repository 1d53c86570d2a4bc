"""What a page tells search engines and social networks about itself.

Canonical and language-alternate links, Open Graph and Twitter card tags, and
schema.org JSON-LD (``NewsArticle`` with its ``BreadcrumbList`` on articles,
``WebSite`` with a ``SearchAction`` on the home page). Every address is
absolute and every date is ISO 8601 with the publication's UTC offset.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils.text import Truncator
from django.utils.translation import get_language, override
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE

from articles.corrections import Notes
from articles.models import Article
from liveblog.reading import Coverage
from newsroom import chrome, dates
from newsroom.languages import shown_language, url_in
from newsroom.models import PolicyPage, Publication
from newsroom.sanitize import plain_text

# Open Graph names locales with a territory.
OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}


@dataclass
class PageMeta:
    """Everything a page's ``<head>`` says about it (see components/page_meta.html)."""

    canonical: str
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, URL)
    properties: list[tuple[str, str]] = field(default_factory=list)  # Open Graph, article:*
    names: list[tuple[str, str]] = field(default_factory=list)  # twitter:*
    json_ld: list[dict] = field(default_factory=list)


def language_alternates(request: HttpRequest, languages: list[str], instance) -> list:
    """hreflang links for each language ``instance`` is written in, and x-default (Arabic)."""
    links = [(code, request.build_absolute_uri(url_in(code, instance))) for code in languages]
    return [*links, ("x-default", request.build_absolute_uri(url_in(DEFAULT_LANGUAGE, instance)))]


# The schema.org property naming each kind of policy page (the Trust Project's indicators).
POLICY_PROPERTIES = {
    PolicyPage.Kind.CORRECTIONS: "correctionsPolicy",
    PolicyPage.Kind.ETHICS: "ethicsPolicy",
    PolicyPage.Kind.OWNERSHIP: "ownershipFundingInfo",
    PolicyPage.Kind.FEEDBACK: "actionableFeedbackPolicy",
    PolicyPage.Kind.MISSION: "missionCoveragePrioritiesPolicy",
    PolicyPage.Kind.VERIFICATION: "verificationFactCheckingPolicy",
    PolicyPage.Kind.UNNAMED_SOURCES: "unnamedSourcesPolicy",
    PolicyPage.Kind.DIVERSITY: "diversityPolicy",
}


def publisher(request: HttpRequest, publication: Publication) -> dict:
    """The publication as a schema.org ``NewsMediaOrganization``: its logo, masthead and
    the policy pages it keeps."""
    organization = {
        "@type": "NewsMediaOrganization",
        "name": publication.name,
        "url": request.build_absolute_uri(reverse("articles:home")),
        "masthead": request.build_absolute_uri(reverse("newsroom:masthead")),
    }
    if publication.logo:
        logo = {"@type": "ImageObject", "url": request.build_absolute_uri(publication.logo.url)}
        if publication.logo_width:
            logo.update(width=publication.logo_width, height=publication.logo_height)
        organization["logo"] = logo
    for page in chrome.policies():
        if page.kind in POLICY_PROPERTIES:
            organization[POLICY_PROPERTIES[page.kind]] = request.build_absolute_uri(
                page.get_absolute_url()
            )
    if "ethicsPolicy" in organization:
        organization["publishingPrinciples"] = organization["ethicsPolicy"]
    return organization


def for_policy(request: HttpRequest, publication: Publication, page: PolicyPage) -> PageMeta:
    """A policy page: a ``WebPage`` of the publication, last changed when it was edited."""
    languages = [code for code in AVAILABLE_LANGUAGES if getattr(page, f"body_{code}")]
    language = get_language() if get_language() in languages else DEFAULT_LANGUAGE
    canonical = request.build_absolute_uri(url_in(language, page))
    description = Truncator(plain_text(page.body)).chars(300)
    webpage = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "url": canonical,
        "inLanguage": language,
        "dateModified": dates.iso(page.updated_at),
        "publisher": publisher(request, publication),
    }
    return PageMeta(
        canonical=canonical,
        alternates=language_alternates(request, languages, page),
        properties=[
            ("og:type", "website"),
            ("og:site_name", publication.name),
            ("og:title", page.title),
            ("og:description", description),
            ("og:url", canonical),
            ("og:locale", OG_LOCALES.get(language, language)),
        ],
        names=[("twitter:card", "summary")],
        json_ld=[webpage],
    )


def for_article(
    request: HttpRequest,
    article: Article,
    publication: Publication,
    coverage: Coverage | None = None,
    notes: Notes | None = None,
) -> PageMeta:
    """An article page: NewsArticle and breadcrumbs, Open Graph article tags, a large card.

    With live coverage it is a ``LiveBlogPosting`` whose updates are the page's, and it
    was last modified when the coverage last changed.
    """
    languages = article.available_languages
    # An English page of an untranslated article shows the Arabic text: the Arabic
    # page is the one to index.
    language = get_language() if get_language() in languages else DEFAULT_LANGUAGE
    canonical = request.build_absolute_uri(url_in(language, article))
    authors = [
        {"@type": "Person", "name": a.name, "url": request.build_absolute_uri(a.get_absolute_url())}
        for a in article.authors.all()
    ]
    tags = [tag.name for tag in article.tags.all()]
    modified = article.last_modified
    if coverage is not None:
        modified = max(modified, coverage.last_change)
    if notes is not None and notes.last_published:
        modified = max(modified, notes.last_published)
    lead = article.lead_image
    image = lead.shared_copy if lead else None
    image_url = request.build_absolute_uri(image.url) if image else ""
    image_alt = lead.alt_text or lead.caption if lead else ""

    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": dates.iso(article.published_at),
        "dateModified": dates.iso(modified),
        "author": authors,
        "publisher": publisher(request, publication),
        "inLanguage": shown_language(article, "title"),
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "isAccessibleForFree": True,
    }
    if lead:
        # Google asks for 16:9, 4:3 and 1:1 copies; before they are cut, the shared copy.
        news_article["image"] = [
            {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(copy.url),
                "width": copy.width,
                "height": copy.height,
            }
            for copy in list(lead.crop_copies.values()) or [image]
        ]
    if article.section:
        news_article["articleSection"] = article.section.name
    if tags:
        news_article["keywords"] = tags
    if coverage is not None:
        news_article.update(live_blog_posting(request, coverage))
    if notes is not None and (standing := [n for n in notes.corrections if not n.withdrawn_at]):
        news_article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": note.text,
                "datePublished": dates.iso(note.published_at),
            }
            for note in standing
        ]

    crumbs = [(publication.name, reverse("articles:home"))]
    if article.section:
        crumbs.append((article.section.name, article.section.get_absolute_url()))
    crumbs.append((article.title, None))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(url) if url else canonical,
            }
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }

    properties = [
        ("og:type", "article"),
        ("og:site_name", publication.name),
        ("og:title", article.title),
        ("og:description", article.summary),
        ("og:url", canonical),
        ("og:locale", OG_LOCALES.get(language, language)),
        *[("og:locale:alternate", OG_LOCALES.get(c, c)) for c in languages if c != language],
        ("article:published_time", dates.iso(article.published_at)),
        ("article:modified_time", dates.iso(modified)),
        *[("article:author", author["url"]) for author in authors],
    ]
    if article.section:
        properties.append(("article:section", article.section.name))
    properties += [("article:tag", tag) for tag in tags]
    names = [
        # Lets Google show the lead image large (Discover, Top stories), not as a thumbnail.
        ("robots", "max-image-preview:large"),
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", article.title),
        ("twitter:description", article.summary),
    ]
    if image:
        properties += [
            ("og:image", image_url),
            ("og:image:type", image.mime_type),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
            ("og:image:alt", image_alt),
        ]
        names += [("twitter:image", image_url), ("twitter:image:alt", image_alt)]

    return PageMeta(
        canonical=canonical,
        alternates=language_alternates(request, languages, article),
        properties=properties,
        names=names,
        json_ld=[news_article, breadcrumbs],
    )


def live_blog_posting(request: HttpRequest, coverage: Coverage) -> dict:
    """What makes an article's JSON-LD a ``LiveBlogPosting``: its coverage and updates."""
    live_blog = coverage.live_blog
    posting = {
        "@type": "LiveBlogPosting",
        "coverageStartTime": dates.iso(live_blog.started_at),
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": update.headline or Truncator(plain_text(update.body)).words(12),
                "datePublished": dates.iso(update.posted_at),
                "dateModified": dates.iso(update.changed_at),
                "articleBody": plain_text(update.body),
                "url": request.build_absolute_uri(update.get_absolute_url()),
                "author": [
                    {
                        "@type": "Person",
                        "name": author.name,
                        "url": request.build_absolute_uri(author.get_absolute_url()),
                    }
                    for author in update.authors.all()
                ],
            }
            for update in ([coverage.pinned] if coverage.pinned else []) + coverage.updates
        ],
    }
    if live_blog.ended_at:
        posting["coverageEndTime"] = dates.iso(live_blog.ended_at)
    return posting


def for_listing(
    request: HttpRequest, publication: Publication, title: str, description: str
) -> PageMeta:
    """A section, tag or author page: its address (page number included) in each language."""
    canonical = request.build_absolute_uri()
    alternates = [
        (code, request.build_absolute_uri(translate_url(request.get_full_path(), code)))
        for code in AVAILABLE_LANGUAGES
    ]
    alternates.append(("x-default", alternates[0][1]))
    return PageMeta(
        canonical=canonical,
        alternates=alternates,
        properties=[
            ("og:type", "website"),
            ("og:site_name", publication.name),
            ("og:title", title),
            ("og:description", description),
            ("og:url", canonical),
            ("og:locale", OG_LOCALES.get(get_language(), get_language())),
        ],
        names=[("twitter:card", "summary")],
    )


def for_home(request: HttpRequest, publication: Publication) -> PageMeta:
    """The home page: the WebSite with its search, in every language."""
    home = request.build_absolute_uri(reverse("articles:home"))
    alternates = []
    for code in AVAILABLE_LANGUAGES:
        with override(code):
            alternates.append((code, request.build_absolute_uri(reverse("articles:home"))))
    alternates.append(("x-default", alternates[0][1]))
    search = request.build_absolute_uri(reverse("articles:search"))
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": publication.name,
        "url": home,
        "inLanguage": get_language(),
        "publisher": publisher(request, publication),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
    return PageMeta(
        canonical=home,
        alternates=alternates,
        properties=[
            ("og:type", "website"),
            ("og:site_name", publication.name),
            ("og:title", publication.name),
            ("og:description", publication.tagline),
            ("og:url", home),
            ("og:locale", OG_LOCALES.get(get_language(), get_language())),
        ],
        names=[("twitter:card", "summary")],
        json_ld=[website],
    )
