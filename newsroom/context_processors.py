"""Site-wide template context: the publication, its masthead and the section navigation."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from articles.models import Section
from newsroom.models import Publication, StaffMember
from pagecache import recorder, tags


def publication(request: HttpRequest) -> dict:
    """Give every template the publication, masthead staff and sections.

    Each is loaded lazily, so pages that do not show them (the admin, JSON
    endpoints) cost no query.
    """
    return {
        "publication": SimpleLazyObject(Publication.load),
        "masthead": SimpleLazyObject(masthead),
        "nav_sections": SimpleLazyObject(nav_sections),
    }


def masthead() -> list[StaffMember]:
    recorder.shows(tags.MASTHEAD)
    return list(StaffMember.objects.on_masthead())


def nav_sections() -> list[Section]:
    recorder.shows(tags.NAV)
    return list(Section.objects.all())
