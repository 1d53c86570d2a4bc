"""Load-test the public site over HTTP: gunicorn in production settings under wrk.

    .venv/bin/python bench/load.py [--articles 20000] [--duration 5] [--connections 16]
                                   [--mode both|all|cold|warm|uncached] [--varnish] [--json PATH]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/load.py

It builds a throwaway database beside the configured one (a SQLite file in a
temporary folder, or the PostgreSQL database ``test_<name>_load``), seeds the
demo publication plus ``--articles`` more published articles (one every ten
minutes back from now), collects the static files into a temporary STATIC_ROOT
and serves the site with gunicorn (2 sync workers, DEBUG=0, REDIS_URL passed on)
on a free loopback port. wrk (``apt-get install wrk``; without it, a Python
client of threads) then loads /healthz and each public page for ``--duration``
seconds over ``--connections`` connections, in each mode (``both``: cold and warm;
``all``: the three):

- cold: gunicorn started with PAGE_CACHE_ENABLED=0, so every request renders its
  page, as the first reader after a purge does (the pieces kept apart from pages,
  the ticker strip, article cards and each page's own part, stay kept, as they do
  then);
- warm: a second gunicorn with the page cache on, each page requested first;
- uncached: FRAGMENT_CACHE_ENABLED=0 as well: nothing is kept at all.

Each gunicorn gets a cache key prefix of its own (``CACHE_KEY_PREFIX``), so no
page of an earlier run is served from Redis.

The client accepts gzip, as browsers and CDNs do (``--identity``: it does not).
``--varnish`` puts varnishd in front of gunicorn, with deploy/varnish/default.vcl
(its backend ``default`` pointed at gunicorn; a stand-in VCL until that file
exists). The table gives requests per second, median and p99 latency, errors
(responses of 400 and over, socket errors) and each page's rate as a share of
/healthz's in the same run, the server's ceiling; then the memory of every
gunicorn worker, the database, cache, machine and tool versions. ``--json``
saves the figures. The database and temporary files are removed at the end, on
Ctrl-C and errors too. Figures depend on the machine and on what else runs on it.
"""

import argparse
import http.client
import io
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from datetime import timedelta
from functools import partial
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote, unquote, urlencode, urlsplit, urlunsplit

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
# The production configuration, as gunicorn will run it (a throwaway key, plain HTTP).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
os.environ["DEBUG"] = "0"
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"

import django  # noqa: E402
import redis  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import DatabaseError, connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from articles.models import Article  # noqa: E402
from bench import loadtools  # noqa: E402
from bench.seeding import add_articles, vocabulary_texts  # noqa: E402
from discovery.sitemaps import article_months  # noqa: E402

