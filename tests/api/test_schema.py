"""The API against its own OpenAPI schema: schemathesis generates requests from the
schema, and every answer must be documented and conform to it: never a 500."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.factories import ArticleFactory, CorrectionFactory, TickerItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(site_chrome, settings):
    """The schema as the running application serves it, with content to answer from."""
    settings.API_RATE_LIMIT = ""  # hundreds of requests: the limit has its own test
    article = ArticleFactory(with_image=True, tags=["اقتصاد", "غزة"], title_en="Markets")
    ArticleFactory(tags=["اقتصاد"])
    CorrectionFactory(article=article)
    TickerItemFactory(article=article)
    # Requests go through Django's WSGI handler inside the test's transaction, which
    # must not be closed between them, as the test client arranges.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/", WSGIHandler())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_answer_of_every_operation_conforms_to_the_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {
        "/api/v1/articles/", "/api/v1/articles/{id}/", "/api/v1/sections/", "/api/v1/tags/",
        "/api/v1/authors/", "/api/v1/ticker/", "/api/v1/search/",
    }  # fmt: skip
    for operation in operations:
        # schemathesis's pytest plugin does not run on this pytest: Hypothesis directly.
        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            # The WSGI transport does not unpack gzip, which the site answers with.
            # A slug that names nothing is a documented 400, though any string fits the
            # schema: the check that every schema-valid request succeeds does not apply.
            case.call_and_validate(
                headers={"Accept-Encoding": "identity"},
                excluded_checks=[positive_data_acceptance],
            )

        conforms()
