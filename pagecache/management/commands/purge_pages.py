"""``manage.py purge_pages``: forget every cached page, here and in Varnish or the CDN.

Run it after a deploy that changes templates, styles or code that renders pages;
content changes never need it (they purge what they touch by themselves).
"""

from django.core.management.base import BaseCommand

from pagecache import tags
from pagecache.invalidation import purge_now


class Command(BaseCommand):
    help = "Purge every cached public page (after a deploy that changes how pages look)."

    def handle(self, *args, **options) -> None:
        purge_now(frozenset({tags.ALL}))
        self.stdout.write(self.style.SUCCESS("Every cached page was purged."))
