"""The newsroom's roles as groups: Reporter, Editor and Editor-in-chief.

Each role holds the permissions of the one before it plus its own. The group
names are part of the contract (shown translated in the admin).
"""

from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

REPORTER = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_image",
    "articles.change_image",
    "articles.view_image",
    "articles.view_section",
    "newsroom.view_staffmember",
    "articles.view_tag",
    "liveblog.view_liveblog",
    "liveblog.add_liveupdate",
    "liveblog.change_liveupdate",
    "liveblog.delete_liveupdate",
    "liveblog.view_liveupdate",
    "articles.view_correction",
]
EDITOR = [
    *REPORTER,
    "articles.change_any_article",
    "articles.publish_article",
    "articles.delete_article",
    "articles.delete_image",
    "articles.view_editoriallogentry",
    "ticker.add_tickeritem",
    "ticker.change_tickeritem",
    "ticker.delete_tickeritem",
    "ticker.view_tickeritem",
    "articles.add_tag",
    "articles.change_tag",
    "newsroom.view_publication",
    "articles.add_spellingvariant",
    "articles.change_spellingvariant",
    "articles.delete_spellingvariant",
    "articles.view_spellingvariant",
    "liveblog.add_liveblog",
    "liveblog.change_liveblog",
    "liveblog.change_any_liveupdate",
    "articles.add_correction",
]
EDITOR_IN_CHIEF = [
    *EDITOR,
    "articles.add_section",
    "articles.change_section",
    "articles.delete_section",
    "newsroom.change_publication",
    "newsroom.add_staffmember",
    "newsroom.change_staffmember",
    "newsroom.delete_staffmember",
    "articles.delete_tag",
    "auth.add_user",
    "auth.change_user",
    "auth.view_user",
    "auth.view_group",
    "articles.withdraw_correction",
    "newsroom.add_mastheadterm",
    "newsroom.change_mastheadterm",
    "newsroom.delete_mastheadterm",
    "newsroom.view_mastheadterm",
    "newsroom.add_policypage",
    "newsroom.change_policypage",
    "newsroom.delete_policypage",
    "newsroom.view_policypage",
]
ROLES = {
    gettext_noop("Reporter"): REPORTER,
    gettext_noop("Editor"): EDITOR,
    gettext_noop("Editor-in-chief"): EDITOR_IN_CHIEF,
}


# Django names the default permissions in English when it creates them ("Can add
# article") and keeps that name; these name them in the active language.
DEFAULT_PERMISSIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def role_name(group) -> str:
    """A role group's name in the active language (groups keep the English names)."""
    return gettext(group.name)


def permission_name(permission) -> str:
    """A permission as the admin lists it ("app | model | name"), in the active language."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_id(permission.content_type_id)  # cached
    model = content_type.model_class()
    action = permission.codename.partition("_")[0]
    default = action in DEFAULT_PERMISSIONS and model is not None
    if default and permission.codename == f"{action}_{model._meta.model_name}":
        name = DEFAULT_PERMISSIONS[action] % {"model": model._meta.verbose_name}
    else:
        name = gettext(permission.name)  # our own permissions' names are message ids
    return f"{content_type} | {name}"


def sync_roles(group_model, permission_model, *, missing_ok: bool = False) -> None:
    """Create the role groups, or bring their permissions up to date.

    Takes the model classes so that a data migration can pass its historical
    models and ``seed_demo`` the current ones. ``missing_ok`` skips permissions
    of models that a migration has not created yet (a later one syncs again).
    """
    for name, permission_names in ROLES.items():
        group, _created = group_model.objects.get_or_create(name=name)
        permissions = []
        for dotted in permission_names:
            app_label, codename = dotted.split(".")
            found = permission_model.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is None and not missing_ok:
                raise permission_model.DoesNotExist(dotted)
            if found is not None:
                permissions.append(found)
        group.permissions.set(permissions)


def sync_roles_in_migration(apps) -> None:
    """``sync_roles`` from a data migration, with its historical models.

    Permissions are normally created after all migrations have run; the groups
    need them now, on a fresh database too. Those of models that later
    migrations add are given by the migration that adds them.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), missing_ok=True
    )
