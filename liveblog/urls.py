from django.urls import path

from discovery.feed_formats import NewsAtomFeed, NewsRssFeed
from liveblog import views
from liveblog.feeds import LiveUpdatesFeed
from newsroom.http import public_cache

app_name = "liveblog"

urlpatterns = [
    path("live/updates/<int:pk>/", public_cache(views.update_permalink), name="update"),
    path(
        "live/<int:pk>/changes/<int:cursor>.json",
        public_cache(views.changes),
        name="changes",
    ),
    path("live/<int:pk>/feed/rss/", public_cache(LiveUpdatesFeed(NewsRssFeed)), name="rss"),
    path("live/<int:pk>/feed/atom/", public_cache(LiveUpdatesFeed(NewsAtomFeed)), name="atom"),
]
