"""The breaking-news ticker shown on every page."""

from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom import dates
from newsroom.addresses import address


class TickerItemQuerySet(models.QuerySet):
    def live(self) -> "TickerItemQuerySet":
        """Items the strip shows now: inside their time window, in editorial order."""
        now = timezone.now()
        return (
            self.filter(starts_at__lte=now)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .select_related("article")
            .order_by("order", "-starts_at", "pk")
        )

    def next_change(self):
        """The next moment an item's window opens or closes (None if none is ahead)."""
        now = timezone.now()
        moments = self.aggregate(
            start=Min("starts_at", filter=Q(starts_at__gt=now)),
            end=Min("ends_at", filter=Q(ends_at__gt=now)),
        )
        return min((moment for moment in moments.values() if moment), default=None)


class TickerItem(models.Model):
    """One short headline in the ticker, linking to a story or an address."""

    text = models.CharField(
        _("headline"),
        max_length=200,
        help_text=_("A short sentence; readers see it moving in the strip at the top of pages."),
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ticker_items",
        help_text=_("The story the headline links to, once that story is published."),
    )
    url = models.URLField(_("address"), blank=True, help_text=_("Used when no article is chosen."))
    live_update = models.ForeignKey(
        "liveblog.LiveUpdate",
        verbose_name=_("live update"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text=_("Set when sent from live coverage: the headline opens that update."),
    )
    is_breaking = models.BooleanField(
        _("breaking"), default=False, help_text=_("Breaking items are highlighted in red.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in the strip.")
    )
    starts_at = models.DateTimeField(
        _("shown from"), default=timezone.now, validators=[dates.validate_in_range]
    )
    ends_at = models.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        validators=[dates.validate_in_range],
        help_text=_("Leave empty to keep it showing."),
    )

    objects = TickerItemQuerySet.as_manager()

    class Meta:
        ordering = ["order", "-starts_at", "pk"]
        verbose_name = _("ticker item")
        verbose_name_plural = _("ticker items")
        indexes = [models.Index(fields=["starts_at", "ends_at"], name="ticker_window")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="ticker_item_ends_after_start",
            ),
            models.CheckConstraint(
                condition=dates.in_range("starts_at"), name="ticker_item_starts_at_in_range"
            ),
            models.CheckConstraint(
                condition=dates.in_range("ends_at", null=True), name="ticker_item_ends_at_in_range"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_live(self) -> bool:
        """Whether the strip shows this item now (the same rule as ``live()``)."""
        now = timezone.now()
        return self.starts_at <= now and (self.ends_at is None or self.ends_at > now)

    @property
    def link(self) -> str:
        """Where the headline leads: the article (at its live update, when sent from one)
        once readers may see it, else the address."""
        if self.article is not None and self.article.is_published:
            if self.live_update_id is not None:
                return address("liveblog:update", self.live_update_id)
            return self.article.get_absolute_url()
        return self.url
