"""Load the public site while an editor publishes, edits and unpublishes: nothing fails,
nothing is lost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/writes.py [--articles 2000] [--duration 60] [--connections 50]

It builds a throwaway database beside the configured one as ``bench/load.py``
does, seeds the demo plus ``--articles``, and serves the site with gunicorn
(2 workers, production settings, the page cache on). wrk then requests the
home page, a section, the feeds, ``/ticker.json`` and the pages of the
articles the editor works on, round-robin over ``--connections`` connections
for ``--duration`` seconds, counting every status. Meanwhile this process
works as an editor through the workflow services, once a second: it publishes
a draft, edits a published article's headline, or sends one back to draft,
remembering what it last did to each. At the end it prints requests per
second, the statuses (a 5xx or a socket error fails the run), the writes made,
and checks each article it touched: in the database and through the site (its
page and the home page), exactly as it last left it. Exits non-zero on any
failure. wrk is required (``apt-get install wrk``).
"""

import argparse
import io
import os
import random
import secrets
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The editor (this process) and gunicorn's workers share the page cache: one key prefix,
# of this run's own, so nothing of an earlier run is served.
os.environ["CACHE_KEY_PREFIX"] = f"writes-{secrets.token_hex(6)}"
from bench import load

PROJECT = load.PROJECT  # Django is set up from here on

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.services import article_publish, article_return_to_draft  # noqa: E402
from bench.seeding import add_articles, vocabulary_texts  # noqa: E402

WORKED_ON = 12  # articles the editor cycles through


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000, help="articles added to the demo")
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--connections", type=int, default=50, help="concurrent connections")
    args = parser.parse_args()
    if not load.loadtools.wrk_path():
        parser.error("wrk is not on PATH (apt-get install wrk)")
    if not os.environ.get("REDIS_URL"):
        # This process purges what it changes; gunicorn's workers hear of it through Redis.
        parser.error("set REDIS_URL: the editor and the server share the page cache through it")

    with tempfile.TemporaryDirectory(prefix="newsroom-writes-") as folder:
        work = Path(folder)
        paths = {"MEDIA_ROOT": work / "media", "STATIC_ROOT": work / "static"}
        with override_settings(**paths), load.throwaway_database(work) as database_url:
            call_command("seed_demo", stdout=io.StringIO())
            now = timezone.now()
            add_articles(
                args.articles,
                vocabulary_texts(random.Random(2026), planted=[]),
                published_at=lambda n: now - load.ARTICLE_INTERVAL * (n + 1),
            )
            call_command("collectstatic", interactive=False, verbosity=0)
            editor = get_user_model().objects.get(username="editor")
            articles = list(Article.objects.published().order_by("-published_at")[:WORKED_ON])
            addresses = [a.get_absolute_url() for a in articles] + [
                "/", "/en/", articles[0].section.get_absolute_url(), "/feeds/rss/",
                "/ticker.json",
            ]  # fmt: skip
            connection.close()
            env = {
                **os.environ,
                **{name: str(path) for name, path in paths.items()},
                "DATABASE_URL": database_url,
            }
            with load.gunicorn(env, log=work / "gunicorn.log") as (_process, port):
                origin = f"http://127.0.0.1:{port}"
                stop = threading.Event()
                last: dict[int, tuple[str, str]] = {}
                writes = threading.Thread(
                    target=edit_until, args=(stop, editor, articles, last), daemon=True
                )
                writes.start()
                try:
                    counted = load.loadtools.run_wrk_round_robin(
                        origin, addresses, duration=args.duration, connections=args.connections
                    )
                finally:
                    stop.set()
                    writes.join()
                mismatches = check(origin, last)
    report(counted.statuses, counted.sockets, counted.seconds, last, mismatches, args)


def edit_until(stop: threading.Event, editor, articles: list[Article], last: dict) -> None:
    """Once a second: publish, retitle or unpublish one of ``articles``, as an editor does."""
    turn = 0
    while not stop.wait(1.0):
        article = Article.objects.get(pk=articles[turn % len(articles)].pk)
        step = (turn // len(articles)) % 3
        try:
            if step == 0:
                article.title_ar = f"{article.title_ar.split(' — ')[0]} — تحديث {turn}"
                article.save()
            elif step == 1:
                article_return_to_draft(article=article, by=editor, note=f"مراجعة {turn}")
            else:
                article_publish(article=article, by=editor)
        except Exception as error:  # reported as a lost write
            last[article.pk] = ("failed", f"{type(error).__name__}: {error}")
        else:
            article.refresh_from_db()
            last[article.pk] = (article.status, article.title_ar)
        turn += 1
    connection.close()


def check(origin: str, last: dict[int, tuple[str, str]]) -> list[str]:
    """What differs, in the database or on the site, from what the editor last did."""
    mismatches = []
    home = load.fetch(origin, "/")
    for pk, (status, title) in last.items():
        article = Article.objects.get(pk=pk)
        if (article.status, article.title_ar) != (status, title):
            mismatches.append(f"article {pk} in the database: {article.status} {article.title_ar}")
        page = load.fetch(origin, article.get_absolute_url())
        if status == Article.Status.PUBLISHED and title not in page:
            mismatches.append(f"article {pk}'s page does not show «{title}»")
        if status != Article.Status.PUBLISHED and page != "":
            mismatches.append(f"article {pk} is a draft but its page answers")
        if status != Article.Status.PUBLISHED and title in home:
            mismatches.append(f"article {pk} is a draft but the home page lists it")
    return mismatches


def report(statuses, sockets, seconds, last, mismatches, args) -> None:
    total = sum(statuses.values())
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    print(f"{total} requests in {seconds:.0f} s ({total / seconds:.0f} req/s) "
          f"over {args.connections} connections")  # fmt: skip
    print("statuses: " + ", ".join(f"{s}: {c}" for s, c in sorted(statuses.items())))
    print(f"socket errors (connect, read, write, timeout): {sockets}")
    print(f"articles the editor left: {len(last)}; mismatches: {len(mismatches)}")
    for mismatch in mismatches:
        print("  " + mismatch)
    if server_errors or any(sockets) or mismatches or not total:
        sys.exit(1)


if __name__ == "__main__":
    main()
