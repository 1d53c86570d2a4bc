"""Benchmark the public pages: latency percentiles, queries and size per page.

    .venv/bin/python bench/pages.py [--articles 5000] [--requests 300]

It builds a throwaway database beside the configured one (SQLite by default,
PostgreSQL when DATABASE_URL points there), seeds the demo publication plus
``--articles`` more published articles, and requests each page through
Django's full stack in this process (middleware, ORM, templates; no network),
in production settings: the HTML pages, /ticker.json, feeds and sitemaps. The
database is dropped at the end.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ["DEBUG"] = "0"
os.environ["SECURE_SSL_REDIRECT"] = "0"
warnings.filterwarnings("ignore", message="No directory at")  # static files are not collected

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from bench.seeding import add_articles, sample_texts  # noqa: E402


@contextmanager
def seeded_database(articles: int, *, every: timedelta = timedelta(minutes=1)) -> Iterator[None]:
    """A throwaway database (the configured one's test database) holding the demo
    publication plus ``articles`` more, one every ``every`` going back from two days
    ago (``bench.seeding.add_articles``); dropped on leaving. The page cache is off:
    this times rendering (bench/load.py measures the page cache)."""
    setup_test_environment()
    media = tempfile.TemporaryDirectory()
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(
        MEDIA_ROOT=media.name,
        STORAGES={**django.conf.settings.STORAGES, "staticfiles": plain_static},
        PAGE_CACHE_ENABLED=False,
    ):
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            call_command("seed_demo", stdout=io.StringIO())
            newest = timezone.now() - timedelta(days=2)
            add_articles(articles, sample_texts(), published_at=lambda n: newest - every * n)
            yield
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            media.cleanup()


def public_pages() -> dict[str, str]:
    """The pages to measure, named, with the addresses of the newest article's section,
    tag, author and month."""
    article = Article.objects.published().first()
    month = timezone.localtime(article.published_at)
    return {
        "home": "/",
        "home, page 50": "/?page=50",
        "section": article.section.get_absolute_url(),
        "tag": f"/tag/{article.tags.first().slug}/",
        "author": article.authors.first().get_absolute_url(),
        "article": article.get_absolute_url(),
        "article (en)": "/en" + article.get_absolute_url(),
        "ticker.json": "/ticker.json",
        "feed (rss)": "/feeds/rss/",
        "feed (atom, en)": "/en/feeds/atom/",
        "sitemap index": "/sitemap.xml",
        "sitemap, month": f"/sitemap-articles-{month:%Y-%m}.xml",
        "news sitemap": "/news-sitemap.xml",
    }


def measure(client: Client, url: str, requests: int) -> dict:
    client.get(url)  # warm caches and connections
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # read now: the next requests clear Django's query log
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "p99": timings[int(len(timings) * 0.99) - 1],
        "queries": query_count,
        "kb": len(response.content) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles added to the demo")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per page")
    args = parser.parse_args()

    started = time.perf_counter()
    with seeded_database(args.articles):
        total = Article.objects.published().count()
        seconds = time.perf_counter() - started
        print(f"{connection.vendor}: {total} published articles, seeded in {seconds:.1f} s; "
              f"{args.requests} requests per page")  # fmt: skip
        client = Client()
        print(f"{'page':<18}{'median ms':>10}{'p95 ms':>9}{'p99 ms':>9}{'queries':>9}{'KB':>7}")
        for name, url in public_pages().items():
            r = measure(client, url, args.requests)
            print(f"{name:<18}{r['median']:>10.2f}{r['p95']:>9.2f}{r['p99']:>9.2f}"
                  f"{r['queries']:>9}{r['kb']:>7.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
