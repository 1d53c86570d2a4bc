"""The live ticker strip, rendered on every public page."""

from django import template
from django.conf import settings

from ticker.live import live_items

register = template.Library()


@register.inclusion_tag("components/ticker.html")
def live_ticker() -> dict:
    """Render the items that ``TickerItem.objects.live()`` shows now; the page's
    script asks for them again every ``TICKER_REFRESH_SECONDS``."""
    return {
        "items": live_items(),
        "refresh_seconds": settings.TICKER_REFRESH_SECONDS,
    }
