"""Root URLs. Arabic is served without a prefix, English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, register_converter

from discovery import views as discovery_views
from newsroom import health
from newsroom.converters import SlugConverter
from newsroom.http import public_cache

# <uslug:…> in the apps' URLs: Django's <slug:> refuses Arabic letters, <str:> takes NULs.
register_converter(SlugConverter, "uslug")

# Crawlers' addresses have no language prefix: each file covers every language.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("robots.txt", public_cache(discovery_views.robots_txt), name="robots"),
    path("sitemap.xml", public_cache(discovery_views.sitemap_index), name="sitemap-index"),
    path("sitemap-<str:section>.xml", public_cache(discovery_views.sitemap), name="sitemap"),
    path("news-sitemap.xml", public_cache(discovery_views.news_sitemap), name="news-sitemap"),
    # One API for every language: each answer carries all of them.
    path("api/v1/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("ticker.urls")),
    path("", include("liveblog.urls")),
    path("", include("discovery.urls")),
    path("", include("articles.urls")),
    path("", include("newsroom.publication_urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "newsroom.errors.bad_request"
handler404 = "newsroom.errors.page_not_found"
