"""A real headless Chromium (Debian's), launched once per test module."""

import io
import os
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from playwright.sync_api import sync_playwright

from tests.browser.helpers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, EDITOR_PASSWORD
from tests.factories import UserFactory


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = (
            f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
        )
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    ARTIFACTS.mkdir(exist_ok=True)
    # Playwright's sync API keeps an event loop in this thread, and Django then refuses
    # ORM calls here (test setup, flush). They run one at a time, never inside the loop,
    # which is the case Django's documented escape hatch is for.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def demo_snapshot(tmp_path_factory):
    """The seeded demo as the first test to ask for it left it: its files and its rows."""
    return SimpleNamespace(media=tmp_path_factory.mktemp("demo") / "media", rows=None)


@pytest.fixture
def seeded_demo(demo_snapshot, live_server, settings) -> str:
    """The demo publication and a superuser "desk" behind the live server; its address.

    Seeding takes seconds and every browser test ends by emptying the database,
    so the first test seeds and keeps the rows; the others load them again, with
    the same ids, in a fraction of that time.
    """
    settings.MEDIA_ROOT = demo_snapshot.media
    if demo_snapshot.rows is None:
        call_command("seed_demo", stdout=io.StringIO())
        UserFactory(username="desk", password=EDITOR_PASSWORD, is_staff=True, is_superuser=True)
        demo_snapshot.rows = connection.creation.serialize_db_to_string()
    else:
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(demo_snapshot.rows)
        # The rows came back with their ids: new rows must be numbered after them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
        ContentType.objects.clear_cache()
    return live_server.url
