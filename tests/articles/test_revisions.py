"""Revisions and edit conflicts, through the admin views as editors use them."""

import re

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Tag, TaggedArticle
from articles.services import article_return_to_draft
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, SectionFactory, StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(role="Editor"))
    return client


@pytest.fixture
def article():
    return ArticleFactory(title_ar="العنوان الأول", title_en="First headline", tags=["اقتصاد"])


def save(client, article, **changes):
    article.refresh_from_db()
    response = client.post(change_url(article), form_data(article, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return article


class TestRevisions:
    def test_every_save_keeps_a_version_with_translations_and_tags(self, editor_client, article):
        save(editor_client, article, title_en="Second headline", tags="اقتصاد, طاقة")

        versions = Version.objects.get_for_object(article)
        assert versions.count() == 1
        latest = versions.first()
        assert latest.field_dict["title_en"] == "Second headline"
        assert latest.field_dict["title_ar"] == "العنوان الأول"
        tagged = latest.revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(TaggedArticle)
        )
        assert tagged.count() == 2

    def test_history_compares_two_versions_word_by_word(self, editor_client, article):
        save(editor_client, article, title_ar="العنوان الأول")
        save(editor_client, article, title_ar="العنوان الثاني", tags="اقتصاد, طاقة")
        older, newer = reversed(Version.objects.get_for_object(article))

        history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
        compare = editor_client.get(
            reverse("admin:articles_article_compare", args=[article.pk]),
            {"from": older.pk, "to": newer.pk},
        )

        assert history.status_code == 200 and 'name="from"' in history.text
        assert compare.status_code == 200
        assert "العنوان <del>الأول</del> <ins>الثاني</ins>" in compare.text
        assert "اقتصاد <ins>· طاقة</ins>" in compare.text
        assert "First headline" not in compare.text  # unchanged fields are not listed

    @pytest.mark.parametrize("unpublish_after", [False, True])
    def test_restoring_a_version_is_a_new_version_and_keeps_the_workflow_state(
        self, editor_client, article, unpublish_after
    ):
        save(editor_client, article, title_ar="نسخة قديمة", tags="قديم")
        old = Version.objects.get_for_object(article).first()
        save(editor_client, article, title_ar="نسخة جديدة", tags="جديد")
        if unpublish_after:
            article_return_to_draft(article=article, by=UserFactory(role="Editor"), note="مراجعة")
        article.refresh_from_db()
        state_before = (article.status, article.published_at, article.created_by_id)
        revision_url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])

        page = editor_client.get(revision_url)
        assert 'value="نسخة قديمة"' in page.text
        article.refresh_from_db()
        assert article.title_ar == "نسخة جديدة"  # looking changes nothing

        response = editor_client.post(
            revision_url, form_data(article, title_ar="نسخة قديمة", tags="قديم")
        )

        assert response.status_code == 302
        article.refresh_from_db()
        assert article.title_ar == "نسخة قديمة"
        assert list(article.tags.names()) == ["قديم"]
        # Restoring never publishes or unpublishes: status and time are as they were.
        assert (article.status, article.published_at, article.created_by_id) == state_before
        assert Version.objects.get_for_object(article).count() == 3

    def test_reporter_cannot_restore_someone_elses_article(self, client, editor_client, article):
        save(editor_client, article, title_ar="عنوان")
        version = Version.objects.get_for_object(article).first()
        client.force_login(UserFactory(role="Reporter"))

        response = client.post(
            reverse("admin:articles_article_revision", args=[article.pk, version.pk]),
            form_data(article, title_ar="تخريب"),
        )

        assert response.status_code == 403
        article.refresh_from_db()
        assert article.title_ar == "عنوان"

    def test_author_removed_from_an_article_cannot_edit_it_through_an_old_version(
        self, client, editor_client
    ):
        reporter = UserFactory(role="Reporter")
        member = StaffMemberFactory(user=reporter)
        article = ArticleFactory(draft=True, authors=[member])
        save(editor_client, article, title_ar="بقلم المراسل")
        old = Version.objects.get_for_object(article).first()
        save(editor_client, article, title_ar="أعيد إسناده", authors=[])
        client.force_login(reporter)

        response = client.post(
            reverse("admin:articles_article_revision", args=[article.pk, old.pk]),
            form_data(article, title_ar="تعديل من المراسل المبعد", authors=[member.pk]),
        )

        assert response.status_code == 403
        article.refresh_from_db()
        assert article.title_ar == "أعيد إسناده"

    def test_a_version_of_something_else_is_not_restored_through_this_article(self, editor_client):
        # The attack: a tag assignment of another, published article, saved in that
        # article's revision under an id equal to this draft's id, posted to the
        # draft's "restore" address. Reverting it would rewrite the other article.
        other = ArticleFactory(title_ar="خبر آخر منشور")
        draft = ArticleFactory(draft=True)
        TaggedArticle.objects.filter(pk=draft.pk).delete()
        tagged = TaggedArticle.objects.create(
            pk=draft.pk, content_object=other, tag=Tag.objects.create(name="وسم", slug="وسم")
        )
        with reversion.create_revision():
            reversion.add_to_revision(other)
            reversion.add_to_revision(tagged)
        article_version = Version.objects.get_for_object(other).get()
        tag_version = Version.objects.get_for_object(tagged).get()
        assert tag_version.object_id == str(draft.pk)

        for version in [article_version, tag_version]:
            url = reverse("admin:articles_article_revision", args=[draft.pk, version.pk])
            assert editor_client.post(url, form_data(draft)).status_code == 404
        other.refresh_from_db()
        assert other.is_published and other.title_ar == "خبر آخر منشور"

    def test_recovery_is_only_for_deleted_articles(self, editor_client, article):
        save(editor_client, article, title_ar="نسخة")
        live_version = Version.objects.get_for_object(article).first()

        response = editor_client.post(
            reverse("admin:articles_article_recover", args=[live_version.pk]), form_data(article)
        )

        assert response.status_code == 404
        article.refresh_from_db()
        assert article.is_published

    @pytest.mark.parametrize("ids", [{"from": "x", "to": "y"}, {"from": "", "to": ""}, {}])
    def test_compare_with_bad_version_ids_is_404(self, editor_client, article, ids):
        url = reverse("admin:articles_article_compare", args=[article.pk])

        assert editor_client.get(url, ids).status_code == 404


