"""Bringing a WordPress export into the newsroom.

Posts become articles (``publish`` published at its time, ``future`` scheduled,
``draft`` and ``pending`` drafts and in review; private, trashed and automatic
drafts are left behind), categories sections, tags tags, authors staff members,
the excerpt the summary, the content the body, and the featured and inline
images library images through the same checks as an upload. Each post is saved
in its own transaction under its WordPress id, so a second run updates what the
first made, and a run stopped halfway goes on where it stopped.

The export is read twice, as a stream: attachments may come after the posts
that use them, and only their addresses are kept between the passes.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from articles.forms import ImageForm
from articles.models import Article, Image, Section, Tag
from articles.services import image_make_renditions
from articles.tag_parsing import split_names
from importers import content, wxr
from importers.media import MediaSource, MediaUnavailable
from importers.models import ImportedAuthor, ImportedImage, ImportedPost, ImportedTerm
from newsroom.models import StaffMember
from newsroom.sanitize import plain_text
from newsroom.slugs import arabic_slugify

STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # published_at in the future: scheduled
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.REVIEW,
}
LEFT_BEHIND = {"private", "trash", "auto-draft", "inherit"}
# A post without an excerpt gets the opening of its text as its summary.
SUMMARY_WORDS = 40


@dataclass
class Summary:
    """What a run did, item by item."""

    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def count(self, what: str) -> None:
        self.counts[what] += 1

    def failed(self, wordpress_id, reason: str) -> None:
        self.counts["failed"] += 1
        self.problems.append(f"item {wordpress_id}: {reason}")


class DryRunRollback(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


class WordPressImport:
    def __init__(self, path: Path, media: MediaSource, *, progress=None):
        self.path = path
        self.media = media
        self.progress = progress
        self.summary = Summary()
        self.authors: dict[str, str] = {}  # login → display name
        self.attachments: dict[int, str] = {}  # attachment id → its address

    def run(self, *, dry_run: bool = False) -> Summary:
        self.dry_run = dry_run
        self._first_pass()
        if not dry_run:
            self._second_pass()
            return self.summary
        try:
            with transaction.atomic():
                self._second_pass()
                raise DryRunRollback
        except DryRunRollback:
            pass
        return self.summary

    def _first_pass(self) -> None:
        for entry in wxr.read(self.path):
            if isinstance(entry, wxr.Author):
                self.authors[entry.login] = entry.display_name or entry.login
            elif isinstance(entry, wxr.Item) and entry.attachment_url:
                self.attachments[entry.wordpress_id] = entry.attachment_url

    def _second_pass(self) -> None:
        for entry in wxr.read(self.path, self.progress):
            if isinstance(entry, wxr.MalformedItem):
                self.summary.failed(entry.wordpress_id, entry.reason)
            elif isinstance(entry, wxr.Term):
                self._term(entry)
            elif isinstance(entry, wxr.Item) and entry.post_type == "post":
                self._post(entry)

    # ---- Posts

    def _post(self, item: wxr.Item) -> None:
        if item.status in LEFT_BEHIND or item.status not in STATUSES:
            self.summary.count("skipped")
            return
        if not item.title.strip():
            self.summary.failed(item.wordpress_id, "no title")
            return
        if item.status in {"publish", "future"} and item.date_gmt is None:
            self.summary.failed(item.wordpress_id, "published without a date")
            return
        # Images first, each kept on its own: a post refused below leaves them in the
        # library, found again by the next run, rather than files no row points to.
        body = content.with_images(content.paragraphs(item.content), self._inline_image)
        featured = item.meta.get("_thumbnail_id")
        lead_image = self._attachment(featured) if featured else None
        try:
            with transaction.atomic():
                created = self._save_post(item, body, lead_image)
        except ValidationError as error:
            self.summary.failed(item.wordpress_id, "; ".join(error.messages))
            return
        self.summary.count("created" if created else "updated")

    def _save_post(self, item: wxr.Item, body: str, lead_image: Image | None) -> bool:
        imported = ImportedPost.objects.filter(wordpress_id=item.wordpress_id).first()
        article = imported.article if imported else Article()
        if imported is None and item.slug:
            # Its WordPress slug (Arabic kept), made unique on saving if taken.
            article.slug = arabic_slugify(item.slug)[: Article._meta.get_field("slug").max_length]
        article.title_ar = item.title.strip()
        summary = content.paragraphs(item.excerpt) or body
        article.summary_ar = Truncator(plain_text(summary)).words(SUMMARY_WORDS)
        article.body_ar = body
        article.status = STATUSES[item.status]
        # A "future" post is published at a time to come: scheduled.
        article.published_at = item.date_gmt if item.status in {"publish", "future"} else None
        if lead_image is not None:
            article.lead_image = lead_image
        if item.categories:
            article.section = self._section(item.categories[0])
        article.full_clean(exclude=["slug", "section", "lead_image"], validate_unique=False)
        article.save()
        article.tags.set([tag for term in item.tags for tag in self._tags(term)])
        if author := self._author(item.author):
            article.authors.set([author])
        ImportedPost.objects.update_or_create(
            wordpress_id=item.wordpress_id,
            defaults={
                "article": article,
                "wordpress_slug": item.slug,
                "published_on": timezone.localdate(item.date_gmt) if item.date_gmt else None,
            },
        )
        return imported is None

    # ---- Terms and authors

    def _term(self, term: wxr.Term) -> None:
        if term.kind == "category":
            self._section(term)
        else:
            self._tags(term)

    def _section(self, term: wxr.Term) -> Section:
        known = ImportedTerm.objects.filter(kind="category", wordpress_slug=term.slug).first()
        if known and known.section:
            return known.section
        name = term.name or term.slug
        section = Section.objects.filter(name_ar=name).first() or Section.objects.create(
            name_ar=name, order=Section.objects.count() + 1
        )
        ImportedTerm.objects.update_or_create(
            kind="category", wordpress_slug=term.slug, defaults={"section": section}
        )
        return section

    def _tags(self, term: wxr.Term) -> list[Tag]:
        """The tags a WordPress tag becomes: itself, or each of its names where an
        editor typed several with Arabic commas («غزة، القدس»), which WordPress kept
        as one tag. Its old address leads to the first."""
        names = [name[:100] for name in split_names(term.name)] or [term.slug[:100]]
        known = ImportedTerm.objects.filter(kind="post_tag", wordpress_slug=term.slug).first()
        if known and known.tag and len(names) == 1:
            return [known.tag]  # as the newsroom may have renamed it since
        tags = [
            Tag.objects.filter(name_ar__iexact=name).order_by("pk").first()
            or Tag.objects.create(name_ar=name)
            for name in names
        ]
        ImportedTerm.objects.update_or_create(
            kind="post_tag", wordpress_slug=term.slug, defaults={"tag": tags[0]}
        )
        return tags

    def _author(self, login: str) -> StaffMember | None:
        if not login:
            return None
        known = ImportedAuthor.objects.select_related("staff_member").filter(login=login).first()
        if known:
            return known.staff_member
        member = StaffMember.objects.create(name_ar=self.authors.get(login, login))
        ImportedAuthor.objects.create(login=login, staff_member=member)
        return member

    # ---- Images

    def _attachment(self, attachment_id: str) -> Image | None:
        try:
            url = self.attachments[int(attachment_id)]
        except (KeyError, ValueError):
            self.summary.problems.append(f"featured image {attachment_id}: not in the export")
            return None
        return self._image(url, wordpress_id=int(attachment_id))

    def _inline_image(self, src: str, alt: str) -> str | None:
        image = self._image(src, alt=alt)
        return image.file.url if image else None

    def _image(self, url: str, *, wordpress_id: int | None = None, alt: str = "") -> Image | None:
        if len(url) > ImportedImage._meta.get_field("url").max_length:
            self.summary.problems.append(f"image {url[:80]}…: its address is too long")
            return None
        known = ImportedImage.objects.select_related("image").filter(url=url).first()
        if known:
            return known.image
        if self.dry_run:  # files cannot be rolled back: a dry run only counts them
            self.summary.count("images to bring")
            return None
        try:
            name, data = self.media.read(url)
        except MediaUnavailable as reason:
            self.summary.problems.append(f"image {url}: {reason}")
            return None
        form = ImageForm(
            data={"alt_text_ar": alt},
            files={"file": SimpleUploadedFile(name, data)},
        )
        if not form.is_valid():
            reasons = "; ".join(e for errors in form.errors.values() for e in errors)
            self.summary.problems.append(f"image {url}: {reasons}")
            return None
        image = form.save()
        image_make_renditions(image=image)
        ImportedImage.objects.create(url=url, wordpress_id=wordpress_id, image=image)
        self.summary.count("images")
        return image
