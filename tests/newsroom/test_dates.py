"""Dates as Arabic readers expect them: month names, digits, time zone, Hijri date."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone, translation
from lxml import html

from articles.models import Article
from newsroom import dates
from tests.factories import ArticleFactory

# 23:30 UTC on 24 November is already 25 November in Cairo (UTC+2).
LATE_EVENING_UTC = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)


def test_arabic_dates_use_egyptian_month_names_in_the_publications_time_zone():
    assert dates.show(LATE_EVENING_UTC, "date", "ar") == "25 نوفمبر 2026"
    assert dates.show(LATE_EVENING_UTC, "time", "ar") == "1:30 ص"
    assert dates.show(LATE_EVENING_UTC, "datetime", "ar") == "25 نوفمبر 2026، 1:30 ص"
    assert dates.show(LATE_EVENING_UTC, "long_date", "ar") == "الأربعاء 25 نوفمبر 2026"
    assert dates.iso(LATE_EVENING_UTC) == "2026-11-25T01:30:00+02:00"


@pytest.mark.parametrize(
    ("month", "egyptian", "levantine"),
    [(1, "يناير", "كانون الثاني"), (2, "فبراير", "شباط"), (5, "مايو", "أيار"),
     (8, "أغسطس", "آب"), (10, "أكتوبر", "تشرين الأول"), (12, "ديسمبر", "كانون الأول")],
)  # fmt: skip
def test_levantine_month_names_are_a_setting(settings, month, egyptian, levantine):
    day = date(2026, month, 3)
    assert dates.show(day, "date", "ar") == f"3 {egyptian} 2026"

    settings.ARABIC_MONTH_NAMES = "levantine"

    assert dates.show(day, "date", "ar") == f"3 {levantine} 2026"


def test_afternoon_is_marked_and_noon_is_twelve():
    noon = datetime(2026, 6, 1, 10, 5, tzinfo=UTC)  # 13:05 in Cairo (UTC+3 in summer)
    assert dates.show(noon, "time", "ar") == "1:05 م"
    assert dates.show(noon.replace(hour=9), "time", "ar") == "12:05 م"
    assert dates.iso(noon) == "2026-06-01T13:05:00+03:00"


def test_digits_are_western_unless_the_publication_chooses_arabic_indic(settings):
    assert dates.show(LATE_EVENING_UTC, "datetime", "ar") == "25 نوفمبر 2026، 1:30 ص"

    settings.ARABIC_DIGITS = "arabic-indic"

    assert dates.show(LATE_EVENING_UTC, "datetime", "ar") == "٢٥ نوفمبر ٢٠٢٦، ١:٣٠ ص"
    assert dates.iso(LATE_EVENING_UTC) == "2026-11-25T01:30:00+02:00"  # machines keep ASCII
    assert dates.show(LATE_EVENING_UTC, "date", "en") == "25 November 2026"


def test_the_time_zone_comes_from_settings(settings):
    settings.TIME_ZONE = "Asia/Riyadh"

    assert dates.iso(LATE_EVENING_UTC) == "2026-11-25T02:30:00+03:00"
    assert dates.show(LATE_EVENING_UTC, "time", "ar") == "2:30 ص"


def test_hijri_date_follows_umm_al_qura_for_the_local_day(settings):
    assert dates.hijri(LATE_EVENING_UTC, "ar") == ""  # off by default

    settings.SHOW_HIJRI_DATE = True

    assert dates.hijri(LATE_EVENING_UTC, "ar") == "15 جمادى الآخرة 1448 هـ"
    assert dates.hijri(LATE_EVENING_UTC - timedelta(hours=2), "ar") == "14 جمادى الآخرة 1448 هـ"
    assert dates.hijri(date(2027, 2, 8), "ar") == "1 رمضان 1448 هـ"
    assert dates.hijri(LATE_EVENING_UTC, "en") == "15 Jumada al-Akhirah 1448 AH"
    settings.ARABIC_DIGITS = "arabic-indic"
    assert dates.hijri(LATE_EVENING_UTC, "ar") == "١٥ جمادى الآخرة ١٤٤٨ هـ"


def test_dates_outside_the_hijri_tables_show_no_hijri_date(settings):
    settings.SHOW_HIJRI_DATE = True

    assert dates.hijri(date(1900, 1, 1), "ar") == ""
    assert dates.hijri(date(2100, 1, 1), "ar") == ""


@pytest.mark.django_db  # the model checks ask the database what it supports
def test_a_misspelt_date_setting_stops_the_check_command(settings):
    settings.ARABIC_MONTH_NAMES = "syrian"

    with pytest.raises(SystemCheckError, match="ARABIC_MONTH_NAMES"):
        call_command("check")


@pytest.mark.django_db
class TestPages:
    def test_article_page_dates_are_arabic_with_iso_times_and_hijri(
        self, client, site_chrome, settings
    ):
        settings.SHOW_HIJRI_DATE = True
        article = ArticleFactory(published_at=LATE_EVENING_UTC)
        Article.objects.filter(pk=article.pk).update(updated_at=LATE_EVENING_UTC)

        page = html.fromstring(client.get(article.get_absolute_url()).content)

        (published,) = page.xpath('//*[@class="dates__published"]')
        (moment,) = published.xpath("time")
        assert moment.get("datetime") == "2026-11-25T01:30:00+02:00"
        assert moment.text == "25 نوفمبر 2026، 1:30 ص"
        assert published.xpath('span[@class="date-hijri"]/text()') == ["15 جمادى الآخرة 1448 هـ"]
        assert page.xpath('//*[@class="dates__updated"]') == []

    def test_updated_is_shown_when_the_article_changed_after_publishing(self, client, site_chrome):
        article = ArticleFactory(published_at=timezone.now() - timedelta(hours=3))
        article.title_ar = "عنوان بعد التصحيح"
        article.save()

        page = html.fromstring(client.get(article.get_absolute_url()).content)

        (updated,) = page.xpath('//*[@class="dates__updated"]/time')
        assert updated.get("datetime") == dates.iso(article.updated_at)

    def test_english_pages_use_english_month_names(self, client, site_chrome):
        article = ArticleFactory(published_at=LATE_EVENING_UTC, title_en="A story")
        with translation.override("en"):
            url = article.get_absolute_url()

        page = html.fromstring(client.get(url).content)

        assert page.xpath('//*[@class="dates__published"]/time/text()') == [
            "25 November 2026, 01:30"
        ]

    def test_listings_and_the_masthead_show_local_dates(self, client, site_chrome, settings):
        settings.SHOW_HIJRI_DATE = True
        ArticleFactory(published_at=LATE_EVENING_UTC)

        page = html.fromstring(client.get("/").content)

        assert set(page.xpath('//*[@class="card__time"]/time/text()')) == {"25 نوفمبر 2026"}
        (masthead,) = page.xpath('//*[@class="masthead__date"]')
        assert masthead.xpath("time/@datetime") == [timezone.localdate().isoformat()]
        assert masthead.xpath('span[@class="date-hijri"]/text()')[0].endswith(" هـ")