class TestEditConflicts:
    def test_second_editor_to_save_a_stale_form_is_told_and_loses_nothing(self, article):
        first, second = Client(), Client()
        first.force_login(UserFactory(role="Editor"))
        second.force_login(UserFactory(role="Editor"))
        # Both open the article.
        assert 'name="edited_version" value="1"' in first.get(change_url(article)).text
        second.get(change_url(article))
        stale = form_data(article)

        first.post(change_url(article), {**stale, "title_ar": "عنوان المحرر الأول"})
        response = second.post(change_url(article), {**stale, "title_ar": "عنوان المحرر الثاني"})

        assert response.status_code == 200
        assert "حفظه شخص آخر" in response.text
        article.refresh_from_db()
        assert article.title_ar == "عنوان المحرر الأول" and article.version == 2
        # The second editor's text is still in the form, and the difference is shown.
        assert 'value="عنوان المحرر الثاني"' in response.text
        conflict = response.text.split('class="conflict"')[1].split("</section>")[0]
        assert re.search(r"<del>الأول</del>\s*<ins>الثاني</ins>", conflict)

        overwrite = second.post(
            change_url(article), {**stale, "title_ar": "عنوان المحرر الثاني", "overwrite": "on"}
        )

        assert overwrite.status_code == 302
        article.refresh_from_db()
        assert article.title_ar == "عنوان المحرر الثاني" and article.version == 3

    def test_saving_twice_in_a_row_is_no_conflict(self, editor_client, article):
        save(editor_client, article, title_ar="مرة")
        save(editor_client, article, title_ar="مرتان")

        assert article.title_ar == "مرتان" and article.version == 3

    def test_workflow_actions_do_not_make_an_open_form_stale(self, editor_client):
        article = ArticleFactory(in_review=True, section=SectionFactory())
        stale = form_data(article, title_ar="بعد النشر")

        editor_client.post(reverse("admin:articles_article_workflow", args=[article.pk, "publish"]))
        response = editor_client.post(change_url(article), stale)

        assert response.status_code == 302
        article.refresh_from_db()
        assert article.is_published and article.title_ar == "بعد النشر"


class TestBilingualEditing:
    def test_english_inputs_are_left_to_right_and_arabic_right_to_left(
        self, editor_client, article
    ):
        page = editor_client.get(change_url(article)).text

        assert re.search(r'<input[^>]*name="title_en"[^>]*', page).group(0).count('dir="ltr"') == 1
        assert 'lang="en"' in re.search(r'<input[^>]*name="title_en"[^>]*', page).group(0)
        assert 'dir="rtl"' in re.search(r'<input[^>]*name="title_ar"[^>]*', page).group(0)
        assert 'dir="rtl"' in re.search(r'<textarea[^>]*name="summary_ar"[^>]*', page).group(0)

    def test_english_is_flagged_out_of_date_when_the_arabic_changes_after_it(self, editor_client):
        article = ArticleFactory(title_ar="العنوان", title_en="The headline")
        changelist = reverse("admin:articles_article_changelist")

        def outdated() -> list[int]:
            listing = editor_client.get(changelist, {"english": "outdated"})
            return [a.pk for a in listing.context["cl"].result_list]

        save(editor_client, article, title_en="The headline, revised")
        assert article.translation_state == "current" and outdated() == []

        save(editor_client, article, title_ar="العنوان بعد التعديل")
        assert article.translation_state == "outdated" and outdated() == [article.pk]
        assert "قديمة" in editor_client.get(changelist).text

        save(editor_client, article, title_en="The edited headline")
        assert article.translation_state == "current" and outdated() == []

    def test_restoring_an_older_arabic_text_flags_the_english_as_out_of_date(self, editor_client):
        article = ArticleFactory(title_ar="العنوان الأول", title_en="The headline")
        save(editor_client, article, title_ar="العنوان الأول")
        old = Version.objects.get_for_object(article).first()
        save(editor_client, article, title_ar="العنوان الثاني")
        save(editor_client, article, title_en="The second headline")
        assert article.translation_state == "current"

        editor_client.post(
            reverse("admin:articles_article_revision", args=[article.pk, old.pk]),
            form_data(article, title_ar="العنوان الأول", title_en="The second headline"),
        )

        article.refresh_from_db()
        assert article.title_ar == "العنوان الأول"
        assert article.translation_state == "outdated"

    def test_article_without_english_is_listed_as_missing(self, editor_client):
        ArticleFactory(title_ar="بلا ترجمة")
        changelist = reverse("admin:articles_article_changelist")

        missing = editor_client.get(changelist, {"english": "missing"}).context["cl"].result_list

        assert [a.title_ar for a in missing] == ["بلا ترجمة"]
