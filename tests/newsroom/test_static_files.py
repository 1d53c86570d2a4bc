"""Pages render with the production static storage after a real collectstatic.

The other tests use the plain storage; this one catches a template that names a
static file which does not exist (the hashed storage turns that into a 500).
"""

import re

import pytest
from django.conf import settings

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


PRODUCTION_STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(settings, collected_static):
    """What one collectstatic for the session (``conftest.py`` starts it) collected."""
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = PRODUCTION_STORAGES
    return settings.STATIC_ROOT


def test_pages_render_with_hashed_static_files(client, collected, site_chrome):
    article = ArticleFactory(with_image=True)
    for url in ["/", article.get_absolute_url(), "/en/", "/nothing-here/"]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        stylesheet = re.search(r'href="/static/(css/site\.[0-9a-f]{12}\.css)"', response.text)
        assert stylesheet, url
        assert (collected / stylesheet.group(1)).exists()

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    admin = client.get(f"/admin/articles/article/{article.pk}/change/")
    assert admin.status_code == 200
    assert re.search(r"/static/vendor/jquery-ui/jquery-ui\.min\.[0-9a-f]{12}\.js", admin.text)


def test_fonts_referenced_by_the_stylesheet_are_collected(collected):
    css = next(collected.glob("css/site.*.css")).read_text()
    fonts = re.findall(r'url\("\.\./(fonts/[^"]+)"\)', css)

    assert len(fonts) == 4
    assert all(re.search(r"\.[0-9a-f]{12}\.woff2$", font) for font in fonts)
    assert all((collected / font).exists() for font in fonts)


def test_static_files_are_hashed_compressed_and_kept_a_year(client, collected):
    stylesheet = next(collected.glob("css/site.*.css")).name
    assert (collected / "css" / f"{stylesheet}.br").exists()
    assert (collected / "css" / f"{stylesheet}.gz").exists()

    response = client.get(f"/static/css/{stylesheet}", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
