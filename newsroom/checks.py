"""System checks for the publication's own settings (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Error, register, run_checks
from django.core.exceptions import ImproperlyConfigured

from newsroom.dates import DIGIT_STYLES, MONTH_NAMES

CHOICES = {
    "ARABIC_MONTH_NAMES": ("newsroom.E001", tuple(MONTH_NAMES)),
    "ARABIC_DIGITS": ("newsroom.E002", DIGIT_STYLES),
}


TAG = "newsroom"


@register(TAG)
def date_settings(app_configs, **kwargs) -> list[Error]:
    """Refuse a misspelt month-name or digit style instead of failing on the first page."""
    return [
        Error(
            f"{name} is {getattr(settings, name)!r}.",
            hint=f"Use one of: {', '.join(allowed)}.",
            id=check_id,
        )
        for name, (check_id, allowed) in CHOICES.items()
        if getattr(settings, name) not in allowed
    ]


def refuse_bad_settings() -> None:
    """Stop a starting server on a misspelt setting, with the reason: gunicorn runs no
    system checks, and the first page that reads the setting would fail instead."""
    errors = [error for error in run_checks(tags=[TAG]) if error.is_serious()]
    if errors:
        raise ImproperlyConfigured(" ".join(f"{error.msg} {error.hint}" for error in errors))


@register(TAG)
def live_poll_setting(app_configs, **kwargs) -> list[Error]:
    """Live pages poll every 15 to 30 seconds: faster overwhelms, slower is not live."""
    seconds = settings.LIVE_POLL_SECONDS
    if 15 <= seconds <= 30:
        return []
    return [
        Error(f"LIVE_POLL_SECONDS is {seconds}.", hint="Use 15 to 30 seconds.", id="newsroom.E003")
    ]
