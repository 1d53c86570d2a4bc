from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveblogConfig(AppConfig):
    name = "liveblog"
    verbose_name = _("Live coverage")
