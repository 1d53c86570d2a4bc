"""Editorial actions on live coverage, each checked, saved, versioned and logged at once.

As for the article workflow (``articles.services``): every action checks the
user's permission on the server, validates, saves in one transaction and
writes the article's editorial log; the admin's buttons only call these.
"""

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, EditorialLogEntry
from liveblog.models import LiveBlog, LiveUpdate
from liveblog.permissions import (
    can_change_update,
    can_post,
    can_run_coverage,
    can_send_to_ticker,
)
from newsroom.models import StaffMember
from newsroom.sanitize import plain_text
from ticker.models import TickerItem

Action = EditorialLogEntry.Action
# Fields an update's editor may change, in every language.
TEXT_FIELDS = [
    build_localized_fieldname(name, code)
    for name in ("headline", "body")
    for code in AVAILABLE_LANGUAGES
]


@transaction.atomic
def live_start(*, article: Article, by: AbstractBaseUser) -> LiveBlog:
    """Open live coverage on ``article`` (once; reopen it after it ended)."""
    _require(can_run_coverage(by))
    if LiveBlog.objects.filter(article=article).exists():
        raise ValidationError(_("This article already has live coverage."), code="exists")
    live_blog = LiveBlog.objects.create(article=article)
    _set_live_now(article, True)
    _log(article, by, Action.LIVE_START)
    return live_blog


def live_end(*, live_blog: LiveBlog, by: AbstractBaseUser) -> LiveBlog:
    """Close the coverage: the badge goes; the updates stay."""
    return _change_state(live_blog, by, LiveBlog.State.ENDED, Action.LIVE_END)


def live_reopen(*, live_blog: LiveBlog, by: AbstractBaseUser) -> LiveBlog:
    """Open ended coverage again, when the story comes back."""
    return _change_state(live_blog, by, LiveBlog.State.LIVE, Action.LIVE_REOPEN)


ALREADY = {
    LiveBlog.State.ENDED: _("The coverage has already ended."),
    LiveBlog.State.LIVE: _("The coverage is already live."),
}


@transaction.atomic
def _change_state(live_blog: LiveBlog, by: AbstractBaseUser, state: str, action: str) -> LiveBlog:
    _require(can_run_coverage(by))
    live_blog = LiveBlog.objects.select_for_update().get(pk=live_blog.pk)
    if live_blog.state == state:
        raise ValidationError(ALREADY[state], code=state)
    live_blog.state = state
    live_blog.ended_at = timezone.now() if state == LiveBlog.State.ENDED else None
    live_blog.save()
    _set_live_now(live_blog.article, state == LiveBlog.State.LIVE)
    _log(live_blog.article, by, action)
    return live_blog


def plain_text_to_body(text: str) -> str:
    """A typed update (lines and blank lines) as paragraphs, as the rich-text editor makes."""
    return linebreaks(text.strip(), autoescape=True) if text.strip() else ""


@transaction.atomic
def update_post(
    *,
    live_blog: LiveBlog,
    by: AbstractBaseUser,
    authors: list[StaffMember] | None = None,
    **fields,
) -> LiveUpdate:
    """Post a new update now. ``fields``: headline/body per language, image, is_key_event."""
    _require(can_post(by))
    live_blog = LiveBlog.objects.select_for_update().get(pk=live_blog.pk)
    if live_blog.state != LiveBlog.State.LIVE:
        raise ValidationError(_("The coverage has ended: reopen it to post."), code="ended")
    now = timezone.now()
    update = LiveUpdate(live_blog=live_blog, created_by=by, posted_at=now, changed_at=now)
    for name, value in fields.items():
        setattr(update, name, value)
    _check_text(update)
    with reversion.create_revision():
        update.save()
        update.authors.set(authors if authors is not None else _authors_of(by))
        reversion.set_user(by)
        reversion.set_comment(str(Action.LIVE_POST.label))
    _log(live_blog.article, by, Action.LIVE_POST, update)
    return update


