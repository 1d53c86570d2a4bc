import pytest
from django.test import Client

from tests.factories import ArticleFactory, StaffMemberFactory, UserFactory


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(UserFactory(role="Editor"))
    return client


@pytest.fixture
def newsroom(site_chrome):
    """Two unrelated stories in two sections, by two reporters, with their own tags and
    images, so each test can change one and watch the other."""
    first, second = StaffMemberFactory(), StaffMemberFactory()
    return (
        ArticleFactory(title_ar="خبر الاقتصاد الأول", with_image=True, tags=["أسواق"],
                       authors=[first]),
        ArticleFactory(title_ar="خبر الرياضة الثاني", with_image=True, tags=["كرة"],
                       authors=[second]),
    )  # fmt: skip


def outcome(client, url: str) -> str:
    """Whether the page cache served ``url`` (hit) or rendered it (miss, pass)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response["X-Page-Cache"]
