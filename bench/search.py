"""Benchmark search: median and p99 latency of 20 Arabic queries over many articles.

    .venv/bin/python bench/search.py [--articles 100000] [--repeat 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom .venv/bin/python bench/search.py

It builds a throwaway database beside the configured one, bulk-inserts
``--articles`` published articles (with a progress bar) whose words come from a
vocabulary with a realistic, Zipf-like spread plus the words the queries look
for, and times what a reader's search costs before the page renders
(``articles.search_suggestions.answer``: parsing with the lexicon and the
spelling variants, the full-text query fetching up to 1,000 ranked ids, and
when nothing matches, the fallbacks and the typing-slip correction) for each
query, the last few of which need those fallbacks. Targets, for 100,000
articles: p99 under 100 ms on PostgreSQL and under 250 ms on SQLite.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop")
os.environ["DEBUG"] = "0"

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.search import find, parse_query  # noqa: E402
from articles.search_suggestions import answer  # noqa: E402
from bench.seeding import add_articles, vocabulary_texts  # noqa: E402

QUERIES = [
    "البرلمان",
    "الاقتصاد",
    "وزير الخارجية",
    '"البنك المركزي"',
    "الذهب -الأسواق",
    "النفط أو الغاز",
    "٢٠٢٥",
    "مدرسة",
    "الانتخابات البلدية",
    "المنتخب الوطني",
    "الصحة العامة",
    "قمة المناخ",
    "الطاقة الشمسية",
    "الزراعة",
    "مهرجان السينما",
    "إسرائيل",
    "مستشفى",
    "رئيس الحكومة",
    "بالكتاب",
    "«معرض الكتاب»",
]
# Queries that find nothing as typed: a question (function words go), a word no
# article holds (all words but one), a typing slip (the closest known word).
FALLBACK_QUERIES = [
    "ما هو مستقبل الزراعة",
    "البرلمان يناقش الميزانيات الاستثنائية",
    "البرلمام",
    "المنتخب الوطنى",
]


def print_plan(query: str) -> None:
    """Show how the database runs ``query``: the plan should use the full-text index."""
    captured = []

    def capture(execute, sql, params, many, context):
        captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        find(parse_query(query), language="ar")
    sql, params = captured[-1]
    postgres = connection.vendor == "postgresql"
    explain = "EXPLAIN ANALYZE " if postgres else "EXPLAIN QUERY PLAN "
    with transaction.atomic(), connection.cursor() as cursor:
        if postgres:
            cursor.execute("SET LOCAL enable_seqscan = off")  # as articles.search does
        cursor.execute(explain + sql, params)
        print(f"plan for {query}:")
        for row in cursor.fetchall():
            print("  ", " ".join(str(part) for part in row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each query")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        rng, now = random.Random(2026), timezone.now()
        add_articles(
            args.articles,
            vocabulary_texts(rng, planted=QUERIES),
            published_at=lambda n: now - timedelta(minutes=rng.randint(1, 3 * 365 * 24 * 60)),
        )
        seconds = time.perf_counter() - started
        print(f"{connection.vendor}: {args.articles} articles seeded in {seconds:.0f} s")
        timings: list[float] = []
        print(f"{'query':<24}{'results':>8}{'median ms':>11}")
        for query in QUERIES + FALLBACK_QUERIES:
            answer(query, language="ar")  # warm
            runs = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                found = answer(query, language="ar")
                runs.append((time.perf_counter() - start) * 1000)
            timings.extend(runs)
            results = len(found.outcome.matches)
            print(f"{query:<24}{results:>8}{statistics.median(runs):>11.2f}")
        timings.sort()
        p99 = timings[max(0, int(len(timings) * 0.99) - 1)]
        print(f"all queries: median {statistics.median(timings):.2f} ms, p99 {p99:.2f} ms")
        print_plan(QUERIES[0])
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
