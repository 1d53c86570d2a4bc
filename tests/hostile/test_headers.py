"""Public pages run no inline style or script; the admin keeps what its widgets need."""

import pytest

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.mark.parametrize("path", ["/", "/en/", "/search/?q=x", "article"])
def test_public_pages_allow_no_inline_styles_nor_data_images(client, site_chrome, path):
    article = ArticleFactory(with_image=True)
    response = client.get(article.get_absolute_url() if path == "article" else path)

    policy = directives(response)
    assert policy["style-src"] == ["'self'"]
    assert "data:" not in policy["img-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert ' style="' not in response.text  # nothing the policy would block
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_keeps_inline_styles_for_its_widgets(client, site_chrome):
    client.force_login(UserFactory(role="Editor"))
    article = ArticleFactory()

    response = client.get(f"/admin/articles/article/{article.pk}/change/")

    policy = directives(response)
    assert "'unsafe-inline'" in policy["style-src"]
    assert "data:" in policy["img-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "camera=()" in response["Permissions-Policy"]
