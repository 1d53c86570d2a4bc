"""Where the image library's files live, and their removal with the rows they belong to.

An uploaded file is stored under a random name: the uploader's file name may
name a source ("leak-from-the-ministry.jpg") and is neither kept nor served.
Renditions and crops sit in a folder named after the original's random name,
so neither can be guessed from another image's address (sequential ids could
be counted through to the photos of unpublished stories). When a row is
deleted, or its file replaced, the files it no longer uses go once the
transaction commits: a rolled-back delete keeps them.
"""

import logging
import secrets
from pathlib import PurePath

from django.core.files.storage import Storage
from django.db import transaction
from django.db.models.signals import post_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

logger = logging.getLogger(__name__)


def stored_name(image, filename: str) -> str:
    """``images/YYYY/MM/<random>.<extension>`` for an upload (``upload_to``)."""
    extension = PurePath(filename).suffix.lower()
    return f"images/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}{extension}"


def rendition_name(image, width: int, extension: str) -> str:
    """Where the ``width``-pixel rendition of ``image`` is stored."""
    return f"images/renditions/{PurePath(image.file.name).stem}/{width}{extension}"


def crop_name(image, ratio: str) -> str:
    """Where the crop of ``image`` to ``ratio`` (``"16x9"``) around its focal point is stored.

    The focal point is part of the name, so moving it gives the crop a new
    address: browsers, CDNs and social networks that kept the old picture under
    the old address fetch the new one.
    """
    across, down = round(image.focal_x * 1000), round(image.focal_y * 1000)
    return f"images/renditions/{PurePath(image.file.name).stem}/{ratio}-{across}-{down}.jpg"


def copy_names(image) -> list[str]:
    """The names of every rendition and crop of ``image`` (not the original's)."""
    renditions = [name for sizes in image.renditions.values() for name in sizes.values()]
    return renditions + [crop["name"] for crop in image.crops.values()]


def file_names(image) -> list[str]:
    """The original's name and every copy's."""
    return ([image.file.name] if image.file else []) + copy_names(image)


def delete_on_commit(storage: Storage, names: list[str]) -> None:
    """Remove ``names`` from ``storage`` once the current transaction commits."""

    def delete() -> None:
        for name in names:
            try:
                storage.delete(name)
            except OSError:  # gone already, or the storage is down: the row is gone anyway
                logger.warning("Could not delete the image file %s", name, exc_info=True)

    if names:
        transaction.on_commit(delete)


@receiver(post_delete, sender="articles.Image", dispatch_uid="image_files_deleted")
def _delete_files_of_deleted_image(sender, instance, **kwargs) -> None:
    delete_on_commit(instance.file.storage, file_names(instance))


@receiver(pre_save, sender="articles.Image", dispatch_uid="image_files_replaced")
def _delete_files_of_replaced_image(
    sender, instance, raw=False, update_fields=None, **kwargs
) -> None:
    if raw or instance.pk is None or (update_fields is not None and "file" not in update_fields):
        return  # a new row, or a save that leaves the file (storing renditions) as it is
    previous = sender._default_manager.filter(pk=instance.pk).first()
    if previous is not None and previous.file.name != instance.file.name:
        delete_on_commit(previous.file.storage, file_names(previous))
        # The copies were of the old picture: pages must not keep asking for them while
        # the new one's are made, nor for ever if making them fails.
        instance.renditions, instance.crops = {}, {}
