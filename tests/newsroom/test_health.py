import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_readyz_answers_when_database_and_cache_do(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ready\n"


def test_readyz_is_503_when_a_cache_does_not_answer(client, settings):
    # A Redis server at a port where nothing listens: a real refused connection.
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        },
    }
    try:
        response = client.get("/readyz")
    finally:
        caches["unreachable"].close()
    assert response.status_code == 503
    assert b"cache unreachable" in response.content


def test_health_endpoints_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
