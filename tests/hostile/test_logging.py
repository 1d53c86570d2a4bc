"""A server error's log line says which request failed, for whom, and how to find it."""

import logging

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def formatted(caplog, logger: str) -> list[str]:
    """The records of ``logger`` as the configured console handler writes them."""
    [console] = [h for h in logging.getLogger().handlers if getattr(h, "filters", None)]
    lines = []
    for record in caplog.records:
        if record.name == logger:
            console.filter(record)
            lines.append(console.format(record))
    return lines


def test_a_500_is_logged_with_method_query_user_and_request_id(settings, caplog):
    settings.ROOT_URLCONF = "tests.hostile.failing_urls"
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(role="Editor", username="night-editor"))
    caplog.set_level(logging.ERROR)

    response = client.get("/fails/?section=7&page=2", HTTP_X_REQUEST_ID="edge-4f2a9c")

    assert response.status_code == 500
    assert response["X-Request-ID"] == "edge-4f2a9c"
    [line] = formatted(caplog, "django.request")
    assert "[edge-4f2a9c] GET /fails/?section=7&page=2 user=night-editor:" in line
    assert "RuntimeError: a bug in a view" in line


def test_each_response_names_its_request(client, site_chrome):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    # An id a client makes up is not taken if it could forge a log line.
    odd = client.get("/healthz", HTTP_X_REQUEST_ID="x\nERROR forged")
    assert "\n" not in odd["X-Request-ID"] and "forged" not in odd["X-Request-ID"]
