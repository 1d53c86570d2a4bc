"""Two editors saving one headline at the same moment both keep their article."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.db.models.signals import pre_save

from articles.models import Article
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)

HEADLINE = "البرلمان يقر الموازنة العامة"


def test_the_same_headline_saved_at_once_gives_two_articles_with_their_own_slugs():
    section = SectionFactory()
    # On PostgreSQL both check the slug, then both insert: the race the constraint
    # settles. SQLite lets one writer in at a time, so there they simply queue.
    racing = connection.vendor == "postgresql"
    barrier = threading.Barrier(2, timeout=10)
    first_try = threading.local()
    errors = []

    def both_checked_the_slug(sender, instance, **kwargs):
        if racing and not getattr(first_try, "done", False):
            first_try.done = True
            barrier.wait()

    def save_one(number: int):
        try:
            with transaction.atomic():
                Article(title_ar=HEADLINE, body_ar=f"<p>نص {number}</p>", section=section).save()
        except Exception as error:  # reported below, with the other thread's
            errors.append(error)
        finally:
            connections.close_all()

    pre_save.connect(both_checked_the_slug, sender=Article)
    try:
        threads = [threading.Thread(target=save_one, args=(n,)) for n in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        pre_save.disconnect(both_checked_the_slug, sender=Article)

    assert errors == []
    slugs = sorted(Article.objects.filter(title_ar=HEADLINE).values_list("slug", flat=True))
    assert slugs == ["البرلمان-يقر-الموازنة-العامة", "البرلمان-يقر-الموازنة-العامة-2"]
    bodies = set(Article.objects.values_list("body_ar", flat=True))
    assert bodies == {"<p>نص 1</p>", "<p>نص 2</p>"}
