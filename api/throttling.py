"""The API's rate limit for readers, by client address."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class ReaderRateThrottle(AnonRateThrottle):
    """``API_RATE_LIMIT`` requests per client address, read when asked (DRF's own class
    reads its rate once, at import). Over it, the answer is 429 with ``Retry-After``."""

    scope = "reader"

    def get_rate(self) -> str | None:
        return settings.API_RATE_LIMIT or None
