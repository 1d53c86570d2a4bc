from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    """How readers and machines find the articles: feeds, sitemaps, robots.txt, page metadata."""

    name = "discovery"
    verbose_name = _("Discovery")
