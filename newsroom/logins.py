"""What django-axes asks of the site to throttle logins: who a request comes from,
and the page a paused login gets; and its records named in the editor's language."""

from axes.apps import AppConfig as AxesAppConfig
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def client_ip(request: HttpRequest) -> str:
    """``REMOTE_ADDR``; behind ``TRUSTED_PROXY_COUNT`` proxies, the address the outermost
    of them saw, read from the right of ``X-Forwarded-For`` (each proxy appends the
    address it was reached from, so what a client writes there stays on the left)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """An Arabic page (429) saying logins are paused, and for how long."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "admin/locked_out.html", {"minutes": minutes}, status=429)


class LoginsConfig(AxesAppConfig):
    """django-axes, under a name for editors: its own is the untranslatable "Axes"."""

    verbose_name = _("Logins")

    def ready(self) -> None:
        super().ready()
        name_login_records()


def name_login_records() -> None:
    """Name django-axes' records, and its list's status column, through the catalogue.

    django-axes names a record with an English sentence ("Attempted Access: …",
    written without gettext), shown as the title of its page and in deletion lists,
    and leaves the status column to Django, which calls it "Status" untranslated.
    """
    from axes.admin import AccessAttemptAdmin
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    AccessAttempt.__str__ = _attempts_name
    AccessFailureLog.__str__ = _failure_name
    AccessLog.__str__ = _login_name
    AccessAttemptAdmin.status.short_description = _("status")


def _attempts_name(attempts) -> str:
    return gettext("Failed logins by %(username)s from %(address)s") % {
        "username": attempts.username,
        "address": attempts.ip_address,
    }


def _failure_name(failure) -> str:
    return gettext("Failed login by %(username)s from %(address)s, %(time)s") % {
        "username": failure.username,
        "address": failure.ip_address,
        "time": _local_time(failure.attempt_time),
    }


def _login_name(login) -> str:
    return gettext("Login by %(username)s, %(time)s") % {
        "username": login.username,
        "time": _local_time(login.attempt_time),
    }


def _local_time(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""
