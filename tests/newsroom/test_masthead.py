"""The masthead and its history: terms, hand-overs, the masthead line and page, and
the editor-in-chief an article names."""

import json
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from lxml import html

from newsroom.models import MastheadTerm, StaffMember
from tests.factories import ArticleFactory, MastheadTermFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db

Role = StaffMember.MastheadRole
# Noon in Cairo on 1 September 2022, the day the demo's editors-in-chief hand over.
HANDOVER = datetime(2022, 9, 1, 10, 0, tzinfo=UTC)


def at(day: str, hour: int = 10):
    return time_machine.travel(
        datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC), tick=False
    )


@pytest.fixture
def handover():
    """A chairman throughout; one editor-in-chief until 31 August 2022, another after."""
    chairman = StaffMemberFactory(name_ar="رئيس المجلس", masthead_order=1)
    former = StaffMemberFactory(name_ar="رئيس التحرير السابق", masthead_order=2)
    current = StaffMemberFactory(name_ar="رئيس التحرير الحالي", masthead_order=2)
    MastheadTermFactory(staff_member=chairman, role=Role.CHAIRMAN, starts_on=date(2011, 2, 1))
    MastheadTermFactory(staff_member=former, starts_on=date(2011, 2, 1), ends_on=date(2022, 8, 31))
    MastheadTermFactory(staff_member=current, starts_on=date(2022, 9, 1))
    return chairman, former, current


def masthead_line(client, url="/") -> list[str]:
    page = html.fromstring(client.get(url).content)
    roles = page.xpath('//*[@class="masthead__role"]')
    return [" ".join(role.text_content().split()) for role in roles]


def roles_on(client, day: str) -> dict[str, list[str]]:
    response = client.get(f"/masthead/?on={day}")
    assert response.status_code == 200
    page = html.fromstring(response.content)
    [section] = page.xpath('//section[@aria-labelledby="masthead-on-day"]')
    return {
        group.findtext("dt"): [dd.text_content() for dd in group.findall("dd")]
        for group in section.xpath('.//dl[@class="masthead-roles"]/div')
    }


# ---- Terms


def test_setting_a_masthead_role_opens_a_term_from_today():
    with at("2026-03-10"):
        member = StaffMemberFactory(masthead_role=Role.MANAGING_EDITOR)

    [term] = member.masthead_terms.all()
    assert (term.role, term.starts_on, term.ends_on) == (
        Role.MANAGING_EDITOR,
        date(2026, 3, 10),
        None,
    )


def test_a_new_editor_in_chief_ends_the_previous_holders_term_the_day_before(handover):
    _chairman, _former, current = handover
    with at("2026-05-20"):
        successor = StaffMemberFactory(masthead_role=Role.EDITOR_IN_CHIEF)

    current_term = current.masthead_terms.get()
    assert current_term.ends_on == date(2026, 5, 19)
    assert successor.masthead_terms.get().starts_on == date(2026, 5, 20)
    current.refresh_from_db()
    assert current.masthead_role == ""
    assert successor.masthead_role == Role.EDITOR_IN_CHIEF


def test_a_role_given_and_changed_the_same_day_leaves_only_the_last():
    with at("2026-05-20"):
        member = StaffMemberFactory(masthead_role=Role.MANAGING_EDITOR)
        member.masthead_role = Role.EDITOR_IN_CHIEF
        member.save()

    assert list(member.masthead_terms.values_list("role", flat=True)) == [Role.EDITOR_IN_CHIEF]


def test_clearing_the_role_ends_the_term_yesterday_and_keeps_the_history(handover):
    chairman, _former, _current = handover
    with at("2026-05-20"):
        chairman.masthead_role = ""
        chairman.save()

    assert chairman.masthead_terms.get().ends_on == date(2026, 5, 19)


def test_saving_other_fields_of_a_person_read_before_a_hand_over_keeps_the_hand_over(
    handover,
):
    _chairman, _former, current = handover
    stale = StaffMember.objects.get(pk=current.pk)
    with at("2026-05-20"):
        StaffMemberFactory(masthead_role=Role.EDITOR_IN_CHIEF)
        stale.bio_ar = "سيرة محدّثة"
        stale.save(update_fields=["bio_ar"])

    stale.refresh_from_db()
    assert stale.masthead_role == ""
    assert MastheadTerm.objects.filter(role=Role.EDITOR_IN_CHIEF, ends_on=None).count() == 1


