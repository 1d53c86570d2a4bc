"""Publication-level models: the publication itself and its staff (masthead and bylines)."""

from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from newsroom import dates
from newsroom.addresses import address
from newsroom.sanitize import sanitize_translations
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
    def on_masthead(self, day: date | None = None) -> "StaffMemberQuerySet":
        """Staff members holding a masthead role on ``day`` (today), in masthead order."""
        terms = MastheadTerm.objects.on(day or timezone.localdate())
        return self.filter(pk__in=terms.values("staff_member")).order_by("masthead_order", "name")


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
        # masthead_role is the role held today, kept from the masthead terms; setting
        # it is a hand-over from today (code and scripts written before terms existed
        # set it, and the staff form still offers it).
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "masthead_role" not in update_fields:
            save_with_unique_slug(self, "name", partial(super().save, *args, **kwargs))
            return
        with transaction.atomic():
            stored = StaffMember.objects.filter(pk=self.pk).values_list("masthead_role", flat=True)
            stored = next(iter(stored), "") if self.pk else ""
            save_with_unique_slug(self, "name", partial(super().save, *args, **kwargs))
            if self.masthead_role != stored:
                give_masthead_role(self, self.masthead_role, timezone.localdate())

    def get_absolute_url(self) -> str:
        return address("articles:author", self.slug)


# The masthead roles a term can hold, and those that one person holds at a time (a
# newsroom may have several managing editors).
MASTHEAD_ROLES = [(value, label) for value, label in StaffMember.MastheadRole.choices if value]
SINGLE_HOLDER_ROLES = (
    StaffMember.MastheadRole.CHAIRMAN,
    StaffMember.MastheadRole.EDITOR_IN_CHIEF,
)


class MastheadTermQuerySet(models.QuerySet):
    def on(self, day: date) -> "MastheadTermQuerySet":
        """Terms held on ``day`` (both ends count)."""
        return self.filter(starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )

    def overlapping(self, starts_on: date, ends_on: date | None) -> "MastheadTermQuerySet":
        """Terms sharing at least one day with the span ``starts_on``–``ends_on``."""
        terms = self.filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=starts_on))
        return terms if ends_on is None else terms.filter(starts_on__lte=ends_on)


