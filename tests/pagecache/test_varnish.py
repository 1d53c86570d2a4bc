"""Varnish with the shipped VCL in front of the live server: a change shows on the very
next request through it, and the pages the change did not touch stay cached.

``varnishd`` (Debian's ``varnish``, with vmod-xkey from ``varnish-modules``) runs in
the foreground with a working directory of its own, in front of pytest-django's
live server; Django purges it by content tag as in production (``CDN_PURGE_URLS``).
The VCL tells hits from misses in ``X-Cache``: ``HIT``, ``MISS`` or ``PASS``.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from articles import views
from articles.previews import preview_url
from articles.services import article_archive, article_publish, article_return_to_draft
from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = [pytest.mark.varnish, pytest.mark.django_db(transaction=True)]

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
BACKEND_PORT = '.port = "8001";'
# Debian installs varnishd in /usr/sbin, which is not on every user's PATH.
VARNISHD = shutil.which("varnishd", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
START_SECONDS = 30


@dataclass
class Answer:
    status: int
    cache: str  # X-Cache: HIT, MISS or PASS
    headers: http.client.HTTPMessage
    text: str


class Varnish:
    """Requests to varnishd, for the live server's host name: straight to its port, or
    through its ``tls`` socket as hitch hands HTTPS readers over (PROXY protocol)."""

    def __init__(self, port: int, tls_port: int, host: str) -> None:
        self.port, self.tls_port, self.host = port, tls_port, host

    def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, *, tls=False
    ) -> Answer:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.tls_port if tls else self.port, timeout=10
        )
        try:
            if tls:
                connection.connect()
                connection.sock.sendall(b"PROXY TCP4 203.0.113.7 127.0.0.1 50000 443\r\n")
            # Arabic slugs percent-encoded, as browsers send them (reverse() already does).
            headers = {"Host": self.host, **(headers or {})}
            connection.request(method, quote(path, safe="/?=&%"), headers=headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        cache = response.getheader("X-Cache", "")
        return Answer(response.status, cache, response.headers, body.decode())

    def get(self, path: str, headers: dict[str, str] | None = None, *, tls=False) -> Answer:
        return self.request("GET", path, headers, tls=tls)

    def outcomes(self, *paths: str) -> list[str]:
        return [self.get(path).cache for path in paths]

    def purge(self, tags: str, headers: dict[str, str] | None = None, *, tls=False) -> int:
        headers = {"xkey-purge": tags, **(headers or {})}
        return self.request("PURGE", "/", headers, tls=tls).status


def skip_or_fail(reason: str) -> None:
    """Skip on a machine without Varnish; fail in CI, which must run these tests."""
    if os.environ.get("NEWSROOM_REQUIRE_VARNISH") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def free_ports(count: int) -> list[int]:
    with ExitStack() as stack:
        probes = [stack.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]


def wait_until_ready(process: subprocess.Popen, varnish: Varnish, log: Path) -> None:
    """Wait until the VCL answers: a purge of a tag no page carries gives 200."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text(errors="replace")
            if "Could not find VMOD xkey" in output:
                skip_or_fail("vmod xkey not found (apt-get install varnish-modules)")
            pytest.fail(f"varnishd exited with {process.returncode}:\n{output}")
        try:
            if varnish.purge("none") == 200:
                return
        except OSError:  # not listening yet, or the child is still starting
            pass
        time.sleep(0.05)
    pytest.fail(f"varnishd did not answer within {START_SECONDS}s:\n{log.read_text()}")


