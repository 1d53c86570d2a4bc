"""Analyze every article's search entries again, for example after a change of the word lists."""

from django.core.management.base import BaseCommand

from articles.models import ArticleSearch
from articles.search_index import reindex


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options) -> None:
        count = reindex(ArticleSearch.objects.order_by("pk"))
        self.stdout.write(f"{count} search entries indexed again.")