def test_several_managing_editors_may_serve_at_once():
    first = MastheadTermFactory(role=Role.MANAGING_EDITOR, starts_on=date(2020, 1, 1))
    second = MastheadTermFactory.build(
        staff_member=StaffMemberFactory(), role=Role.MANAGING_EDITOR, starts_on=date(2021, 1, 1)
    )

    second.full_clean()
    second.save()
    assert first.staff_member.masthead_role == second.staff_member.masthead_role
    assert second.staff_member.masthead_role == Role.MANAGING_EDITOR


@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        (date(2022, 8, 31), None),  # the last day of the former's term
        (date(2010, 1, 1), date(2011, 2, 1)),  # ends on the former's first day
        (date(2015, 1, 1), date(2016, 1, 1)),  # inside the former's term
        (date(2023, 1, 1), None),  # beside the current holder
    ],
)
def test_overlapping_terms_of_a_single_holder_role_are_refused_naming_the_holder(
    handover, starts_on, ends_on
):
    term = MastheadTerm(
        staff_member=StaffMemberFactory(),
        role=Role.EDITOR_IN_CHIEF,
        starts_on=starts_on,
        ends_on=ends_on,
    )

    with pytest.raises(ValidationError) as refused:
        term.full_clean()
    message = " ".join(refused.value.messages)
    assert "رئيس التحرير" in message and "شخص واحد" in message
    assert "رئيس التحرير السابق" in message or "رئيس التحرير الحالي" in message


def test_a_term_right_before_the_first_holder_is_accepted(handover):
    term = MastheadTerm(
        staff_member=StaffMemberFactory(),
        role=Role.EDITOR_IN_CHIEF,
        starts_on=date(2005, 1, 1),
        ends_on=date(2011, 1, 31),
    )

    term.full_clean()


def test_a_person_cannot_hold_the_same_role_twice_on_one_day():
    first = MastheadTermFactory(role=Role.MANAGING_EDITOR, starts_on=date(2020, 1, 1))
    again = MastheadTerm(
        staff_member=first.staff_member, role=Role.MANAGING_EDITOR, starts_on=date(2021, 1, 1)
    )

    with pytest.raises(ValidationError, match="في بعض هذه الأيام"):
        again.full_clean()


def test_a_term_cannot_end_before_it_starts():
    term = MastheadTerm(
        staff_member=StaffMemberFactory(),
        role=Role.CHAIRMAN,
        starts_on=date(2020, 5, 2),
        ends_on=date(2020, 5, 1),
    )

    with pytest.raises(ValidationError, match="قبل أن تبدأ"):
        term.full_clean()


def test_the_database_refuses_two_current_editors_in_chief(handover):
    with pytest.raises(IntegrityError), transaction.atomic():
        MastheadTerm.objects.bulk_create(
            [
                MastheadTerm(
                    staff_member=StaffMemberFactory(),
                    role=Role.EDITOR_IN_CHIEF,
                    starts_on=date(2024, 1, 1),
                )
            ]
        )


def test_a_person_with_terms_cannot_be_deleted(handover):
    _chairman, former, _current = handover

    with pytest.raises(Exception, match="protected"), transaction.atomic():
        former.delete()


# ---- The masthead line


def test_the_masthead_line_shows_todays_holders_in_masthead_order(client, handover):
    with at("2026-05-20"):
        line = masthead_line(client)

    assert line == ["رئيس مجلس الإدارة رئيس المجلس", "رئيس التحرير رئيس التحرير الحالي"]


def test_the_masthead_line_changes_on_the_day_a_term_begins(client, handover):
    _chairman, _former, current = handover
    successor = StaffMemberFactory(name_ar="رئيسة التحرير القادمة", masthead_order=2)
    with at("2026-05-20"):
        current_term = current.masthead_terms.get()
        current_term.ends_on = date(2026, 5, 31)
        current_term.save()
        MastheadTermFactory(staff_member=successor, starts_on=date(2026, 6, 1))
        assert "رئيس التحرير رئيس التحرير الحالي" in masthead_line(client)

    with at("2026-05-31", hour=20):  # 23:00 in Cairo (summer time): still the last day
        assert "رئيس التحرير رئيس التحرير الحالي" in masthead_line(client)
    with at("2026-05-31", hour=21):  # midnight in Cairo
        assert "رئيس التحرير رئيسة التحرير القادمة" in masthead_line(client)

    successor.refresh_from_db()
    current.refresh_from_db()
    assert (successor.masthead_role, current.masthead_role) == (Role.EDITOR_IN_CHIEF, "")


