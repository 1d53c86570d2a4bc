"""Load a live page as election night does: readers polling it while an editor posts.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/live.py [--readers 1000] [--duration 60] [--connections 50]

It builds a throwaway database as ``bench/load.py`` does, seeds the demo,
opens live coverage on a published article with a few updates, and serves the
site with gunicorn (2 workers, production settings, the page cache on, polls
every 15 seconds). Then, while this process posts an update every 10 seconds
through the services:

1. Throughput: wrk loads ``/healthz`` for ``--duration`` seconds, then the
   changes readers poll (the addresses of the last few polling buckets, as
   readers who loaded the page at different moments ask them) over
   ``--connections`` connections. It prints polls per second, their ratio to
   ``/healthz``'s in the same run (target: at least 0.8) and the share the page
   cache answered.
2. Every update seen: ``--readers`` simulated readers (threads) each open the
   page at a random moment of the first interval and poll as ``live.js`` does,
   from the cursor the page gave them, for ``--duration`` seconds and two
   intervals more. Each update must reach every reader within two intervals
   of being posted; the run fails otherwise.

wrk and Redis are required (``apt-get install wrk``; the editor's purges reach
gunicorn's workers through Redis).
"""

import argparse
import http.client
import io
import json
import os
import random
import re
import secrets
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
POLL_SECONDS = 15
os.environ["LIVE_POLL_SECONDS"] = str(POLL_SECONDS)
# The editor (this process) and gunicorn's workers share the page cache: one key prefix,
# of this run's own, so nothing of an earlier run is served.
os.environ["CACHE_KEY_PREFIX"] = f"live-{secrets.token_hex(6)}"
from bench import load  # noqa: E402

PROJECT = load.PROJECT  # Django is set up from here on

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from liveblog import services  # noqa: E402
from liveblog.reading import poll_cursor  # noqa: E402

POST_EVERY = 10  # seconds between the editor's updates
BUCKETS_POLLED = 4  # readers who loaded the page in the last minute ask these


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=1000, help="simulated readers polling")
    parser.add_argument("--duration", type=int, default=60, help="seconds of each phase")
    parser.add_argument("--connections", type=int, default=50, help="wrk's connections")
    args = parser.parse_args()
    if not load.loadtools.wrk_path():
        parser.error("wrk is not on PATH (apt-get install wrk)")
    if not os.environ.get("REDIS_URL"):
        parser.error("set REDIS_URL: the editor and the server share the page cache through it")

    with tempfile.TemporaryDirectory(prefix="newsroom-live-") as folder:
        work = Path(folder)
        paths = {"MEDIA_ROOT": work / "media", "STATIC_ROOT": work / "static"}
        with override_settings(**paths), load.throwaway_database(work) as database_url:
            call_command("seed_demo", stdout=io.StringIO())
            call_command("collectstatic", interactive=False, verbosity=0)
            editor = get_user_model().objects.get(username="editor")
            article = Article.objects.published().order_by("-published_at").first()
            live_blog = services.live_start(article=article, by=editor)
            for n in range(5):
                post(live_blog, editor, n)
            page = article.get_absolute_url()
            connection.close()
            env = {
                **os.environ,
                **{name: str(path) for name, path in paths.items()},
                "DATABASE_URL": database_url,
            }
            with load.gunicorn(env, log=work / "gunicorn.log") as (_process, port):
                origin = f"http://127.0.0.1:{port}"
                gzip = {"Accept-Encoding": "gzip"}
                healthz = load.loadtools.run_wrk(
                    origin + reverse("healthz"),
                    duration=args.duration,
                    connections=args.connections,
                    headers=gzip,
                )
                with editing(live_blog, editor, args.duration):
                    polls = run_polls(origin, live_blog.pk, args)
                # Readers go on for two intervals after the last update.
                with editing(live_blog, editor, args.duration) as posted:
                    seen, failures = follow(origin, page, args)
    report(healthz, polls, posted, seen, failures, args)


def post(live_blog, editor, n: int):
    return services.update_post(
        live_blog=live_blog,
        by=editor,
        headline_ar=f"تحديث رقم {n}",
        body_ar=f"<p>نص التحديث رقم {n} من غرفة الأخبار.</p>",
    )


