"""What the tag model needs beyond django-taggit: an address for every tag, and its
Arabic name as the tag's identity in every language.

taggit makes a tag's slug from its name, and a name without letters or digits
(«🔴», «؟») gives an empty slug (or "_1", "_2" … after the first), which no
URL can carry: the tag's page, its feed and the tag sitemap would fail. Such a
tag gets a slug from a digest of its name instead, stable and unique as the
name is.
"""

import hashlib
import re

from django.utils.translation import override
from modeltranslation.settings import DEFAULT_LANGUAGE
from taggit.managers import _TaggableManager

# What taggit makes of a name with no letters or digits: "", then "_1", "_2" …
EMPTY_SLUG = re.compile(r"(_\d+)?")


def give_every_tag_an_address(name: str, slug: str) -> str:
    """``slug``, taggit's slug of ``name``, or one made from the name when it is empty."""
    if EMPTY_SLUG.fullmatch(slug):
        digest = hashlib.blake2s(name.encode(), digest_size=5).hexdigest()
        return f"tag-{digest}"
    return slug


class ArticleTags(_TaggableManager):
    """An article's tags, found, made and compared by their Arabic names.

    modeltranslation reads and looks up a tag's ``name`` in the active language:
    in the admin in English, taggit would look for a typed «غزة» among the English
    names, miss it and make a second «غزة». Editors type, imports bring and
    revisions keep Arabic names whatever language is active, so the work taggit
    does by name happens in Arabic.
    """

    def _to_tag_model_instances(self, tags, tag_kwargs):
        with override(DEFAULT_LANGUAGE):
            return super()._to_tag_model_instances(tags, tag_kwargs)

    def set(self, tags, *, through_defaults=None, **kwargs):
        with override(DEFAULT_LANGUAGE):
            return super().set(tags, through_defaults=through_defaults, **kwargs)

    def names(self):
        # The stored ``name`` column, which Tag.save keeps in Arabic.
        return super().get_queryset().rewrite(False).values_list("name", flat=True)
