"""What an import brought from WordPress, by its WordPress identity: a second run
updates these rows instead of making new ones, and old addresses find them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Image, Section, Tag
from newsroom.models import StaffMember


class ImportedPost(models.Model):
    """A WordPress post and the article it became."""

    wordpress_id = models.PositiveBigIntegerField(_("WordPress post id"), unique=True)
    article = models.OneToOneField(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="imported_from"
    )
    # Its old address was /YYYY/MM/DD/<slug>/ (or /<slug>/ under other permalink rules).
    wordpress_slug = models.CharField(_("WordPress slug"), max_length=200, db_index=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("imported post")
        verbose_name_plural = _("imported posts")

    def __str__(self) -> str:
        return f"{self.wordpress_id} → {self.article}"


class ImportedImage(models.Model):
    """An upload of the old site, by its address there, and the library image it became."""

    url = models.CharField(_("address on the old site"), max_length=1000, unique=True)
    wordpress_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("imported image")
        verbose_name_plural = _("imported images")

    def __str__(self) -> str:
        return self.url


class ImportedTerm(models.Model):
    """A WordPress category (now a section) or tag, by its WordPress slug."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("category")
        TAG = "post_tag", _("tag")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    wordpress_slug = models.CharField(max_length=200)
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("imported category or tag")
        verbose_name_plural = _("imported categories and tags")
        constraints = [
            models.UniqueConstraint(fields=["kind", "wordpress_slug"], name="imported_term_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.wordpress_slug}"


class ImportedAuthor(models.Model):
    """A WordPress author, by login, and the staff member who bylines their posts."""

    login = models.CharField(max_length=200, unique=True)
    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("imported author")
        verbose_name_plural = _("imported authors")

    def __str__(self) -> str:
        return self.login
