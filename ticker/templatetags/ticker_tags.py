"""The live ticker strip, rendered on every public page."""

from django import template

from ticker.models import TickerItem

register = template.Library()


@register.inclusion_tag("components/ticker.html")
def live_ticker() -> dict:
    """Render the items that ``TickerItem.objects.live()`` shows now."""
    return {"items": list(TickerItem.objects.live())}
