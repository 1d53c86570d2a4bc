"""Error pages that hold when what they would show is down, and say why in the log."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


API_PREFIX = "/api/"


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The missing-page page in the site's layout; when that cannot be built (its
    masthead and sections need the database), one that needs nothing. The API
    answers in JSON, as for its own errors."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "Not found."}, status=404)
    try:
        return defaults.page_not_found(request, exception)
    except Exception:
        logger.exception("The missing-page page failed for %s; sent the plain one", request.path)
        return HttpResponseNotFound(render_to_string("404_plain.html"))


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 page, or for the API ``{"detail": …}``."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "Bad request."}, status=400)
    return defaults.bad_request(request, exception)


class DatabaseUnavailableMiddleware:
    """Answer a calm 503 page, not a server error, while the database does not answer.

    Pages in the page cache are still served (it needs no database); the others
    get a page asking readers to come back, with ``Retry-After``, and the log
    gets the cause.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error(
            "The database does not answer: %s %s",
            request.method,
            request.get_full_path(),
            exc_info=exception,
        )
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
