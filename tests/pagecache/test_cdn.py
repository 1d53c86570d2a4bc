"""Purging a cache in front by content tag, against a real HTTP server on loopback."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str, str]] = []

    def do_PURGE(self):
        self.received.append((self.command, self.path, self.headers["xkey-purge"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_endpoint(settings):
    PurgeRecorder.received = []
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CDN_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_a_committed_edit_purges_its_tags_at_the_cdn(
    client, page_cache, newsroom, purge_endpoint, django_capture_on_commit_callbacks
):
    story = newsroom[0]
    shown = client.get(story.get_absolute_url())["xkey"].split()

    with django_capture_on_commit_callbacks(execute=True):
        story.title_ar = "عنوان جديد"
        story.save()

    assert len(purge_endpoint) == 1
    method, path, purged = purge_endpoint[0]
    assert (method, path) == ("PURGE", "/")
    assert f"a{story.pk}" in purged.split() and f"a{story.pk}" in shown
    assert f"a{newsroom[1].pk}" not in purged.split()


def test_an_unreachable_cdn_is_logged_and_the_edit_stands(
    client, page_cache, newsroom, settings, caplog, django_capture_on_commit_callbacks
):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CDN_PURGE_URLS = [f"http://127.0.0.1:{port}/"]
    story = newsroom[0]
    outcome(client, story.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        story.title_ar = "عنوان رغم تعطل الشبكة"
        story.save()

    assert "Purging" in caplog.text
    assert "عنوان رغم تعطل الشبكة" in client.get(story.get_absolute_url()).text
