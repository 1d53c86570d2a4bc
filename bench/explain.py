"""Show how the database runs the archive's queries: plans and times over many articles.

    .venv/bin/python bench/explain.py [--articles 100000] [--repeat 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom .venv/bin/python bench/explain.py

It builds a throwaway database as bench/pages.py does (the configured one's test
database, dropped at the end): the demo publication plus ``--articles``
published articles (100,000 by default, with a progress bar), one every 15
minutes, so that 100,000 of them fill about three years of monthly sitemaps,
spread over the demo's sections, authors and tags. It then requests the home
page (its listing, latest list and newest articles per section), a section, a
tag and an author page, the site's, a section's, a tag's and an author's feed,
the sitemap index and a month's sitemap through Django's full stack, and prints
every query they run on articles, their tags or their authors, with the median
time of ``--repeat`` runs and its plan: ``EXPLAIN ANALYZE`` on PostgreSQL,
``EXPLAIN QUERY PLAN`` on SQLite. Every plan should reach articles and their tag
and author links through an index (an ``Index Scan``, or a ``SEARCH`` using one),
never by reading a whole table (a ``Seq Scan``, or a ``SCAN`` of the table).
"""

import argparse
import re
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# First: importing the page benchmark sets Django up, in the same production settings.
from bench.pages import public_pages, seeded_database

# isort: split
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article

EXPLAINED_PAGES = ("home", "section", "tag", "author", "sitemap index", "sitemap, month")
ARTICLE_TABLES = ('"articles_article"', '"articles_taggedarticle"', '"articles_article_authors"')
COLUMNS = re.compile(r"^SELECT .*? FROM ", re.DOTALL)


def pages() -> dict[str, str]:
    """The explained pages: bench/pages.py's listings and sitemaps, and the feeds."""
    listed = public_pages()
    article = Article.objects.published().first()
    scopes = {
        "section": article.section.slug,
        "tag": article.tags.first().slug,
        "author": article.authors.first().slug,
    }
    return {
        **{name: listed[name] for name in EXPLAINED_PAGES},
        "feed": reverse("feeds:rss"),
        **{
            f"feed, {scope}": reverse(f"feeds:{scope}-rss", kwargs={"slug": slug})
            for scope, slug in scopes.items()
        },
    }


def article_queries(client: Client, url: str) -> list[tuple[str, tuple]]:
    """The queries a request for ``url`` runs on articles and their tags and authors."""
    captured = []

    def capture(execute, sql, params, many, context):
        captured.append((sql, tuple(params or ())))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [
        (sql, params)
        for sql, params in captured
        if any(table in sql for table in ARTICLE_TABLES) and '"ticker_' not in sql
    ]


def median_ms(sql: str, params: tuple, repeat: int) -> float:
    timings = []
    with connection.cursor() as cursor:
        for _ in range(repeat):
            start = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def plan(sql: str, params: tuple) -> list[str]:
    """The plan, one line per step, indented as the database nests them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            return [row[0] for row in cursor.fetchall()]
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        depth, lines = {0: -1}, []
        for node, parent, _unused, detail in cursor.fetchall():
            depth[node] = depth.get(parent, -1) + 1
            lines.append("  " * depth[node] + detail)
        return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    args = parser.parse_args()

    started = time.perf_counter()
    with seeded_database(args.articles, every=timedelta(minutes=15)):
        total = Article.objects.published().count()
        seconds = time.perf_counter() - started
        print(f"{connection.vendor}: {total} published articles, seeded in {seconds:.0f} s")
        client = Client()
        explained = set()
        for name, url in pages().items():
            client.get(url)  # warm the caches, as a page that is often asked for is
            print(f"\n=== {name}: {url}")
            for sql, params in article_queries(client, url):
                if (sql, params) in explained:
                    continue
                explained.add((sql, params))
                print(f"\n--- {median_ms(sql, params, args.repeat):.2f} ms (median)")
                print(COLUMNS.sub("SELECT … FROM ", sql))
                for line in plan(sql, params):
                    print("    " + line)


if __name__ == "__main__":
    main()
