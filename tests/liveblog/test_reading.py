"""Readers' side of live coverage: the page, permalinks, polling, caching."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from liveblog import services
from liveblog.models import LiveBlog
from liveblog.reading import UPDATES_PER_PAGE, poll_cursor
from tests.factories import (
    LiveBlogFactory,
    LiveUpdateFactory,
    StaffMemberFactory,
    TickerItemFactory,
    UserFactory,
)
from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_blog(site_chrome):
    return LiveBlogFactory(article__title_ar="الانتخابات البرلمانية: النتائج أولا بأول")


def minutes_ago(minutes: float):
    return timezone.now() - timedelta(minutes=minutes)


def post(live_blog, minutes: float, **fields):
    moment = minutes_ago(minutes)
    return LiveUpdateFactory(live_blog=live_blog, posted_at=moment, changed_at=moment, **fields)


def page(client, live_blog, **params):
    response = client.get(live_blog.article.get_absolute_url(), params)
    assert response.status_code == 200
    return response.text


# ---- The page


def test_updates_show_newest_first_with_the_pinned_one_on_top(client, live_blog):
    old = post(live_blog, 30, headline_ar="فتح مراكز الاقتراع")
    pinned = post(live_blog, 20, headline_ar="رابط النتائج الرسمية", is_pinned=True)
    new = post(live_blog, 1, headline_ar="بدء فرز الأصوات")

    text = page(client, live_blog)

    order = [text.index(f'id="update-{u.pk}"') for u in (pinned, new, old)]
    assert order == sorted(order)
    assert "live-update--pinned" in text


def test_each_update_shows_its_time_in_the_publications_zone_and_its_authors(client, live_blog):
    author = StaffMemberFactory(name_ar="مراسلة الميدان")
    update = post(live_blog, 5)
    update.authors.set([author])

    text = page(client, live_blog)

    local = timezone.localtime(update.posted_at).isoformat(timespec="seconds")
    assert f'datetime="{local}"' in text and local.endswith("+02:00")
    assert "مراسلة الميدان" in text and author.get_absolute_url() in text


def test_key_events_are_listed_with_links_to_their_anchors(client, live_blog):
    key = post(live_blog, 10, headline_ar="إعلان النتيجة الأولية", is_key_event=True)
    post(live_blog, 5, headline_ar="تعليق عابر")

    text = page(client, live_blog)

    events = text[text.index('id="key-events-heading"') : text.index("live__announce")]
    assert f'href="#update-{key.pk}"' in events and "إعلان النتيجة الأولية" in events
    assert "تعليق عابر" not in events


def test_the_live_badge_shows_on_the_page_cards_and_ticker_while_live(client, live_blog):
    TickerItemFactory(article=live_blog.article, text_ar="متابعة مباشرة للانتخابات")
    home = client.get("/").text
    article = page(client, live_blog)
    assert home.count('class="live-badge"') >= 2  # its card and its ticker item
    assert "live-badge--header" in article and "data-live-changes" in article

    services.live_end(live_blog=live_blog, by=UserFactory(role="Editor"))

    assert 'class="live-badge' not in client.get("/").text
    ended = page(client, live_blog)
    assert "live-badge" not in ended and "data-live-changes" not in ended
    assert "live__ended" in ended


def test_a_long_live_blog_shows_50_updates_and_a_link_to_older_ones(client, live_blog):
    updates = [post(live_blog, 200 - n) for n in range(UPDATES_PER_PAGE + 5)]  # oldest first

    first = page(client, live_blog)
    older = updates[4]
    second = page(client, live_blog, **{"from": older.pk})

    assert first.count('id="update-') == UPDATES_PER_PAGE
    assert f'href="?from={older.pk}#live"' in first
    assert second.count('id="update-') == 5
    assert (
        f'id="update-{updates[0].pk}"' in second
        and "?from=" not in second.split("live__announce")[1]
    )


def test_a_permalink_opens_the_page_that_holds_the_update(client, live_blog):
    updates = [post(live_blog, 200 - n) for n in range(UPDATES_PER_PAGE + 2)]
    article_url = live_blog.article.get_absolute_url()

    recent = client.get(updates[-1].get_absolute_url())
    old = client.get(updates[0].get_absolute_url())

    assert recent.status_code == 302 and recent.url == f"{article_url}#update-{updates[-1].pk}"
    assert old.url == f"{article_url}?from={updates[0].pk}#update-{updates[0].pk}"


def test_a_deleted_or_unknown_update_and_a_draft_articles_are_404(client, live_blog):
    update = post(live_blog, 5)
    services.update_delete(update=update, by=UserFactory(role="Editor"))
    draft_blog = LiveBlogFactory(article__draft=True)
    draft_update = post(draft_blog, 5)

    assert client.get(update.get_absolute_url()).status_code == 404
    assert client.get("/live/updates/999999/").status_code == 404
    assert client.get(draft_update.get_absolute_url()).status_code == 404


# ---- Polling


def changes(client, live_blog, cursor):
    url = reverse("liveblog:changes", args=[live_blog.pk, cursor])
    return client.get(url)


def later(seconds: float) -> datetime:
    """A moment ``seconds`` past the next whole minute (the article is published by then)."""
    minute = timezone.now().replace(second=0, microsecond=0) + timedelta(minutes=1)
    return minute + timedelta(seconds=seconds)


def test_readers_in_one_bucket_share_one_address_and_answer(client, live_blog):
    with time_machine.travel(later(3), tick=False):
        first = client.get(live_blog.article.get_absolute_url()).text
    with time_machine.travel(later(17), tick=False):
        second = client.get(live_blog.article.get_absolute_url()).text

    def address(text):
        start = text.index('data-live-changes="') + len('data-live-changes="')
        return text[start : text.index('"', start)]

    assert address(first) == address(second)
    assert address(first).endswith(f"/{poll_cursor(later(3))}.json")


def test_a_poll_sees_new_edited_and_deleted_updates_and_moves_on_together(client, live_blog):
    editor = UserFactory(role="Editor")
    kept = post(live_blog, 30, headline_ar="قديم")
    cursor = poll_cursor(timezone.now())

    posted = services.update_post(live_blog=live_blog, by=editor, body_ar="<p>جديد</p>")
    services.update_edit(update=kept, by=editor, headline_ar="قديم بعد التصحيح")
    gone = post(live_blog, 20)
    services.update_delete(update=gone, by=editor)
    data = changes(client, live_blog, cursor).json()

    by_id = {change["id"]: change for change in data["changes"]}
    assert set(by_id) == {posted.pk, kept.pk, gone.pk}
    assert (
        "جديد" in by_id[posted.pk]["html"]
        and f'id="update-{posted.pk}"' in by_id[posted.pk]["html"]
    )
    assert "قديم بعد التصحيح" in by_id[kept.pk]["html"]
    assert by_id[gone.pk]["deleted"] and by_id[gone.pk]["html"] == ""
    assert data["live"] is True and data["next"] == poll_cursor(timezone.now())


def test_nothing_is_missed_across_buckets(client, live_blog, settings):
    editor = UserFactory(role="Editor")
    start = later(0)
    seen = set()
    cursor = poll_cursor(start)
    with time_machine.travel(start, tick=False) as clock:
        for step in range(12):  # an update every 7 s, a poll every 20 s
            clock.shift(7)
            services.update_post(live_blog=live_blog, by=editor, body_ar=f"<p>رقم {step}</p>")
            if step % 3 == 2:
                data = changes(client, live_blog, cursor).json()
                seen |= {change["id"] for change in data["changes"]}
                cursor = data["next"]
        data = changes(client, live_blog, cursor).json()
        seen |= {change["id"] for change in data["changes"]}

    assert seen == set(live_blog.updates.values_list("pk", flat=True))


@pytest.mark.parametrize("cursor", [7, 10**11])
def test_a_cursor_that_is_no_bucket_start_or_in_the_future_is_404(client, live_blog, cursor):
    assert changes(client, live_blog, cursor).status_code == 404


def test_changes_of_an_unpublished_article_are_404(client):
    draft_blog = LiveBlogFactory(article__draft=True)

    assert changes(client, draft_blog, poll_cursor(timezone.now())).status_code == 404


# ---- Caching


def test_posting_purges_the_live_page_and_its_changes_and_nothing_else(
    client, page_cache, live_blog, django_capture_on_commit_callbacks
):
    other = LiveBlogFactory()
    post(live_blog, 10)
    cursor = poll_cursor(timezone.now())
    urls = [
        live_blog.article.get_absolute_url(),
        reverse("liveblog:changes", args=[live_blog.pk, cursor]),
        other.article.get_absolute_url(),
    ]
    for url in urls:
        outcome(client, url)
    assert [outcome(client, url) for url in urls] == ["hit", "hit", "hit"]

    with django_capture_on_commit_callbacks(execute=True):
        update = services.update_post(
            live_blog=live_blog, by=UserFactory(role="Editor"), body_ar="<p>تحديث عاجل</p>"
        )

    assert outcome(client, urls[0]) == "miss" and "تحديث عاجل" in client.get(urls[0]).text
    assert outcome(client, urls[1]) == "miss"
    assert update.pk in {c["id"] for c in client.get(urls[1]).json()["changes"]}
    assert outcome(client, urls[2]) == "hit"


def test_a_live_page_costs_the_same_queries_with_5_and_60_updates(
    client, live_blog, django_assert_max_num_queries
):
    for n in range(5):
        post(live_blog, 100 - n, is_key_event=n % 2 == 0).authors.set([StaffMemberFactory()])
    url = live_blog.article.get_absolute_url()
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for n in range(55):
        post(live_blog, 50 - n / 2, is_key_event=n % 2 == 0).authors.set([StaffMemberFactory()])

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# ---- Discovery


def json_ld(text: str) -> list[dict]:
    import json
    import re

    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    ]


def test_the_page_is_a_live_blog_posting_modified_with_its_latest_update(client, live_blog):
    author = StaffMemberFactory(name_ar="مراسل البرلمان")
    Article.objects.filter(pk=live_blog.article_id).update(
        published_at=minutes_ago(60), updated_at=minutes_ago(60)
    )
    LiveBlog.objects.filter(pk=live_blog.pk).update(started_at=minutes_ago(60))
    first = post(live_blog, 30, headline_ar="فتح الصناديق")
    latest = post(live_blog, 2, headline_ar="", body_ar="<p>بدأ العد في <b>الدائرة الأولى</b>.</p>")
    latest.authors.set([author])

    posting = next(
        d for d in json_ld(page(client, live_blog)) if d.get("@type") == "LiveBlogPosting"
    )

    assert posting["coverageStartTime"] and "coverageEndTime" not in posting
    assert posting["dateModified"] == timezone.localtime(latest.changed_at).isoformat(
        timespec="seconds"
    )
    updates = posting["liveBlogUpdate"]
    assert [u["headline"] for u in updates] == ["بدأ العد في الدائرة الأولى.", "فتح الصناديق"]
    assert updates[0]["@type"] == "BlogPosting"
    assert updates[0]["articleBody"] == "بدأ العد في الدائرة الأولى."
    assert updates[0]["author"][0]["name"] == "مراسل البرلمان"
    assert updates[1]["url"].endswith(first.get_absolute_url())


def test_ended_coverage_says_when_it_ended(client, live_blog):
    services.live_end(live_blog=live_blog, by=UserFactory(role="Editor"))

    posting = next(
        d for d in json_ld(page(client, live_blog)) if d.get("@type") == "LiveBlogPosting"
    )

    assert posting["coverageEndTime"]


def test_the_live_blog_has_its_own_feed_and_the_article_stays_one_item(client, live_blog):
    post(live_blog, 10, headline_ar="التحديث الأول")
    post(live_blog, 5, headline_ar="التحديث الثاني")

    rss = client.get(reverse("liveblog:rss", args=[live_blog.pk])).text
    atom = client.get(reverse("liveblog:atom", args=[live_blog.pk]))
    site = client.get("/feeds/rss/").text

    assert rss.index("التحديث الثاني") < rss.index("التحديث الأول")
    assert "/live/updates/" in rss and atom.status_code == 200
    assert site.count(live_blog.article.title) == 1 and "التحديث الأول" not in site


def test_the_page_and_the_poll_give_an_unchanged_update_the_same_version(client, live_blog):
    update = post(live_blog, 0)  # in the page's own polling bucket, so polled again

    text = page(client, live_blog)
    data = changes(client, live_blog, poll_cursor(timezone.now())).json()

    polled = next(change for change in data["changes"] if change["id"] == update.pk)
    assert f'id="update-{update.pk}" data-changed="{polled["changed"]}"' in text


def test_a_poll_with_the_readers_etag_gets_304(client, page_cache, live_blog):
    post(live_blog, 5)
    url = reverse("liveblog:changes", args=[live_blog.pk, poll_cursor(timezone.now())])

    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304 and again.content == b""
