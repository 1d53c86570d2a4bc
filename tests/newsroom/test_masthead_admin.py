"""The editor-in-chief keeps the masthead's history and the policy pages in the admin;
nobody else may change them."""

from datetime import date

import pytest
from django.urls import reverse
from reversion.models import Version

from newsroom.models import MastheadTerm, PolicyPage, StaffMember
from tests.factories import MastheadTermFactory, PolicyPageFactory, StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db

Role = StaffMember.MastheadRole
ADMIN_PAGES = [
    "admin:newsroom_mastheadterm_changelist",
    "admin:newsroom_mastheadterm_add",
    "admin:newsroom_policypage_changelist",
    "admin:newsroom_policypage_add",
]


def logged_in(client, role: str):
    client.force_login(UserFactory(role=role))
    return client


def term_form(member: StaffMember, starts_on: str, ends_on: str = "", role=Role.EDITOR_IN_CHIEF):
    return {"staff_member": member.pk, "role": role, "starts_on": starts_on, "ends_on": ends_on}


def policy_form(**changes) -> dict:
    form = {
        "title_ar": "سياسة التصحيح",
        "title_en": "Corrections policy",
        "slug": "",
        "kind": PolicyPage.Kind.CORRECTIONS,
        "body_ar": "<p>نصحّح أخطاءنا علنًا.</p><script>alert(1)</script>",
        "body_en": "",
        "order": "1",
    }
    return {**form, **changes}


@pytest.mark.parametrize("role", ["Reporter", "Editor"])
@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_only_the_editor_in_chief_reaches_the_masthead_and_policy_admin(client, role, page):
    assert logged_in(client, role).get(reverse(page)).status_code == 403


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_the_editor_in_chief_reaches_the_masthead_and_policy_admin(client, page):
    assert logged_in(client, "Editor-in-chief").get(reverse(page)).status_code == 200


@pytest.mark.parametrize("role", ["Reporter", "Editor"])
def test_other_roles_cannot_post_a_term_or_a_policy(client, role):
    member = StaffMemberFactory()
    logged_in(client, role)

    term = client.post(reverse("admin:newsroom_mastheadterm_add"), term_form(member, "2024-01-01"))
    policy = client.post(reverse("admin:newsroom_policypage_add"), policy_form())

    assert term.status_code == policy.status_code == 403
    assert not MastheadTerm.objects.exists() and not PolicyPage.objects.exists()


def test_the_editor_in_chief_records_a_past_term(client):
    member = StaffMemberFactory(name_ar="رئيس تحرير سابق")
    logged_in(client, "Editor-in-chief")

    response = client.post(
        reverse("admin:newsroom_mastheadterm_add"), term_form(member, "2010-03-01", "2015-12-31")
    )

    assert response.status_code == 302
    term = MastheadTerm.objects.get()
    assert (term.starts_on, term.ends_on) == (date(2010, 3, 1), date(2015, 12, 31))
    member.refresh_from_db()
    assert member.masthead_role == ""  # a past term: not on today's masthead


def test_an_overlapping_editor_in_chief_is_refused_with_a_form_error(client):
    holder = MastheadTermFactory(
        staff_member=StaffMemberFactory(name_ar="رئيسة التحرير"), starts_on=date(2020, 1, 1)
    )
    logged_in(client, "Editor-in-chief")

    response = client.post(
        reverse("admin:newsroom_mastheadterm_add"), term_form(StaffMemberFactory(), "2024-01-01")
    )

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "رئيسة التحرير" in errors and "شخص واحد" in errors
    assert list(MastheadTerm.objects.all()) == [holder]


def test_ending_a_term_in_the_admin_takes_the_person_off_todays_masthead(client):
    term = MastheadTermFactory(starts_on=date(2020, 1, 1))
    assert term.staff_member.masthead_role == Role.EDITOR_IN_CHIEF
    logged_in(client, "Editor-in-chief")

    response = client.post(
        reverse("admin:newsroom_mastheadterm_change", args=[term.pk]),
        term_form(term.staff_member, "2020-01-01", "2024-06-30"),
    )

    assert response.status_code == 302
    term.staff_member.refresh_from_db()
    assert term.staff_member.masthead_role == ""
    assert list(StaffMember.objects.on_masthead()) == []
    assert term.staff_member.name_ar not in client.get("/").text


def test_a_term_ending_before_it_starts_is_a_form_error(client):
    logged_in(client, "Editor-in-chief")

    response = client.post(
        reverse("admin:newsroom_mastheadterm_add"),
        term_form(StaffMemberFactory(), "2024-01-01", "2023-01-01"),
    )

    assert response.status_code == 200
    assert "لا يمكن أن تنتهي الفترة قبل أن تبدأ" in response.text
    assert not MastheadTerm.objects.exists()


def test_the_editor_in_chief_writes_a_policy_page_with_a_clean_body(client):
    logged_in(client, "Editor-in-chief")

    response = client.post(reverse("admin:newsroom_policypage_add"), policy_form())

    assert response.status_code == 302
    page = PolicyPage.objects.get()
    assert page.slug == "سياسة-التصحيح"
    assert page.body_ar == "<p>نصحّح أخطاءنا علنًا.</p>"
    assert client.get(page.get_absolute_url()).status_code == 200


def test_a_second_page_of_one_kind_is_a_form_error(client):
    PolicyPageFactory(kind=PolicyPage.Kind.CORRECTIONS)
    logged_in(client, "Editor-in-chief")

    response = client.post(reverse("admin:newsroom_policypage_add"), policy_form())

    assert response.status_code == 200
    assert "هناك صفحة أخرى لهذه السياسة" in response.text
    assert PolicyPage.objects.count() == 1


def test_policy_pages_keep_their_revisions(client):
    logged_in(client, "Editor-in-chief")
    client.post(reverse("admin:newsroom_policypage_add"), policy_form())
    page = PolicyPage.objects.get()

    client.post(
        reverse("admin:newsroom_policypage_change", args=[page.pk]),
        policy_form(slug=page.slug, body_ar="<p>نص معدّل.</p>"),
    )

    versions = Version.objects.get_for_object(page)
    assert [v.field_dict["body_ar"] for v in versions] == [
        "<p>نص معدّل.</p>",
        "<p>نصحّح أخطاءنا علنًا.</p>",
    ]
