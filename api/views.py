"""The read-only API: published content only, through the same querysets as the pages.

Every answer is a public page for the page cache (``newsroom.http.public_cache``
in ``api/urls.py``): filed under what it shows, purged when that changes, with
an ETag. The rate limit applies to what the cache does not answer.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import override
from django.views.decorators.csp import csp_override
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from rest_framework import generics, serializers
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    AuthorSerializer,
    SectionSerializer,
    TagSerializer,
    TickerItemSerializer,
)
from articles.models import Article, Section, Tag, TaggedArticle
from articles.page_tags import listing_of, shows_articles
from articles.search_suggestions import answer
from newsroom import dates
from newsroom.models import StaffMember
from pagecache import recorder, tags
from ticker.live import live_items

SEARCH_RESULTS = 20


class Problem(serializers.Serializer):
    detail = serializers.JSONField(help_text="What was wrong with the request")


# What any answer may be besides a success, documented once for every endpoint.
ERRORS = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT, description="A parameter is not valid: its name and what is wrong"
    ),
    404: OpenApiResponse(Problem, description="No such published item, or a stale cursor"),
    429: OpenApiResponse(Problem, description="Too many requests: see Retry-After"),
}


class NewestFirst(CursorPagination):
    """Stable pages however many articles are published meanwhile."""

    ordering = ("-published_at", "-pk")
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class BySlug(CursorPagination):
    ordering = ("slug",)
    page_size = 100


class MomentField(serializers.DateTimeField):
    """An ISO 8601 moment within the years the publication stores; a moment a time zone
    cannot hold (year 1 in Cairo) is a 400 like any other wrong value."""

    def __init__(self, **kwargs):
        super().__init__(validators=[dates.validate_in_range], **kwargs)

    def to_internal_value(self, value):
        try:
            return super().to_internal_value(value)
        except OverflowError:
            self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]")


class ArticleFilters(serializers.Serializer):
    section = serializers.SlugRelatedField(
        slug_field="slug", queryset=Section.objects.all(), required=False
    )
    tag = serializers.SlugRelatedField(
        slug_field="slug", queryset=Tag.objects.all(), required=False
    )
    author = serializers.SlugRelatedField(
        slug_field="slug", queryset=StaffMember.objects.all(), required=False
    )
    language = serializers.ChoiceField(
        choices=AVAILABLE_LANGUAGES, required=False, help_text="Only articles readable in it"
    )
    published_since = MomentField(required=False, help_text="ISO 8601, inclusive")
    published_until = MomentField(required=False, help_text="ISO 8601, exclusive")


class SearchParameters(serializers.Serializer):
    q = serializers.CharField(max_length=200, help_text="The words, as a reader types them")
    language = serializers.ChoiceField(choices=AVAILABLE_LANGUAGES, default=DEFAULT_LANGUAGE)


class SearchResults(serializers.Serializer):
    query = serializers.CharField(help_text="What was searched: the words typed, or corrected")
    corrected = serializers.BooleanField(help_text="The words typed were corrected")
    results = ArticleSerializer(many=True)


def _published_articles():
    return (
        Article.objects.published()
        .select_related("section", "lead_image")
        .prefetch_related("tags", "authors")
    )


@extend_schema_view(
    get=extend_schema(parameters=[ArticleFilters], responses={200: ArticleSerializer, **ERRORS})
)
class ArticleList(generics.ListAPIView):
    """Published articles, newest first, a cursor page at a time."""

    serializer_class = ArticleSerializer
    pagination_class = NewestFirst

    def get_queryset(self):
        filters = ArticleFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        chosen = filters.validated_data
        shows_articles(listing_of())
        articles = _published_articles()
        if "section" in chosen:
            articles = articles.in_section(chosen["section"])
        if "tag" in chosen:
            articles = articles.tagged(chosen["tag"])
        if "author" in chosen:
            articles = articles.by_author(chosen["author"])
        if "language" in chosen:
            articles = articles.available_in(chosen["language"])
        if "published_since" in chosen:
            articles = articles.filter(published_at__gte=chosen["published_since"])
        if "published_until" in chosen:
            articles = articles.filter(published_at__lt=chosen["published_until"])
        return articles


@extend_schema_view(get=extend_schema(responses={200: ArticleDetailSerializer, **ERRORS}))
class ArticleDetail(generics.RetrieveAPIView):
    """One published article with its body and notes."""

    serializer_class = ArticleDetailSerializer

    def get_queryset(self):
        return _published_articles().prefetch_related("corrections")


@extend_schema_view(get=extend_schema(responses={200: SectionSerializer(many=True), **ERRORS}))
class SectionList(generics.ListAPIView):
    """The sections, in navigation order."""

    serializer_class = SectionSerializer
    pagination_class = None

    def get_queryset(self):
        recorder.shows(tags.NAV)
        return Section.objects.all()


@extend_schema_view(get=extend_schema(responses={200: TagSerializer, **ERRORS}))
class TagList(generics.ListAPIView):
    """Tags of published articles, by slug."""

    serializer_class = TagSerializer
    pagination_class = BySlug

    def get_queryset(self):
        recorder.shows(tags.TAGS)
        recorder.stop_tracking_objects()  # many rows: filed under the list instead
        used = TaggedArticle.objects.filter(content_object__in=Article.objects.published())
        return Tag.objects.filter(pk__in=used.values("tag"))


@extend_schema_view(get=extend_schema(responses={200: AuthorSerializer, **ERRORS}))
class AuthorList(generics.ListAPIView):
    """Staff members with published articles, by slug."""

    serializer_class = AuthorSerializer
    pagination_class = BySlug

    def get_queryset(self):
        recorder.shows(tags.AUTHORS)
        recorder.stop_tracking_objects()
        published = Article.objects.published()
        return StaffMember.objects.filter(pk__in=published.values("authors"))


@extend_schema_view(get=extend_schema(responses={200: TickerItemSerializer(many=True), **ERRORS}))
class TickerList(generics.ListAPIView):
    """The ticker's items now, in strip order."""

    serializer_class = TickerItemSerializer
    pagination_class = None

    def get_queryset(self):
        return live_items()


class SearchView(APIView):
    """The site's Arabic search: forgiving about spelling, with its slips corrected."""

    @extend_schema(parameters=[SearchParameters], responses={200: SearchResults, **ERRORS})
    def get(self, request: Request) -> Response:
        parameters = SearchParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        shows_articles(tags.SEARCH)
        found = answer(
            parameters.validated_data["q"], language=parameters.validated_data["language"]
        )
        ids = [match.article_id for match in found.outcome.matches[:SEARCH_RESULTS]]
        articles = _published_articles().in_bulk(ids)
        results = [articles[pk] for pk in ids if pk in articles]
        return Response(
            {
                "query": found.corrected or parameters.validated_data["q"],
                "corrected": bool(found.corrected),
                "results": ArticleSerializer(results, many=True, context={"request": request}).data,
            }
        )


class Schema(SpectacularAPIView):
    """The OpenAPI 3 schema, written in English for the developers who read it; JSON
    unless ``?format=yaml``."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        with override("en"):
            return super().dispatch(request, *args, **kwargs).render()


@csp_override({**settings.SECURE_CSP, "style-src": settings.ADMIN_CSP["style-src"],
               "img-src": settings.ADMIN_CSP["img-src"]})  # fmt: skip
def documentation(request):
    """The schema read by Swagger UI, from our own static files (it sets inline styles)."""
    return render(request, "api/docs.html")
