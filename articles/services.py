"""Editorial actions on articles: the workflow draft → review → published → archived.

Each action checks the user's permission and the article's state on the
server, validates, saves and writes the editorial log, all in one
transaction; the admin's buttons and bulk actions only call these functions.
The workflow is small enough to be written out here rather than delegated to
a state-machine library: four states, four actions, one table.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.image_files import rendition_name
from articles.imaging import RENDITION_FORMATS, RENDITION_WIDTHS, rendition
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
    """Store resized JPEG and WebP copies of ``image`` for ``srcset``, once, after upload.

    Only widths smaller than the original are made: a larger copy would only blur.
    If one cannot be made, those already stored are removed and the error raised.
    """
    storage = image.file.storage
    renditions: dict[str, dict[str, str]] = {}
    stored: list[str] = []
    try:
        for image_format in RENDITION_FORMATS:
            extension = ".jpg" if image_format == "JPEG" else ".webp"
            for width in RENDITION_WIDTHS:
                if width >= image.width:
                    continue
                with image.file.open("rb") as source:
                    data = rendition(source, width=width, format=image_format)
                name = storage.save(rendition_name(image, width, extension), ContentFile(data))
                stored.append(name)
                renditions.setdefault(image_format.lower(), {})[str(width)] = name
    except Exception:
        for name in stored:
            storage.delete(name)
        raise
    image.renditions = renditions
    image.save(update_fields=["renditions"])
    return image
