"""Health endpoints for load balancers and orchestrators.

``/healthz`` says the process answers: it touches neither the database nor the
cache, so it is also the cheapest page the server can give (the load
benchmark's ceiling). ``/readyz`` says the process can serve pages: the
database and the cache both answer.
"""

import logging

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

PROBE_KEY = "readyz-probe"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up: 200, with no database or cache work."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """200 when the database and every configured cache answer, else 503 naming the failure."""
    failures = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("readyz: the database does not answer")
        failures.append("database")
    for alias in caches:
        try:
            cache = caches[alias]
            cache.set(PROBE_KEY, "1", timeout=10)
            if cache.get(PROBE_KEY) != "1":
                raise ConnectionError("the value written was not read back")
        except Exception:  # any backend error (connection refused, timeout) means not ready
            logger.exception("readyz: the %s cache does not answer", alias)
            failures.append(f"cache {alias}")
    if failures:
        return HttpResponse(
            "not ready: " + ", ".join(failures) + "\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse("ready\n", content_type="text/plain; charset=utf-8")