def stop(process: subprocess.Popen) -> None:
    """Stop varnishd: its manager and child, the process group it was started in."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def varnishd(live_server):
    """varnishd with the shipped VCL, its backend port replaced by the live server's."""
    if VARNISHD is None:
        skip_or_fail("varnishd not found (apt-get install varnish varnish-modules)")
    vcl = VCL.read_text()
    assert vcl.count(BACKEND_PORT) == 1, f"{VCL} must name its backend port as {BACKEND_PORT}"
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
    try:
        (workdir / "test.vcl").write_text(
            vcl.replace(BACKEND_PORT, f'.port = "{live_server.thread.port}";')
        )
        varnish = Varnish(*free_ports(2), live_server.thread.host)
        log = workdir / "varnishd.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [
                    VARNISHD,
                    "-F",  # in the foreground: this process is Varnish's manager
                    "-n", str(workdir),
                    # No privilege separation: as root, the default jail runs the child
                    # as the varnish user, which cannot enter a private temporary folder.
                    "-j", "none",
                    "-a", f"127.0.0.1:{varnish.port}",
                    "-a", f"tls=127.0.0.1:{varnish.tls_port},PROXY",
                    "-f", str(workdir / "test.vcl"),
                    "-s", "malloc,32m",
                    # Small: a few requests at a time, a shared log of 1 MB, not 80.
                    "-p", "thread_pools=1",
                    "-p", "thread_pool_min=5",
                    "-p", "vsl_space=1M",
                ],
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        try:
            wait_until_ready(process, varnish, log)
            yield varnish
        finally:
            stop(process)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def varnish(varnishd, settings, roles, site_chrome):
    """Django purging Varnish, whose cache starts empty (ids and addresses come back
    from test to test)."""
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = True  # as in production
    settings.CDN_PURGE_URLS = [f"http://127.0.0.1:{varnishd.port}/"]
    settings.CDN_CACHE_SECONDS = 3600  # as production, once CDN_PURGE_URLS is set
    assert varnishd.purge("all") == 200
    return varnishd


def assert_changed(varnish: Varnish, path: str, *, shows: str = "", hides: str = "") -> None:
    """The very next request for ``path`` is fetched anew and shows the change."""
    answer = varnish.get(path)
    assert (answer.status, answer.cache) == (200, "MISS"), path
    assert shows in answer.text, path
    assert not hides or hides not in answer.text, path


def test_each_change_shows_at_once_and_leaves_untouched_pages_cached(varnish):
    editor = UserFactory(role="Editor")
    economy, sport = SectionFactory(name_ar="اقتصاد"), SectionFactory(name_ar="رياضة")
    story = ArticleFactory(section=economy, title_ar="خبر الاقتصاد الأول", tags=["أسواق"])
    other = ArticleFactory(section=sport, title_ar="خبر الرياضة الثاني", tags=["كرة"])
    draft = ArticleFactory(section=economy, title_ar="خبر ينتظر النشر", draft=True)
    economy_page, sport_page = economy.get_absolute_url(), sport.get_absolute_url()
    pages = [
        "/",
        economy_page,
        sport_page,
        story.get_absolute_url(),
        other.get_absolute_url(),
        "/tag/أسواق/",
        "/tag/كرة/",
    ]
    assert varnish.outcomes(*pages) == ["MISS"] * len(pages)
    assert varnish.outcomes(*pages) == ["HIT"] * len(pages)

    # Published through the workflow: on its page, the home page and its section.
    assert varnish.get(draft.get_absolute_url()).status == 404
    article_publish(article=draft, by=editor)
    for path in [draft.get_absolute_url(), "/", economy_page]:
        assert_changed(varnish, path, shows=draft.title_ar)
    assert varnish.outcomes(sport_page, other.get_absolute_url()) == ["HIT"] * 2

    # A corrected headline: every page that shows the story, and no other.
    story.title_ar = "خبر الاقتصاد بعد التصحيح"
    story.save()
    for path in ["/", economy_page, story.get_absolute_url(), "/tag/أسواق/"]:
        assert_changed(varnish, path, shows=story.title_ar, hides="خبر الاقتصاد الأول")
    assert varnish.outcomes(sport_page, other.get_absolute_url(), "/tag/كرة/") == ["HIT"] * 3

    # A tag added through the ORM: the tag's page lists the other story now, and the
    # pages showing that story (its page, its section, its first tag) are fetched anew.
    other.tags.add("أسواق")
    for path in ["/tag/أسواق/", other.get_absolute_url(), sport_page, "/tag/كرة/"]:
        assert_changed(varnish, path, shows=other.title_ar)
    assert varnish.outcomes(economy_page, draft.get_absolute_url()) == ["HIT"] * 2

    # Returned to draft with a note: off its page and its lists at once.
    article_return_to_draft(article=story, by=editor, note="خطأ في الأرقام")
    assert varnish.get(story.get_absolute_url()).status == 404
    for path in ["/", economy_page, "/tag/أسواق/"]:
        assert_changed(varnish, path, hides=story.title_ar)
    assert varnish.outcomes(sport_page, "/tag/كرة/") == ["HIT"] * 2

    # Archived: the same.
    article_archive(article=draft, by=editor)
    assert varnish.get(draft.get_absolute_url()).status == 404
    assert_changed(varnish, economy_page, hides=draft.title_ar)
    assert varnish.outcomes(sport_page, "/tag/كرة/") == ["HIT"] * 2


