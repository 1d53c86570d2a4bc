"""Pages that change with the clock are not kept past that moment, with no job to run."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    MastheadTermFactory,
    StaffMemberFactory,
    TickerItemFactory,
)
from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db

CAIRO = ZoneInfo("Africa/Cairo")  # the publication's time zone in the test settings


def max_ages(response) -> tuple[int, int]:
    directives = dict(d.split("=") for d in response["Cache-Control"].split(", ") if "=" in d)
    return int(directives["max-age"]), int(directives["s-maxage"])


@pytest.fixture
def clock():
    """A clock that moves only when told, from a quiet afternoon in Cairo. Tests ask for
    it first, so the content their other fixtures make is dated by it too."""
    start = datetime(2026, 11, 30, 14, 0, tzinfo=CAIRO)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


def test_a_scheduled_story_appears_on_time(clock, client, page_cache, site_chrome, settings):
    settings.CDN_CACHE_SECONDS = 3600
    ArticleFactory(title_ar="خبر منشور")
    scheduled = ArticleFactory(
        title_ar="خبر مجدول", published_at=timezone.now() + timedelta(minutes=10)
    )

    home = client.get("/")
    assert "خبر مجدول" not in home.text
    assert max_ages(home)[1] == 600  # shared caches keep it 10 minutes, no more
    assert "stale-while-revalidate" not in home["Cache-Control"]

    clock.shift(timedelta(minutes=9, seconds=59))
    assert outcome(client, "/") == "hit"
    clock.shift(timedelta(seconds=1))
    assert "خبر مجدول" in client.get("/").text
    assert "خبر مجدول" in client.get(scheduled.section.get_absolute_url()).text


def test_a_lead_story_and_a_pin_run_out_on_time(clock, client, page_cache, site_chrome):
    ArticleFactory(title_ar="أحدث خبر")
    chosen = ArticleFactory(
        title_ar="خبر القيادة", published_at=timezone.now() - timedelta(days=2),
        lead_until=timezone.now() + timedelta(minutes=5),
    )  # fmt: skip

    first = client.get("/")
    assert first.context["lead_story"] == chosen

    clock.shift(timedelta(minutes=5))
    assert client.get("/").context["lead_story"].title_ar == "أحدث خبر"


def test_ticker_items_start_and_end_on_time(clock, client, page_cache, site_chrome):
    TickerItemFactory(text_ar="خبر يبدأ لاحقا", starts_at=timezone.now() + timedelta(minutes=3))
    TickerItemFactory(
        text_ar="خبر ينتهي قريبا",
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(minutes=7),
    )

    for url in ("/", "/ticker.json"):
        text = client.get(url).content.decode()
        assert "خبر ينتهي قريبا" in text and "خبر يبدأ لاحقا" not in text
    assert max_ages(client.get("/ticker.json"))[0] <= 180

    clock.shift(timedelta(minutes=3))
    for url in ("/", "/ticker.json"):
        assert "خبر يبدأ لاحقا" in client.get(url).content.decode()

    clock.shift(timedelta(minutes=4))
    for url in ("/", "/ticker.json"):
        assert "خبر ينتهي قريبا" not in client.get(url).content.decode()


@pytest.fixture
def before_midnight():
    with time_machine.travel(datetime(2026, 11, 30, 23, 59, tzinfo=CAIRO), tick=False) as clock:
        yield clock


def test_the_date_line_turns_at_midnight(before_midnight, client, page_cache, site_chrome):
    story = ArticleFactory()
    assert "30 نوفمبر" in client.get(story.get_absolute_url()).text
    before_midnight.shift(timedelta(seconds=59))
    assert outcome(client, story.get_absolute_url()) == "hit"
    before_midnight.shift(timedelta(seconds=1))
    assert "1 ديسمبر" in client.get(story.get_absolute_url()).text


def test_the_news_sitemap_drops_a_story_48_hours_after_it_appeared(
    clock, client, page_cache, site_chrome
):
    ArticleFactory(title_ar="خبر الأمس", published_at=timezone.now() - timedelta(hours=47))

    assert "خبر الأمس" in client.get("/news-sitemap.xml").content.decode()
    clock.shift(timedelta(hours=1, seconds=1))
    assert "خبر الأمس" not in client.get("/news-sitemap.xml").content.decode()


def test_a_story_scheduled_sooner_than_the_next_one_appears_on_time(
    clock, client, page_cache, site_chrome, django_capture_on_commit_callbacks
):
    later = ArticleFactory(
        title_ar="خبر بعد ساعة", published_at=timezone.now() + timedelta(hours=1)
    )
    other_section_story = ArticleFactory(title_ar="خبر قسم آخر")
    for url in ("/", later.section.get_absolute_url(), other_section_story.get_absolute_url()):
        client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        sooner = ArticleFactory(
            title_ar="خبر بعد خمس دقائق", published_at=timezone.now() + timedelta(minutes=5)
        )

    assert "خبر بعد خمس دقائق" not in client.get("/").text
    clock.shift(timedelta(minutes=5))
    assert "خبر بعد خمس دقائق" in client.get("/").text
    assert "خبر بعد خمس دقائق" in client.get(sooner.section.get_absolute_url()).text


def test_a_new_editor_in_chief_reaches_the_masthead_line_at_midnight(
    clock, client, page_cache, site_chrome
):
    outgoing = site_chrome.editor_in_chief.masthead_terms.get()
    outgoing.ends_on = timezone.localdate()
    outgoing.save()
    MastheadTermFactory(
        staff_member=StaffMemberFactory(name_ar="رئيسة التحرير الجديدة"),
        starts_on=timezone.localdate() + timedelta(days=1),
    )
    article = ArticleFactory()

    clock.move_to(datetime(2026, 11, 30, 23, 58, tzinfo=CAIRO))
    assert "رئيسة التحرير الجديدة" not in client.get("/").text
    client.get(article.get_absolute_url())
    clock.move_to(datetime(2026, 11, 30, 23, 59, 59, tzinfo=CAIRO))
    assert outcome(client, "/") == "hit"
    clock.move_to(datetime(2026, 12, 1, 0, 0, tzinfo=CAIRO))
    for url in ("/", article.get_absolute_url(), "/masthead/"):
        line = client.get(url).text.split('class="masthead__line')[1].split("</p>")[0]
        assert "رئيسة التحرير الجديدة" in line, url
        assert site_chrome.editor_in_chief.name_ar not in line, url
