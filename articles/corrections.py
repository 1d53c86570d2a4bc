"""Corrections, clarifications and updates: published on an article, never deleted.

Editors publish one from the article's admin page; only an editor-in-chief may
withdraw it, which leaves a public note beside it. Both are written to the
article's editorial log and kept in revisions, in one transaction each.
"""

from dataclasses import dataclass
from datetime import datetime

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Correction, EditorialLogEntry

ADD = "articles.add_correction"
WITHDRAW = "articles.withdraw_correction"
Action = EditorialLogEntry.Action


@dataclass(frozen=True)
class Notes:
    """An article's published notes as its page shows them."""

    corrections: list[Correction]  # corrections and clarifications, oldest first, in the box
    updates: list[Correction]  # updates, newest first, beside the "Updated" date

    @property
    def last_published(self) -> datetime | None:
        """When the latest note appeared: the article changed for readers then."""
        moments = [note.published_at for note in self.corrections + self.updates]
        return max(moments, default=None)

    @property
    def latest_correction(self) -> Correction | None:
        return self.corrections[-1] if self.corrections else None


def notes_of(article: Article) -> Notes:
    """The article's published notes, from its prefetched ``corrections`` when it has them."""
    now = timezone.now()
    shown = sorted(
        (note for note in article.corrections.all() if note.published_at <= now),
        key=lambda note: (note.published_at, note.pk),
    )
    return Notes(
        corrections=[n for n in shown if n.kind != Correction.Kind.UPDATE],
        updates=[n for n in reversed(shown) if n.kind == Correction.Kind.UPDATE],
    )


def can_correct(user: AbstractBaseUser) -> bool:
    return user.has_perm(ADD)


def can_withdraw(user: AbstractBaseUser) -> bool:
    return user.has_perm(WITHDRAW)


@transaction.atomic
def correction_publish(
    *, article: Article, by: AbstractBaseUser, kind: str, text_ar: str, text_en: str = ""
) -> Correction:
    """Publish a note on a published article now."""
    if not can_correct(by):
        raise PermissionDenied(_("You may not correct this article."))
    if not article.is_published:
        raise ValidationError(
            _("Only a published article takes a correction: edit a draft instead."),
            code="unpublished",
        )
    if not text_ar.strip():
        raise ValidationError(_("Write what the note says."), code="empty")
    if kind not in Correction.Kind.values:
        raise ValidationError(_("Choose the kind of note."), code="kind")
    with reversion.create_revision():
        correction = Correction.objects.create(
            article=article,
            kind=kind,
            text_ar=text_ar.strip(),
            text_en=text_en.strip() or None,
            created_by=by,
        )
        reversion.set_user(by)
        reversion.set_comment(str(Action.CORRECTION_ADD.label))
    _log(article, by, Action.CORRECTION_ADD, correction.text_ar)
    return correction


@transaction.atomic
def correction_withdraw(*, correction: Correction, by: AbstractBaseUser, note: str) -> Correction:
    """Withdraw a published note, saying why; readers still see that it was withdrawn."""
    if not can_withdraw(by):
        raise PermissionDenied(_("Only the editor-in-chief may withdraw a correction."))
    correction = Correction.objects.select_for_update().get(pk=correction.pk)
    if correction.withdrawn_at is not None:
        raise ValidationError(_("This note is already withdrawn."), code="withdrawn")
    if not note.strip():
        raise ValidationError(_("Write a note saying why."), code="note_required")
    with reversion.create_revision():
        correction.withdrawn_at = timezone.now()
        correction.withdrawal_note_ar = note.strip()
        correction.save()
        reversion.set_user(by)
        reversion.set_comment(str(Action.CORRECTION_WITHDRAW.label))
    _log(correction.article, by, Action.CORRECTION_WITHDRAW, note.strip())
    return correction


def _log(article: Article, by: AbstractBaseUser, action: str, note: str) -> None:
    EditorialLogEntry.objects.record_action(
        article=article, actor=by, action=action, note=Truncator(note).chars(300)
    )
