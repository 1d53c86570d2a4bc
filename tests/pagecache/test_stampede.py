"""A hot page that has just expired or been purged is rendered once, not once per reader."""

import threading
import time

import pytest
from django.http import HttpResponse

from newsroom.http import public_cache
from pagecache.middleware import PageCacheMiddleware

pytestmark = pytest.mark.django_db


def test_readers_arriving_together_wait_for_one_render(rf, page_cache):
    renders = []

    @public_cache
    def slow_page(request):
        renders.append(1)
        time.sleep(0.3)  # a heavy page: everybody else arrives while it renders
        return HttpResponse(f"render {len(renders)}")

    middleware = PageCacheMiddleware(slow_page)
    bodies = []

    def read():
        response = middleware(rf.get("/breaking/"))
        bodies.append(response.content)

    readers = [threading.Thread(target=read) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()

    assert len(renders) == 1
    assert bodies == [b"render 1"] * 6
