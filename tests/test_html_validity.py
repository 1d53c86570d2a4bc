"""Every kind of page we serve is valid HTML by the Nu HTML checker (vnu.jar, from npm).

One run of the checker over the demo publication's pages, public and admin,
Arabic and English: zero errors.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from liveblog.models import LiveBlog
from tests.demo_pages import public_pages
from tests.factories import UserFactory
from tests.validators import nu_errors, require_nu_checker


@pytest.fixture
def demo_pages(db, client) -> dict[str, str]:
    """The demo publication's pages, by name, as the server sends them."""
    call_command("seed_demo", stdout=io.StringIO())
    article = Article.objects.published().exclude(lead_image=None).first()
    live = LiveBlog.objects.select_related("article").first().article
    public = public_pages()
    pages = {}
    for name, url in public.items():
        response = client.get(url)
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    admin = {
        "admin: article form": reverse("admin:articles_article_change", args=[article.pk]),
        "admin: live article form": reverse("admin:articles_article_change", args=[live.pk]),
        "admin: new article": reverse("admin:articles_article_add"),
        "admin: article list": reverse("admin:articles_article_changelist"),
        "admin: image form": reverse("admin:articles_image_change", args=[article.lead_image_id]),
    }
    for name, url in admin.items():
        response = client.get(url)
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    return pages


# Django's own markup, not ours: the admin's autocomplete box for an optional choice
# (AutocompleteSelect.optgroups) starts with an option that has no text, which select2
# needs as its "nothing chosen" entry.
DJANGO_ADMIN_MARKUP = ("Element “option” without attribute “label” must not be empty.",)


def test_public_and_admin_pages_are_valid_html(demo_pages):
    require_nu_checker()

    errors = {
        page: ours
        for page, messages in nu_errors(demo_pages).items()
        if (ours := [m for m in messages if not any(known in m for known in DJANGO_ADMIN_MARKUP)])
    }

    assert errors == {}, "\n".join(
        f"{page}: {message}" for page, messages in errors.items() for message in messages
    )