def test_the_masthead_line_on_english_pages_reads_in_english(client, handover):
    chairman, *_ = handover
    chairman.name_en = "The Chairman"
    chairman.save()

    assert "Chairman of the board The Chairman" in masthead_line(client, "/en/")


def test_staff_on_the_masthead_are_those_holding_a_role_today(handover):
    chairman, former, current = handover

    assert list(StaffMember.objects.on_masthead()) == [chairman, current]
    assert list(StaffMember.objects.on_masthead(date(2020, 1, 1))) == [chairman, former]


# ---- The masthead page


def test_the_masthead_page_lists_today_and_the_history_by_role(client, handover):
    response = client.get("/masthead/")

    page = html.fromstring(response.content)
    assert page.findtext(".//h1") == "هيئة التحرير"
    [today] = page.xpath('//section[@aria-labelledby="masthead-today"]')
    assert "رئيس التحرير الحالي" in today.text_content()
    assert "رئيس التحرير السابق" not in today.text_content()
    [history] = page.xpath('//section[@aria-labelledby="masthead-history"]')
    assert [h.text_content() for h in history.findall("h3")] == [
        "رئيس مجلس الإدارة",
        "رئيس التحرير",
    ]
    editors = history.findall("ul")[1].findall("li")
    assert "رئيس التحرير الحالي" in editors[0].text_content()
    assert "حتى الآن" in editors[0].text_content()
    assert "رئيس التحرير السابق" in editors[1].text_content()
    assert "31 أغسطس 2022" in editors[1].text_content()


@pytest.mark.parametrize(
    ("day", "editor"),
    [
        ("2022-08-30", "رئيس التحرير السابق"),  # before the change
        ("2022-08-31", "رئيس التحرير السابق"),  # the last day of the former
        ("2022-09-01", "رئيس التحرير الحالي"),  # the day of the change
        ("2023-01-15", "رئيس التحرير الحالي"),  # after it
    ],
)
def test_the_masthead_on_a_day_names_who_held_each_role(client, handover, day, editor):
    assert roles_on(client, day) == {
        "رئيس مجلس الإدارة": ["رئيس المجلس"],
        "رئيس التحرير": [editor],
    }


def test_a_day_before_anybody_held_a_role_says_so(client, handover):
    response = client.get("/masthead/?on=1990-06-01")

    assert "لا أحد مسجَّل في الترويسة في ذلك اليوم." in response.text


@pytest.mark.parametrize(
    "value", ["2022-13-01", "2022-02-30", "yesterday", "2022-9-1", "0001-01-01", "9999-12-31"]
)
def test_a_day_that_is_not_a_date_is_a_bad_request(client, handover, value):
    assert client.get(f"/masthead/?on={value}").status_code == 400


def test_the_masthead_page_has_an_english_version(client, handover):
    response = client.get("/en/masthead/?on=2022-08-31")

    assert response.status_code == 200
    assert "Editor-in-chief" in response.text


# ---- Articles name their editor-in-chief


def test_an_article_names_the_editor_in_chief_of_the_day_it_was_published(client, handover):
    old = ArticleFactory(published_at=datetime(2019, 4, 2, 9, 0, tzinfo=UTC))
    new = ArticleFactory(published_at=HANDOVER)

    old_page = html.fromstring(client.get(old.get_absolute_url()).content)
    new_page = html.fromstring(client.get(new.get_absolute_url()).content)

    [old_line] = old_page.xpath('//footer[@class="article__standards"]/p')
    assert "رئيس التحرير عند النشر:" in old_line.text_content()
    assert "رئيس التحرير السابق" in old_line.text_content()
    assert old_line.find("a").get("href") == "/masthead/?on=2019-04-02"
    [new_line] = new_page.xpath('//footer[@class="article__standards"]/p')
    assert "رئيس التحرير الحالي" in new_line.text_content()


def test_an_article_from_before_the_masthead_history_names_nobody(client, handover):
    article = ArticleFactory(published_at=datetime(2009, 4, 2, 9, 0, tzinfo=UTC))

    page = html.fromstring(client.get(article.get_absolute_url()).content)

    assert "رئيس التحرير عند النشر" not in page.text_content()


def test_the_publisher_names_the_masthead_page(client, handover):
    page = html.fromstring(client.get("/").content)
    [website] = [json.loads(s.text) for s in page.xpath('//script[@type="application/ld+json"]')]

    assert website["publisher"]["masthead"] == "http://testserver/masthead/"
    assert client.get(website["publisher"]["masthead"]).status_code == 200
