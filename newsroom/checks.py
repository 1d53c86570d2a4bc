"""System checks for the publication's own settings (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Error, register

from newsroom.dates import DIGIT_STYLES, MONTH_NAMES


@register
def date_settings(app_configs, **kwargs) -> list[Error]:
    """Refuse a misspelt month-name or digit style instead of failing on the first page."""
    errors = []
    if settings.ARABIC_MONTH_NAMES not in MONTH_NAMES:
        errors.append(
            Error(
                f"ARABIC_MONTH_NAMES is {settings.ARABIC_MONTH_NAMES!r}.",
                hint=f"Use one of: {', '.join(MONTH_NAMES)}.",
                id="newsroom.E001",
            )
        )
    if settings.ARABIC_DIGITS not in DIGIT_STYLES:
        errors.append(
            Error(
                f"ARABIC_DIGITS is {settings.ARABIC_DIGITS!r}.",
                hint=f"Use one of: {', '.join(DIGIT_STYLES)}.",
                id="newsroom.E002",
            )
        )
    return errors
