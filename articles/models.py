"""Sections, the image library and articles."""

from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from articles.image_files import stored_name
from articles.imaging import CROP_RATIOS, ImageCopy, ratio_name
from articles.querysets import ArticleQuerySet
from articles.tags import ArticleTags, give_every_tag_an_address
from newsroom import dates
from newsroom.addresses import address
from newsroom.arabic import normalize, words
from newsroom.sanitize import sanitize_translations
from newsroom.slugs import save_with_unique_slug, unicode_slug_field

# Fields the search entries are built from: the translated text, and the workflow
# fields that decide whether search may show the article. Saving any rebuilds them.
SEARCHED_FIELDS = {
    build_localized_fieldname(field, code)
    for field in ("title", "summary", "body")
    for code in AVAILABLE_LANGUAGES
} | {"title", "summary", "body", "status", "published_at"}

# The headline in each language: an article can be read in a language with one.
HEADLINE_FIELDS = {code: build_localized_fieldname("title", code) for code in AVAILABLE_LANGUAGES}

# Longer "words" (run-together text, long numbers) are searched but not remembered.
MAX_TERM_LENGTH = 60

# Saves within this time of publication (typo fixes) do not count as an update.
UPDATE_GRACE = timedelta(minutes=10)


def readable_languages(article) -> list[str]:
    """The languages an article can be read in: the original, and each translation with
    a headline (the same rule as ``Article.objects.available_in``).

    ``article`` is an ``Article``, or a row of its values with the headline fields.
    """
    return [
        code
        for code, headline in HEADLINE_FIELDS.items()
        if code == DEFAULT_LANGUAGE or getattr(article, headline)
    ]


