"""Live coverage of an event: a live blog on an article, and its short updates."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Image
from newsroom import dates
from newsroom.addresses import address
from newsroom.models import StaffMember
from newsroom.sanitize import sanitize_translations


class LiveBlog(models.Model):
    """An article's live coverage: open while the event lasts, then ended (and reopenable)."""

    class State(models.TextChoices):
        LIVE = "live", _("live")
        ENDED = "ended", _("ended")

    article = models.OneToOneField(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="live_blog"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.LIVE)
    started_at = models.DateTimeField(
        _("started at"), default=timezone.now, validators=[dates.validate_in_range]
    )
    ended_at = models.DateTimeField(
        _("ended at"), null=True, blank=True, validators=[dates.validate_in_range]
    )

    class Meta:
        verbose_name = _("live blog")
        verbose_name_plural = _("live blogs")
        constraints = [
            models.CheckConstraint(
                condition=Q(state="live", ended_at__isnull=True)
                | Q(state="ended", ended_at__isnull=False),
                name="live_blog_ended_when_it_has_an_end",
            ),
            models.CheckConstraint(
                condition=dates.in_range("started_at"), name="live_blog_started_at_in_range"
            ),
            models.CheckConstraint(
                condition=dates.in_range("ended_at", null=True),
                name="live_blog_ended_at_in_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.article)


class LiveUpdateQuerySet(models.QuerySet):
    def shown(self) -> "LiveUpdateQuerySet":
        """Updates readers see now: posted, not deleted; pinned first, then newest first."""
        return self.filter(deleted_at__isnull=True, posted_at__lte=timezone.now()).order_by(
            "-is_pinned", "-posted_at", "-pk"
        )

    def changed_since(self, moment) -> "LiveUpdateQuerySet":
        """Updates posted, edited or deleted at or after ``moment`` (deleted ones included)."""
        return self.filter(changed_at__gte=moment, posted_at__lte=timezone.now()).order_by(
            "changed_at", "pk"
        )


class LiveUpdate(models.Model):
    """One update of a live blog: a short text, maybe a headline and an image.

    A deleted update keeps its row (``deleted_at``) so that readers following the
    page learn that it went; its text is emptied.
    """

    live_blog = models.ForeignKey(
        LiveBlog, verbose_name=_("live blog"), on_delete=models.CASCADE, related_name="updates"
    )
    headline = models.CharField(_("headline"), max_length=160, blank=True)
    body = models.TextField(_("text"), blank=True)
    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    authors = models.ManyToManyField(
        StaffMember, verbose_name=_("authors"), blank=True, related_name="live_updates"
    )
    posted_at = models.DateTimeField(
        _("posted at"), default=timezone.now, validators=[dates.validate_in_range]
    )
    # When readers following the page must hear of it: posted, edited or deleted.
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    is_key_event = models.BooleanField(_("key event"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("posted by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip

    objects = LiveUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        ordering = ["-posted_at", "-pk"]
        permissions = [("change_any_liveupdate", _("Can change and delete anyone's live updates"))]
        indexes = [
            models.Index(fields=["live_blog", "posted_at"], name="live_update_time"),
            models.Index(fields=["live_blog", "changed_at"], name="live_update_changes"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=dates.in_range("posted_at"), name="live_update_posted_at_in_range"
            ),
            models.UniqueConstraint(
                fields=["live_blog"],
                condition=Q(is_pinned=True, deleted_at__isnull=True),
                name="one_pinned_update_per_live_blog",
            ),
        ]

    def __str__(self) -> str:
        return self.headline or f"{self.live_blog} · {self.posted_at:%H:%M}"

    def save(self, *args, **kwargs) -> None:
        sanitize_translations(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The shareable address that opens the live page at this update."""
        return address("liveblog:update", self.pk)

    @property
    def version(self) -> int:
        """``changed_at`` in whole microseconds since 1970: the page and the changes it
        polls compare it exactly (a float would differ in its last digits)."""
        seconds = int(self.changed_at.timestamp())
        return seconds * 1_000_000 + self.changed_at.microsecond

    @property
    def anchor(self) -> str:
        return f"update-{self.pk}"
