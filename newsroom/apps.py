from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Publication")

    def ready(self) -> None:
        from django.contrib.auth.models import Group, Permission

        from newsroom import checks  # noqa: F401 (registers the checks)
        from newsroom.roles import permission_name, role_name

        # Groups and permissions keep English names: the roles' are the contract
        # (newsroom/roles.py), Django writes the permissions' when it creates them.
        # Wherever the admin names one (the accounts' and roles' forms and filters, a
        # group's own pages, the log), it names it in the editor's language.
        Group.__str__ = role_name
        Permission.__str__ = permission_name
