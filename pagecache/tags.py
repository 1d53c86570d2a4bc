"""Content tags: the names a cached page is filed under, and purged by.

A page carries the tag of every object it shows and of every listing it is.
A change purges the tags of what it touched, and nothing else. Names are short
because they travel in the ``xkey`` and ``Surrogate-Key`` headers:

==============  ==============================================================
``all``         every page (``manage.py purge_pages`` after a deploy)
``a12``         article 12; likewise ``s`` section, ``t`` tag, ``p`` staff
                member (person), ``i`` image, ``lb`` live blog (with all its
                updates), and ``pub`` the publication
``la``          lists of published articles of the whole publication (home,
                site feeds, the tags and authors sitemaps)
``ls3``         articles of section 3; ``lt7`` of tag 7; ``lp2`` by person 2
``home``        the home page's choice of lead and pinned stories
``search``      search results (a text edit can change any of them)
``corrections`` the corrections archive, its feeds and the pages sitemap
``schedule``    when the next scheduled article goes live (not a page: a value
                pages read to know when they expire)
``m2026-11``    articles published in that month (its sitemaps, Google News)
``months``      the sitemap index, which gives each month's last change
``nav``         the list of sections (navigation, sections sitemap)
``tags``        the tags sitemap;  ``authors`` the authors sitemap
``masthead``    the masthead terms: the line on every page, the masthead page, and
                the editor-in-chief an article names
``policies``    the policy pages' titles and addresses (every page's footer and its
                publisher's structured data); ``pp3`` policy page 3 itself
``ticker``      the ticker's items
==============  ==============================================================
"""

from datetime import date, datetime
from functools import cache

from django.db import models
from django.utils import timezone

ALL = "all"
ARTICLES = "la"
HOME = "home"
SEARCH = "search"
CORRECTIONS = "corrections"
MONTHS = "months"
NAV = "nav"
TAGS = "tags"
AUTHORS = "authors"
MASTHEAD = "masthead"
POLICIES = "policies"
TICKER = "ticker"
PUBLICATION = "pub"
SCHEDULE = "schedule"

# Models whose rows pages show, by label, with the prefix of their tags.
PREFIXES = {
    "articles.article": "a",
    "articles.section": "s",
    "articles.image": "i",
    "articles.tag": "t",
    "newsroom.staffmember": "p",
    "liveblog.liveblog": "lb",
    "newsroom.policypage": "pp",
}


def object_tag(model: type[models.Model], pk) -> str:
    """The tag of one row: ``a12`` for article 12."""
    return f"{_prefix(model)}{pk}"


@cache
def _prefix(model: type[models.Model]) -> str:
    # Asked for every row a page loads; the model's label is slow to build each time.
    return PREFIXES[model._meta.label_lower]


def listing_tag(model: type[models.Model] | None = None, pk=None) -> str:
    """The tag of a list of published articles: all of them (``la``), or a section's,
    tag's or author's (``ls3``, ``lt7``, ``lp2``)."""
    return ARTICLES if model is None else f"l{object_tag(model, pk)}"


def month_tag(moment: date) -> str:
    """The tag of the articles published in ``moment``'s month (a time is taken in the
    publication's time zone, as sitemaps group months)."""
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment)
    return moment.strftime("m%Y-%m")
