"""Tags come from django-taggit; this gives every tag an address.

taggit makes a tag's slug from its name, and a name without letters or digits
(«🔴», «؟») gives an empty slug (or "_1", "_2" … after the first), which no
URL can carry: the tag's page, its feed and the tag sitemap would fail. Such a
tag gets a slug from a digest of its name instead, stable and unique as the
name is.
"""

import hashlib
import re

from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag

# What taggit makes of a name with no letters or digits: "", then "_1", "_2" …
EMPTY_SLUG = re.compile(r"(_\d+)?")


@receiver(pre_save, sender=Tag)
def give_every_tag_an_address(sender, instance: Tag, **kwargs) -> None:
    """Before a tag is saved, replace an empty slug with one made from its name."""
    if EMPTY_SLUG.fullmatch(instance.slug):
        digest = hashlib.blake2s(instance.name.encode(), digest_size=5).hexdigest()
        instance.slug = f"tag-{digest}"
