"""Judge Arabic search: recall, shown precision, MRR and nDCG on a judged set.

    .venv/bin/python bench/search_eval.py [--postgres URL] [--details]

The set, in ``bench/search_eval/``, is original: ``articles.json`` (short news
articles in about thirty topic clusters) and ``queries.json`` (what readers
type, each with the phenomena it tests and graded judgments: 2 = what the
reader wants, 1 = related). Engines compared on it:

- ours, on SQLite and on PostgreSQL (``articles.search.search``, the search
  readers get, with its fallbacks), each in a throwaway database;
- PostgreSQL's ``arabic`` text-search configuration (snowball stemmer) on the
  raw text, queried with ``websearch_to_tsquery`` and ranked by ``ts_rank``;
- Lucene's ArabicAnalyzer (``bench/lucene_arabic.py``), when Debian's
  ``liblucene8-java`` and a JDK are installed; the script says when not.

PostgreSQL runs on ``--postgres`` (default: ``$EVAL_POSTGRES_URL`` or the local
server); the script says when it cannot connect. Every article has the same
publication time, so the recency boost plays no part.

Metrics, over the ten results a reader sees first: recall@10 (share of the
relevant articles among them), precision of what is shown (share of shown
results that are relevant, over queries that show any), MRR (1 / rank of the
first relevant result), nDCG@10 (graded, gain 2^grade − 1), and the number of
queries that find nothing. Relevant means graded 1 or 2.
"""

