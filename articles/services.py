"""Editorial actions on articles: the workflow draft → review → published → archived.

Each action checks the user's permission and the article's state on the
server, validates, saves and writes the editorial log, all in one
transaction; the admin's buttons and bulk actions only call these functions.
The workflow is small enough to be written out here rather than delegated to
a state-machine library: four states, four actions, one table.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import IO

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.image_files import copy_names, crop_name, delete_on_commit, rendition_name
from articles.imaging import (
    CROP_RATIOS,
    EXTENSIONS,
    RENDITION_WIDTHS,
    crop,
    crop_size,
    ratio_name,
    rendition,
)
from articles.models import Article, EditorialLogEntry, Image
from articles.permissions import can_edit_article, can_publish
from articles.tag_parsing import JOINER
from newsroom import dates
from newsroom.languages import original_text
from newsroom.sanitize import plain_text

Status = Article.Status


@dataclass(frozen=True)
class Transition:
    """One workflow action: where it may start, where it leads, who may take it."""

    name: str
    label: str
    sources: frozenset[str]
    target: str
    may: Callable[[AbstractBaseUser, Article], bool]
    needs_note: bool = False


def _may_publish(user: AbstractBaseUser, article: Article) -> bool:
    return can_publish(user)


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition("submit", _("Submit for review"), frozenset({Status.DRAFT}), Status.REVIEW,
                   can_edit_article),
        Transition("publish", _("Publish"),
                   frozenset({Status.DRAFT, Status.REVIEW, Status.PUBLISHED}), Status.PUBLISHED,
                   _may_publish),
        Transition("archive", _("Archive"), frozenset({Status.PUBLISHED}), Status.ARCHIVED,
                   _may_publish),
        Transition("return_to_draft", _("Return to draft"),
                   frozenset({Status.REVIEW, Status.PUBLISHED, Status.ARCHIVED}), Status.DRAFT,
                   _may_publish, needs_note=True),
    ]
}  # fmt: skip


def available_transitions(*, article: Article, user: AbstractBaseUser) -> list[Transition]:
    """The actions this user may take on this article now (for buttons; the server re-checks)."""
    return [
        t
        for t in TRANSITIONS.values()
        if article.status in t.sources
        and t.may(user, article)
        and not (t.name == "publish" and article.is_published)
    ]


def article_submit(*, article: Article, by: AbstractBaseUser) -> Article:
    """Send a draft to the editors for review."""
    return _apply(TRANSITIONS["submit"], article=article, by=by)


def article_publish(
    *, article: Article, by: AbstractBaseUser, at: datetime | None = None
) -> Article:
    """Publish now, or at ``at`` (a future time schedules it; it appears by itself then).

    A scheduled article can be published again with another time to reschedule it.
    """
    return _apply(TRANSITIONS["publish"], article=article, by=by, at=at)


def article_archive(*, article: Article, by: AbstractBaseUser) -> Article:
    """Take a published article off the site and keep it in the archive."""
    return _apply(TRANSITIONS["archive"], article=article, by=by)


def article_return_to_draft(*, article: Article, by: AbstractBaseUser, note: str) -> Article:
    """Send an article back to its author as a draft, saying why."""
    return _apply(TRANSITIONS["return_to_draft"], article=article, by=by, note=note)


ACTIONS: dict[str, Callable[..., Article]] = {
    "submit": article_submit,
    "publish": article_publish,
    "archive": article_archive,
    "return_to_draft": article_return_to_draft,
}


@transaction.atomic
def article_add_tags(*, article: Article, tags: list[str], by: AbstractBaseUser) -> Article:
    """Give an article more tags, by name (new names make new tags), keeping its own.

    A revision records the article with its tags, and its version number goes up: a
    form opened before would put back the tags it was opened with, so saving it shows
    the conflict instead.
    """
    current = Article.objects.select_for_update().get(pk=article.pk)
    if not can_edit_article(by, current):
        raise PermissionDenied(_("You may not do this to this article."))
    with reversion.create_revision():
        current.tags.add(*tags)
        reversion.add_to_revision(current)
        reversion.set_user(by)
        reversion.set_comment(_("Added tags: %(tags)s") % {"tags": JOINER.join(tags)})
    # update(): the version is no reader's business, and the article's text is unchanged.
    Article.objects.filter(pk=current.pk).update(version=F("version") + 1)
    current.refresh_from_db(fields=["version"])
    return current


def publishing_problems(article: Article) -> list[str]:
    """What must be fixed before readers may see the article; empty when it is ready."""
    problems = []
    if article.section_id is None:
        problems.append(_("Choose a section."))
    if not plain_text(original_text(article, "body")):  # "<p>&nbsp;</p>" is no body
        problems.append(_("Write the body."))
    if article.lead_image_id is not None and not original_text(article.lead_image, "alt_text"):
        problems.append(_("Describe the lead image in its alternative text."))
    return [str(problem) for problem in problems]


@transaction.atomic
def _apply(
    transition: Transition,
    *,
    article: Article,
    by: AbstractBaseUser,
    note: str = "",
    at: datetime | None = None,
) -> Article:
    # Lock the row: two editors pressing buttons at once must not both succeed.
    current = Article.objects.select_for_update().get(pk=article.pk)
    if not transition.may(by, current):
        raise PermissionDenied(_("You may not do this to this article."))
    if current.status not in transition.sources:
        raise ValidationError(
            _("“%(action)s” is not possible for an article that is %(status)s."),
            code="invalid_transition",
            params={"action": transition.label, "status": current.get_status_display()},
        )
    note = note.strip()
    if transition.needs_note and not note:
        raise ValidationError(_("Write a note saying why."), code="note_required")
    if transition.target == Status.PUBLISHED:
        if current.is_published:
            raise ValidationError(_("The article is already published."), code="published")
        if problems := publishing_problems(current):
            raise ValidationError(problems, code="not_ready")
        if at is not None:
            dates.validate_in_range(at)
        current.published_at = at or timezone.now()
    from_status = current.status
    current.status = transition.target
    current.save(update_fields=["status", "published_at", "updated_at"])
    EditorialLogEntry.objects.create(
        article=current,
        actor=by,
        from_status=from_status,
        to_status=current.status,
        published_at=current.published_at if current.status == Status.PUBLISHED else None,
        note=note,
    )
    return current


def image_make_renditions(*, image: Image) -> Image:
    """Store every copy of ``image`` that pages and crawlers are served, after upload.

    JPEG and WebP copies for ``srcset`` at each width smaller than the original,
    plus a WebP at the original's own width (the original ends the JPEG set), so
    both sets reach the same width; and the crops around the focal point
    (``image_make_crops``). Nothing is upscaled. Copies this replaces are removed
    once the transaction commits. If one cannot be made, those already stored
    are removed and the error raised, and the image keeps the copies it had.
    """
    source = _source(image)
    with _removed_on_failure(image.file.storage) as store:
        renditions: dict[str, dict[str, str]] = {}
        for image_format, widths in _rendition_widths(image).items():
            kind = image_format.lower()
            for width in widths:
                data = rendition(source, width=width, format=image_format)
                name = store(rendition_name(image, width, EXTENSIONS[image_format]), data)
                renditions.setdefault(kind, {})[str(width)] = name
        crops = _cut_crops(image, source, store)
    return _replace_copies(image, renditions=renditions, crops=crops)


def image_make_crops(*, image: Image) -> Image:
    """Cut ``image`` again to each of ``CROP_RATIOS`` around its focal point.

    Each crop is as wide as ``CROP_WIDTH`` when the original allows, else as
    large as the original holds; an original too small for a ratio has none.
    Called when the focal point moves; the old crops go once the transaction
    commits, or stay, with the image unchanged, if a new one cannot be made.
    """
    source = _source(image)
    with _removed_on_failure(image.file.storage) as store:
        crops = _cut_crops(image, source, store)
    return _replace_copies(image, renditions=image.renditions, crops=crops)


def image_lacks_copies(image: Image) -> bool:
    """Whether ``image`` lacks a copy ``image_make_renditions`` would store today, or
    has crops cut around a focal point it no longer has."""
    for image_format, widths in _rendition_widths(image).items():
        if set(image.renditions.get(image_format.lower(), {})) != {str(w) for w in widths}:
            return True
    focal = [image.focal_x, image.focal_y]
    expected = {ratio_name(r) for r in CROP_RATIOS if crop_size(_size(image), r) is not None}
    return set(image.crops) != expected or any(
        crop.get("focal") != focal for crop in image.crops.values()
    )


def _rendition_widths(image: Image) -> dict[str, list[int]]:
    smaller = [width for width in RENDITION_WIDTHS if width < image.width]
    return {"JPEG": smaller, "WEBP": [*smaller, image.width]}


def _cut_crops(
    image: Image, source: IO[bytes], store: Callable[[str, bytes], str]
) -> dict[str, dict]:
    focal = (image.focal_x, image.focal_y)
    crops = {}
    for ratio in CROP_RATIOS:
        size = crop_size(_size(image), ratio)
        if size is None:
            continue
        name = store(crop_name(image, ratio_name(ratio)), crop(source, ratio=ratio, focal=focal))
        crops[ratio_name(ratio)] = {
            "name": name,
            "width": size[0],
            "height": size[1],
            "focal": list(focal),
        }
    return crops


def _size(image: Image) -> tuple[int, int]:
    return image.width, image.height


def _source(image: Image) -> BytesIO:
    # Read once: every copy decodes the same bytes, and a remote storage is asked once.
    with image.file.open("rb") as original:
        return BytesIO(original.read())


@contextmanager
def _removed_on_failure(storage: Storage) -> Iterator[Callable[[str, bytes], str]]:
    """Yield a function storing a copy and returning its name; if the block fails,
    the copies it stored are removed."""
    stored: list[str] = []

    def store(name: str, data: bytes) -> str:
        stored.append(storage.save(name, ContentFile(data)))
        return stored[-1]

    try:
        yield store
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise


def _replace_copies(image: Image, *, renditions: dict, crops: dict) -> Image:
    replaced = set(copy_names(image))
    image.renditions, image.crops = renditions, crops
    image.save(update_fields=["renditions", "crops"])
    # A name can come back (a copy whose file had gone missing): never delete what is kept.
    delete_on_commit(image.file.storage, sorted(replaced - set(copy_names(image))))
    return image
