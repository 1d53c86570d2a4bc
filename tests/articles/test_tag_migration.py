"""The migration that moves taggit's tags into the publication's own tag model, keeping
every id, name and slug, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The migrations run forwards and backwards on the test database, outside a test
# transaction; the database is emptied afterwards, as after every transactional test.
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0020_image_focal_point"), ("importers", "0001_initial")]
AFTER = [("articles", "0021_translated_tags"), ("importers", "0002_tags_of_the_publication")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def latest_schema_afterwards(transactional_db):
    """Leave the database as the other tests expect it: fully migrated."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def tagged_archive(apps) -> None:
    """Three taggit tags (one with a digest slug, one unused), two articles carrying
    them, and a WordPress tag brought in as the first."""
    Tag = apps.get_model("taggit", "Tag")
    Article = apps.get_model("articles", "Article")
    Tagged = apps.get_model("articles", "TaggedArticle")
    tags = [
        Tag.objects.create(name="غزة", slug="غزة"),
        Tag.objects.create(name="🔴", slug="tag-0a1b2c3d4e"),
        Tag.objects.create(name="وسم بلا مقالات", slug="وسم-بلا-مقالات"),
    ]
    Tag.objects.filter(pk=tags[2].pk).update(id=1000)  # ids need not follow each other
    first, second = (
        Article.objects.create(title=title, title_ar=title, slug=slug)
        for title, slug in [("خبر أول", "first"), ("خبر ثان", "second")]
    )
    Tagged.objects.create(content_object=first, tag_id=tags[0].pk)
    Tagged.objects.create(content_object=first, tag_id=tags[1].pk)
    Tagged.objects.create(content_object=second, tag_id=tags[0].pk)
    apps.get_model("importers", "ImportedTerm").objects.create(
        kind="post_tag", wordpress_slug="gaza", tag_id=tags[0].pk
    )


def stored(apps, app_label: str) -> set[tuple]:
    return set(apps.get_model(app_label, "Tag").objects.values_list("id", "name", "slug"))


def taggings(apps) -> set[tuple]:
    return set(
        apps.get_model("articles", "TaggedArticle").objects.values_list(
            "content_object_id", "tag__name", "tag__slug"
        )
    )


def test_every_tag_keeps_its_id_name_and_slug_and_every_article_its_tags():
    old = migrate(BEFORE)
    tagged_archive(old)
    before, tagged_before = stored(old, "taggit"), taggings(old)

    new = migrate(AFTER)

    Tag = new.get_model("articles", "Tag")
    assert stored(new, "articles") == before
    assert set(Tag.objects.values_list("name_ar", flat=True)) == {name for _, name, _ in before}
    assert not Tag.objects.exclude(name_en=None).exists()
    assert taggings(new) == tagged_before
    term = new.get_model("importers", "ImportedTerm").objects.get()
    assert (term.tag.name, term.tag.slug) == ("غزة", "غزة")
    # A new tag takes an id after the copied ones (PostgreSQL's sequence moved on).
    assert Tag.objects.create(name="رفح", name_ar="رفح", slug="رفح").pk > 1000


def test_going_back_gives_taggit_the_tags_of_the_day():
    new = migrate(AFTER)
    Tag = new.get_model("articles", "Tag")
    gaza = Tag.objects.create(name="غزة", name_ar="غزة", name_en="Gaza", slug="غزة")
    rafah = Tag.objects.create(name="رفح", name_ar="رفح", slug="رفح")
    article = new.get_model("articles", "Article").objects.create(
        title="خبر", title_ar="خبر", slug="story"
    )
    new.get_model("articles", "TaggedArticle").objects.create(content_object=article, tag=rafah)
    new.get_model("importers", "ImportedTerm").objects.create(
        kind="post_tag", wordpress_slug="gaza", tag=gaza
    )

    old = migrate(BEFORE)

    assert stored(old, "taggit") == {(gaza.pk, "غزة", "غزة"), (rafah.pk, "رفح", "رفح")}
    assert taggings(old) == {(article.pk, "رفح", "رفح")}
    assert old.get_model("importers", "ImportedTerm").objects.get().tag_id == gaza.pk
