"""Who held which masthead role, and when, read from the masthead terms.

Every page shows the masthead line and an article names the editor-in-chief of
its day, so the terms are read once into a list (``chrome.masthead_terms``)
and these functions answer from it without a query.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newsroom import dates
from newsroom.models import MASTHEAD_ROLES, MastheadTerm, StaffMember

ROLE_ORDER = {role: rank for rank, (role, _label) in enumerate(MASTHEAD_ROLES)}


@dataclass(frozen=True)
class RoleHistory:
    """One role and its terms, newest first."""

    role: str
    label: str
    terms: list[MastheadTerm]


def line(terms: list[MastheadTerm], day: date) -> list[MastheadTerm]:
    """The terms held on ``day``, in masthead order: each person's masthead order, then
    their name, then the roles' own order for a person holding two."""
    held = [term for term in terms if term.held_on(day)]
    return sorted(
        held,
        key=lambda term: (
            term.staff_member.masthead_order,
            term.staff_member.name,
            ROLE_ORDER[term.role],
        ),
    )


def holders_on(terms: list[MastheadTerm], day: date) -> list[RoleHistory]:
    """Who held each role on ``day``, role by role in masthead order."""
    return _by_role(term for term in terms if term.held_on(day))


def history(terms: list[MastheadTerm]) -> list[RoleHistory]:
    """Every term of every role, role by role, newest first."""
    return _by_role(terms)


def holder_on(terms: list[MastheadTerm], role: str, day: date) -> StaffMember | None:
    """Who held the single-holder ``role`` on ``day``, if anybody."""
    return next((t.staff_member for t in terms if t.role == role and t.held_on(day)), None)


def next_change(terms: list[MastheadTerm], day: date) -> datetime | None:
    """When, after ``day``, a term starts or ends: the masthead line changes then."""
    boundaries = [term.starts_on for term in terms if term.starts_on > day]
    boundaries += [
        term.ends_on + timedelta(days=1)
        for term in terms
        if term.ends_on is not None and term.ends_on >= day
    ]
    return dates.midnight(min(boundaries)) if boundaries else None


def _by_role(terms) -> list[RoleHistory]:
    by_role: dict[str, list[MastheadTerm]] = {}
    for term in sorted(terms, key=lambda t: (t.starts_on, t.pk), reverse=True):
        by_role.setdefault(term.role, []).append(term)
    return [
        RoleHistory(role, label, by_role[role]) for role, label in MASTHEAD_ROLES if role in by_role
    ]
