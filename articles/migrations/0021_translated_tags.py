"""Tags become the publication's own model, with a name in each language.

Every tag of django-taggit is copied into ``articles.Tag`` with its id, name and
slug, so every address, link and imported term stays what it was; then the
articles' tags point at the copies. taggit's table is left as it was and nothing
reads it any more. Going back copies the tags of the day into taggit's table
(taggit's generic tagged items, which the project never used, go with the tags
they named) and points the articles' tags at them again.
"""

import django.db.models.deletion
import taggit.managers
from django.core.management.color import no_style
from django.db import migrations, models


def copy_from_taggit(apps, schema_editor):
    Old = apps.get_model("taggit", "Tag")
    New = apps.get_model("articles", "Tag")
    New.objects.bulk_create(
        New(id=tag.id, name=tag.name, name_ar=tag.name, slug=tag.slug)
        for tag in Old.objects.order_by("pk").iterator(chunk_size=2000)
    )
    _restart_ids(schema_editor, New)


def copy_to_taggit(apps, schema_editor):
    """Make taggit's tags those of ``articles.Tag`` again, ids included. Also run by the
    migration of the WordPress import's terms, which goes back first."""
    Old = apps.get_model("taggit", "Tag")
    New = apps.get_model("articles", "Tag")
    Old.objects.all().delete()
    Old.objects.bulk_create(
        Old(id=tag.id, name=tag.name_ar or tag.name, slug=tag.slug)
        for tag in New.objects.order_by("pk").iterator(chunk_size=2000)
    )
    _restart_ids(schema_editor, Old)


def _restart_ids(schema_editor, model):
    # Rows were written with their ids: PostgreSQL's sequence must move past them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0020_image_focal_point"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Tag",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                ("name_ar", models.CharField(max_length=100, null=True, unique=True, verbose_name="name")),
                ("name_en", models.CharField(max_length=100, null=True, unique=True, verbose_name="name")),
                ("slug", models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name="slug")),
            ],
            options={
                "verbose_name": "tag",
                "verbose_name_plural": "tags",
            },
        ),
        migrations.RunPython(copy_from_taggit, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="taggedarticle",
            name="tag",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="%(app_label)s_%(class)s_items", to="articles.tag", verbose_name="tag"),
        ),
        migrations.AlterField(
            model_name="article",
            name="tags",
            field=taggit.managers.TaggableManager(blank=True, help_text='Topics, separated by «،» or «,»; readers find related articles through shared tags. A tag of several words typed alone goes in double quotes: "الشرق الأوسط".', through="articles.TaggedArticle", to="articles.Tag", verbose_name="tags"),
        ),
        # Runs first when going back, before the articles' tags point at taggit's again.
        migrations.RunPython(migrations.RunPython.noop, copy_to_taggit),
    ]
