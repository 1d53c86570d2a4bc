"""Corrections, clarifications and updates: published from the admin, never deleted,
withdrawn only by the editor-in-chief, shown to readers and machines."""

import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.corrections import correction_publish, correction_withdraw
from articles.models import Article, Correction, EditorialLogEntry
from tests.factories import ArticleFactory, UserFactory
from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db

Action = EditorialLogEntry.Action


@pytest.fixture
def article(site_chrome):
    return ArticleFactory(title_ar="المجلس البلدي يقر موازنة العام")


def publish_url(article):
    return reverse("admin:articles_article_correction_publish", args=[article.pk])


def logged_in(client, role):
    user = UserFactory(role=role)
    client.force_login(user)
    return user


def json_ld(text):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return next(d for d in map(json.loads, blocks) if d.get("@type") == "NewsArticle")


def test_an_editor_publishes_a_correction_from_the_articles_page(client, article):
    logged_in(client, "Editor")
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert publish_url(article) in page

    response = client.post(
        publish_url(article),
        {"kind": "correction", "text_ar": "ذكرت نسخة سابقة أن الموازنة 12 مليونًا، والصحيح 21."},
    )

    assert response.status_code == 302 and response.url.endswith("#corrections")
    correction = article.corrections.get()
    assert correction.kind == Correction.Kind.CORRECTION and correction.created_by is not None
    assert article.log_entries.get().action == Action.CORRECTION_ADD
    assert Version.objects.get_for_object(correction).count() == 1


def test_reporters_may_not_publish_and_drafts_take_no_correction(client, article):
    logged_in(client, "Reporter")
    assert (
        client.post(publish_url(article), {"kind": "correction", "text_ar": "نص"}).status_code
        == 403
    )

    editor = UserFactory(role="Editor")
    with pytest.raises(ValidationError) as refused:
        correction_publish(
            article=ArticleFactory(draft=True), by=editor, kind="correction", text_ar="نص"
        )
    assert refused.value.code == "unpublished"
    assert not Correction.objects.exists()


def test_an_empty_note_gets_a_message_and_saves_nothing(client, article):
    logged_in(client, "Editor")

    response = client.post(
        publish_url(article), {"kind": "correction", "text_ar": "  "}, follow=True
    )

    assert list(response.context["messages"]) and not Correction.objects.exists()


def test_the_page_shows_the_box_the_notice_and_the_json_ld(client, article):
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(days=2),
        updated_at=timezone.now() - timedelta(days=2),
    )
    editor = UserFactory(role="Editor")
    correction = correction_publish(
        article=article, by=editor, kind="correction", text_ar="الصحيح أن الجلسة عُقدت الأحد."
    )
    correction_publish(
        article=article, by=editor, kind="clarification", text_ar="المقصود المجلس البلدي للعاصمة."
    )

    page = client.get(article.get_absolute_url()).text

    start = page.index('class="article__header"')
    header = page[start : page.index("</header>", start)]
    assert 'href="#corrections"' in header
    box = page[page.index('id="corrections"') :]
    assert box.index("الصحيح أن الجلسة") < box.index("المقصود المجلس البلدي")
    assert f'id="{correction.anchor}"' in box
    data = json_ld(page)
    assert [c["@type"] for c in data["correction"]] == ["CorrectionComment"] * 2
    assert data["correction"][0]["text"] == "الصحيح أن الجلسة عُقدت الأحد."
    assert data["dateModified"] == data["correction"][1]["datePublished"]


def test_an_update_shows_beside_the_updated_date_not_in_the_box(client, article):
    correction_publish(
        article=article, by=UserFactory(role="Editor"), kind="update", text_ar="أضيف رد الوزارة."
    )

    page = client.get(article.get_absolute_url()).text

    start = page.index('class="dates"')
    dates_line = page[start : page.index("</header>", start)]
    assert "أضيف رد الوزارة." in dates_line
    assert 'id="corrections"' not in page


def test_only_the_editor_in_chief_withdraws_and_readers_see_it(client, article):
    editor, chief = UserFactory(role="Editor"), UserFactory(role="Editor-in-chief")
    correction = correction_publish(
        article=article, by=editor, kind="correction", text_ar="خطأ في الاسم."
    )
    client.force_login(editor)
    withdraw = reverse("admin:articles_correction_withdraw", args=[correction.pk])
    assert client.post(withdraw, {"note": "نُشر بالخطأ"}).status_code == 403

    correction_withdraw(correction=correction, by=chief, note="نُشر على المقال الخطأ.")

    correction.refresh_from_db()
    assert correction.withdrawn_at is not None
    page = client.get(article.get_absolute_url()).text
    assert "corrections__withdrawn" in page and "نُشر على المقال الخطأ." in page
    assert "correction" not in json_ld(page)
    assert article.log_entries.first().action == Action.CORRECTION_WITHDRAW


