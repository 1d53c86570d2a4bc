"""Shared fixtures. Test-only settings are applied here, not in a second settings tree."""

import uuid
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, transaction
from django.test import override_settings
from django.utils import timezone, translation

from newsroom.models import Publication, StaffMember
from newsroom.roles import sync_roles
from tests.factories import StaffMemberFactory, TickerItemFactory


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite's test database in a file, as in production, not in shared memory: there
    concurrent connections (the tests of racing saves, the browser's server) are
    refused with "table is locked" instead of waiting for each other."""
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = tmp_path_factory.mktemp("db") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)


def isolated_settings(tmp: Path) -> dict:
    """Keep uploads in a folder under ``tmp`` and skip the work tests do not need.

    The production static storage needs ``collectstatic`` first; tests use the
    plain storage, which finds files in place.
    """
    (tmp / "staticfiles").mkdir(exist_ok=True)
    return {
        "MEDIA_ROOT": tmp / "media",
        "STATIC_ROOT": tmp / "staticfiles",
        "STORAGES": {
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        # Most tests look at one render; tests of the page cache turn it on (``page_cache``).
        "PAGE_CACHE_ENABLED": False,
        "FRAGMENT_CACHE_ENABLED": False,
    }


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Every test runs with ``isolated_settings``, its files in a folder of its own."""
    for name, value in isolated_settings(tmp_path).items():
        setattr(settings, name, value)


@contextmanager
def shared_rows(django_db_blocker, tmp: Path):
    """For a module- or class-scoped fixture making rows that many tests only read:
    a transaction open until the fixture's scope ends, then rolled back, and the
    test settings with files kept under ``tmp`` (yields where media go).

    Each test still runs in a savepoint of its own inside it, so none sees what
    another changed; but every test of the scope sees the rows, so only tests that
    use them belong there.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(**isolated_settings(tmp)),
        transaction.atomic(),
    ):
        yield tmp / "media"
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _empty_caches():
    """No test sees what another left in a cache (local memory lives as long as the process)."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in Arabic: a request to /en/ leaves English active in the thread."""
    with translation.override("ar"):
        yield


@pytest.fixture
def midday():
    """Tomorrow at noon in Cairo, the clock running. Every page shows the date, so it
    expires at midnight: a test of how long pages are kept must not run just before."""
    noon = datetime.combine(timezone.localdate() + timedelta(days=1), time(12))
    with time_machine.travel(timezone.make_aware(noon), tick=True):
        yield


@pytest.fixture
def site_chrome(db):
    """A named publication, a chairman and an editor-in-chief, and one live ticker item."""
    publication = Publication.load()
    publication.name_ar = "صحيفة الاختبار"
    publication.name_en = "The Test Daily"
    publication.save()
    return SimpleNamespace(
        publication=publication,
        chairman=StaffMemberFactory(
            masthead_role=StaffMember.MastheadRole.CHAIRMAN, masthead_order=1
        ),
        editor_in_chief=StaffMemberFactory(
            masthead_role=StaffMember.MastheadRole.EDITOR_IN_CHIEF, masthead_order=2
        ),
        ticker_item=TickerItemFactory(text_ar="عاجل.. خبر الشريط «الأول»، والتفاصيل لاحقًا"),
    )


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
def roles(transactional_db):
    """The rows migrations make: content types, permissions and the role groups.

    A transactional test empties the database when it ends, those rows included.
    serialized_rollback would load them again, but after the browser tests (Django
    inside Playwright's event loop) the connection no longer holds its serialized
    copy. So they are made here, as ``flush`` and the migration make them.
    """
    emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)
    sync_roles(Group, Permission)
