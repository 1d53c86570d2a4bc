"""Addresses and query strings no database can hold are refused, never an error."""

import pytest

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

SLUGGED = [
    "/section/{}/",
    "/tag/{}/",
    "/author/{}/",
    "/feeds/rss/section/{}/",
    "/feeds/atom/tag/{}/",
    "/feeds/rss/author/{}/",
    "/news/{pk}/{}/",
]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("address", SLUGGED)
@pytest.mark.parametrize(
    ("segment", "status"), [("%00", 400), ("a%00b", 400), ("%01", 404), ("%7F", 404)]
)
def test_control_characters_in_a_slug_are_refused(
    client, site_chrome, prefix, address, segment, status
):
    # A NUL is refused before any view runs; other control characters match no address.
    article = ArticleFactory()
    response = client.get(prefix + address.format(segment, pk=article.pk))
    assert response.status_code == status


@pytest.mark.parametrize(
    "address",
    [
        "/search/?q=%00",
        "/search/?q=gaza&section=%00",
        "/en/search/?until=%00",
        "/?page=1%00",
        "/feeds/rss/?x%00=1",
    ],
)
def test_a_nul_in_the_query_string_is_a_bad_request_page_in_arabic(client, site_chrome, address):
    response = client.get(address)
    assert response.status_code == 400
    assert "تعذّرت قراءة هذا العنوان" in response.text


def test_the_admin_refuses_a_nul_in_its_searches(client, site_chrome):
    client.force_login(UserFactory(role="Editor"))
    for address in (
        "/admin/articles/article/?q=%00",
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=tags&term=%00",
    ):
        assert client.get(address).status_code == 400, address
