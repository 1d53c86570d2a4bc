"""A date no page can show is refused wherever it is typed, and cannot be stored."""

from datetime import UTC, datetime

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles.models import Article
from newsroom import dates
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, TickerItemFactory, UserFactory
from ticker.models import TickerItem

pytestmark = pytest.mark.django_db

EXTREMES = [("0001-01-01", "00:00"), ("1899-12-31", "23:59"), ("2200-01-01", "00:00"),
            ("9999-12-31", "23:59")]  # fmt: skip
ERROR = "أدخل تاريخًا بين عامي 1900 و2199"


@pytest.fixture
def editor(client, site_chrome):
    client.force_login(UserFactory(role="Editor"))
    return client


def ticker_form(day: str, clock: str) -> dict:
    return {"text_ar": "خبر عاجل بتاريخ غريب", "order": 0, "starts_at_0": day, "starts_at_1": clock}


@pytest.mark.parametrize(("day", "clock"), EXTREMES)
def test_the_ticker_form_refuses_a_date_out_of_range_and_the_site_stays_up(editor, day, clock):
    items = TickerItem.objects.count()
    response = editor.post(reverse("admin:ticker_tickeritem_add"), ticker_form(day, clock))

    assert response.status_code == 200
    assert ERROR in response.text
    assert TickerItem.objects.count() == items
    assert editor.get("/").status_code == 200
    assert editor.get(reverse("admin:ticker_tickeritem_changelist")).status_code == 200


@pytest.mark.parametrize("field", ["lead_until", "featured_until"])
@pytest.mark.parametrize(("day", "clock"), EXTREMES)
def test_home_page_times_out_of_range_are_form_errors(editor, field, day, clock):
    article = ArticleFactory()
    data = form_data(article, **{f"{field}_0": day, f"{field}_1": clock})

    response = editor.post(change_url(article), data)

    assert response.status_code == 200
    assert ERROR in response.text
    article.refresh_from_db()
    assert getattr(article, field) is None


def test_publishing_at_a_time_out_of_range_is_refused_with_a_message(editor):
    article = ArticleFactory(status=Article.Status.REVIEW)
    url = reverse("admin:articles_article_workflow", args=[article.pk, "publish"])

    response = editor.post(url, {"publish_at": "0001-01-01T00:00"})

    assert ERROR in " ".join(str(m) for m in get_messages(response.wsgi_request))
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_the_database_refuses_moments_out_of_range():
    article = ArticleFactory()
    rows = [(article, "published_at"), (article, "lead_until"),
            (TickerItemFactory(), "starts_at"), (TickerItemFactory(), "ends_at")]  # fmt: skip
    for row, field in rows:
        setattr(row, field, datetime(1, 1, 1, 3, tzinfo=UTC))
        with pytest.raises(IntegrityError), transaction.atomic():
            row.save()


@pytest.mark.parametrize(
    "query", ["until=9999-12-31", "since=0001-01-01", "since=1899-01-01&until=2300-01-01"]
)
def test_search_dates_out_of_range_give_a_normal_page(client, site_chrome, query):
    response = client.get(f"/search/?q=اقتصاد&{query}")
    assert response.status_code == 200
    assert ERROR in response.text


@pytest.mark.parametrize(
    "query",
    [
        "published_at__year=9999&published_at__month=12&published_at__day=31",
        "published_at__year=9999&published_at__month=12",
        "published_at__year=9999",
    ],
)
def test_admin_date_filters_out_of_range_are_invalid_filters(editor, query):
    ArticleFactory()
    url = reverse("admin:articles_article_changelist")
    response = editor.get(f"{url}?{query}")
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_an_admin_filter_from_year_one_lists_or_is_refused(editor):
    # PostgreSQL compares it as it is; on SQLite it cannot be moved to UTC.
    ArticleFactory(title_ar="خبر في القائمة")
    url = reverse("admin:articles_article_changelist")
    response = editor.get(f"{url}?published_at__gte=0001-01-01", follow=True)
    assert response.status_code == 200
    assert "خبر في القائمة" in response.text or "?e=1" in response.redirect_chain[0][0]


def test_showing_a_moment_at_the_edge_of_python_does_not_fail():
    # In Cairo this moment is in year 10000, which Python cannot hold: it stays in UTC.
    assert dates.iso(datetime(9999, 12, 31, 23, tzinfo=UTC)) == "9999-12-31T23:00:00+00:00"
