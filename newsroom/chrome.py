"""What every public page shows around its content: the publication, the masthead
line and the sections.

Each is read once and kept (``pagecache.fragments.cached_value``) until it
changes, so a page that is not in the page cache does not query them again;
pages showing them are still filed under their tags.
"""

from articles.models import Section
from newsroom.models import Publication, StaffMember
from pagecache import recorder, tags
from pagecache.fragments import cached_value


def publication() -> Publication:
    return cached_value("publication", Publication.load)


def masthead() -> list[StaffMember]:
    """The staff named in the masthead line, in order."""
    return cached_value("masthead", _read_masthead)


def nav_sections() -> list[Section]:
    """The sections of the navigation bar, in order."""
    return cached_value("nav", _read_sections)


def _read_masthead() -> list[StaffMember]:
    recorder.shows(tags.MASTHEAD)
    return list(StaffMember.objects.on_masthead())


def _read_sections() -> list[Section]:
    recorder.shows(tags.NAV)
    return list(Section.objects.all())
