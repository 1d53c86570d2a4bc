"""With Redis, each process serves the pages it holds without asking Redis, and
still never serves one a purge (by any process) has made a miss."""

import pytest
import redis

from pagecache import nearby
from tests.conftest import TEST_REDIS
from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db


def hit_asked_redis(client, cache, url: str) -> bool:
    """Whether serving ``url`` (a hit) sent Redis a command over this process's connection.

    One thread: the pool hands out the same connection, which first runs a last
    command of its own; a lookup would be a later one.
    """
    own = cache._cache.get_client()
    connection_id = own.client_id()
    own.echo("before the hit")
    assert outcome(client, url) == "hit"
    with redis.Redis.from_url(TEST_REDIS) as server:
        [connection] = server.client_list(client_id=[connection_id])
    return connection["cmd"] != "echo"


def test_a_held_page_is_served_without_asking_redis(client, redis_page_cache, newsroom):
    url = newsroom[0].get_absolute_url()
    outcome(client, url)  # stored
    outcome(client, url)  # found in Redis, and held

    assert not hit_asked_redis(client, redis_page_cache, url)


def test_a_purge_announced_through_redis_ends_the_held_copy(
    client, redis_page_cache, newsroom, django_capture_on_commit_callbacks
):
    story, other = newsroom
    for url in (story.get_absolute_url(), other.get_absolute_url()) * 2:
        outcome(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        story.title_ar = "عنوان بعد التصحيح"
        story.save()

    assert "عنوان بعد التصحيح" in client.get(story.get_absolute_url()).text
    # Any purge ends every held copy's check; the untouched page is still a hit.
    assert outcome(client, other.get_absolute_url()) == "hit"


def test_a_lost_subscription_sends_lookups_back_to_redis(
    client, redis_page_cache, newsroom, django_capture_on_commit_callbacks
):
    story = newsroom[0]
    url = story.get_absolute_url()
    outcome(client, url)
    outcome(client, url)
    with redis.Redis.from_url(TEST_REDIS) as server:
        server.client_kill_filter(_type="pubsub")  # every subscriber, as a Redis restart would

    with django_capture_on_commit_callbacks(execute=True):
        story.title_ar = "عنوان بعد انقطاع الاشتراك"
        story.save()

    assert "عنوان بعد انقطاع الاشتراك" in client.get(url).text
    assert outcome(client, url) == "hit"


def test_a_held_page_is_checked_with_redis_again_after_a_while(
    client, redis_page_cache, newsroom, monkeypatch
):
    url = newsroom[0].get_absolute_url()
    outcome(client, url)
    outcome(client, url)
    monkeypatch.setattr(nearby, "HOLD_SECONDS", 0)  # "a while" has passed

    assert hit_asked_redis(client, redis_page_cache, url)
