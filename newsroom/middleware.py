"""Middleware of the publication's own."""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
