"""Template helpers for what pages tell machines about themselves."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
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
