"""What every public page shows around its content: the publication, the masthead
line, the sections and the policy pages of the footer.

Each is read once and kept (``pagecache.fragments.cached_value``) until it
changes, so a page that is not in the page cache does not query them again;
pages showing them are still filed under their tags.
"""

from collections import defaultdict

from django.utils import timezone

from articles.models import Section
from newsroom import masthead as masthead_reading
from newsroom.models import (
    MastheadTerm,
    PolicyPage,
    Publication,
    role_held,
    sync_masthead_roles,
)
from pagecache import recorder, tags
from pagecache.fragments import cached_value


def publication() -> Publication:
    return cached_value("publication", Publication.load)


def masthead() -> list[MastheadTerm]:
    """The terms named in the masthead line today, in order."""
    today = timezone.localdate()
    terms = masthead_terms()
    recorder.changes_at(masthead_reading.next_change(terms, today))
    return masthead_reading.line(terms, today)


def masthead_terms() -> list[MastheadTerm]:
    """Every masthead term, past, present and future, with its staff member."""
    return cached_value("masthead-terms", _read_masthead)


def policies() -> list[PolicyPage]:
    """The policy pages, in footer order."""
    return cached_value("policies", _read_policies)


def nav_sections() -> list[Section]:
    """The sections of the navigation bar, in order."""
    return cached_value("nav", _read_sections)


def policies_of_kind(**kinds: str) -> dict[str, PolicyPage | None]:
    """The policy page of each kind, under the name given, or None where there is none:
    ``policies_of_kind(corrections_policy="corrections")``."""
    pages = {page.kind: page for page in policies() if page.kind}
    return {name: pages.get(kind) for name, kind in kinds.items()}


def _read_masthead() -> list[MastheadTerm]:
    recorder.shows(tags.MASTHEAD)
    terms = list(MastheadTerm.objects.select_related("staff_member"))
    today = timezone.localdate()
    # Read again when a term starts or ends, and bring the people's masthead_role up
    # to that day then: nothing else happens at midnight to do it.
    recorder.changes_at(masthead_reading.next_change(terms, today))
    terms_of = defaultdict(list)
    for term in terms:
        terms_of[term.staff_member_id].append(term)
    stale = {
        pk
        for pk, held in terms_of.items()
        if held[0].staff_member.masthead_role != role_held(held, today)
    }
    if stale:
        sync_masthead_roles(stale, today)
    return terms


def _read_policies() -> list[PolicyPage]:
    recorder.shows(tags.POLICIES)
    return list(PolicyPage.objects.only("title_ar", "title_en", "slug", "kind", "order"))


def _read_sections() -> list[Section]:
    recorder.shows(tags.NAV)
    return list(Section.objects.all())
