"""Let editors keep the search's spelling variants (``articles.SpellingVariant``)."""

from django.db import migrations

from newsroom.roles import sync_roles_in_migration


def give_permissions(apps, schema_editor):
    sync_roles_in_migration(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_logo_size"),
        ("articles", "0015_search_stems_and_lexicon"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
