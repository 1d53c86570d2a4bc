from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from tests.factories import ArticleFactory, TickerItemFactory
from ticker.models import TickerItem

pytestmark = pytest.mark.django_db


def test_live_shows_items_inside_their_window_in_order():
    now = timezone.now()
    second = TickerItemFactory(order=2)
    first = TickerItemFactory(order=1, ends_at=now + timedelta(hours=1))
    TickerItemFactory(starts_at=now + timedelta(minutes=5))  # not started
    TickerItemFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))

    assert list(TickerItem.objects.live()) == [first, second]
    assert all(item.is_live for item in TickerItem.objects.live())


def test_expired_item_is_not_live():
    now = timezone.now()
    item = TickerItemFactory(starts_at=now - timedelta(hours=2), ends_at=now - timedelta(seconds=1))

    assert not TickerItem.objects.live().exists()
    assert not item.is_live


def test_database_refuses_an_item_that_ends_before_it_starts():
    now = timezone.now()
    with pytest.raises(IntegrityError):
        TickerItemFactory(starts_at=now, ends_at=now - timedelta(hours=1))


def test_link_goes_to_the_article_only_once_it_is_published():
    published = ArticleFactory()
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)

    assert TickerItemFactory(article=published).link == published.get_absolute_url()
    assert TickerItemFactory(article=draft).link == ""
    assert TickerItemFactory(article=scheduled).link == ""
    assert TickerItemFactory(article=draft, url="https://example.com/x").link == (
        "https://example.com/x"
    )
