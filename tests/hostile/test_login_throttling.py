"""Passwords cannot be guessed: failures are counted per account and per address."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from newsroom.logins import client_ip
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/?next=/admin/"
PAUSED = "توقّف تسجيل الدخول"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def log_in(address: str, username: str, password: str):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def test_wrong_passwords_pause_the_account_with_an_arabic_page_and_are_logged(caplog):
    editor = UserFactory(role="Editor", username="editor")
    caplog.set_level(logging.WARNING)
    for attempt in range(4):
        response = log_in(f"10.0.0.{attempt}", editor.username, "guess")
        assert response.status_code == 200  # the form again, with Django's error

    log_in("10.0.0.9", editor.username, "guess")  # the fifth failure

    paused = log_in("10.0.0.10", editor.username, PASSWORD)
    assert paused.status_code == 429
    assert PAUSED in paused.text and "15" in paused.text
    assert "_auth_user_id" not in paused.wsgi_request.session
    failures = [r.getMessage() for r in caplog.records if "New login failure" in r.getMessage()]
    assert len(failures) == 6  # five guesses, then the refused login
    assert all('username: "editor"' in message for message in failures)
    assert 'ip_address: "10.0.0.9"' in failures[4]
    assert PASSWORD not in caplog.text


def test_one_address_guessing_many_accounts_is_paused_and_others_are_not():
    UserFactory(role="Editor", username="chief")
    for number in range(5):
        log_in("203.0.113.7", f"reporter{number}", "guess")

    assert log_in("203.0.113.7", "chief", PASSWORD).status_code == 429
    assert log_in("198.51.100.2", "chief", PASSWORD).status_code == 302  # logged in


def test_the_pause_ends_after_the_cool_off():
    UserFactory(role="Editor", username="editor")
    for _attempt in range(5):
        log_in("10.0.0.1", "editor", "guess")
    assert log_in("10.0.0.1", "editor", PASSWORD).status_code == 429

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert log_in("10.0.0.1", "editor", PASSWORD).status_code == 302


def test_a_good_login_clears_the_count():
    UserFactory(role="Editor", username="editor")
    for _round in range(3):
        for _attempt in range(4):
            log_in("10.0.0.1", "editor", "guess")
        assert log_in("10.0.0.1", "editor", PASSWORD).status_code == 302


def test_the_address_behind_trusted_proxies_is_the_one_they_saw(settings, rf):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.9"  # "1.2.3.4" is what the client wrote
