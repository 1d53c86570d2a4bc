"""Marking public pages, the ones every anonymous reader may share."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse


def public_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark the view's responses as public pages: the same for every anonymous reader.

    The page cache middleware (``pagecache.middleware``) stores and serves such a
    response and sends it with public caching headers, but only a 200 or 301 to an
    anonymous reader that sets no cookie: an error must not outlive the moment its
    cause is fixed, and a logged-in reader's copy is never shared.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.is_public_page = True
        return response

    # Known before the view runs: only then does the page cache wait for or lock a page.
    wrapper.is_public_view = True
    return wrapper
