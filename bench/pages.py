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

from articles.models import Article, Section, TaggedArticle  # noqa: E402
from newsroom.models import StaffMember  # noqa: E402

BODY = (
    "<p>فقرة افتتاحية من الخبر تشرح ما حدث وأين ومتى.</p><h2>السياق</h2>"
    "<p>فقرة ثانية تنقل عن «وكالة الأنباء» تفاصيل إضافية.</p>" * 3
)
BATCH = 2000  # articles per insert


def add_articles(count: int, *, every: timedelta = timedelta(minutes=1)) -> None:
    """Bulk-insert ``count`` published articles spread over sections, authors and tags,
    one every ``every`` going back from two days ago, with a progress bar.

    As in a real archive, one in 500 led the home page for a while and one in 500
    was pinned to it (both long over): the planner sees those indexes in use.
    """
    sections = list(Section.objects.all())
    authors = list(StaffMember.objects.all())
    tags = list(Article.tags.model.objects.all())
    images = list(Article.objects.exclude(lead_image=None).values_list("lead_image", flat=True))
    newest = timezone.now() - timedelta(days=2)
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        articles = Article.objects.bulk_create(
            Article(
                title_ar=f"خبر للقياس رقم {n} عن الأسواق والطقس",
                slug=f"خبر-للقياس-{n}",
                summary_ar="ملخص قصير للخبر يظهر على البطاقات.",
                body_ar=BODY,
                section=sections[n % len(sections)],
                lead_image_id=images[n % len(images)],
                status=Article.Status.PUBLISHED,
                published_at=newest - every * n,
                lead_until=newest - every * n + timedelta(hours=6) if n % 500 == 0 else None,
                featured_until=newest - every * n + timedelta(days=1) if n % 500 == 250 else None,
            )
            for n in numbers
        )
        Article.authors.through.objects.bulk_create(
            Article.authors.through(article_id=a.pk, staffmember_id=authors[n % len(authors)].pk)
            for n, a in zip(numbers, articles, strict=True)
        )
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object_id=a.pk, tag_id=tags[(n + k) % len(tags)].pk)
            for n, a in zip(numbers, articles, strict=True)
            for k in range(3)
        )
        bar = "#" * (30 * numbers.stop // count)
        print(
            f"\r  seeding [{bar:<30}] {numbers.stop:>7}/{count}",
            end="",
            file=sys.stderr,
            flush=True,
        )
    print(file=sys.stderr)


@contextmanager
def seeded_database(articles: int, *, every: timedelta = timedelta(minutes=1)) -> Iterator[None]:
    """A throwaway database (the configured one's test database) holding the demo
    publication plus ``articles`` more (see ``add_articles``); dropped on leaving."""
    setup_test_environment()
    media = tempfile.TemporaryDirectory()
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(
        MEDIA_ROOT=media.name,
        STORAGES={**django.conf.settings.STORAGES, "staticfiles": plain_static},
    ):
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            call_command("seed_demo", stdout=io.StringIO())
            add_articles(articles, every=every)
            # A bulk load leaves the planner without statistics, and PostgreSQL without
            # the visibility map its index-only scans need; production's autovacuum
            # would have made both, so make them here too.
            with connection.cursor() as cursor:
                postgres = connection.vendor == "postgresql"
                cursor.execute("VACUUM ANALYZE" if postgres else "ANALYZE")
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
