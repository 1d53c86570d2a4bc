"""Posting and running live coverage: services, permissions per role, the admin panel."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from reversion.models import Version

from articles.models import EditorialLogEntry
from liveblog import services
from liveblog.models import LiveBlog, LiveUpdate
from tests.factories import (
    ArticleFactory,
    LiveBlogFactory,
    LiveUpdateFactory,
    StaffMemberFactory,
    UserFactory,
)
from ticker.models import TickerItem

pytestmark = pytest.mark.django_db

Action = EditorialLogEntry.Action


@pytest.fixture
def reporter():
    user = UserFactory(role="Reporter")
    StaffMemberFactory(user=user)
    return user


@pytest.fixture
def editor():
    return UserFactory(role="Editor")


@pytest.fixture
def live_blog():
    return LiveBlogFactory()


def logged(article) -> list[str]:
    return list(article.log_entries.values_list("action", flat=True))


# ---- Services and permissions


def test_editors_start_end_and_reopen_coverage_and_each_step_is_logged(editor):
    article = ArticleFactory()

    live_blog = services.live_start(article=article, by=editor)
    services.live_end(live_blog=live_blog, by=editor)
    live_blog = services.live_reopen(live_blog=live_blog, by=editor)

    assert live_blog.state == LiveBlog.State.LIVE and live_blog.ended_at is None
    assert logged(article) == [Action.LIVE_REOPEN, Action.LIVE_END, Action.LIVE_START]


def test_reporters_may_not_start_or_end_coverage(reporter, live_blog):
    with pytest.raises(PermissionDenied):
        services.live_start(article=ArticleFactory(), by=reporter)
    with pytest.raises(PermissionDenied):
        services.live_end(live_blog=live_blog, by=reporter)


def test_a_reporter_posts_with_their_byline_and_a_revision(reporter, live_blog):
    update = services.update_post(
        live_blog=live_blog, by=reporter, headline_ar="انفجار في الميناء", body_ar="<p>نص</p>"
    )

    assert list(update.authors.all()) == [reporter.staff_member]
    assert Version.objects.get_for_object(update).count() == 1
    assert logged(live_blog.article) == [Action.LIVE_POST]
    assert live_blog.article.log_entries.get().note == "انفجار في الميناء"


def test_an_update_body_is_sanitized_like_an_article_body(reporter, live_blog):
    update = services.update_post(
        live_blog=live_blog,
        by=reporter,
        body_ar='<p onclick="x()">نص</p><script>alert(1)</script><a href="javascript:x">رابط</a>',
    )

    update.refresh_from_db()
    assert "script" not in update.body_ar and "onclick" not in update.body_ar
    assert "javascript" not in update.body_ar


def test_an_empty_update_is_refused_and_nothing_is_saved(reporter, live_blog):
    with pytest.raises(ValidationError):
        services.update_post(live_blog=live_blog, by=reporter, body_ar="<p> </p>")

    assert not LiveUpdate.objects.exists() and not EditorialLogEntry.objects.exists()


def test_nothing_is_posted_to_ended_coverage(reporter, editor, live_blog):
    services.live_end(live_blog=live_blog, by=editor)

    with pytest.raises(ValidationError):
        services.update_post(live_blog=live_blog, by=reporter, body_ar="<p>نص</p>")


def test_reporters_edit_and_delete_their_own_updates_only(reporter, live_blog):
    own = services.update_post(live_blog=live_blog, by=reporter, body_ar="<p>نص</p>")
    other = LiveUpdateFactory(live_blog=live_blog, created_by=UserFactory(role="Reporter"))

    services.update_edit(update=own, by=reporter, body_ar="<p>نص مصحح</p>")
    with pytest.raises(PermissionDenied):
        services.update_edit(update=other, by=reporter, body_ar="<p>تغيير</p>")
    with pytest.raises(PermissionDenied):
        services.update_delete(update=other, by=reporter)
    services.update_delete(update=own, by=reporter)

    own.refresh_from_db()
    assert own.deleted_at is not None and own.body_ar == ""
    assert Version.objects.get_for_object(own).count() == 2  # the text is kept there


def test_editors_change_anyones_update(editor, live_blog):
    update = LiveUpdateFactory(live_blog=live_blog, created_by=UserFactory(role="Reporter"))

    services.update_edit(update=update, by=editor, headline_ar="عنوان أدق")

    update.refresh_from_db()
    assert update.headline_ar == "عنوان أدق" and update.changed_at > update.posted_at


def test_pinning_one_update_unpins_the_other(editor, reporter, live_blog):
    first, second = LiveUpdateFactory.create_batch(2, live_blog=live_blog)

    services.update_pin(update=first, by=editor)
    services.update_pin(update=second, by=editor)
    with pytest.raises(PermissionDenied):
        services.update_pin(update=first, by=reporter)

    first.refresh_from_db(), second.refresh_from_db()
    assert (first.is_pinned, second.is_pinned) == (False, True)


def test_a_key_event_is_marked_and_unmarked(editor, live_blog):
    update = LiveUpdateFactory(live_blog=live_blog)

    services.update_mark_key_event(update=update, by=editor)
    services.update_mark_key_event(update=update, by=editor, key_event=False)

    assert logged(live_blog.article) == [Action.LIVE_NOT_KEY_EVENT, Action.LIVE_KEY_EVENT]


def test_one_click_sends_the_headline_to_the_ticker_as_breaking(editor, reporter, live_blog):
    update = LiveUpdateFactory(live_blog=live_blog, headline_ar="سقوط جسر في المدينة")

    item = services.update_to_ticker(update=update, by=editor)
    with pytest.raises(PermissionDenied):
        services.update_to_ticker(update=update, by=reporter)

    assert item.text_ar == "سقوط جسر في المدينة" and item.is_breaking and item.is_live
    assert item.article == live_blog.article and item.link == update.get_absolute_url()
    assert TickerItem.objects.count() == 1


# ---- The panel on the article's admin page


def article_page(client, article):
    return client.get(reverse("admin:articles_article_change", args=[article.pk]))


def test_an_editor_starts_coverage_and_posts_from_the_articles_page(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    assert (
        "Start live coverage" in article_page(client, article).text
        or "ابدأ" in article_page(client, article).text
    )

    client.post(reverse("admin:liveblog_start", args=[article.pk]))
    live_blog = LiveBlog.objects.get(article=article)
    response = client.post(
        reverse("admin:liveblog_action", args=[live_blog.pk, "post"]),
        {"headline": "عاجل", "text": "السطر الأول\n\nالفقرة الثانية", "is_key_event": "on"},
    )

    assert response.status_code == 302 and response.url.endswith("#live")
    update = live_blog.updates.get()
    assert update.body_ar == "<p>السطر الأول</p>\n\n<p>الفقرة الثانية</p>"
    assert update.is_key_event
    page = article_page(client, article).text
    assert 'id="live"' in page and "عاجل" in page


def test_a_reporter_sees_edit_buttons_on_their_own_updates_only(client, reporter, live_blog):
    own = LiveUpdateFactory(live_blog=live_blog, created_by=reporter)
    other = LiveUpdateFactory(live_blog=live_blog, created_by=UserFactory(role="Reporter"))
    client.force_login(reporter)

    page = article_page(client, live_blog.article).text

    assert reverse("admin:liveblog_liveupdate_change", args=[own.pk]) in page
    assert reverse("admin:liveblog_liveupdate_change", args=[other.pk]) not in page
    assert reverse("admin:liveblog_start", args=[live_blog.article.pk]) not in page


def test_buttons_answer_post_only_and_check_permissions_on_the_server(client, reporter, live_blog):
    other = LiveUpdateFactory(live_blog=live_blog, created_by=UserFactory(role="Reporter"))
    client.force_login(reporter)
    delete = reverse("admin:liveblog_update_action", args=[other.pk, "delete"])

    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 403
    assert (
        client.post(reverse("admin:liveblog_action", args=[live_blog.pk, "end"])).status_code == 403
    )
    other.refresh_from_db()
    assert other.deleted_at is None


def test_a_bad_quick_post_gets_a_message_and_saves_nothing(client, reporter, live_blog):
    client.force_login(reporter)

    response = client.post(
        reverse("admin:liveblog_action", args=[live_blog.pk, "post"]), {"text": "  "}, follow=True
    )

    assert response.status_code == 200
    assert list(response.context["messages"])
    assert not live_blog.updates.exists()


def test_the_full_update_page_edits_and_refuses_an_emptied_update(client, editor, live_blog):
    update = LiveUpdateFactory(live_blog=live_blog)
    client.force_login(editor)
    url = reverse("admin:liveblog_liveupdate_change", args=[update.pk])
    assert client.get(url).status_code == 200

    data = {
        "headline_ar": "",
        "headline_en": "",
        "body_ar": "<p></p>",
        "body_en": "",
        "image": "",
        "authors": [],
    }
    response = client.post(url, data)

    assert response.status_code == 200 and response.context["adminform"].form.errors
    update.refresh_from_db()
    assert "المراسل" in update.body_ar
