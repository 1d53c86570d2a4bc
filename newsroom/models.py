"""Publication-level models: the publication itself and its staff (masthead and bylines)."""

from functools import partial

from django.conf import settings
from django.core.files.images import get_image_dimensions
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from newsroom.addresses import address
from newsroom.slugs import save_with_unique_slug, unicode_slug_field


def logo_size(logo) -> tuple[int | None, int | None]:
    """The logo's width and height in pixels, or (None, None) if there is none or it
    cannot be read (a missing file must not stop the publication from being saved)."""
    if not logo:
        return None, None
    try:
        return get_image_dimensions(logo)
    except Exception:  # any storage or image error: the size is simply unknown
        return None, None


class Publication(models.Model):
    """The publication: one row holding its name, tagline and logo."""

    SINGLETON_ID = 1

    name = models.CharField(
        _("name"), max_length=200, help_text=_("Shown in the masthead and the browser title.")
    )
    tagline = models.CharField(
        _("tagline"), max_length=300, blank=True, help_text=_("A short line under the name.")
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="publication/",
        blank=True,
        help_text=_("Shown beside the name in the masthead. A square image works best."),
    )
    # Measured when the publication is saved, so pages can give search engines the
    # size without opening the file. (ImageField's width_field would re-read the file
    # on every load while the size is unknown, and fail every page if it went missing.)
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publication")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="publication_single_row"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLETON_ID
        self.logo_width, self.logo_height = logo_size(self.logo)
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "Publication":
        """Return the publication, creating it with a placeholder name when missing."""
        # The placeholder goes into the original-language field whatever language is active.
        publication, _created = cls.objects.get_or_create(
            pk=cls.SINGLETON_ID,
            defaults={build_localized_fieldname("name", DEFAULT_LANGUAGE): "Newsroom"},
        )
        return publication


class StaffMemberQuerySet(models.QuerySet):
    def on_masthead(self) -> "StaffMemberQuerySet":
        """Staff members named in the masthead line, in masthead order."""
        return self.exclude(masthead_role="").order_by("masthead_order", "name")


class StaffMember(models.Model):
    """A person of the publication: named in the masthead, credited in bylines."""

    class MastheadRole(models.TextChoices):
        NONE = "", _("not on the masthead")
        CHAIRMAN = "chairman", _("Chairman of the board")
        EDITOR_IN_CHIEF = "editor_in_chief", _("Editor-in-chief")
        MANAGING_EDITOR = "managing_editor", _("Managing editor")

    name = models.CharField(_("name"), max_length=150)
    slug = unicode_slug_field(
        max_length=160,
        help_text=_("Part of the author page address; filled from the name when left empty."),
    )
    job_title = models.CharField(
        _("job title"),
        max_length=150,
        blank=True,
        help_text=_("Shown under the name on the author page, e.g. “Economy correspondent”."),
    )
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="staff/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_member",
        help_text=_("The admin account of this person, if they have one."),
    )
    masthead_role = models.CharField(
        _("masthead role"),
        max_length=30,
        choices=MastheadRole.choices,
        blank=True,
        default=MastheadRole.NONE,
        help_text=_("Staff with a role are named in the masthead line on every page."),
    )
    masthead_order = models.PositiveSmallIntegerField(
        _("masthead order"), default=0, help_text=_("Lower numbers come first in the masthead.")
    )

    objects = StaffMemberQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        save_with_unique_slug(self, "name", partial(super().save, *args, **kwargs))

    def get_absolute_url(self) -> str:
        return address("articles:author", self.slug)
