"""Let editors keep the search's spelling variants (``articles.SpellingVariant``)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsroom.roles import sync_roles


def give_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), missing_ok=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_logo_size"),
        ("articles", "0015_search_stems_and_lexicon"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
