"""Feed addresses, under each language's prefix: /feeds/rss/, /en/feeds/atom/section/<slug>/,
/feeds/json/tag/<slug>/ …"""

from django.urls import path

from discovery.feed_formats import FORMATS
from discovery.feeds import ArticleFeed, AuthorFeed, CorrectionsFeed, SectionFeed, TagFeed
from newsroom.http import public_cache

app_name = "feeds"

urlpatterns = []
for fmt, generator in FORMATS.items():
    urlpatterns += [
        path(f"feeds/{fmt}/", public_cache(ArticleFeed(generator)), name=fmt),
        path(
            f"feeds/{fmt}/section/<uslug:slug>/",
            public_cache(SectionFeed(generator)),
            name=f"section-{fmt}",
        ),
        path(f"feeds/{fmt}/tag/<uslug:slug>/", public_cache(TagFeed(generator)), name=f"tag-{fmt}"),
        path(
            f"feeds/{fmt}/corrections/",
            public_cache(CorrectionsFeed(generator)),
            name=f"corrections-{fmt}",
        ),
        path(
            f"feeds/{fmt}/author/<uslug:slug>/",
            public_cache(AuthorFeed(generator)),
            name=f"author-{fmt}",
        ),
    ]
