"""Tags the Arabic way: «،» separates them wherever they are typed, the field shows them
joined with «، », and each tag has an English name for English readers while its
Arabic name stays what it is matched by and its address stays what it was."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from articles.models import Article, Tag
from articles.services import article_add_tags
from articles.tag_parsing import join_tags, parse_tags, split_names
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, StaffMemberFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(role="Editor"))
    return client


def names(article: Article) -> list[str]:
    return sorted(article.tags.names())


class TestTyping:
    def test_arabic_commas_separate_three_clean_tags(self):
        assert parse_tags("غزة، القدس، الضفة") == ["الضفة", "القدس", "غزة"]

    def test_latin_commas_and_a_mix_of_both(self):
        assert parse_tags("غزة,القدس") == ["القدس", "غزة"]
        assert parse_tags("غزة، القدس, الضفة،رفح") == ["الضفة", "القدس", "رفح", "غزة"]

    def test_quotes_keep_a_tag_of_several_words_whole(self):
        assert parse_tags('"الشرق الأوسط"، غزة') == ["الشرق الأوسط", "غزة"]
        assert parse_tags('"الشرق الأوسط"') == ["الشرق الأوسط"]

    def test_a_comma_between_quotes_is_part_of_the_name(self):
        assert parse_tags('"القدس، الشرقية"، غزة') == ["القدس، الشرقية", "غزة"]

    def test_without_separators_or_quotes_spaces_separate_as_in_taggit(self):
        assert parse_tags("غزة القدس") == ["القدس", "غزة"]

    def test_empty_names_and_repeats_are_dropped(self):
        assert parse_tags("") == []
        assert parse_tags(" ، ,، ") == []
        assert parse_tags("غزة، غزة ،غزة") == ["غزة"]

    def test_an_unmatched_quote_reads_the_rest_as_unquoted(self):
        assert parse_tags('"غزة، القدس') == ["القدس", "غزة"]

    def test_the_field_shows_names_joined_with_arabic_commas_and_reads_them_back(self):
        tags = [Tag(name_ar="غزة"), Tag(name_ar="الشرق الأوسط"), Tag(name_ar="القدس، الشرقية")]

        shown = join_tags(tags)

        assert shown == '"الشرق الأوسط"، "القدس، الشرقية"، غزة'
        assert parse_tags(shown) == ["الشرق الأوسط", "القدس، الشرقية", "غزة"]

    def test_names_arriving_one_by_one_split_at_commas_only(self):
        assert split_names("غزة، القدس ,الضفة الغربية،") == ["غزة", "القدس", "الضفة الغربية"]
        assert split_names('"صفقة القرن"') == ['"صفقة القرن"']


class TestArticleForm:
    def test_typing_arabic_commas_gives_three_tags(self, editor_client):
        article = ArticleFactory(draft=True)

        response = editor_client.post(
            change_url(article), form_data(article, tags="غزة، القدس، الضفة")
        )

        assert response.status_code == 302, response.context["adminform"].form.errors
        assert names(article) == ["الضفة", "القدس", "غزة"]

    def test_a_quoted_tag_of_several_words_stays_one_tag(self, editor_client):
        article = ArticleFactory(draft=True)

        editor_client.post(change_url(article), form_data(article, tags='"الشرق الأوسط"، غزة'))

        assert names(article) == ["الشرق الأوسط", "غزة"]

    def test_the_form_shows_the_tags_joined_with_arabic_commas(self, editor_client):
        article = ArticleFactory(tags=["غزة", "القدس", "الشرق الأوسط"])

        form = editor_client.get(change_url(article)).context["adminform"].form

        assert 'value="&quot;الشرق الأوسط&quot;، القدس، غزة"' in str(form["tags"])

    def test_the_english_admin_shows_and_matches_the_arabic_names(self, editor_client):
        article = ArticleFactory(tags=["غزة", "القدس"])
        Tag.objects.filter(name_ar="غزة").update(name_en="Gaza")
        url = "/en" + change_url(article)

        form = editor_client.get(url).context["adminform"].form
        response = editor_client.post(url, form_data(article, tags="غزة، القدس، رفح"))

        assert "القدس، غزة" in str(form["tags"])
        with translation.override("en"):
            assert not form["tags"].field.has_changed(form["tags"].initial, "القدس، غزة")
        assert response.status_code == 302
        assert names(article) == ["القدس", "رفح", "غزة"]
        assert Tag.objects.count() == 3  # «غزة» found again, not made twice
        assert Tag.objects.get(name_ar="رفح").name_en is None

    def test_a_tag_longer_than_the_table_holds_is_a_form_error(self, editor_client):
        article = ArticleFactory(draft=True)

        response = editor_client.post(change_url(article), form_data(article, tags="و" * 101))

        assert response.status_code == 200
        assert "tags" in response.context["adminform"].form.errors


class TestBulkTagging:
    def test_selected_articles_get_the_tags_typed_and_keep_their_own(self, editor_client):
        first = ArticleFactory(tags=["اقتصاد"])
        second = ArticleFactory(draft=True)
        chosen = {"action": "tag_selected", ACTION_CHECKBOX_NAME: [first.pk, second.pk]}

        question = editor_client.post(CHANGELIST, chosen)
        response = editor_client.post(CHANGELIST, {**chosen, "apply": "1", "tags": "غزة، القدس"})

        assert question.status_code == 200
        assert first.title in question.text
        assert response.status_code == 302
        assert names(first) == ["اقتصاد", "القدس", "غزة"]
        assert names(second) == ["القدس", "غزة"]

    def test_nothing_is_added_without_tags(self, editor_client):
        article = ArticleFactory()
        chosen = {"action": "tag_selected", ACTION_CHECKBOX_NAME: [article.pk]}

        response = editor_client.post(CHANGELIST, {**chosen, "apply": "1", "tags": " ، "})

        assert response.status_code == 200  # asked again
        assert names(article) == []

    def test_a_reporter_tags_only_their_own_drafts(self, client):
        reporter = UserFactory(role="Reporter")
        own = ArticleFactory(draft=True, authors=[StaffMemberFactory(user=reporter)])
        other = ArticleFactory(draft=True)
        client.force_login(reporter)

        client.post(
            CHANGELIST,
            {"action": "tag_selected", ACTION_CHECKBOX_NAME: [own.pk, other.pk], "apply": "1",
             "tags": "غزة"},
        )  # fmt: skip

        assert names(own) == ["غزة"]
        assert names(other) == []

    def test_tagging_keeps_a_revision_and_makes_older_forms_stale(self, editor_client):
        article = ArticleFactory(tags=["اقتصاد"])
        stale = form_data(article, title_ar="عنوان من نموذج قديم")

        article_add_tags(article=article, tags=["غزة"], by=UserFactory(role="Editor"))
        response = editor_client.post(change_url(article), stale)

        version = Version.objects.get_for_object(article).get()
        assert "غزة" in version.revision.comment
        assert response.status_code == 200  # the conflict is shown, not saved over
        assert names(article) == ["اقتصاد", "غزة"]


class TestTagModel:
    def test_a_tag_saved_in_english_keeps_its_arabic_name_and_address(self):
        tag = TagFactory(name_ar="غزة")

        with translation.override("en"):
            tag.name = "Gaza"
            tag.save()
            found = Tag.objects.get(pk=tag.pk)
            assert found.name == "Gaza"

        tag.refresh_from_db()
        assert (tag.name_ar, tag.name_en, tag.slug) == ("غزة", "Gaza", "غزة")
        stored = Tag.objects.filter(pk=tag.pk).rewrite(False).values_list("name", flat=True)
        assert stored.get() == "غزة"  # the column taggit finds tags by

    def test_renaming_a_tag_keeps_its_address(self):
        tag = TagFactory(name_ar="غزه")

        tag.name_ar = "غزة"
        tag.save()

        tag.refresh_from_db()
        assert tag.slug == "غزه"

    def test_english_pages_show_the_english_name_or_the_arabic_one(self):
        named, unnamed = TagFactory(name_ar="غزة", name_en="Gaza"), TagFactory(name_ar="رفح")

        with translation.override("en"):
            assert (named.name, unnamed.name) == ("Gaza", "رفح")
            assert named.get_absolute_url() == reverse("articles:tag", args=["غزة"])


class TestTagAdmin:
    def test_an_editor_gives_a_tag_its_english_name(self, editor_client):
        tag = TagFactory(name_ar="غزة")
        ArticleFactory(tags=[tag])
        url = reverse("admin:articles_tag_change", args=[tag.pk])

        page = editor_client.get(url)
        response = editor_client.post(url, {"name_ar": "غزة", "name_en": "Gaza"})

        assert page.status_code == 200
        assert response.status_code == 302
        tag.refresh_from_db()
        assert (tag.name_ar, tag.name_en, tag.slug) == ("غزة", "Gaza", "غزة")

    def test_two_tags_cannot_share_a_name(self, editor_client):
        TagFactory(name_ar="غزة", name_en="Gaza")
        tag = TagFactory(name_ar="قطاع غزة")

        response = editor_client.post(
            reverse("admin:articles_tag_change", args=[tag.pk]),
            {"name_ar": "قطاع غزة", "name_en": "Gaza"},
        )

        assert response.status_code == 200
        assert "name_en" in response.context["adminform"].form.errors

    def test_the_list_finds_tags_without_an_english_name(self, editor_client):
        TagFactory(name_ar="غزة", name_en="Gaza")
        TagFactory(name_ar="رفح")
        url = reverse("admin:articles_tag_changelist")

        missing = editor_client.get(url, {"english": "missing"}).context["cl"].result_list

        assert [tag.name_ar for tag in missing] == ["رفح"]

    def test_reporters_see_tags_and_only_the_editor_in_chief_deletes_them(self, client):
        tag = TagFactory()
        change = reverse("admin:articles_tag_change", args=[tag.pk])
        delete = reverse("admin:articles_tag_delete", args=[tag.pk])
        for role, may_change, may_delete in [
            ("Reporter", False, False),
            ("Editor", True, False),
            ("Editor-in-chief", True, True),
        ]:
            client.force_login(UserFactory(role=role))
            page = client.get(change)
            assert page.status_code == 200
            assert ('name="name_en"' in page.text) is may_change, role
            assert (client.get(delete).status_code == 200) is may_delete, role

    def test_taggits_own_tags_are_not_in_the_admin(self, admin_client):
        assert admin_client.get("/admin/taggit/tag/").status_code == 404
