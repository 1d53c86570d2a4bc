"""What the page cache serves, to whom, and with which headers."""

import gzip

import pytest
from django.urls import reverse

from articles.previews import preview_url
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, TickerItemFactory
from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls(newsroom):
    story = newsroom[0]
    month = story.published_at.strftime("%Y-%m")
    return [
        "/",
        "/en/",
        story.section.get_absolute_url(),
        "/tag/أسواق/",
        story.authors.first().get_absolute_url(),
        story.get_absolute_url(),
        "/search/?q=الاقتصاد",
        "/feeds/rss/",
        "/en/feeds/atom/",
        "/feeds/rss/tag/أسواق/",
        "/sitemap.xml",
        f"/sitemap-articles-{month}.xml",
        "/sitemap-tags.xml",
        "/news-sitemap.xml",
        "/robots.txt",
        "/ticker.json",
    ]


def test_a_warm_public_page_runs_no_query(
    client, page_cache, public_urls, django_assert_num_queries
):
    for url in public_urls:
        first = client.get(url)
        assert first["X-Page-Cache"] == "miss", url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Page-Cache"] == "hit", url
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]


def test_head_is_served_from_the_page_get_stored(client, page_cache, newsroom):
    url = newsroom[0].get_absolute_url()
    client.get(url)
    response = client.head(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_logged_in_readers_get_fresh_private_pages_and_nothing_is_stored(
    client, editor_client, page_cache, newsroom
):
    url = newsroom[0].get_absolute_url()
    client.get(url)  # an anonymous copy is stored

    response = editor_client.get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in response
    editor_client.get("/")  # and what they see is never stored for others
    assert outcome(client, "/") == "miss"


def test_previews_and_the_admin_are_private_and_never_stored(client, editor_client, page_cache):
    draft = ArticleFactory(draft=True, title_ar="مسودة سرية")
    link = preview_url(draft.pk)

    for _ in range(2):
        preview = client.get(link)
        assert preview.status_code == 200
        assert "no-store" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
        assert "X-Page-Cache" not in preview
    admin = editor_client.get(reverse("admin:index"))
    assert "no-store" in admin["Cache-Control"] and "public" not in admin["Cache-Control"]


def test_errors_are_not_stored(client, page_cache, site_chrome):
    for _ in range(2):
        missing = client.get("/news/999999/x/")
        assert missing.status_code == 404
        assert "X-Page-Cache" not in missing
        assert missing["Cache-Control"] == "private, no-store"


def test_only_get_and_head_are_served_from_the_cache(client, page_cache, newsroom):
    client.get("/ticker.json")
    response = client.post("/ticker.json")
    assert response.status_code == 405
    assert "X-Page-Cache" not in response


def test_responses_that_set_cookies_are_not_stored(rf, page_cache, settings):
    from django.http import HttpResponse

    from newsroom.http import public_cache
    from pagecache.middleware import PageCacheMiddleware

    @public_cache
    def sets_a_cookie(request):
        response = HttpResponse("personal")
        response.set_cookie("reader", "42")
        return response

    middleware = PageCacheMiddleware(sets_a_cookie)
    for _ in range(2):
        response = middleware(rf.get("/personal/"))
        assert response.cookies["reader"].value == "42"
        assert response["Cache-Control"] == "private, no-store"


def test_public_pages_tell_shared_caches_how_long_and_what_they_show(
    client, page_cache, newsroom, settings, midday
):
    story = newsroom[0]
    response = client.get(story.get_absolute_url())
    directives = response["Cache-Control"].split(", ")
    assert directives[0] == "public"
    assert f"max-age={settings.PUBLIC_CACHE_SECONDS}" in directives
    assert f"s-maxage={settings.CDN_CACHE_SECONDS}" in directives
    assert any(d.startswith("stale-while-revalidate=") for d in directives)
    assert any(d.startswith("stale-if-error=") for d in directives)
    keys = set(response["xkey"].split())
    assert response["Surrogate-Key"] == response["xkey"]
    assert {f"a{story.pk}", f"s{story.section_id}", f"i{story.lead_image_id}", "ticker",
            "masthead", "policies", "nav", "pub", "all"} <= keys  # fmt: skip
    assert f"a{newsroom[1].pk}" not in keys
    assert "Cookie" not in response.get("Vary", "")


def test_a_current_copy_is_answered_304(client, page_cache, newsroom):
    url = newsroom[0].get_absolute_url()
    first = client.get(url)

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_date.status_code == 304
    assert by_etag["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200


def test_a_changed_page_is_not_answered_304(
    client, page_cache, newsroom, django_capture_on_commit_callbacks
):
    story = newsroom[0]
    first = client.get(story.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        story.title_ar = "عنوان مصحح"
        story.save()

    response = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert response.status_code == 200
    assert "عنوان مصحح" in response.text


def test_pages_are_gzipped_for_readers_that_accept_it(client, page_cache, newsroom):
    url = newsroom[0].get_absolute_url()
    plain = client.get(url)
    zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert zipped["Vary"] == plain["Vary"] == "Accept-Encoding"


def test_turned_off_every_page_is_rendered(
    client, newsroom, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    response = client.get("/")
    assert response["X-Page-Cache"] == "pass"
    assert response["Cache-Control"].startswith("public")


def test_a_page_stored_under_one_language_is_not_served_in_the_other(client, page_cache, newsroom):
    TickerItemFactory(text_ar="خبر عاجل بالعربية", text_en="Breaking in English")
    arabic = client.get("/")
    english = client.get("/en/")
    assert arabic["Content-Language"] == "ar" and english["Content-Language"] == "en"
    assert "Breaking in English" in english.text and "Breaking in English" not in arabic.text


@pytest.fixture
def unreachable_page_cache(settings):
    """The page cache on, in a Redis at a port where nothing listens: a real refused
    connection."""
    settings.CACHES = {
        **settings.CACHES,
        "pagecache": {
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        },
    }
    settings.PAGE_CACHE_ENABLED = True


def test_pages_are_still_served_when_the_cache_server_is_down(
    client, unreachable_page_cache, newsroom
):
    response = client.get(newsroom[0].get_absolute_url())

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "pass"
    assert newsroom[0].title_ar in response.text


def test_redirects_to_the_canonical_address_are_stored_and_follow_slug_changes(
    client, page_cache, newsroom, django_capture_on_commit_callbacks
):
    story = newsroom[0]
    old_address = f"/news/{story.pk}/"
    assert client.get(old_address)["Location"] == story.get_absolute_url()
    cached = client.get(old_address)
    assert (cached.status_code, cached["X-Page-Cache"]) == (301, "hit")

    with django_capture_on_commit_callbacks(execute=True):
        story.slug = "عنوان-جديد-للخبر"
        story.save()

    moved = client.get(old_address)
    assert moved.status_code == 301
    assert moved["Location"] == story.get_absolute_url() != cached["Location"]


def test_paths_of_private_views_stop_asking_the_cache(client, unreachable_page_cache, caplog, db):
    # Each time the page cache asks the refusing server, it logs.
    assert client.get("/healthz").status_code == 200
    assert "does not answer" in caplog.text
    caplog.clear()

    assert client.get("/healthz").status_code == 200
    assert "does not answer" not in caplog.text


def test_an_edit_saved_while_the_cache_server_is_down_is_kept(
    editor_client, unreachable_page_cache, newsroom, django_capture_on_commit_callbacks, caplog
):
    story = newsroom[0]
    data = form_data(story, title_ar="عنوان حفظ والذاكرة متوقفة")

    with django_capture_on_commit_callbacks(execute=True):  # the purge runs, and fails
        response = editor_client.post(change_url(story), data)

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title_ar == "عنوان حفظ والذاكرة متوقفة"
    assert "Purging the page cache of" in caplog.text
    assert "عنوان حفظ والذاكرة متوقفة" in editor_client.get(story.get_absolute_url()).text
