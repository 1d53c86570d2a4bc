"""Signed, expiring preview links: a draft exactly as readers will see it, shareable
with a colleague who has no account, and useless once tampered with or expired."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview"


def preview_token(article_pk: int) -> str:
    """A token naming the article, signed with the site's secret key and timestamped."""
    return signing.dumps(article_pk, salt=SALT, compress=False)


def article_from_token(token: str) -> int | None:
    """The article id a token names, or None if it is forged, altered or expired."""
    try:
        return signing.loads(token, salt=SALT, max_age=settings.PREVIEW_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None


def preview_url(article_pk: int) -> str:
    return reverse("articles:preview", kwargs={"token": preview_token(article_pk)})
