"""The live ticker strip, rendered on every public page."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from pagecache.fragments import cached_fragment
from ticker.live import live_items

register = template.Library()


@register.simple_tag
def live_ticker() -> SafeString:
    """Render the items that ``TickerItem.objects.live()`` shows now; the page's
    script asks for them again every ``TICKER_REFRESH_SECONDS``.

    The strip is the same on every page of a language: rendered once, kept as a
    fragment until an item changes or a window opens or closes.
    """
    return cached_fragment("ticker", render_strip)


def render_strip() -> str:
    context = {"items": live_items(), "refresh_seconds": settings.TICKER_REFRESH_SECONDS}
    return render_to_string("components/ticker.html", context)