class MastheadTerm(models.Model):
    """A staff member's time in one masthead role. The masthead line shows the terms
    held today; the masthead page shows them all, and who held each role on any day."""

    staff_member = models.ForeignKey(
        StaffMember,
        verbose_name=_("staff member"),
        # The history outlives a departure: a person with terms is not deleted.
        on_delete=models.PROTECT,
        related_name="masthead_terms",
    )
    role = models.CharField(_("role"), max_length=30, choices=MASTHEAD_ROLES)
    starts_on = models.DateField(
        _("from"), validators=[dates.validate_in_range], help_text=_("The first day in the role.")
    )
    ends_on = models.DateField(
        _("until"),
        null=True,
        blank=True,
        validators=[dates.validate_in_range],
        help_text=_("The last day in the role; leave empty while it is held."),
    )

    objects = MastheadTermQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "role"]
        verbose_name = _("masthead term")
        verbose_name_plural = _("masthead terms")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="masthead_term_ends_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    starts_on__gte=dates.EARLIEST.date(), starts_on__lt=dates.LATEST.date()
                )
                & (models.Q(ends_on__isnull=True) | models.Q(ends_on__lt=dates.LATEST.date())),
                name="masthead_term_in_range",
            ),
            # Overlaps are refused by clean(); this keeps out the likeliest race, two
            # people saved as the current holder of a single-holder role at once.
            models.UniqueConstraint(
                fields=["role"],
                condition=models.Q(ends_on__isnull=True, role__in=SINGLE_HOLDER_ROLES),
                name="masthead_one_current_holder",
                violation_error_message=_("This role already has a current holder."),
            ),
        ]
        indexes = [models.Index(fields=["role", "starts_on"], name="masthead_term_role")]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.staff_member}"

    def save(self, *args, **kwargs) -> None:
        # StaffMember.masthead_role is the role held today: of the person before and after.
        with transaction.atomic():
            before = (
                MastheadTerm.objects.filter(pk=self.pk).values_list("staff_member", flat=True)
                if self.pk
                else []
            )
            super().save(*args, **kwargs)
            sync_masthead_roles({self.staff_member_id, *before}, timezone.localdate())
        self.refresh_staff_member_role()

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            deleted = super().delete(*args, **kwargs)
            sync_masthead_roles({self.staff_member_id}, timezone.localdate())
        self.refresh_staff_member_role()
        return deleted

    def refresh_staff_member_role(self) -> None:
        """Give the staff member this term holds in memory the role just stored, so that
        saving it next does not hand the role back."""
        if MastheadTerm.staff_member.is_cached(self):
            self.staff_member.refresh_from_db(fields=["masthead_role"])

    def clean(self) -> None:
        if not self.role or self.starts_on is None:
            return  # the fields' own errors say what is missing
        if self.ends_on is not None and self.ends_on < self.starts_on:
            return  # the constraint's error says so
        others = MastheadTerm.objects.filter(role=self.role).exclude(pk=self.pk)
        if self.role not in SINGLE_HOLDER_ROLES:
            if self.staff_member_id is None:
                return
            others = others.filter(staff_member_id=self.staff_member_id)
        overlapping = others.overlapping(self.starts_on, self.ends_on)
        if other := overlapping.select_related("staff_member").first():
            raise ValidationError(other.overlap_message(), code="overlap")

    def overlap_message(self) -> str:
        """Why another term of its role cannot share a day with this one."""
        language = get_language()
        params = {
            "name": self.staff_member.name,
            "role": self.get_role_display(),
            "start": dates.show(self.starts_on, "date", language),
            "end": dates.show(self.ends_on, "date", language) if self.ends_on else "",
        }
        if self.role not in SINGLE_HOLDER_ROLES:
            message = _("This person is already %(role)s on some of these days.")
        elif self.ends_on is None:
            message = _(
                "%(name)s is %(role)s since %(start)s, and one person holds this role at a "
                "time: end that term first, or choose other dates."
            )
        else:
            message = _(
                "%(name)s was %(role)s from %(start)s to %(end)s, and one person holds this "
                "role at a time: choose other dates."
            )
        return message % params

    def end_before(self, day: date) -> None:
        """End the term the day before ``day``; one that started on ``day`` or later goes."""
        if self.starts_on >= day:
            self.delete()
        else:
            self.ends_on = day - timedelta(days=1)
            self.save()

    def held_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class PolicyPage(models.Model):
    """A page of the publication's standards (corrections, ethics, ownership and
    funding, how to reach the newsroom) or about itself, linked from every page's
    footer. A page with a kind is named in the publication's structured data."""

    class Kind(models.TextChoices):
        OTHER = "", _("other page")
        CORRECTIONS = "corrections", _("Corrections policy")
        ETHICS = "ethics", _("Ethics policy")
        OWNERSHIP = "ownership", _("Ownership and funding")
        FEEDBACK = "feedback", _("Contact and feedback")
        MISSION = "mission", _("Mission and coverage priorities")
        VERIFICATION = "verification", _("Verification and fact-checking")
        UNNAMED_SOURCES = "unnamed_sources", _("Unnamed sources")
        DIVERSITY = "diversity", _("Diversity policy")

    title = models.CharField(_("title"), max_length=200)
    slug = unicode_slug_field(
        max_length=200,
        help_text=_("The page's address, /about/<slug>/; filled from the title when left empty."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=Kind.choices,
        blank=True,
        help_text=_(
            "A policy of a kind is offered to search engines as the publication's policy; "
            "each kind has one page."
        ),
    )
    body = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in the footer.")
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("policy page")
        verbose_name_plural = _("policy pages")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=~models.Q(kind=""),
                name="policy_page_one_per_kind",
                violation_error_message=_("Another page is already this policy."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        sanitize_translations(self)
        save_with_unique_slug(self, "title", partial(super().save, *args, **kwargs))

    def get_absolute_url(self) -> str:
        return address("newsroom:policy", self.slug)


def role_held(terms: list[MastheadTerm], day: date) -> str:
    """The role a person's ``terms`` give them on ``day``: the first in masthead order."""
    held = {term.role for term in terms if term.held_on(day)}
    return next((role for role, _label in MASTHEAD_ROLES if role in held), "")


def sync_masthead_roles(member_ids, day: date) -> None:
    """Bring ``StaffMember.masthead_role`` of these people in line with their terms on ``day``.

    An ``update()``: the field follows the terms, and saving the person would hand
    the role over again.
    """
    terms_of: dict[int, list[MastheadTerm]] = {pk: [] for pk in member_ids}
    for term in MastheadTerm.objects.filter(staff_member__in=terms_of).on(day):
        terms_of[term.staff_member_id].append(term)
    for pk, terms in terms_of.items():
        StaffMember.objects.filter(pk=pk).exclude(masthead_role=role_held(terms, day)).update(
            masthead_role=role_held(terms, day)
        )


def give_masthead_role(member: StaffMember, role: str, day: date) -> None:
    """``member`` holds ``role`` (or none) from ``day``: their other terms end the day
    before, as does the previous holder's of a single-holder role. A term that would
    end before it began (it started today) is removed instead.

    A single-holder role already promised to someone from a later day is held until
    the day before that.
    """
    held_from_today = MastheadTerm.objects.on(day).select_for_update()
    ending = held_from_today.filter(staff_member=member).exclude(role=role)
    if role in SINGLE_HOLDER_ROLES:
        ending = ending | held_from_today.filter(role=role).exclude(staff_member=member)
    for term in ending:
        term.end_before(day)
    if not role or MastheadTerm.objects.on(day).filter(staff_member=member, role=role).exists():
        return
    ends_on = None
    if role in SINGLE_HOLDER_ROLES:
        later = MastheadTerm.objects.filter(role=role, starts_on__gt=day).order_by("starts_on")
        if following := later.first():
            ends_on = following.starts_on - timedelta(days=1)
    MastheadTerm.objects.create(staff_member=member, role=role, starts_on=day, ends_on=ends_on)