class editing:
    """Post an update every ``POST_EVERY`` seconds for ``seconds`` (or until the block
    ends); ``posted`` maps each update's id to when it was posted (this process's clock)."""

    def __init__(self, live_blog, editor, seconds: float):
        self.live_blog, self.editor = live_blog, editor
        self.until = time.monotonic() + seconds
        self.posted: dict[int, float] = {}
        self.stop = threading.Event()

    def __enter__(self) -> dict[int, float]:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self.posted

    def run(self) -> None:
        n = 100
        while not self.stop.wait(POST_EVERY) and time.monotonic() < self.until:
            update = post(self.live_blog, self.editor, n)
            self.posted[update.pk] = time.monotonic()
            n += 1
        connection.close()

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def run_polls(origin: str, live_blog_pk: int, args) -> load.loadtools.RoundRobin:
    """wrk on the changes of the last ``BUCKETS_POLLED`` buckets, as many readers ask them."""
    now = poll_cursor(timezone.now())
    addresses = [
        reverse("liveblog:changes", args=[live_blog_pk, now - n * POLL_SECONDS])
        for n in range(BUCKETS_POLLED)
    ]
    return load.loadtools.run_wrk_round_robin(
        origin, addresses, duration=args.duration, connections=args.connections
    )


def follow(origin: str, page: str, args) -> tuple[dict[int, dict[int, float]], list[str]]:
    """``--readers`` readers polling as live.js does; what each saw, and when."""
    start = time.monotonic()
    end = start + args.duration + 2 * POLL_SECONDS
    seen: dict[int, dict[int, float]] = {}
    failures: list[str] = []
    threads = [
        threading.Thread(target=reader, args=(n, origin, page, start, end, seen, failures))
        for n in range(args.readers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return seen, failures


def reader(n, origin, page, start, end, seen, failures) -> None:
    mine: dict[int, float] = {}
    seen[n] = mine
    rng = random.Random(n)
    time.sleep(rng.uniform(0, POLL_SECONDS))
    html = get(origin, page)
    found = re.search(r'data-live-changes="([^"]+)"', html or "")
    if not found:
        failures.append(f"reader {n}: the page had no live changes address")
        return
    address = found.group(1)
    for update in re.findall(r'id="update-(\d+)"', html):
        mine.setdefault(int(update), time.monotonic())
    while time.monotonic() + POLL_SECONDS < end:
        time.sleep(POLL_SECONDS)
        body = get(origin, address)
        if body is None:
            failures.append(f"reader {n}: a poll failed")
            continue
        data = json.loads(body)
        for change in data["changes"]:
            mine.setdefault(change["id"], time.monotonic())
        address = re.sub(r"\d+\.json$", f"{data['next']}.json", address)


def get(origin: str, path: str) -> str | None:
    host, port = origin.removeprefix("http://").split(":")
    client = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        client.request("GET", path)
        response = client.getresponse()
        body = response.read()
        return body.decode() if response.status == 200 else None
    except OSError:
        return None
    finally:
        client.close()


def report(healthz, polls, posted, seen, failures, args) -> None:
    ratio = polls.rps / healthz.rps if healthz.rps else 0
    print(f"/healthz: {healthz.rps:,.0f} req/s")
    print(
        f"polls: {polls.rps:,.0f} req/s ({ratio:.2f}× /healthz; target ≥ 0.8), "
        f"{polls.hits:,} of {polls.requests:,} from the page cache, "
        f"statuses {polls.statuses}, socket errors {polls.sockets}"
    )
    delays, missed = [], 0
    for update, moment in posted.items():
        for reader_seen in seen.values():
            if update not in reader_seen:
                missed += 1
            else:
                delays.append(max(0.0, reader_seen[update] - moment))
    worst = max(delays, default=0)
    print(
        f"{len(seen)} readers, {len(posted)} updates posted: {missed} never seen, "
        f"delay median {statistics.median(delays) if delays else 0:.1f} s, "
        f"worst {worst:.1f} s (limit {2 * POLL_SECONDS} s)"
    )
    for failure in failures[:10]:
        print("  ", failure)
    late = worst > 2 * POLL_SECONDS
    broken = any(status >= 500 for status in polls.statuses) or any(polls.sockets)
    if missed or late or failures or ratio < 0.8 or broken:
        sys.exit(1)


if __name__ == "__main__":
    main()
