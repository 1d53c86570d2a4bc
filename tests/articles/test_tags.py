"""Each tag has an English name for English readers, while its Arabic name stays what
it is matched by and its address stays what it was."""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Tag
from tests.factories import ArticleFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(role="Editor"))
    return client


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
