"""Old WordPress addresses answer 301 to where their content lives now.

``/?p=123`` (the shortlink), ``/2024/05/17/<slug>/`` and ``/<slug>/`` (date and
post-name permalinks), ``/category/<slug>/`` (nested ones by their last part)
and ``/tag/<slug>/`` are looked up in what the import recorded. Only an
address the site itself does not answer is looked up, so nothing of ours is
ever shadowed.
"""

import re

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from articles.models import Article
from importers.models import ImportedPost, ImportedTerm

DATED = re.compile(r"^/(\d{4})/(\d{2})/(?:(\d{2})/)?([^/]+)/?$")
BARE = re.compile(r"^/([^/]+)/?$")
TERM = re.compile(r"^/(category|tag)/(?:[^/]+/)*([^/]+)/?$")


class LegacyAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        shortlink = request.GET.get("p", "") if request.path == "/" else ""
        # Up to 18 digits: a WordPress id fits a 64-bit integer, and so must a lookup.
        if shortlink.isdigit() and len(shortlink) <= 18:
            try:
                target = _shortlink(int(shortlink))
            except DatabaseError:  # the home page says the database is down
                target = None
            if target:
                return HttpResponsePermanentRedirect(iri_to_uri(target))
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        try:
            target = new_address(request.path)
        except DatabaseError:  # the database is down: the calm 404 page stands
            return response
        return HttpResponsePermanentRedirect(iri_to_uri(target)) if target else response


def new_address(path: str) -> str | None:
    """Where an old WordPress ``path`` lives now, if the import knows it."""
    if found := TERM.match(path):
        kind = "category" if found[1] == "category" else "post_tag"
        term = ImportedTerm.objects.filter(kind=kind, wordpress_slug=found[2]).first()
        if term and term.section_id:
            return term.section.get_absolute_url()
        if term and term.tag_id:
            return reverse("articles:tag", kwargs={"slug": term.tag.slug})
        return None
    if found := DATED.match(path):
        return _post_address(found[4], year=int(found[1]), month=int(found[2]))
    if found := BARE.match(path):
        return _post_address(found[1])
    return None


def _shortlink(wordpress_id: int) -> str | None:
    post = ImportedPost.objects.filter(wordpress_id=wordpress_id).first()
    return _if_public(post)


def _post_address(slug: str, *, year: int | None = None, month: int | None = None) -> str | None:
    posts = ImportedPost.objects.filter(wordpress_slug=slug)
    if year is not None:
        posts = posts.filter(published_on__year=year, published_on__month=month)
    return _if_public(posts.first())


def _if_public(post: ImportedPost | None) -> str | None:
    # A draft's old address stays a 404: readers may not see it yet.
    if post is None or not Article.objects.published().filter(pk=post.article_id).exists():
        return None
    return post.article.get_absolute_url()
