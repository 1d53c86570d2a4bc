"""A hot page that has just expired or been purged is rendered once, not once per reader."""

import threading

import pytest
from django.test import Client

from tests.pagecache import slow_urls

pytestmark = pytest.mark.django_db


def test_readers_arriving_together_wait_for_one_render(page_cache, settings):
    settings.ROOT_URLCONF = "tests.pagecache.slow_urls"
    slow_urls.renders.clear()
    responses = []

    def read():
        responses.append(Client().get("/breaking/"))

    readers = [threading.Thread(target=read) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()

    assert len(slow_urls.renders) == 1
    assert [r.content for r in responses] == [b"render 1"] * 6
    assert sorted(r["X-Page-Cache"] for r in responses) == ["hit"] * 5 + ["miss"]
