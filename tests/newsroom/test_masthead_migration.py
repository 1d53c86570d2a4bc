"""The migration that turns the masthead roles people held into open terms."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The migration runs forwards and backwards on the test database, outside a test
# transaction; the database is emptied afterwards, as after every transactional test.
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("newsroom", "0007_masthead_terms_and_policy_pages")]
AFTER = [("newsroom", "0008_masthead_terms_from_roles")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_todays_roles_become_terms_opened_on_the_day_of_the_migration(capsys):
    old = migrate(BEFORE)
    StaffMember = old.get_model("newsroom", "StaffMember")
    people = {
        name: StaffMember.objects.create(
            name_ar=name, slug=f"p{order}", masthead_role=role, masthead_order=order
        )
        for name, role, order in [
            ("رئيس المجلس", "chairman", 1),
            ("رئيس التحرير", "editor_in_chief", 2),
            ("رئيس تحرير ثان", "editor_in_chief", 3),
            ("مدير التحرير", "managing_editor", 4),
            ("مديرة التحرير", "managing_editor", 5),
            ("مراسل", "", 0),
        ]
    }

    with time_machine.travel(date(2026, 11, 30), tick=False):
        new = migrate(AFTER)

    MastheadTerm = new.get_model("newsroom", "MastheadTerm")
    terms = {
        (term.staff_member.name_ar, term.role, term.starts_on, term.ends_on)
        for term in MastheadTerm.objects.select_related("staff_member")
    }
    today = date(2026, 11, 30)
    assert terms == {
        ("رئيس المجلس", "chairman", today, None),
        ("رئيس التحرير", "editor_in_chief", today, None),
        ("مدير التحرير", "managing_editor", today, None),
        ("مديرة التحرير", "managing_editor", today, None),
    }
    # One editor-in-chief at a time: the second in masthead order leaves the line, said so.
    second = new.get_model("newsroom", "StaffMember").objects.get(pk=people["رئيس تحرير ثان"].pk)
    assert second.masthead_role == ""
    assert "رئيس تحرير ثان" in capsys.readouterr().out


def test_the_migration_gives_the_editor_in_chief_the_masthead_and_policies():
    migrate(BEFORE)
    new = migrate(AFTER)

    Group = new.get_model("auth", "Group")
    chief = set(
        Group.objects.get(name="Editor-in-chief").permissions.values_list("codename", flat=True)
    )
    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    assert {"change_mastheadterm", "add_policypage", "change_policypage"} <= chief
    assert not {"change_mastheadterm", "change_policypage"} & editor


def test_going_back_leaves_the_roles_as_they_were():
    migrate(AFTER)
    new = migrate(AFTER)
    StaffMember = new.get_model("newsroom", "StaffMember")
    StaffMember.objects.create(name_ar="رئيس المجلس", slug="c", masthead_role="chairman")
    new.get_model("newsroom", "MastheadTerm").objects.create(
        staff_member=StaffMember.objects.get(), role="chairman", starts_on=date(2020, 1, 1)
    )

    old = migrate(BEFORE)

    assert old.get_model("newsroom", "StaffMember").objects.get().masthead_role == "chairman"
    assert not old.get_model("newsroom", "MastheadTerm").objects.exists()
