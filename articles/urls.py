from django.urls import path

from articles import views

app_name = "articles"

# <str:slug>, not <slug:slug>: Django's slug converter rejects Arabic letters.
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("section/<str:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<str:slug>/", views.AuthorView.as_view(), name="author"),
    path("news/<int:pk>/", views.article_detail, name="detail-short"),
    path("news/<int:pk>/<str:slug>/", views.article_detail, name="detail"),
]
