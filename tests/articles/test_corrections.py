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