import argparse
import json
import math
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "search_eval"
SHOWN = 10
DEFAULT_POSTGRES = os.environ.get(
    "EVAL_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)

# {query id: (total results, [article ids, best first])}
Rankings = dict[str, tuple[int, list[str]]]


def load() -> tuple[list[dict], list[dict]]:
    articles = json.loads((DATA / "articles.json").read_text(encoding="utf-8"))
    queries = json.loads((DATA / "queries.json").read_text(encoding="utf-8"))
    return articles, queries


# ---- Metrics


def scores(ranked: list[str], judgments: dict[str, int]) -> dict[str, float | None]:
    """The metrics of one query's shown results."""
    shown = ranked[:SHOWN]
    relevant = {article for article, grade in judgments.items() if grade > 0}
    hits = [article for article in shown if article in relevant]
    first = next((rank for rank, article in enumerate(shown, 1) if article in relevant), None)
    dcg = sum((2 ** judgments.get(a, 0) - 1) / math.log2(r + 1) for r, a in enumerate(shown, 1))
    ideal = sorted(judgments.values(), reverse=True)[:SHOWN]
    idcg = sum((2**grade - 1) / math.log2(r + 1) for r, grade in enumerate(ideal, 1))
    return {
        "recall": len(hits) / min(len(relevant), SHOWN) if relevant else 0.0,
        "precision": len(hits) / len(shown) if shown else None,
        "mrr": 1 / first if first else 0.0,
        "ndcg": dcg / idcg if idcg else 0.0,
        "zero": 1.0 if not ranked else 0.0,
    }


def summary(rankings: Rankings, queries: list[dict]) -> dict[str, dict[str, float]]:
    """Averages over all queries (key "all") and over each phenomenon's queries."""
    collected: dict[str, list[dict]] = defaultdict(list)
    for query in queries:
        result = scores(rankings.get(query["id"], (0, []))[1], query["judgments"])
        collected["all"].append(result)
        for phenomenon in query["phenomena"]:
            collected[phenomenon].append(result)
    averaged = {}
    for name, results in collected.items():
        precisions = [r["precision"] for r in results if r["precision"] is not None]
        averaged[name] = {
            "recall": _mean([r["recall"] for r in results]),
            "precision": _mean(precisions),
            "mrr": _mean([r["mrr"] for r in results]),
            "ndcg": _mean([r["ndcg"] for r in results]),
            "zero": sum(r["zero"] for r in results),
            "queries": len(results),
        }
    return averaged


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# ---- Engines that need a database run in a child process with their own settings


def rank_in_database(engine: str) -> Rankings:
    """Run in the child: build a throwaway database with the articles, rank every query."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("SECRET_KEY", "evaluation-only-secret-key-0123456789-abcdefghijklmnop")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        articles, queries = load()
        ids = _add_articles(articles)
        if engine == "ours":
            return _rank_ours(queries, ids)
        return _rank_postgres_arabic(queries, ids)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _add_articles(articles: list[dict]) -> dict[int, str]:
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.html import escape

    from articles.models import Article

    published_at = timezone.now() - timedelta(hours=1)
    ids = {}
    for item in articles:
        body = "".join(f"<p>{escape(p)}</p>" for p in item["body"].split("\n\n"))
        article = Article(
            title_ar=item["title"],
            summary_ar=item["summary"],
            body_ar=body,
            status=Article.Status.PUBLISHED,
            published_at=published_at,
        )
        article.save()
        ids[article.pk] = item["id"]
    return ids


def _rank_ours(queries: list[dict], ids: dict[int, str]) -> Rankings:
    try:
        from articles.search_suggestions import answer
    except ImportError:  # the search of earlier versions, for a comparison with today's
        from articles.search import find, parse_query

        def answer(text, language):
            return SimpleNamespace(
                outcome=SimpleNamespace(matches=find(parse_query(text), language=language))
            )

    rankings = {}
    for query in queries:
        matches = answer(query["query"], language="ar").outcome.matches
        rankings[query["id"]] = (len(matches), [ids[m.article_id] for m in matches[:SHOWN]])
    return rankings


def _rank_postgres_arabic(queries: list[dict], ids: dict[int, str]) -> Rankings:
    from django.db import connection

    vector = (
        "setweight(to_tsvector('arabic', title_ar), 'A') || "
        "setweight(to_tsvector('arabic', summary_ar), 'B') || "
        "setweight(to_tsvector('arabic', body_ar), 'C')"
    )
    rankings = {}
    with connection.cursor() as cursor:
        for query in queries:
            text = query["query"].replace("«", '"').replace("»", '"')
            text = " ".join("or" if word in {"أو", "او"} else word for word in text.split())
            cursor.execute(
                f"SELECT id FROM (SELECT id, {vector} AS v FROM articles_article) a, "
                "websearch_to_tsquery('arabic', %s) q WHERE v @@ q "
                "ORDER BY ts_rank(v, q) DESC, id",
                [text],
            )
            found = [ids[pk] for (pk,) in cursor.fetchall()]
            rankings[query["id"]] = (len(found), found[:SHOWN])
    return rankings


def run_child(engine: str, database_url: str | None) -> Rankings | str:
    """Rankings from a child process, or why there are none."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if database_url:
        environment["DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, __file__, "--child", engine],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"
    return {qid: (total, top) for qid, (total, top) in json.loads(result.stdout).items()}


def postgres_reachable(url: str) -> str | None:
    """None when PostgreSQL answers at ``url``, else why not."""
    probe = "import os, psycopg; psycopg.connect(os.environ['URL'], connect_timeout=3).close()"
    result = subprocess.run(
        [sys.executable, "-c", probe], env={**os.environ, "URL": url}, capture_output=True
    )
    return None if result.returncode == 0 else f"no PostgreSQL at {url}"


def rank_with_lucene(articles: list[dict], queries: list[dict]) -> Rankings | str:
    sys.path.insert(0, str(ROOT))
    from bench import lucene_arabic

    if reason := lucene_arabic.unavailable():
        return reason
    return lucene_arabic.rank(articles, queries, operator="AND")


# ---- Report


COLUMNS = (
    ("ndcg", "nDCG@10"),
    ("recall", "recall@10"),
    ("precision", "shown prec."),
    ("mrr", "MRR"),
)


def report(results: dict[str, dict[str, dict[str, float]]], skipped: dict[str, str]) -> None:
    articles, queries = load()
    print(f"{len(articles)} articles, {len(queries)} queries (bench/search_eval/)\n")
    header = f"{'engine':<26}" + "".join(f"{label:>13}" for _, label in COLUMNS)
    print(header + f"{'no result':>11}")
    for engine, table in results.items():
        overall = table["all"]
        row = f"{engine:<26}" + "".join(f"{overall[key]:>13.3f}" for key, _ in COLUMNS)
        print(row + f"{int(overall['zero']):>11}")
    for engine, reason in skipped.items():
        print(f"{engine:<26}  skipped: {reason}")
    phenomena = sorted({p for q in queries for p in q["phenomena"]})
    print("\nnDCG@10 per phenomenon (queries)")
    engines = list(results)
    print(f"{'phenomenon':<22}" + "".join(f"{_short(e):>14}" for e in engines))
    for phenomenon in phenomena:
        count = next(iter(results.values()))[phenomenon]["queries"] if results else 0
        cells = "".join(f"{results[e][phenomenon]['ndcg']:>14.3f}" for e in engines)
        print(f"{phenomenon + f' ({count})':<22}{cells}")


def _short(engine: str) -> str:
    return engine.replace("PostgreSQL", "PG").replace("ours ", "ours/")[:13]


def details(rankings: Rankings, queries: list[dict]) -> None:
    """Queries where the engine falls short, to see what to fix."""
    for query in queries:
        result = scores(rankings.get(query["id"], (0, []))[1], query["judgments"])
        if result["ndcg"] < 0.7:
            total, top = rankings.get(query["id"], (0, []))
            print(f"{query['id']} {query['query']!r} nDCG {result['ndcg']:.2f} total {total}")
            print(f"   shown {top}")
            wanted = sorted(query["judgments"].items(), key=lambda kv: -kv[1])
            print(f"   wanted {wanted}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="a PostgreSQL server URL")
    parser.add_argument("--details", action="store_true", help="list our weak queries")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(rank_in_database(args.child), ensure_ascii=False))
        return

    articles, queries = load()
    rankings: dict[str, Rankings] = {}
    skipped: dict[str, str] = {}
    outcomes = {"ours (SQLite)": run_child("ours", None)}
    if reason := postgres_reachable(args.postgres):
        skipped["ours (PostgreSQL)"] = skipped["PostgreSQL arabic"] = reason
    else:
        outcomes["ours (PostgreSQL)"] = run_child("ours", args.postgres)
        outcomes["PostgreSQL arabic"] = run_child("postgres-arabic", args.postgres)
    outcomes["Lucene ArabicAnalyzer"] = rank_with_lucene(articles, queries)
    for engine, outcome in outcomes.items():
        if isinstance(outcome, str):
            skipped[engine] = outcome
        else:
            rankings[engine] = outcome
    report({engine: summary(r, queries) for engine, r in rankings.items()}, skipped)
    if args.details and "ours (SQLite)" in rankings:
        print("\nours (SQLite), queries under nDCG 0.7:")
        details(rankings["ours (SQLite)"], queries)


if __name__ == "__main__":
    main()