WORKERS = 2
SEARCH_WORD = "البرلمان"
ARTICLE_INTERVAL = timedelta(minutes=10)  # a busy desk: 144 articles a day
MAX_REQUESTS = 100_000  # per page, for the Python client (wrk is bounded by time alone)
STARTUP_SECONDS = 60
# What each mode turns off. Cold: no page is stored, as for a page just purged; the
# fragments many pages share (ticker strip, cards) are kept, as they are then.
# Uncached: nothing is kept at all.
MODES = {
    "cold": {"PAGE_CACHE_ENABLED": "0"},
    "warm": {"PAGE_CACHE_ENABLED": "1"},
    "uncached": {"PAGE_CACHE_ENABLED": "0", "FRAGMENT_CACHE_ENABLED": "0"},
}
MODE_CHOICES = {"both": ["cold", "warm"], "all": list(MODES)} | {mode: [mode] for mode in MODES}
DEPLOYED_VCL = PROJECT / "deploy" / "varnish" / "default.vcl"
# Until deploy/varnish/default.vcl exists: Varnish's built-in rules, which cache what the
# site marks public for its max-age and pass the rest.
STAND_IN_VCL = """vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8001";
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="articles added to the demo")
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections")
    parser.add_argument("--mode", choices=list(MODE_CHOICES), default="both")
    parser.add_argument("--varnish", action="store_true", help="put varnishd in front")
    parser.add_argument("--json", type=Path, metavar="PATH", help="save the figures here")
    parser.add_argument(
        "--identity",
        action="store_true",
        help="ask for pages uncompressed (by default the client accepts gzip, as browsers do)",
    )
    parser.add_argument(
        "--client",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator (auto: wrk when it is on PATH)",
    )
    args = parser.parse_args()
    use_wrk = args.client == "wrk" or (args.client == "auto" and loadtools.wrk_path() is not None)
    if use_wrk and not loadtools.wrk_path():
        parser.error("wrk is not on PATH (apt-get install wrk)")
    if args.varnish and not shutil.which("varnishd"):
        parser.error("--varnish needs varnishd on PATH (apt-get install varnish varnish-modules)")
    headers = {} if args.identity else {"Accept-Encoding": "gzip"}
    if use_wrk:
        load = partial(
            loadtools.run_wrk, duration=args.duration, connections=args.connections, headers=headers
        )
    else:
        load = partial(
            loadtools.run_python,
            duration=args.duration,
            connections=args.connections,
            max_requests=MAX_REQUESTS,
            headers=headers,
        )
    # `kill` ends the benchmark like Ctrl-C: servers stopped, database dropped.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    with tempfile.TemporaryDirectory(prefix="newsroom-load-") as folder:
        work = Path(folder)
        paths = {"MEDIA_ROOT": work / "media", "STATIC_ROOT": work / "static"}
        with override_settings(**paths), throwaway_database(work) as database_url:
            started = time.perf_counter()
            call_command("seed_demo", stdout=io.StringIO())
            now = timezone.now()
            add_articles(
                args.articles,
                vocabulary_texts(random.Random(2026), planted=[SEARCH_WORD]),
                published_at=lambda n: now - ARTICLE_INTERVAL * (n + 1),
            )
            facts = describe(use_wrk=use_wrk, varnish=args.varnish)
            seconds = time.perf_counter() - started
            print(f"{facts['published_articles']} published articles, seeded in {seconds:.0f} s")
            pages = public_pages()
            for name, path in pages.items():
                print(f"  {name:<16}{unquote(path)}", file=sys.stderr)
            call_command("collectstatic", interactive=False, verbosity=0)
            connection.close()  # gunicorn's workers open their own
            env = {
                **os.environ,
                **{name: str(path) for name, path in paths.items()},
                "DATABASE_URL": database_url,
            }
            runs = {
                mode: run(
                    mode,
                    pages,
                    # A prefix of its own, so no page of an earlier run is served from Redis.
                    env={**env, **MODES[mode], "CACHE_KEY_PREFIX": f"load-{secrets.token_hex(6)}"},
                    load=load,
                    varnish=args.varnish,
                    logs=work,
                )
                for mode in MODE_CHOICES[args.mode]
            }
    report(facts, pages, runs, args)


@contextmanager
def throwaway_database(work: Path) -> Iterator[str]:
    """Create and migrate the benchmark's database; yield its DATABASE_URL; drop it."""
    test = connection.settings_dict["TEST"]
    if connection.vendor == "sqlite":
        test["NAME"] = str(work / "newsroom.sqlite3")
    else:
        test["NAME"] = f"test_{connection.settings_dict['NAME']}_load"
    original = connection.settings_dict["NAME"]
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        yield database_url(test["NAME"])
    finally:
        # Until create_test_db switches over, NAME is still the real database: leave it be.
        if connection.settings_dict["NAME"] == test["NAME"]:
            try:
                connection.creation.destroy_test_db(original, verbosity=0)
            except (DatabaseError, OSError) as error:
                print(f"could not drop the database {test['NAME']}: {error}", file=sys.stderr)


