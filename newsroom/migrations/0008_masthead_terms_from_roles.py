"""Turn today's masthead roles into open terms, and give the editor-in-chief the
masthead terms and policy pages.

When each person took their role was never recorded: their term starts on the
day this migration runs, and the editor-in-chief can set the real day in the
admin. The order of the masthead line stays each person's masthead order.

A chairman or editor-in-chief is one person at a time. Where several held one of
those roles, the first in masthead order keeps it and the others leave the
masthead line, each named in the migration's output.
"""

from django.db import migrations
from django.utils import timezone

from newsroom.roles import sync_roles_in_migration


SINGLE_HOLDER_ROLES = {"chairman", "editor_in_chief"}


def open_terms(apps, schema_editor):
    StaffMember = apps.get_model("newsroom", "StaffMember")
    MastheadTerm = apps.get_model("newsroom", "MastheadTerm")
    today = timezone.localdate()
    terms, held = [], set()
    for member in StaffMember.objects.exclude(masthead_role="").order_by("masthead_order", "pk"):
        if member.masthead_role in held:
            name = member.name_ar or member.name
            print(f"\n  {name}: {member.masthead_role} already held, left the masthead")
            StaffMember.objects.filter(pk=member.pk).update(masthead_role="")
            continue
        if member.masthead_role in SINGLE_HOLDER_ROLES:
            held.add(member.masthead_role)
        terms.append(MastheadTerm(staff_member=member, role=member.masthead_role, starts_on=today))
    MastheadTerm.objects.bulk_create(terms)


def close_terms(apps, schema_editor):
    # Back to roles alone: StaffMember.masthead_role already holds today's.
    apps.get_model("newsroom", "MastheadTerm").objects.all().delete()


def give_permissions(apps, schema_editor):
    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0007_masthead_terms_and_policy_pages")]

    operations = [
        migrations.RunPython(open_terms, close_terms),
        migrations.RunPython(give_permissions, migrations.RunPython.noop),
    ]
