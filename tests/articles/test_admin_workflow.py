"""The workflow through the admin views, logged in as each role."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, EditorialLogEntry
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Article.Status


def login(client, role):
    user = UserFactory(role=role)
    client.force_login(user)
    return user


def workflow_url(article, action):
    return reverse("admin:articles_article_workflow", args=[article.pk, action])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_crafted_publish_post_by_a_reporter_is_refused_with_403(client):
    reporter = login(client, "Reporter")
    article = ArticleFactory(draft=True, created_by=reporter)

    response = client.post(workflow_url(article, "publish"))

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not EditorialLogEntry.objects.exists()


def test_workflow_urls_only_accept_post(client):
    login(client, "Editor")
    article = ArticleFactory(draft=True)

    assert client.get(workflow_url(article, "publish")).status_code == 405
    assert client.post(workflow_url(article, "explode")).status_code == 404
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_reporter_submits_from_the_change_page(client):
    reporter = login(client, "Reporter")
    article = ArticleFactory(draft=True, created_by=reporter)

    page = client.get(change_url(article)).text
    assert workflow_url(article, "submit") in page
    assert workflow_url(article, "publish") not in page

    response = client.post(workflow_url(article, "submit"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_editor_publishes_and_sees_the_log_on_the_article(client):
    editor = login(client, "Editor")
    article = ArticleFactory(in_review=True)

    response = client.post(workflow_url(article, "publish"), follow=True)

    article.refresh_from_db()
    assert article.is_published
    assert "منشور" in " ".join(messages_of(response))
    log = response.text.split('class="workflow__log"')[1]
    assert editor.username in log and "قيد المراجعة" in log and "منشور" in log


def test_editor_schedules_with_a_time_and_the_list_says_scheduled(client):
    login(client, "Editor")
    article = ArticleFactory(in_review=True, title_ar="خبر للغد")
    tomorrow = timezone.localtime() + timedelta(days=1)

    client.post(
        workflow_url(article, "publish"), {"publish_at": tomorrow.strftime("%Y-%m-%dT%H:%M")}
    )

    article.refresh_from_db()
    assert article.is_scheduled
    listing = client.get(reverse("admin:articles_article_changelist"), {"state": "scheduled"})
    assert [a.pk for a in listing.context["cl"].result_list] == [article.pk]
    assert "مجدول للنشر" in listing.text


def test_refused_publication_explains_why_and_changes_nothing(client):
    login(client, "Editor")
    article = ArticleFactory(in_review=True, section=None, body_ar="")

    response = client.post(workflow_url(article, "publish"), follow=True)

    text = " ".join(messages_of(response))
    assert "اختر قسمًا" in text and "اكتب نص المقال" in text
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_return_to_draft_without_a_note_is_refused(client):
    login(client, "Editor")
    article = ArticleFactory(in_review=True)

    client.post(workflow_url(article, "return_to_draft"), {"note": ""})
    article.refresh_from_db()
    assert article.status == Status.REVIEW

    client.post(workflow_url(article, "return_to_draft"), {"note": "راجع الأرقام"})
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_reporter_cannot_change_someone_elses_or_a_published_article(client):
    reporter = login(client, "Reporter")
    others = ArticleFactory(draft=True, title_ar="مسودة زميل")
    own_published = ArticleFactory(created_by=reporter, title_ar="خبري المنشور")

    for article in [others, own_published]:
        page = client.get(change_url(article))
        assert page.status_code == 200  # reporters may read them
        assert 'name="title_ar"' not in page.text  # but get no form
        response = client.post(change_url(article), {"title_ar": "عنوان مخرب"})
        assert response.status_code == 403
        article.refresh_from_db()
        assert article.title_ar != "عنوان مخرب"


def test_reporter_edits_own_draft(client):
    reporter = login(client, "Reporter")
    article = ArticleFactory(draft=True, created_by=reporter)

    page = client.get(change_url(article))

    assert 'name="title_ar"' in page.text


def test_new_article_records_who_created_it(client):
    reporter = login(client, "Reporter")
    client.post(
        reverse("admin:articles_article_add"),
        {"title_ar": "خبر جديد", "title_en": "", "kicker_ar": "", "kicker_en": "",
         "summary_ar": "", "summary_en": "", "body_ar": "<p>نص</p>", "body_en": "",
         "section": "", "authors": [], "tags": "", "lead_image": "", "slug": ""},
    )  # fmt: skip

    article = Article.objects.get()
    assert article.created_by == reporter and article.status == Status.DRAFT


class TestBulkActions:
    def test_editor_publishes_several_and_is_told_which_failed(self, client):
        login(client, "Editor")
        ready = ArticleFactory.create_batch(2, in_review=True)
        broken = ArticleFactory(in_review=True, section=None, title_ar="بلا قسم")

        response = client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_selected", "_selected_action": [a.pk for a in [*ready, broken]]},
            follow=True,
        )

        assert Article.objects.published().count() == 2
        text = " ".join(messages_of(response))
        assert "بلا قسم" in text and "اختر قسمًا" in text

    def test_publish_action_is_not_offered_to_reporters_and_does_nothing(self, client):
        reporter = login(client, "Reporter")
        article = ArticleFactory(draft=True, created_by=reporter)
        changelist = reverse("admin:articles_article_changelist")

        assert "publish_selected" not in client.get(changelist).text
        client.post(changelist, {"action": "publish_selected", "_selected_action": [article.pk]})

        article.refresh_from_db()
        assert article.status == Status.DRAFT

    def test_return_to_draft_asks_for_a_note_first(self, client):
        login(client, "Editor")
        articles = ArticleFactory.create_batch(2)
        data = {"action": "return_selected", "_selected_action": [a.pk for a in articles]}
        changelist = reverse("admin:articles_article_changelist")

        confirm = client.post(changelist, data)
        assert confirm.status_code == 200 and 'name="note"' in confirm.text
        assert Article.objects.published().count() == 2

        client.post(changelist, {**data, "apply": "1", "note": "تصحيح"})
        assert Article.objects.filter(status=Status.DRAFT).count() == 2
        assert EditorialLogEntry.objects.filter(note="تصحيح").count() == 2
