"""Who may do what to live coverage. The admin and the services both ask here."""

from django.contrib.auth.models import AbstractBaseUser

from articles.permissions import can_publish
from liveblog.models import LiveUpdate

POST = "liveblog.add_liveupdate"
CHANGE_ANY = "liveblog.change_any_liveupdate"
TO_TICKER = "ticker.add_tickeritem"


def can_post(user: AbstractBaseUser) -> bool:
    """Reporters and editors post updates to any live coverage."""
    return user.has_perm(POST)


def can_change_update(user: AbstractBaseUser, update: LiveUpdate) -> bool:
    """Editors change and delete any update; reporters their own."""
    if user.has_perm(CHANGE_ANY):
        return True
    return (
        user.has_perm("liveblog.change_liveupdate")
        and update.created_by_id is not None
        and update.created_by_id == user.pk
    )


def can_run_coverage(user: AbstractBaseUser) -> bool:
    """Starting, ending and reopening coverage, and pinning, are the editors' call."""
    return can_publish(user)


def can_send_to_ticker(user: AbstractBaseUser) -> bool:
    return user.has_perm(TO_TICKER)
