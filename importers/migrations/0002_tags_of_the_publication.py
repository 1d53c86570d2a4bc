"""Imported tags point at the publication's own tag model (articles 0020), which
copied taggit's tags with their ids."""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

# Going back, the terms point at taggit's tags again, which must be there first.
tags_migration = import_module("articles.migrations.0021_translated_tags")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0021_translated_tags"),
        ("importers", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="importedterm",
            name="tag",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="articles.tag"),
        ),
        # Runs first when going back.
        migrations.RunPython(migrations.RunPython.noop, tags_migration.copy_to_taggit),
    ]
