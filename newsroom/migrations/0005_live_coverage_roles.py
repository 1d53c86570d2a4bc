"""Let reporters post live updates and editors run live coverage (``liveblog``)."""

from django.db import migrations

from newsroom.roles import sync_roles_in_migration


def give_permissions(apps, schema_editor):
    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0004_spelling_variant_roles"),
        ("liveblog", "0001_initial"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