@transaction.atomic
def update_edit(*, update: LiveUpdate, by: AbstractBaseUser, **fields) -> LiveUpdate:
    """Save changes to an update; readers following the page see it change in place."""
    _require(can_change_update(by, update) and update.deleted_at is None)
    for name, value in fields.items():
        setattr(update, name, value)
    _check_text(update)
    update.changed_at = timezone.now()
    with reversion.create_revision():
        update.save()
        reversion.set_user(by)
        reversion.set_comment(str(Action.LIVE_EDIT.label))
    _log(update.live_blog.article, by, Action.LIVE_EDIT, update)
    return update


@transaction.atomic
def update_delete(*, update: LiveUpdate, by: AbstractBaseUser) -> LiveUpdate:
    """Take an update off the page. Its revisions keep the text; the row tells followers."""
    _require(can_change_update(by, update))
    if update.deleted_at is not None:
        return update
    excerpt = _excerpt(update)
    update.deleted_at = update.changed_at = timezone.now()
    update.is_pinned = update.is_key_event = False
    for name in TEXT_FIELDS:
        setattr(update, name, "")
    update.save()
    _log(update.live_blog.article, by, Action.LIVE_DELETE, note=excerpt)
    return update


@transaction.atomic
def update_pin(*, update: LiveUpdate, by: AbstractBaseUser, pinned: bool = True) -> LiveUpdate:
    """Keep one update on top of the coverage (pinning another unpins the first)."""
    _require(can_run_coverage(by) and update.deleted_at is None)
    now = timezone.now()
    if pinned:
        for other in update.live_blog.updates.filter(is_pinned=True).exclude(pk=update.pk):
            other.is_pinned, other.changed_at = False, now
            other.save(update_fields=["is_pinned", "changed_at"])
    update.is_pinned, update.changed_at = pinned, now
    update.save(update_fields=["is_pinned", "changed_at"])
    _log(update.live_blog.article, by, Action.LIVE_PIN if pinned else Action.LIVE_UNPIN, update)
    return update


@transaction.atomic
def update_mark_key_event(
    *, update: LiveUpdate, by: AbstractBaseUser, key_event: bool = True
) -> LiveUpdate:
    """List an update among the coverage's key events («أبرز الأحداث»), or take it off."""
    _require(can_change_update(by, update) and update.deleted_at is None)
    update.is_key_event, update.changed_at = key_event, timezone.now()
    update.save(update_fields=["is_key_event", "changed_at"])
    action = Action.LIVE_KEY_EVENT if key_event else Action.LIVE_NOT_KEY_EVENT
    _log(update.live_blog.article, by, action, update)
    return update


@transaction.atomic
def update_to_ticker(*, update: LiveUpdate, by: AbstractBaseUser) -> TickerItem:
    """Put the update's headline in the ticker as a breaking item that opens it."""
    _require(can_send_to_ticker(by) and update.deleted_at is None)
    text = {
        build_localized_fieldname("text", code): _excerpt(update, code)
        for code in AVAILABLE_LANGUAGES
    }
    item = TickerItem.objects.create(
        article=update.live_blog.article, live_update=update, is_breaking=True, **text
    )
    _log(update.live_blog.article, by, Action.LIVE_TICKER, update)
    return item


def _set_live_now(article: Article, live: bool) -> None:
    # Saved through the model, so the page cache purges the article's cards and pages.
    article.live_now = live
    article.save(update_fields=["live_now"])


def _check_text(update: LiveUpdate) -> None:
    has_text = any(
        plain_text(getattr(update, build_localized_fieldname("body", code)) or "")
        for code in AVAILABLE_LANGUAGES
    )
    if not has_text and update.image_id is None:
        raise ValidationError(_("Write the update, or choose an image."), code="empty")


def _authors_of(user: AbstractBaseUser) -> list[StaffMember]:
    return list(StaffMember.objects.filter(user=user))


def _excerpt(update: LiveUpdate, language: str = "ar") -> str:
    headline = getattr(update, build_localized_fieldname("headline", language)) or ""
    body = plain_text(getattr(update, build_localized_fieldname("body", language)) or "")
    return Truncator(headline or body).chars(120)


def _log(
    article: Article,
    by: AbstractBaseUser,
    action: str,
    update: LiveUpdate | None = None,
    *,
    note: str = "",
) -> None:
    note = note or (_excerpt(update) if update is not None else "")
    EditorialLogEntry.objects.record_action(article=article, actor=by, action=action, note=note)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not do this to this live coverage."))
