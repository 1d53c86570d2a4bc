from datetime import timedelta

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_published_shows_only_articles_readers_may_see():
    visible = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(in_review=True)
    ArticleFactory(archived=True)
    ArticleFactory(scheduled=True)

    assert list(Article.objects.published()) == [visible]


@pytest.mark.parametrize("trait", ["draft", "in_review", "archived", "scheduled"])
def test_is_published_agrees_with_published_queryset(trait):
    hidden = ArticleFactory(**{trait: True})
    shown = ArticleFactory()

    assert list(Article.objects.published()) == [shown]
    assert not hidden.is_published
    assert shown.is_published


def test_scheduled_article_appears_when_its_time_comes_without_any_job():
    publish_at = timezone.now() + timedelta(hours=2)
    article = ArticleFactory(published_at=publish_at)
    assert article.is_scheduled
    assert not Article.objects.published().exists()

    with time_machine.travel(publish_at + timedelta(seconds=1)):
        assert list(Article.objects.published()) == [article]
        assert not article.is_scheduled


def test_publishing_without_a_time_sets_it_to_now():
    before = timezone.now()
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)

    assert before <= article.published_at <= timezone.now()


def test_database_refuses_a_published_article_without_time():
    article = ArticleFactory()
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(published_at=None)


def test_related_to_returns_newest_published_articles_sharing_tags():
    article = ArticleFactory(tags=["الطاقة", "المناخ"])
    older = ArticleFactory(tags=["المناخ"], published_at=timezone.now() - timedelta(days=2))
    newer = ArticleFactory(tags=["الطاقة"], published_at=timezone.now() - timedelta(days=1))
    ArticleFactory(tags=["الطاقة"], draft=True)
    ArticleFactory(tags=["الطاقة"], scheduled=True)
    ArticleFactory(tags=["الرياضة"])

    assert list(Article.objects.related_to(article)) == [newer, older]


def test_newest_per_section_keeps_the_newest_of_each_section():
    economy, sport = SectionFactory(), SectionFactory()
    economy_articles = [
        ArticleFactory(section=economy, published_at=timezone.now() - timedelta(hours=h))
        for h in range(1, 6)
    ]
    sport_article = ArticleFactory(section=sport)
    ArticleFactory(section=sport, draft=True)

    result = list(Article.objects.newest_per_section(3))

    assert result == [*economy_articles[:3], sport_article]


def test_newest_per_section_breaks_ties_by_id_and_skips_empty_sections():
    SectionFactory()  # no articles
    section = SectionFactory()
    same_time = timezone.now() - timedelta(hours=1)
    first, second = (ArticleFactory(section=section, published_at=same_time) for _ in range(2))
    ArticleFactory(section=None)

    assert list(Article.objects.newest_per_section(1)) == [second]
    assert list(Article.objects.newest_per_section(5)) == [second, first]


def test_newest_per_section_is_one_query(django_assert_num_queries):
    sections = SectionFactory.create_batch(3)
    for hours in range(12):
        ArticleFactory(
            section=sections[hours % 3], published_at=timezone.now() - timedelta(hours=hours + 1)
        )

    with django_assert_num_queries(1):
        blocks = list(Article.objects.newest_per_section(2))

    assert [a.section for a in blocks] == [sections[0]] * 2 + [sections[1]] * 2 + [sections[2]] * 2


def test_published_between_shows_what_published_shows_in_past_and_current_ranges():
    now = timezone.now()
    last_week = ArticleFactory(published_at=now - timedelta(days=7))
    ArticleFactory(published_at=now - timedelta(days=7), archived=True)
    today = ArticleFactory(published_at=now - timedelta(hours=1))
    ArticleFactory(published_at=now + timedelta(hours=1))  # scheduled

    past = Article.objects.published_between(now - timedelta(days=10), now - timedelta(days=1))
    current = Article.objects.published_between(now - timedelta(days=10), now + timedelta(days=1))

    assert list(past) == [last_week]
    assert list(current) == [today, last_week]
