import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import Client

from tests.factories import ArticleFactory, StaffMemberFactory, UserFactory

# The real Redis of the development and CI machines; database 15 is the tests' own.
TEST_REDIS = "redis://127.0.0.1:6379/15"


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    """The page cache turned on, in local memory and again in the real Redis.

    In Redis each test has keys of its own, so runs on two databases at once do
    not meet, and removes them afterwards.
    """
    yield from _page_cache(settings, in_redis=request.param == "redis")


@pytest.fixture
def redis_page_cache(settings):
    """The page cache turned on, in the real Redis only."""
    yield from _page_cache(settings, in_redis=True)


def _page_cache(settings, *, in_redis: bool):
    prefix = f"test-pages-{uuid.uuid4().hex}"
    if in_redis:
        settings.CACHES = {
            **settings.CACHES,
            "pagecache": {
                "BACKEND": "newsroom.redis_cache.RedisCache",
                "LOCATION": TEST_REDIS,
                "KEY_PREFIX": prefix,
            },
        }
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = True
    cache = caches[settings.PAGE_CACHE_ALIAS]
    yield cache
    cache.close()
    if in_redis:
        with redis.Redis.from_url(TEST_REDIS) as server:
            for key in server.scan_iter(match=f"{prefix}:*"):
                server.delete(key)


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
