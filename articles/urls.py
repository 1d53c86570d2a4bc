from django.urls import path

from articles import views
from newsroom.http import public_cache

app_name = "articles"

urlpatterns = [
    path("", public_cache(views.HomeView.as_view()), name="home"),
    path("section/<uslug:slug>/", public_cache(views.SectionView.as_view()), name="section"),
    path("tag/<uslug:slug>/", public_cache(views.TagView.as_view()), name="tag"),
    path("author/<uslug:slug>/", public_cache(views.AuthorView.as_view()), name="author"),
    path("news/<int:pk>/", public_cache(views.article_detail), name="detail-short"),
    path("news/<int:pk>/<uslug:slug>/", public_cache(views.article_detail), name="detail"),
    path("preview/<str:token>/", views.article_preview, name="preview"),
    path("search/", public_cache(views.search), name="search"),
    path("corrections/", public_cache(views.CorrectionsView.as_view()), name="corrections"),
]
