"""What each newsroom role may do in the admin, checked on the server."""

import pytest
from django.urls import reverse

from newsroom.models import Publication, StaffMember
from tests.factories import (
    ImageFactory,
    StaffMemberFactory,
    TickerItemFactory,
    UserFactory,
)
from ticker.models import TickerItem

pytestmark = pytest.mark.django_db

TICKER_ADD = {
    "text_ar": "عاجل.. خبر جديد في الشريط", "text_en": "", "article": "", "url": "",
    "is_breaking": "on", "order": "1", "starts_at_0": "2026-01-01", "starts_at_1": "00:00:00",
    "ends_at_0": "", "ends_at_1": "",
}  # fmt: skip


def login(client, role):
    client.force_login(UserFactory(role=role))


@pytest.mark.parametrize(("role", "allowed"), [("Reporter", False), ("Editor", True)])
def test_editors_run_the_ticker_and_reporters_cannot(client, role, allowed):
    login(client, role)

    response = client.post(reverse("admin:ticker_tickeritem_add"), TICKER_ADD)

    assert response.status_code == (302 if allowed else 403)
    assert TickerItem.objects.exists() is allowed


def test_new_breaking_item_shows_on_the_site_at_once(client):
    login(client, "Editor")
    client.post(reverse("admin:ticker_tickeritem_add"), TICKER_ADD)
    client.logout()

    assert "عاجل.. خبر جديد في الشريط" in client.get("/").text


@pytest.mark.parametrize(("role", "allowed"), [("Editor", False), ("Editor-in-chief", True)])
def test_only_the_editor_in_chief_edits_the_masthead(client, role, allowed):
    publication = Publication.load()
    member = StaffMemberFactory()
    login(client, role)

    publication_response = client.post(
        reverse("admin:newsroom_publication_change", args=[publication.pk]),
        {"name_ar": "اسم جديد للصحيفة", "name_en": "", "tagline_ar": "", "tagline_en": ""},
    )
    role_response = client.post(
        reverse("admin:newsroom_staffmember_change", args=[member.pk]),
        {"name_ar": member.name_ar, "name_en": "", "slug": member.slug, "job_title_ar": "",
         "job_title_en": "", "bio_ar": "", "bio_en": "", "user": "",
         "masthead_role": StaffMember.MastheadRole.CHAIRMAN, "masthead_order": "1"},
    )  # fmt: skip

    assert (
        publication_response.status_code == role_response.status_code == (302 if allowed else 403)
    )
    assert (Publication.load().name_ar == "اسم جديد للصحيفة") is allowed
    if allowed:
        assert "اسم جديد للصحيفة" in client.get("/").text
        assert list(StaffMember.objects.on_masthead()) == [member]


def test_reporters_upload_images_but_do_not_manage_sections(client):
    login(client, "Reporter")

    assert client.get(reverse("admin:articles_image_add")).status_code == 200
    assert client.get(reverse("admin:articles_section_add")).status_code == 403


def test_staff_without_a_role_cannot_open_the_ticker(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("admin:ticker_tickeritem_changelist")).status_code == 403


def test_editor_ticker_list_is_reorderable(client):
    login(client, "Editor")
    TickerItemFactory()

    page = client.get(reverse("admin:ticker_tickeritem_changelist")).text

    assert 'name="form-0-order"' in page and 'name="form-0-is_breaking"' in page


IMAGE_FIELDS = {"alt_text_ar": "وصف", "alt_text_en": "", "caption_ar": "تعليق جديد",
                "caption_en": "", "credit_ar": "", "credit_en": ""}  # fmt: skip


def test_reporters_change_only_their_own_images(client):
    reporter = UserFactory(role="Reporter")
    own, others = ImageFactory(uploaded_by=reporter), ImageFactory(caption_ar="تعليق أصلي")
    client.force_login(reporter)

    refused = client.post(reverse("admin:articles_image_change", args=[others.pk]), IMAGE_FIELDS)
    allowed = client.post(reverse("admin:articles_image_change", args=[own.pk]), IMAGE_FIELDS)

    assert refused.status_code == 403 and allowed.status_code == 302
    others.refresh_from_db()
    assert others.caption_ar == "تعليق أصلي"


def test_editor_in_chief_cannot_make_anyone_a_superuser(client):
    chief = UserFactory(role="Editor-in-chief")
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(chief)

    own_page = client.get(reverse("admin:auth_user_change", args=[chief.pk])).text
    superuser_page = client.get(reverse("admin:auth_user_change", args=[superuser.pk]))

    assert 'name="is_superuser"' not in own_page and 'name="user_permissions"' not in own_page
    assert 'name="is_superuser"' not in superuser_page.text
    assert 'name="username"' not in superuser_page.text  # shown read-only, not editable
