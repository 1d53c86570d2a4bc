"""Site-wide template context: the publication, its masthead and the section navigation."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from newsroom import chrome


def publication(request: HttpRequest) -> dict:
    """Give every template the publication, masthead, sections and policy pages.

    Each is loaded lazily, so pages that do not show them (the admin, JSON
    endpoints) cost no query.
    """
    return {
        "publication": SimpleLazyObject(chrome.publication),
        "masthead": SimpleLazyObject(chrome.masthead),
        "nav_sections": SimpleLazyObject(chrome.nav_sections),
        "policies": SimpleLazyObject(chrome.policies),
    }
