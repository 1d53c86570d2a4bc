"""Create the newsroom's role groups (see newsroom/roles.py)."""

from django.db import migrations

from newsroom.roles import ROLES, sync_roles_in_migration


def create_roles(apps, schema_editor):
    sync_roles_in_migration(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("articles", "0003_editorial_workflow"),
        ("ticker", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