def test_editors_previews_and_logged_in_readers_pass_and_purge_details_stay_inside(varnish):
    preview = preview_url(ArticleFactory(draft=True).pk)
    for path in ["/admin/login/", "/en/admin/login/", preview, "/en" + preview]:
        assert varnish.outcomes(path, path) == ["PASS", "PASS"], path

    # A session cookie passes; any other cookie is dropped and the page shared.
    assert varnish.get("/", {"Cookie": "sessionid=abc"}).cache == "PASS"
    assert varnish.get("/", {"Cookie": "theme=dark"}).cache == "MISS"
    assert varnish.get("/", {"Cookie": "theme=dark; sessionid=abc"}).cache == "PASS"
    hit = varnish.get("/")
    assert hit.cache == "HIT"

    # Caches after Varnish are not purged: they keep pages a minute, as browsers do
    # (and may serve them stale for a while, unless the date in the masthead changes
    # at midnight before then: the last half hour of a day in Cairo has no grace).
    assert hit.headers["Cache-Control"].startswith("public, max-age=60, stale-")
    assert hit.headers["xkey"] is None and hit.headers["Surrogate-Key"] is None
    debug = varnish.get("/", {"X-Cache-Debug": "1"})
    assert "all" in debug.headers["xkey"].split()
    assert debug.headers["Surrogate-Key"] == debug.headers["xkey"]


def test_readers_through_hitch_get_https_pages_of_their_own(varnish):
    plain = varnish.get("/robots.txt")
    assert f"http://{varnish.host}/sitemap.xml" in plain.text
    secure = varnish.get("/robots.txt", tls=True)
    assert (secure.cache, f"https://{varnish.host}/sitemap.xml" in secure.text) == ("MISS", True)
    assert varnish.get("/robots.txt", tls=True).cache == "HIT"


def test_only_django_may_purge(varnish):
    varnish.get("/")
    assert varnish.request("PURGE", "/").status == 400  # no tags named
    # Readers relayed by a TLS terminator on this host: nginx, then hitch.
    assert varnish.purge("all", {"X-Forwarded-Proto": "https"}) == 403
    assert varnish.purge("all", tls=True) == 403
    assert varnish.get("/").cache == "HIT"


def test_an_expired_page_is_served_stale_only_as_the_site_allows(varnish, settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = False  # each fetch reaches the view
    settings.CDN_CACHE_SECONDS = 1
    story = ArticleFactory(title_ar="خبر قبل انتهاء الصلاحية", title_en="Before it expired")
    settings.STALE_WHILE_REVALIDATE_SECONDS = 30
    assert varnish.get("/en/").cache == "MISS"
    settings.STALE_WHILE_REVALIDATE_SECONDS = 0
    assert varnish.get("/").cache == "MISS"
    settings.CDN_PURGE_URLS = []  # a change Varnish is not told of
    story.title_ar, story.title_en = "خبر بعد انتهاء الصلاحية", "After it expired"
    story.save()
    time.sleep(1.1)

    # Past s-maxage, within stale-while-revalidate: the stale page at once, and the new
    # one fetched behind it.
    stale = varnish.get("/en/")
    assert (stale.cache, "Before it expired" in stale.text) == ("HIT", True)
    deadline = time.monotonic() + 5
    while "After it expired" not in varnish.get("/en/").text:
        assert time.monotonic() < deadline, "the stale page was not fetched again"
        time.sleep(0.05)
    # Past stale-while-revalidate too: the reader waits for a fresh page.
    assert_changed(varnish, "/", shows=story.title_ar)

    # The site failing: a page never cached shows the error, a cached one is served
    # stale (stale-if-error) rather than the error.
    calls = []

    def broken(*args, **kwargs):
        calls.append(args)
        raise RuntimeError("the database is down")

    monkeypatch.setattr(views.ArticleListView, "get", broken)
    assert varnish.get(story.section.get_absolute_url()).status == 500
    time.sleep(1.1)
    stale = varnish.get("/")
    assert (stale.status, stale.cache) == (200, "HIT")
    assert story.title_ar in stale.text
    # Varnish asked once in the foreground, and once more behind the stale page:
    # wait for that request before the database is emptied.
    deadline = time.monotonic() + 5
    while len(calls) < 3:
        assert time.monotonic() < deadline, f"{len(calls)} requests reached the site"
        time.sleep(0.01)
