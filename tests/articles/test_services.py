"""The editorial workflow, called the way the admin calls it."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article, EditorialLogEntry
from articles.services import (
    ACTIONS,
    article_archive,
    article_publish,
    article_return_to_draft,
    article_submit,
    available_transitions,
)
from tests.factories import ArticleFactory, ImageFactory, StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def reporter():
    return UserFactory(role="Reporter")


@pytest.fixture
def editor():
    return UserFactory(role="Editor")


@pytest.fixture
def own_draft(reporter):
    return ArticleFactory(draft=True, created_by=reporter)


def test_reporter_submits_own_draft_for_review_and_it_is_logged(reporter, own_draft):
    article = article_submit(article=own_draft, by=reporter)

    assert article.status == Status.REVIEW
    entry = EditorialLogEntry.objects.get(article=article)
    assert (entry.actor, entry.from_status, entry.to_status) == (reporter, "draft", "review")


def test_credited_author_counts_as_owner(reporter):
    article = ArticleFactory(draft=True, authors=[StaffMemberFactory(user=reporter)])

    assert article_submit(article=article, by=reporter).status == Status.REVIEW


def test_reporter_cannot_submit_someone_elses_draft(reporter):
    article = ArticleFactory(draft=True, created_by=UserFactory(role="Reporter"))

    with pytest.raises(PermissionDenied):
        article_submit(article=article, by=reporter)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not EditorialLogEntry.objects.exists()


def test_reporter_cannot_publish(reporter, own_draft):
    with pytest.raises(PermissionDenied):
        article_publish(article=own_draft, by=reporter)

    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT
    assert not Article.objects.published().exists()
    assert not EditorialLogEntry.objects.exists()


def test_editor_publishes_now(editor, own_draft):
    article = article_publish(article=own_draft, by=editor)

    assert article.is_published
    assert list(Article.objects.published()) == [article]
    assert EditorialLogEntry.objects.get().published_at == article.published_at


def test_publishing_at_a_future_time_schedules_then_appears_on_time(editor, own_draft):
    at = timezone.now() + timedelta(hours=5)

    article = article_publish(article=own_draft, by=editor, at=at)

    assert article.is_scheduled and not Article.objects.published().exists()
    with time_machine.travel(at + timedelta(seconds=1)):
        assert list(Article.objects.published()) == [article]


def test_scheduled_article_can_be_rescheduled_or_unpublished_before_its_time(editor, own_draft):
    article = article_publish(article=own_draft, by=editor, at=timezone.now() + timedelta(days=1))
    later = timezone.now() + timedelta(days=2)

    article = article_publish(article=article, by=editor, at=later)
    assert article.published_at == later and article.is_scheduled

    article = article_return_to_draft(article=article, by=editor, note="ننتظر تأكيد الخبر")
    assert article.status == Status.DRAFT
    with time_machine.travel(later + timedelta(hours=1)):
        assert not Article.objects.published().exists()


def test_publishing_an_article_already_live_is_refused(editor):
    article = ArticleFactory()

    with pytest.raises(ValidationError):
        article_publish(article=article, by=editor)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"section": None}, "اختر قسمًا."),
        ({"body_ar": ""}, "اكتب نص المقال."),
        ({"body_ar": "<p> </p>"}, "اكتب نص المقال."),
        ({"with_image": True, "lead_image__alt_text_ar": ""}, "صِف الصورة الرئيسية"),
    ],
)
def test_incomplete_article_cannot_be_published(editor, changes, message):
    article = ArticleFactory(draft=True, **changes)

    with pytest.raises(ValidationError) as refused:
        article_publish(article=article, by=editor)

    assert any(message in text for text in refused.value.messages)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not EditorialLogEntry.objects.exists()


def test_article_with_a_described_lead_image_can_be_published(editor):
    article = ArticleFactory(draft=True, lead_image=ImageFactory(alt_text_ar="وصف"))

    assert article_publish(article=article, by=editor).is_published


def test_return_to_draft_needs_a_note(editor):
    article = ArticleFactory(in_review=True)

    with pytest.raises(ValidationError):
        article_return_to_draft(article=article, by=editor, note="   ")

    returned = article_return_to_draft(article=article, by=editor, note="أضف مصدرًا ثانيًا")
    assert returned.status == Status.DRAFT
    assert EditorialLogEntry.objects.get().note == "أضف مصدرًا ثانيًا"


def test_archive_takes_a_published_article_off_the_site(editor):
    article = ArticleFactory()

    archived = article_archive(article=article, by=editor)

    assert archived.status == Status.ARCHIVED
    assert not Article.objects.published().exists()


def test_only_published_articles_can_be_archived(editor, own_draft):
    with pytest.raises(ValidationError):
        article_archive(article=own_draft, by=editor)


def names(article, user) -> list[str]:
    return [transition.name for transition in available_transitions(article=article, user=user)]


def test_buttons_offered_match_role_and_state(reporter, editor, own_draft):
    assert names(own_draft, reporter) == ["submit"]
    assert names(own_draft, editor) == ["submit", "publish"]
    assert names(ArticleFactory(), editor) == ["archive", "return_to_draft"]
    assert names(ArticleFactory(scheduled=True), editor) == [
        "publish",
        "archive",
        "return_to_draft",
    ]
    assert names(ArticleFactory(), reporter) == []


def test_roles_build_on_each_other():
    reporter, editor, chief = (
        UserFactory(role=name) for name in ["Reporter", "Editor", "Editor-in-chief"]
    )

    assert not reporter.has_perm("articles.publish_article")
    assert editor.has_perm("articles.publish_article") and editor.has_perm("ticker.add_tickeritem")
    assert not editor.has_perm("articles.change_section")
    assert chief.has_perm("articles.change_section")
    assert chief.has_perm("newsroom.change_publication") and chief.has_perm("auth.add_user")


# Every action, from every state, by every role: True means it succeeds, False that it is
# refused (permission or state) and changes nothing.
MATRIX = [
    # (role, starting trait, action, succeeds)
    ("Reporter", "draft", "submit", True),
    ("Reporter", "draft", "publish", False),
    ("Reporter", "in_review", "publish", False),
    ("Reporter", "in_review", "return_to_draft", False),
    ("Reporter", "published", "archive", False),
    ("Editor", "draft", "submit", True),
    ("Editor", "draft", "publish", True),
    ("Editor", "in_review", "publish", True),
    ("Editor", "in_review", "submit", False),
    ("Editor", "in_review", "return_to_draft", True),
    ("Editor", "published", "publish", False),
    ("Editor", "published", "archive", True),
    ("Editor", "published", "return_to_draft", True),
    ("Editor", "scheduled", "publish", True),
    ("Editor", "archived", "archive", False),
    ("Editor", "archived", "return_to_draft", True),
    ("Editor", "archived", "publish", False),
    ("Editor-in-chief", "in_review", "publish", True),
    ("Editor-in-chief", "published", "archive", True),
]


@pytest.mark.parametrize(("role", "trait", "action", "succeeds"), MATRIX)
def test_every_transition_is_allowed_or_refused_by_role_and_state(role, trait, action, succeeds):
    user = UserFactory(role=role)
    traits = {} if trait == "published" else {trait: True}
    article = ArticleFactory(created_by=user, **traits)
    before = (article.status, article.published_at)
    options = {"note": "سبب"} if action == "return_to_draft" else {}

    if succeeds:
        ACTIONS[action](article=article, by=user, **options)
        assert EditorialLogEntry.objects.filter(article=article, actor=user).count() == 1
    else:
        with pytest.raises((PermissionDenied, ValidationError)):
            ACTIONS[action](article=article, by=user, **options)
        article.refresh_from_db()
        assert (article.status, article.published_at) == before
        assert not EditorialLogEntry.objects.exists()
