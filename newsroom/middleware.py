"""Middleware of the publication's own."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.views.decorators.csp import csp_override


class AddressLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without ``Vary: Accept-Language`` on responses.

    Every address names its language: Arabic unprefixed (the root URLconf uses
    ``prefix_default_language=False``, so Django serves those pages in Arabic
    whatever the browser asks), English under /en/. The header would only make
    browsers and a CDN keep one copy of each page per Accept-Language value.
    Django's other response work, redirecting to a prefixed default language,
    never applies without that prefix.
    """

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class RejectUnstorableInputMiddleware:
    """Answer 400 to a request whose address or query holds a NUL character.

    No text column can hold one (PostgreSQL refuses it outright), so a NUL in a
    slug or a search term could only end in a database error; every view is
    spared from checking. Control characters in path segments are refused by
    the URL converters (``newsroom.converters``), so those paths are 404s.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the address or query string")
        return self.get_response(request)


class SiteHeadersMiddleware:
    """``Permissions-Policy`` on every response, and the admin's own CSP (``ADMIN_CSP``).

    Below Django's CSP middleware, so the admin's policy is chosen before the
    header is written, with Django's per-view override.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.app_name == "admin":
            response = csp_override(settings.ADMIN_CSP)(lambda request: response)(request)
        return response
