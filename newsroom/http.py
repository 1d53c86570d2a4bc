"""HTTP caching rules shared by the public pages."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def public_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let browsers and a CDN keep a successful public page for ``PUBLIC_CACHE_SECONDS``.

    Only 200 and redirect responses are marked: a 404 must not outlive the moment
    an article is published.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code in {200, 301}:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    return wrapper