class Section(models.Model):
    """A section of the publication (politics, economy, …): the main navigation."""

    name = models.CharField(_("name"), max_length=100)
    slug = unicode_slug_field(
        max_length=120,
        help_text=_("Part of the section page address; filled from the name when left empty."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown at the top of the section page.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in the navigation bar.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        save_with_unique_slug(self, "name", partial(super().save, *args, **kwargs))

    def get_absolute_url(self) -> str:
        return address("articles:section", self.slug)


class Image(models.Model):
    """An image in the library, used as a lead image or a figure in a body."""

    file = models.ImageField(
        _("file"), upload_to=stored_name, width_field="width", height_field="height"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    caption = models.CharField(
        _("caption"), max_length=500, blank=True, help_text=_("Shown under the image.")
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Photographer or agency, shown beside the caption."),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    focal_x = models.FloatField(
        _("focal point across"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_(
            "Where the subject is, from the picture's left edge (0) to its right edge (1); "
            "0.5 is the middle. The crops search engines and social networks show keep it "
            "in view."
        ),
    )
    focal_y = models.FloatField(
        _("focal point down"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_(
            "Where the subject is, from the picture's top (0) to its bottom (1); 0.5 is the middle."
        ),
    )
    # {"jpeg": {"480": "images/renditions/<random>/480.jpg", …}, "webp": {…}}: made on upload.
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)
    # {"16x9": {"name": "images/renditions/<random>/16x9-500-500.jpg", "width": 1200,
    # "height": 675, "focal": [0.5, 0.5]}, "4x3": …, "1x1": …}: made on upload and
    # whenever the focal point moves; "focal" is where it was when the crop was cut.
    crops = models.JSONField(_("crops"), default=dict, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_in_picture",
                violation_error_message=_("The focal point must lie in the picture (0 to 1)."),
            ),
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text or self.file.name

    @cached_property
    def jpeg_srcset(self) -> str:
        """Resized JPEG copies for ``srcset``, the original as the widest candidate."""
        return self._srcset("jpeg")

    @cached_property
    def webp_srcset(self) -> str:
        """Resized WebP copies for ``srcset``, up to one as wide as the original."""
        return self._srcset("webp")

    @cached_property
    def crop_copies(self) -> dict[tuple[int, int], ImageCopy]:
        """The crops around the focal point by ratio, in the order of ``CROP_RATIOS``
        (16:9 first); a ratio the original is too small for, or not yet cut, is missing."""
        storage = self.file.storage
        return {
            ratio: ImageCopy(storage, crop["name"], crop["width"], crop["height"])
            for ratio in CROP_RATIOS
            if (crop := self.crops.get(ratio_name(ratio)))
        }

    @cached_property
    def shared_copy(self) -> ImageCopy:
        """The copy given to feeds, search engines and social networks.

        The 16:9 crop (1,200 pixels wide when the original allows, what they ask
        for). Before it is made: the widest JPEG rendition, else the original.
        """
        if wide := self.crops.get(ratio_name(CROP_RATIOS[0])):
            return ImageCopy(self.file.storage, wide["name"], wide["width"], wide["height"])
        jpegs = self.renditions.get("jpeg", {})
        if not jpegs:
            return ImageCopy(self.file.storage, self.file.name, self.width, self.height)
        width = max(int(w) for w in jpegs)
        height = max(1, round(self.height * width / self.width))
        return ImageCopy(self.file.storage, jpegs[str(width)], width, height)

    def _srcset(self, kind: str) -> str:
        storage = self.file.storage
        candidates = [
            (int(width), storage.url(name)) for width, name in self.renditions.get(kind, {}).items()
        ]
        if kind == "jpeg" and self.renditions:
            # No JPEG copy is made at the original's width (re-encoding only loses
            # detail): the original ends the set, at the width the WebP set ends too.
            candidates.append((self.width, self.file.url))
        return ", ".join(f"{url} {width}w" for width, url in sorted(candidates))


class Tag(TagBase):
    """A topic articles share: its page lists them, and each article links to it.

    The Arabic name is the tag: what editors type, what it is matched by and what its
    address is made from. The English name (modeltranslation) only changes what
    English pages, feeds and the API call it; the address stays.
    """

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def save(self, *args, **kwargs) -> None:
        # modeltranslation stores in the ``name`` column the name in the active
        # language; taggit finds tags by that column, so it holds the Arabic name
        # even when the tag is saved from the admin in English.
        with override(DEFAULT_LANGUAGE):
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return address("articles:tag", self.slug)

    def slugify(self, tag: str, i: int | None = None) -> str:
        """taggit's slug of a new tag's name, or one any URL can carry (articles.tags)."""
        return give_every_tag_an_address(tag, super().slugify(tag, i))


class TaggedArticle(TaggedItemBase):
    """Tag assignment with a real foreign key to the article (faster joins than generic)."""

    tag = models.ForeignKey(
        Tag,
        verbose_name=_("tag"),
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
    )
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        # A tag's page, feed and related articles, and the tags sitemap, read the
        # articles of one tag from this index alone.
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_article_by_tag")]


class Article(models.Model):
    """A news article. Readers see it only through ``Article.objects.published()``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("headline"), max_length=300)
    slug = unicode_slug_field(
        max_length=160,
        help_text=_(
            "Readable part of the address, filled from the headline. Changing it later "
            "does not break old links: they redirect to the new address."
        ),
    )
    kicker = models.CharField(
        pgettext_lazy("label above a headline", "kicker"),
        max_length=150,
        blank=True,
        help_text=_(
            "The dossier or story label shown above the headline. "
            "When empty, the section name is shown."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences under the headline and on article cards."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("Paragraphs and subheadings. Unsafe markup is removed when saving."),
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    # Migration 0011 indexes the links by staff member, for author pages and feeds:
    # Django's own indexes of the links serve looking them up by article.
    authors = models.ManyToManyField(
        "newsroom.StaffMember", verbose_name=_("authors"), blank=True, related_name="articles"
    )
    tags = TaggableManager(
        verbose_name=_("tags"),
        through=TaggedArticle,
        manager=ArticleTags,
        blank=True,
        help_text=_(
            "Topics, separated by «،» or «,»; readers find related articles through "
            "shared tags. A tag of several words typed alone goes in double quotes: "
            '"الشرق الأوسط".'
        ),
    )
    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lead_of",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        validators=[dates.validate_in_range],
        help_text=_(
            "When readers first see a published article. A future time schedules it; "
            "left empty, publishing sets it to now."
        ),
    )
    lead_until = models.DateTimeField(
        _("lead story until"),
        null=True,
        blank=True,
        validators=[dates.validate_in_range],
        help_text=_(
            "Shows the article as the home page's lead story until this time. "
            "Otherwise the newest article leads."
        ),
    )
    featured_until = models.DateTimeField(
        _("featured until"),
        null=True,
        blank=True,
        validators=[dates.validate_in_range],
        help_text=_("Pins the article to the top of the home page until this time."),
    )
    # Kept by liveblog.services while the article's live coverage goes on: lists,
    # cards and the ticker show the «مباشر» badge from it without another query.
    live_now = models.BooleanField(_("live now"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Raised by every save from the admin form: a form loaded at an older number is stale.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # When the Arabic original and the English translation last changed: an English text
    # older than its original is flagged as out of date in the admin.
    original_changed_at = models.DateTimeField(
        _("original last changed"), null=True, blank=True, editable=False
    )
    translation_changed_at = models.DateTimeField(
        _("translation last changed"), null=True, blank=True, editable=False
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule, unpublish and archive articles")),
            ("change_any_article", _("Can edit articles written by anyone")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub"),
            models.Index(fields=["section", "status", "-published_at"], name="article_section_pub"),
            # With updated_at, the sitemap index counts each month's articles and finds
            # its last change from this index alone, never reading an article, and a
            # month's sitemap reads it in order. The listings count their articles
            # from the narrower article_status_pub.
            models.Index(
                fields=["status", "published_at", "updated_at"], name="article_published_changes"
            ),
            # The home page's lead and pinned stories; few articles have either.
            models.Index(
                fields=["lead_until"],
                condition=models.Q(lead_until__isnull=False),
                name="article_lead_until",
            ),
            models.Index(
                fields=["featured_until"],
                condition=models.Q(featured_until__isnull=False),
                name="article_featured_until",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
            *(
                models.CheckConstraint(
                    condition=dates.in_range(field, null=True), name=f"article_{field}_in_range"
                )
                for field in ("published_at", "lead_until", "featured_until")
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.fill_publication_time()
        sanitize_translations(self)
        save_with_unique_slug(self, "title", partial(super().save, *args, **kwargs))
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & SEARCHED_FIELDS:
            self.update_search_entries()

    def get_absolute_url(self) -> str:
        return address("articles:detail", self.pk, self.slug)

    def update_search_entries(self) -> None:
        """Rebuild the normalized words search finds this article by, per language.

        The original language always has an entry; a translation has one once its
        headline is written, so English searches find translated articles only.
        """
        # Imported here: the index reads the search lexicon, a model of this module.
        from articles.search_index import remember_terms, searchable_texts

        published_at = self.published_at if self.status == self.Status.PUBLISHED else None
        for code in AVAILABLE_LANGUAGES:
            texts = searchable_texts(self, code)
            if texts is None:
                ArticleSearch.objects.filter(article=self, language=code).delete()
            else:
                ArticleSearch.objects.update_or_create(
                    article=self,
                    language=code,
                    defaults={**texts, "published_at": published_at},
                )
                remember_terms(texts)

    def clean(self) -> None:
        # Forms validate the "published has a time" constraint before save() runs.
        self.fill_publication_time()

    def fill_publication_time(self) -> None:
        """A published article without a publication time is published now."""
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def is_published(self) -> bool:
        """Whether a reader may see this article now (the same rule as ``published()``)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def updated_after_publishing(self) -> bool:
        """Whether the article changed after readers first saw it (worth an "updated" line)."""
        return (
            self.published_at is not None
            and self.updated_at is not None
            and self.updated_at - self.published_at > UPDATE_GRACE
        )

    @property
    def translation_state(self) -> str:
        """``"missing"``, ``"outdated"`` (the original changed since) or ``"current"``."""
        if not self.title_en:
            return "missing"
        if self.original_changed_at and (
            self.translation_changed_at is None
            or self.original_changed_at > self.translation_changed_at
        ):
            return "outdated"
        return "current"

    @property
    def last_modified(self) -> datetime:
        """When readers last saw a change: the later of publication and the last edit
        (an article edited before its scheduled time changes when it appears)."""
        return max(self.updated_at, self.published_at)

    @property
    def available_languages(self) -> list[str]:
        """The languages this article can be read in (see ``readable_languages``)."""
        return readable_languages(self)

    @property
    def label(self) -> str:
        """The label above the headline: the dossier, else the section name."""
        return self.kicker or (self.section.name if self.section else "")


class ArticleSearch(models.Model):
    """An article's words in one language, analyzed for search (``newsroom.arabic``).

    Each text is kept twice, word for word: its exact forms and its light stems.
    Rebuilt whenever the article's text or workflow state is saved. On PostgreSQL
    the table also has two generated ``tsvector`` columns (exact and stems, the
    stems under a GIN index); on SQLite an FTS5 table over all six texts is kept
    in step by triggers (see ``articles.search``; created by migration 0015).
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="search_entries")
    language = models.CharField(max_length=8)
    # The article's publication time while it is published, else null: a copy that
    # lets a search pick its newest matches from this table alone, without joining
    # every match to its article (search still checks the article's own state).
    published_at = models.DateTimeField(null=True, blank=True)
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_stems = models.TextField(blank=True)
    summary_stems = models.TextField(blank=True)
    body_stems = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="one_search_entry_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id} [{get_language_info(self.language)['name_translated']}]"


class SearchTerm(models.Model):
    """A word the archive knows, in its exact search form (``newsroom.arabic``).

    Only grows. The prefix rules strip a lone و ب ك ف ل only before a known word,
    and «هل تقصد …؟» looks here for the word a reader probably meant.
    """

    term = models.CharField(max_length=MAX_TERM_LENGTH, unique=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.term


class SpellingVariant(models.Model):
    """Spellings of one name or word that readers use for each other (ترامب، ترمب).

    Kept by editors; a search for any of them finds all of them.
    """

    spellings = models.CharField(
        _("spellings"),
        max_length=500,
        unique=True,
        help_text=_("Two or more spellings of one word, separated by «،» or commas."),
    )

    class Meta:
        verbose_name = _("spelling variant")
        verbose_name_plural = _("spelling variants")
        ordering = ["spellings"]

    def __str__(self) -> str:
        return self.spellings

    def clean(self) -> None:
        spellings = self.spelling_list
        if len(spellings) < 2:
            raise ValidationError({"spellings": _("Enter at least two spellings.")})
        for spelling in spellings:
            if len(words(spelling)) != 1:
                raise ValidationError(
                    {"spellings": _("«%(spelling)s» is not one word.") % {"spelling": spelling}}
                )
        forms = {normalize(spelling) for spelling in spellings}
        if len(forms) < 2:
            raise ValidationError(
                {"spellings": _("Search already reads these spellings as one word.")}
            )
        for other in SpellingVariant.objects.exclude(pk=self.pk):
            if shared := forms & {normalize(spelling) for spelling in other.spelling_list}:
                raise ValidationError(
                    {
                        "spellings": _("«%(spelling)s» is already a spelling of «%(other)s».")
                        % {"spelling": shared.pop(), "other": other}
                    }
                )

    @property
    def spelling_list(self) -> list[str]:
        """The spellings as entered, one word each."""
        parts = self.spellings.replace("،", ",").split(",")
        return [part.strip() for part in parts if part.strip()]


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> "CorrectionQuerySet":
        """What readers see: published notes of published articles, newest first; a
        withdrawn one stays, with its withdrawal said."""
        now = timezone.now()
        return self.filter(
            published_at__lte=now,
            article__status=Article.Status.PUBLISHED,
            article__published_at__lte=now,
        ).order_by("-published_at", "-pk")


class Correction(models.Model):
    """A published note on an article: a correction of a fact, a clarification, or an
    update. It is never deleted; an editor-in-chief may withdraw it, publicly."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CLARIFICATION = "clarification", _("Clarification")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.PROTECT, related_name="corrections"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("text"), help_text=_("What was wrong and what is right, plainly."))
    published_at = models.DateTimeField(
        _("published at"), default=timezone.now, validators=[dates.validate_in_range]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_note = models.TextField(_("why it was withdrawn"), blank=True)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-published_at", "-pk"]
        permissions = [("withdraw_correction", _("Can withdraw a published correction"))]
        indexes = [models.Index(fields=["published_at"], name="correction_time")]
        constraints = [
            models.CheckConstraint(
                condition=dates.in_range("published_at"), name="correction_published_at_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.article}"

    @property
    def anchor(self) -> str:
        return f"correction-{self.pk}"


# Workflow state and bookkeeping, which revisions leave out (see articles/admin.py).
UNVERSIONED_FIELDS = (
    "status",
    "published_at",
    "lead_until",
    "featured_until",
    "live_now",
    "created_by",
    "version",
    "original_changed_at",
    "translation_changed_at",
)


class EditorialLogQuerySet(models.QuerySet):
    def record_action(
        self, *, article: Article, actor, action: str, note: str = ""
    ) -> "EditorialLogEntry":
        """Log an editorial action that leaves the workflow state as it is (live
        coverage, corrections): from and to the article's current status."""
        return self.create(
            article=article,
            actor=actor,
            action=action,
            from_status=article.status,
            to_status=article.status,
            note=note,
        )


class EditorialLogEntry(models.Model):
    """One step of an article through the workflow: who moved it, when, from where to where;
    or another editorial action on it (its live coverage), named by ``action``."""

    class Action(models.TextChoices):
        WORKFLOW = "", _("Workflow")
        LIVE_START = "live_start", _("Started live coverage")
        LIVE_END = "live_end", _("Ended live coverage")
        LIVE_REOPEN = "live_reopen", _("Reopened live coverage")
        LIVE_POST = "live_post", _("Posted a live update")
        LIVE_EDIT = "live_edit", _("Edited a live update")
        LIVE_DELETE = "live_delete", _("Deleted a live update")
        LIVE_PIN = "live_pin", _("Pinned a live update")
        LIVE_UNPIN = "live_unpin", _("Unpinned a live update")
        LIVE_KEY_EVENT = "live_key_event", _("Marked a key event")
        LIVE_NOT_KEY_EVENT = "live_not_key_event", _("Unmarked a key event")
        LIVE_TICKER = "live_ticker", _("Sent a live update to the ticker")
        CORRECTION_ADD = "correction_add", _("Published a correction")
        CORRECTION_WITHDRAW = "correction_withdraw", _("Withdrew a correction")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="log_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Article.Status.choices)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        validators=[dates.validate_in_range],
        help_text=_("Set when publishing."),
    )
    note = models.TextField(_("note"), blank=True)
    action = models.CharField(
        _("action"), max_length=20, choices=Action.choices, blank=True, default=Action.WORKFLOW
    )

    objects = EditorialLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("editorial log entry")
        verbose_name_plural = _("editorial log")
        constraints = [
            models.CheckConstraint(
                condition=dates.in_range("published_at", null=True),
                name="log_published_at_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_status} → {self.to_status}"
