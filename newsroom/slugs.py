"""Readable, unique slugs that keep Arabic letters."""

from collections.abc import Callable

from django.db import IntegrityError, models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from newsroom.languages import original_text

TATWEEL = "\u0640"
# Saves racing for one slug: each lost race makes the slug again, seeing the winner.
SLUG_ATTEMPTS = 5


def arabic_slugify(text: str) -> str:
    """Slugify ``text`` keeping Arabic letters.

    Django's ``slugify(allow_unicode=True)`` already drops diacritics (they are
    combining marks, not word characters) and punctuation such as «» and ،; the
    tatweel is a letter-like stretching mark, so it is removed first.
    """
    return slugify(text.replace(TATWEEL, ""), allow_unicode=True)


def unique_slug(instance: models.Model, text: str, *, field: str = "slug") -> str:
    """Return a slug for ``instance`` made from ``text``, unique in its table.

    A clash gets a numeric suffix ("-2", "-3", …). The database's unique
    constraint still guards against two saves racing for the same slug.
    """
    max_length = instance._meta.get_field(field).max_length
    base = arabic_slugify(text)[:max_length].strip("-") or instance._meta.model_name
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    candidate, number = base, 2
    while others.filter(**{field: candidate}).exists():
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)].strip("-") + suffix
        number += 1
    return candidate


def unicode_slug_field(*, max_length: int, help_text: str) -> models.SlugField:
    """A unique slug field that keeps Arabic letters; left empty, saving fills it
    (``save_with_unique_slug``)."""
    return models.SlugField(
        _("slug"),
        max_length=max_length,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=help_text,
    )


def save_with_unique_slug(instance: models.Model, source_field: str, save: Callable[[], None]):
    """Run ``save()`` for ``instance``, first giving it a slug from its original-language
    ``source_field`` if it has none.

    Another save may take the same slug between the check and the insert (two
    editors saving one headline at once; the admin fills the slug from the
    headline as it is typed): the unique constraint refuses the second, which
    then makes its slug unique again, now seeing the first, and retries. Only a
    new row's slug or one made here changes so: renaming an existing row to a
    slug in use stays the caller's error.
    """
    if not instance.slug:
        instance.slug = unique_slug(instance, original_text(instance, source_field))
    may_change = instance._state.adding
    wanted = instance.slug
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        try:
            with transaction.atomic():  # a savepoint: the failed insert leaves no trace
                return save()
        except IntegrityError:
            others = type(instance)._default_manager.exclude(pk=instance.pk)
            taken = others.filter(slug=instance.slug).exists()
            if not (may_change and taken) or attempt == SLUG_ATTEMPTS:
                raise
            instance.slug = unique_slug(instance, wanted)
