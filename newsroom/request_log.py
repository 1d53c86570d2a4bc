"""Every log line of a request names it: its id, method, address and user.

A request gets an id (the proxy's ``X-Request-ID`` when it sends a sane one,
else a new one), sent back in the response's ``X-Request-ID`` so a reader's
report, the proxy's access log and ours can be matched. The log filter adds
the id to every line logged while the request runs, and to the lines Django
logs about a request (a 500, a refused host) its method, address with query
string and user.
"""

import logging
import re
import uuid
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

_request_id: ContextVar[str] = ContextVar("request_id", default="-")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request.id = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        token = _request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class RequestContextFilter(logging.Filter):
    """Adds ``request_id``, ``request_line`` (" GET /path?query", or nothing) and ``user``."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "id", None) or _request_id.get()
        record.request_line = ""
        record.user = "-"
        if isinstance(request, HttpRequest):
            try:
                record.request_line = f" {request.method} {request.get_full_path()}"
                # Only a user already loaded: a log line must not query a database that
                # may be the reason for it.
                user = getattr(request, "_cached_user", None)
                if user is not None and user.is_authenticated:
                    record.user = user.get_username()
            except Exception:  # a malformed request still gets its line logged
                pass
        return True
