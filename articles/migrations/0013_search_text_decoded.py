"""Index bodies again now that entities are decoded once (``&amp;`` was indexed as "amp")."""

from django.db import migrations

from articles.search_index import searchable_texts


def index_decoded_text(apps, schema_editor):
    ArticleSearch = apps.get_model("articles", "ArticleSearch")
    entries = ArticleSearch.objects.select_related("article").order_by("pk")
    for entry in entries.iterator(chunk_size=500):
        texts = searchable_texts(entry.article, entry.language)
        if texts is not None:
            ArticleSearch.objects.filter(pk=entry.pk).update(**texts)


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_dates_in_range")]

    operations = [migrations.RunPython(index_decoded_text, migrations.RunPython.noop)]
