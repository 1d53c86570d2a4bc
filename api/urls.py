"""/api/v1/: the read-only API, its OpenAPI schema and its documentation page."""

from django.urls import path

from api import views
from newsroom.http import public_cache

app_name = "api"

urlpatterns = [
    path("articles/", public_cache(views.ArticleList.as_view()), name="articles"),
    path("articles/<int:pk>/", public_cache(views.ArticleDetail.as_view()), name="article"),
    path("sections/", public_cache(views.SectionList.as_view()), name="sections"),
    path("tags/", public_cache(views.TagList.as_view()), name="tags"),
    path("authors/", public_cache(views.AuthorList.as_view()), name="authors"),
    path("ticker/", public_cache(views.TickerList.as_view()), name="ticker"),
    path("search/", public_cache(views.SearchView.as_view()), name="search"),
    path("schema/", public_cache(views.Schema.as_view()), name="schema"),
    path("docs/", public_cache(views.documentation), name="docs"),
]
