"""System checks for the publication's own settings (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Error, register

from newsroom.dates import DIGIT_STYLES, MONTH_NAMES

CHOICES = {
    "ARABIC_MONTH_NAMES": ("newsroom.E001", tuple(MONTH_NAMES)),
    "ARABIC_DIGITS": ("newsroom.E002", DIGIT_STYLES),
}


@register
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
