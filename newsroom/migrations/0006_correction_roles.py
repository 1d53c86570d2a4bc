"""Let editors publish corrections and the editor-in-chief withdraw them."""

from django.db import migrations

from newsroom.roles import sync_roles_in_migration


def give_permissions(apps, schema_editor):
    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0005_live_coverage_roles"),
        ("articles", "0019_corrections"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