def database_url(name: str) -> str:
    """The DATABASE_URL of the database ``name``: the configured one with its name replaced."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    configured = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(configured._replace(path="/" + quote(name)))


def public_pages() -> dict[str, str]:
    """/healthz, then every kind of public page, picked from the seeded database."""
    article = (
        Article.objects.published()
        .exclude(section=None)
        .exclude(authors=None)
        .exclude(tags=None)
        .select_related("section")
        .first()
    )
    busiest_month = max(article_months(), key=lambda sitemap: sitemap.count)
    with translation.override("en"):
        english_home = reverse("articles:home")
    return {
        "healthz": reverse("healthz"),
        "home": reverse("articles:home"),
        "home (en)": english_home,
        "section": article.section.get_absolute_url(),
        "tag": reverse("articles:tag", kwargs={"slug": article.tags.first().slug}),
        "author": article.authors.first().get_absolute_url(),
        "article": article.get_absolute_url(),
        "search": reverse("articles:search") + "?" + urlencode({"q": SEARCH_WORD}),
        "feed (rss)": reverse("feeds:rss"),
        "feed (atom)": reverse("feeds:atom"),
        "sitemap index": reverse("sitemap-index"),
        "sitemap, month": reverse("sitemap", kwargs={"section": busiest_month.name}),
        "news sitemap": reverse("news-sitemap"),
        "robots.txt": reverse("robots"),
        "ticker.json": reverse("ticker:live"),
    }


def run(
    mode: str,
    pages: dict[str, str],
    *,
    env: dict[str, str],
    load: Callable[[str], loadtools.Result],
    varnish: bool,
    logs: Path,
) -> dict:
    """Serve the site once in ``mode`` and load each page; the figures and workers' memory."""
    with ExitStack() as stack:
        server, port = stack.enter_context(gunicorn(env, log=logs / f"gunicorn-{mode}.log"))
        if varnish:
            port = stack.enter_context(varnish_in_front(port, log=logs / f"varnish-{mode}.log"))
        origin = f"http://127.0.0.1:{port}"
        if mode == "warm":
            # Local memory is per worker: a few requests reach both.
            for path in pages.values():
                for _ in range(4):
                    get(origin, path)
        results = {}
        for name, path in pages.items():
            results[name] = result = load(origin + path)
            settle(origin, result)
            print(f"  {mode:<9}{name:<16}{result.rps:>9.1f} req/s", file=sys.stderr)
        return {"pages": results, "workers_rss_mb": worker_memory(server.pid)}


def settle(origin: str, result: loadtools.Result) -> None:
    """Let the server finish the requests still queued when the load stopped, which would
    slow the next page: they drain in about one request's latency under load, and
    /healthz answers once those before it are through."""
    time.sleep(min((result.p99_ms or 0) / 1000, 30))
    get(origin, reverse("healthz"))


@contextmanager
def gunicorn(env: dict, *, log: Path) -> Iterator[tuple[subprocess.Popen, int]]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "newsroom.wsgi",
        f"--workers={WORKERS}",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{port}",
        "--no-control-socket",  # gunicorn's is one per user: leave it to other servers
    ]
    with served(command, env=env, log=log, ready=f"http://127.0.0.1:{port}") as process:
        yield process, port


