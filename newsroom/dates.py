"""Dates and times as the publication's readers expect them.

Arabic pages name the Gregorian months the Egyptian way (يناير، فبراير …) or,
with ``ARABIC_MONTH_NAMES = "levantine"``, the Levantine way (كانون الثاني،
شباط …), tell the time on a 12-hour clock with ص/م, and write digits in
Western form unless ``ARABIC_DIGITS = "arabic-indic"``. English pages use
Django's formats. Everything is shown in the publication's time zone
(``TIME_ZONE``), and ``SHOW_HIJRI_DATE`` adds the Umm al-Qura Hijri date
(computed by the ``hijridate`` package) beside the Gregorian one.
"""

from datetime import UTC, date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as django_format
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from hijridate import Gregorian

MONTH_NAMES = {
    "egyptian": (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
    "levantine": (
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
    ),
}  # fmt: skip
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
DIGIT_STYLES = ("western", "arabic-indic")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
STYLES = ("date", "long_date", "time", "datetime")


# The moments the publication stores: wide enough for any archive, and far enough
# from year 1 and year 9999 that moving one to another time zone, or a day on, never
# leaves what Python and the databases can hold (0001-01-01 in Cairo's 1900 offset is
# before year 1 in UTC, and PostgreSQL keeps it, but no Python can read it back).
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def validate_in_range(value: datetime | date) -> None:
    """Refuse a date or moment before 1900 or after 2199: a form error, not a broken page."""
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST.date() <= day < LATEST.date():
        raise ValidationError(
            _("Enter a date between the years %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": EARLIEST.year, "last": LATEST.year - 1},
        )


def in_range(field: str, *, null: bool = False) -> Q:
    """The condition of a ``CheckConstraint`` keeping ``field`` within that range."""
    condition = Q(**{f"{field}__gte": EARLIEST, f"{field}__lt": LATEST})
    return condition | Q(**{f"{field}__isnull": True}) if null else condition


def midnight(day: date) -> datetime:
    """Midnight at the start of ``day`` in the publication's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def local(moment: datetime | date) -> datetime | date:
    """``moment`` in the publication's time zone (a plain date stays as it is).

    A moment at the very edge of what Python holds stays in its own zone rather
    than fail: the constraints keep such moments out, but a page must not break
    on one.
    """
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        try:
            return timezone.localtime(moment)
        except OverflowError:
            return moment
    return moment


def iso(moment: datetime | date) -> str:
    """For ``<time datetime>``: ISO 8601 with the UTC offset, to the second."""
    moment = local(moment)
    if isinstance(moment, datetime):
        return moment.isoformat(timespec="seconds")
    return moment.isoformat()


def show(moment: datetime | date, style: str, language: str) -> str:
    """``moment`` written for readers of ``language``, as ``style``.

    Styles: ``date`` (25 نوفمبر 2026), ``long_date`` (with the weekday),
    ``time`` (3:30 م) and ``datetime`` (date، time).
    """
    if style not in STYLES:
        raise ValueError(f"Unknown date style {style!r}; use one of {STYLES}.")
    moment = local(moment)
    if language != "ar":
        with override(language):
            return _django_style(moment, style)
    months = MONTH_NAMES[settings.ARABIC_MONTH_NAMES]
    day = f"{moment.day} {months[moment.month - 1]} {moment.year}"
    parts = {
        "date": day,
        "long_date": f"{WEEKDAYS[moment.weekday()]} {day}",
        "time": _arabic_time(moment) if isinstance(moment, datetime) else "",
    }
    parts["datetime"] = f"{day}، {parts['time']}" if parts["time"] else day
    return arabic_digits(parts[style])


def hijri(moment: datetime | date, language: str) -> str:
    """The Umm al-Qura Hijri date of the local day, or "" outside the calendar's
    tables (1924-2077) or when ``SHOW_HIJRI_DATE`` is off."""
    if not settings.SHOW_HIJRI_DATE:
        return ""
    moment = local(moment)
    try:
        day = Gregorian(moment.year, moment.month, moment.day).to_hijri()
    except OverflowError:
        return ""
    text = f"{day.day} {day.month_name(language)} {day.year} {day.notation(language)}"
    return arabic_digits(text) if language == "ar" else text


def arabic_digits(text: str) -> str:
    """``text`` with the digits Arabic pages are set to use (``ARABIC_DIGITS``)."""
    if settings.ARABIC_DIGITS == "arabic-indic":
        return text.translate(ARABIC_INDIC)
    return text


def _arabic_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'ص' if moment.hour < 12 else 'م'}"


def _django_style(moment: datetime | date, style: str) -> str:
    if style == "long_date":
        return django_format(moment, "l, " + get_format("DATE_FORMAT"))
    name = {"date": "DATE_FORMAT", "time": "TIME_FORMAT", "datetime": "DATETIME_FORMAT"}[style]
    return django_format(moment, get_format(name))
