"""Give the roles their rights on the publication's own tags (articles 0020): editors
name tags in English, the editor-in-chief deletes them."""

from django.db import migrations

from newsroom.roles import sync_roles_in_migration


def give_permissions(apps, schema_editor):
    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0008_masthead_terms_from_roles"),
        ("articles", "0021_translated_tags"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
