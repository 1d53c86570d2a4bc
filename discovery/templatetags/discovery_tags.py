"""Template helpers for what pages tell machines about themselves."""

import json
from datetime import tzinfo
from html import escape

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# Inside <script> only "</script>" (or "<!--") can end the element early; escaping
# the three HTML-special characters leaves the JSON itself unchanged.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.filter
def json_ld(data: dict) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` no text in it can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


@register.simple_tag
def sitemap_urls(urlset: list[dict]) -> SafeString:
    """The ``<url>`` entries of a sitemap file, with their lastmod and alternates.

    Written in Python, not in a template loop: a file holds up to 6,000 entries,
    and at some 40 µs an entry the loop was most of a month's sitemap.
    """
    zone = timezone.get_current_timezone()
    return SafeString("".join(_sitemap_url(url, zone) for url in urlset))


def _sitemap_url(url: dict, zone: tzinfo) -> str:
    parts = [f"<url><loc>{escape(url['location'])}</loc>"]
    if url["lastmod"]:
        parts.append(f"<lastmod>{url['lastmod'].astimezone(zone).isoformat()}</lastmod>")
    parts += [
        f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}"'
        f' href="{escape(alternate["location"])}"/>'
        for alternate in url["alternates"]
    ]
    parts.append("</url>")
    return "".join(parts)