def test_a_withdrawal_needs_a_reason(article):
    correction = correction_publish(
        article=article, by=UserFactory(role="Editor"), kind="correction", text_ar="نص"
    )

    with pytest.raises(ValidationError) as refused:
        correction_withdraw(correction=correction, by=UserFactory(role="Editor-in-chief"), note=" ")

    assert refused.value.code == "note_required"


def test_a_corrected_article_cannot_be_deleted_with_its_corrections(client, article):
    correction_publish(
        article=article, by=UserFactory(role="Editor"), kind="correction", text_ar="نص"
    )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})

    assert Article.objects.filter(pk=article.pk).exists() and Correction.objects.exists()


def test_publishing_a_correction_purges_the_article_page(
    client, page_cache, article, django_capture_on_commit_callbacks
):
    url = article.get_absolute_url()
    outcome(client, url)
    assert outcome(client, url) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        correction_publish(
            article=article,
            by=UserFactory(role="Editor"),
            kind="correction",
            text_ar="تصحيح الرقم.",
        )

    assert outcome(client, url) == "miss" and "تصحيح الرقم." in client.get(url).text


# ---- The public archive


def note(article, days_ago: float, kind="correction", text="نص التصحيح"):
    moment = timezone.now() - timedelta(days=days_ago)
    return Correction.objects.create(article=article, kind=kind, text_ar=text, published_at=moment)


def test_the_archive_lists_notes_newest_first_linking_to_their_articles(client, article):
    old = note(article, 3, text="تصحيح قديم")
    new = note(ArticleFactory(), 1, kind="clarification", text="توضيح جديد")
    note(article, 2, kind="update", text="تحديث لا يظهر في الأرشيف")
    note(ArticleFactory(draft=True), 1, text="تصحيح على مسودة")

    page = client.get("/corrections/").text

    assert page.index("توضيح جديد") < page.index("تصحيح قديم")
    assert f"{article.get_absolute_url()}#{old.anchor}" in page
    assert "تحديث لا يظهر" not in page and "على مسودة" not in page
    assert client.get("/en/corrections/").status_code == 200
    assert 'href="/corrections/"' in client.get("/").text  # linked from the footer
    assert new.pk


def test_the_archive_filters_by_month_and_refuses_impossible_ones(client, article):
    this_month = note(article, 0, text="تصحيح هذا الشهر")
    long_ago = Correction.objects.create(
        article=article,
        kind="correction",
        text_ar="تصحيح قديم جدا",
        published_at=timezone.now().replace(year=2020, month=5, day=10),
    )
    month = timezone.localtime(long_ago.published_at).strftime("%Y-%m")

    filtered = client.get("/corrections/", {"month": month}).text
    empty = client.get("/corrections/", {"month": "2021-02"})

    assert "تصحيح قديم جدا" in filtered and "تصحيح هذا الشهر" not in filtered
    assert empty.status_code == 200 and "تصحيح" not in empty.context["corrections"]
    for bad in ["2020-13", "20-05", "2020-5", "x", "2300-01", "0001-01"]:
        assert client.get("/corrections/", {"month": bad}).status_code == 404, bad
    assert this_month.pk


def test_the_archive_paginates_and_keeps_the_month_in_its_links(client, article, midday):
    # Notes over the last five hours: at noon (midday), all in this month.
    for n in range(23):
        note(article, n / 100, text=f"تصحيح رقم {n}")
    month = timezone.localtime().strftime("%Y-%m")

    first = client.get("/corrections/", {"month": month})
    second = client.get("/corrections/", {"month": month, "page": 2})

    assert len(first.context["corrections"]) == 20 and len(second.context["corrections"]) == 3
    assert f"month={month}&amp;page=2" in first.text
    assert client.get("/corrections/", {"page": 3}).status_code == 404
    assert client.get("/corrections/", {"page": "x"}).status_code == 404


def test_the_archive_has_feeds_and_a_sitemap_entry(client, article):
    note(article, 1, text="تصحيح في الخلاصة")

    rss = client.get(reverse("feeds:corrections-rss"))
    atom = client.get(reverse("feeds:corrections-atom"))
    sitemap = client.get("/sitemap-pages.xml").text

    assert rss.status_code == 200 and "تصحيح في الخلاصة" in rss.text
    assert atom.status_code == 200
    assert "/corrections/" in sitemap and "sitemap-pages.xml" in client.get("/sitemap.xml").text


def test_a_new_note_purges_the_archive(
    client, page_cache, article, django_capture_on_commit_callbacks
):
    outcome(client, "/corrections/")
    assert outcome(client, "/corrections/") == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        correction_publish(
            article=article,
            by=UserFactory(role="Editor"),
            kind="clarification",
            text_ar="توضيح طازج",
        )

    assert outcome(client, "/corrections/") == "miss"
    assert "توضيح طازج" in client.get("/corrections/").text
