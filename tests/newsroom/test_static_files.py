"""Pages render with the production static storage after a real collectstatic.

The other tests use the plain storage; this one catches a template that names a
static file which does not exist (the hashed storage turns that into a 500).
"""

import io
import re

import pytest
from django.core.management import call_command

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", stdout=io.StringIO())
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