@contextmanager
def varnish_in_front(backend: int, *, log: Path) -> Iterator[int]:
    """varnishd in front of the gunicorn on port ``backend``; yields its own port."""
    port = free_port()
    # Run as root, varnishd reads the VCL as its own unprivileged user: a folder of its own,
    # readable by others, holds the VCL and varnishd's working files.
    with tempfile.TemporaryDirectory(prefix="newsroom-varnish-") as folder:
        os.chmod(folder, 0o755)
        source = DEPLOYED_VCL.read_text() if DEPLOYED_VCL.exists() else STAND_IN_VCL
        vcl = Path(folder) / "default.vcl"
        vcl.write_text(loadtools.point_backend(source, backend))
        command = [
            "varnishd",
            "-F",
            "-n",
            str(Path(folder) / "state"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,256m",
        ]
        with served(command, env=dict(os.environ), log=log, ready=f"http://127.0.0.1:{port}"):
            yield port


@contextmanager
def served(command: list[str], *, env: dict, log: Path, ready: str) -> Iterator[subprocess.Popen]:
    """Run a server until the block ends, once its /healthz answers. In a session of its
    own, Ctrl-C reaches this script alone, which then stops the server in order."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=PROJECT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while get(ready, reverse("healthz")) != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                tail = "".join(log.read_text(errors="replace").splitlines(True)[-20:])
                raise RuntimeError(f"{command[0]} did not start:\n{tail}")
            time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(origin: str, path: str) -> int | None:
    """The status of one GET, or None when nothing answers."""
    address = urlsplit(origin)
    client = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        client.request("GET", path)
        response = client.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        client.close()


def fetch(origin: str, path: str) -> str:
    """The text of a page that answers 200, else an empty string."""
    address = urlsplit(origin)
    client = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        client.request("GET", path)
        response = client.getresponse()
        body = response.read()
        return body.decode() if response.status == 200 else ""
    finally:
        client.close()


def worker_memory(master: int) -> list[float]:
    """Resident memory (MB) of each child of the gunicorn master: its workers."""
    sizes = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name in parentheses may hold spaces; the parent's id follows it.
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == master:
                status = (stat.parent / "status").read_text()
                sizes.append(int(re.search(r"^VmRSS:\s+(\d+)", status, re.MULTILINE)[1]) / 1024)
        except (OSError, IndexError, TypeError):
            continue  # the process ended while being read
    return sorted(sizes)


def describe(*, use_wrk: bool, varnish: bool) -> dict:
    """The database, cache, machine and tools behind the figures."""
    if connection.vendor == "sqlite":
        database = f"SQLite {connection.Database.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    if settings.REDIS_URL:
        server = redis.Redis.from_url(settings.REDIS_URL).info("server")
        address = urlsplit(settings.REDIS_URL)
        cache = f"Redis {server['redis_version']} at {address.hostname}:{address.port or 6379}"
    else:
        cache = "local memory (one per worker)"
    cpu = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
    if use_wrk:
        client = loadtools.wrk_version()
    else:
        client = "Python client " + ("(--client python)" if loadtools.wrk_path() else "(no wrk)")
    return {
        "database": f"{database}, {connection.settings_dict['NAME']}",
        "cache": cache,
        "published_articles": Article.objects.published().count(),
        "cpu": cpu[1] if cpu else platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": f"{version('gunicorn')}, {WORKERS} sync workers",
        "client": client,
        "varnish": varnish_version() if varnish else None,
    }


def varnish_version() -> str:
    output = subprocess.run(["varnishd", "-V"], capture_output=True, text=True).stderr
    return output.splitlines()[0] if output else "unknown"


def milliseconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def report(facts: dict, pages: dict[str, str], runs: dict[str, dict], args) -> None:
    print()
    for key, value in facts.items():
        if value is not None:
            print(f"{key + ':':<20}{value}")
    encoding = "identity" if args.identity else "gzip accepted"
    print(f"{'load:':<20}{args.duration} s per page, {args.connections} connections, {encoding}")
    print()
    print(f"{'page':<16}{'mode':<9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
          f"{'vs healthz':>12}")  # fmt: skip
    rows = []
    for name, path in pages.items():
        for mode, figures in runs.items():
            result = figures["pages"][name]
            ceiling = figures["pages"]["healthz"].rps
            share = result.rps / ceiling if ceiling else 0.0
            print(f"{name:<16}{mode:<9}{result.rps:>9.1f}{milliseconds(result.p50_ms):>9}"
                  f"{milliseconds(result.p99_ms):>9}{result.errors:>8}{share:>12.3f}")  # fmt: skip
            rows.append({"page": name, "path": path, "mode": mode, **asdict(result),
                         "share_of_healthz": round(share, 4)})  # fmt: skip
    print()
    for mode, figures in runs.items():
        memory = ", ".join(f"{size:.0f}" for size in figures["workers_rss_mb"])
        print(f"gunicorn workers' resident memory after the {mode} run: {memory} MB")
    if args.json:
        saved = {
            **facts,
            "duration_s": args.duration,
            "connections": args.connections,
            "results": rows,
            "workers_rss_mb": {mode: figures["workers_rss_mb"] for mode, figures in runs.items()},
        }
        args.json.write_text(json.dumps(saved, ensure_ascii=False, indent=2) + "\n")
        print(f"figures saved to {args.json}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("interrupted: servers stopped, database dropped")
