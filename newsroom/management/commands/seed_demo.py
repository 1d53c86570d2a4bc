"""``python manage.py seed_demo``: fill an empty database with the demo publication."""

import secrets
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Correction, Image, Section, Tag
from articles.services import image_make_renditions
from liveblog.models import LiveBlog, LiveUpdate
from newsroom.demo import content, images
from newsroom.models import MastheadTerm, PolicyPage, Publication, StaffMember
from newsroom.roles import sync_roles
from ticker.models import TickerItem

ACCENT = (179, 22, 27)


class Command(BaseCommand):
    help = (
        "Create the demo publication: masthead and its history, policy pages, sections, "
        "articles with images, ticker. Running it again changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        now = timezone.now()
        self.created = 0
        seed_publication()
        staff = {key: self.staff_member(key, *rest) for key, *rest in content.STAFF}
        for staff_key, role, starts_on, ends_on in content.MASTHEAD_TERMS:
            self.masthead_term(staff[staff_key], role, starts_on, ends_on)
        for values in content.POLICY_PAGES:
            self.policy_page(*values)
        sections = {
            key: self.section(order, key, *values)
            for order, (key, values) in enumerate(content.SECTIONS.items(), start=1)
        }
        articles = [
            self.article(index, now, section_key, sections[section_key], staff, *values)
            for index, (section_key, *values) in enumerate(content.ARTICLES)
        ]
        for name_ar, name_en in content.TAG_NAMES_EN.items():
            self.tag_name(name_ar, name_en)
        for section_key, title, summary, status, days in content.UNPUBLISHED:
            self.unpublished(now, sections[section_key], title, summary, status, days)
        self.live_coverage(now, articles, staff)
        for article_index, kind, hours, text_ar, text_en in content.CORRECTIONS:
            self.correction(now, articles[article_index], kind, hours, text_ar, text_en)
        for order, (text, article_index, is_breaking) in enumerate(content.TICKER):
            article = articles[article_index] if article_index is not None else None
            self.ticker_item(now, order, text, article, is_breaking)
        sync_roles(Group, Permission)
        logins = [
            self.account(username, group, staff[staff_key])
            for username, group, staff_key in content.ACCOUNTS
        ]
        published = Article.objects.published().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo publication ready: {published} published articles, "
                f"{len(sections)} sections, {TickerItem.objects.live().count()} ticker items "
                f"({self.created} rows created by this run)."
            )
        )
        self.stdout.write("Demo accounts for the admin at /admin/:")
        for line in logins:
            self.stdout.write(f"  {line}")

    def live_coverage(self, now, articles: list[Article], staff: dict) -> None:
        """The first article's vote, followed live: updates, key events, a pinned result."""
        spec = content.LIVE_COVERAGE
        article = articles[spec["article"]]
        started = now - timedelta(minutes=spec["started_minutes_ago"])
        live_blog, created = LiveBlog.objects.get_or_create(
            article=article, defaults={"started_at": started}
        )
        if not created:
            return
        self.created += 1
        article.live_now = True  # as liveblog.services keeps it
        article.save(update_fields=["live_now"])
        for minutes, headline, text, key_event, pinned, staff_key in spec["updates"]:
            moment = now - timedelta(minutes=minutes)
            update = LiveUpdate.objects.create(
                live_blog=live_blog,
                headline_ar=headline,
                body_ar=f"<p>{text}</p>",
                posted_at=moment,
                changed_at=moment,
                is_key_event=key_event,
                is_pinned=pinned,
            )
            update.authors.set([staff[staff_key]])
            self.created += 1

    def correction(self, now, article: Article, kind: str, hours: int, text_ar, text_en) -> None:
        """A published note on ``article`` (corrections are never changed once out)."""
        _note, created = Correction.objects.get_or_create(
            article=article,
            text_ar=text_ar,
            defaults={
                "kind": kind,
                "text_en": text_en or None,
                "published_at": now - timedelta(hours=hours),
            },
        )
        self.created += created

    def account(self, username: str, group: str, member: StaffMember) -> str:
        """A staff login in ``group``, linked to its staff member; returns how to log in.

        The password is random and shown once, when the account is created, so a
        demo seed run on a public server never leaves a known password behind.
        """
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            reset = f"manage.py changepassword {username}"
            return f"{username} ({group}): already exists; reset its password with {reset}"
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username=username, password=password, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        member.user = user
        member.save(update_fields=["user"])
        self.created += 1
        return f"{username} ({group}): password {password}"

    def staff_member(self, key, name_ar, name_en, job_ar, job_en, order) -> StaffMember:
        member, created = StaffMember.objects.get_or_create(
            name_ar=name_ar,
            defaults={
                "name_en": name_en,
                "job_title_ar": job_ar,
                "job_title_en": job_en,
                "bio_ar": content.STAFF_BIO_AR,
                "bio_en": content.STAFF_BIO_EN,
                "masthead_order": order,
            },
        )
        self.created += created
        return member

    def masthead_term(self, member: StaffMember, role: str, starts_on: str, ends_on) -> None:
        """A term of the masthead's history; saving it gives the person today's role."""
        _term, created = MastheadTerm.objects.get_or_create(
            staff_member=member,
            role=role,
            starts_on=date.fromisoformat(starts_on),
            defaults={"ends_on": date.fromisoformat(ends_on) if ends_on else None},
        )
        self.created += created

    def policy_page(self, kind, slug, order, title_ar, title_en, body_ar, body_en) -> None:
        _page, created = PolicyPage.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "order": order,
                "title_ar": title_ar,
                "title_en": title_en,
                "body_ar": body_ar,
                "body_en": body_en,
            },
        )
        self.created += created

    def section(self, order, key, name_ar, name_en, description_ar, colour, reporter) -> Section:
        section, created = Section.objects.get_or_create(
            name_ar=name_ar,
            defaults={"name_en": name_en, "description_ar": description_ar, "order": order},
        )
        self.created += created
        return section

    def tag_name(self, name_ar: str, name_en: str) -> None:
        """Name a demo tag in English, unless it has an English name already."""
        tag = Tag.objects.filter(name_ar=name_ar, name_en=None).first()
        if tag is not None:
            tag.name_en = name_en
            tag.save()

    def article(
        self, index, now, section_key, section, staff, title, summary, opening, tags, kicker
    ):
        *_texts, colour, reporter = content.SECTIONS[section_key]
        published_at = now - timedelta(hours=3 * index + 1, minutes=(index * 17) % 60)
        translation = content.TRANSLATIONS.get(title)
        english = (
            {
                "title_en": translation[0],
                "summary_en": translation[1],
                "body_en": "".join(f"<p>{p}</p>" for p in translation[2]),
            }
            if translation
            else {}
        )
        article, created = Article.objects.get_or_create(
            title_ar=title,
            defaults={
                "summary_ar": summary,
                "kicker_ar": kicker,
                "body_ar": article_body(section_key, index, opening),
                "section": section,
                "lead_image": demo_image(f"article-{index:02d}", colour, title),
                "status": Article.Status.PUBLISHED,
                "published_at": published_at,
                **english,
            },
        )
        if created:
            self.created += 1
            article.authors.set([staff[reporter]])
            article.tags.set(tags)
            # The demo's history: written when published; one story corrected later.
            corrected = published_at + timedelta(hours=2) if index == 2 else published_at
            Article.objects.filter(pk=article.pk).update(
                created_at=published_at, updated_at=corrected
            )
        return article

    def unpublished(self, now, section, title, summary, status, days) -> None:
        _article, created = Article.objects.get_or_create(
            title_ar=title,
            defaults={
                "summary_ar": summary,
                "body_ar": f"<p>{summary}</p>",
                "section": section,
                "status": status,
                "published_at": now + timedelta(days=days) if days is not None else None,
            },
        )
        self.created += created

    def ticker_item(self, now, order, text, article, is_breaking) -> None:
        _item, created = TickerItem.objects.get_or_create(
            text_ar=text,
            defaults={
                "article": article,
                "is_breaking": is_breaking,
                "order": order,
                "starts_at": now - timedelta(hours=1),
            },
        )
        self.created += created


def seed_publication() -> Publication:
    """Name the publication and give it a logo, unless someone already did."""
    publication = Publication.load()
    if publication.logo:
        return publication
    for field, value in content.PUBLICATION.items():
        setattr(publication, field, value)
    publication.logo = stored_file("demo/logo.png", lambda: images.logo(ACCENT))
    publication.save()
    return publication


def article_body(section_key: str, index: int, opening: str) -> str:
    """A body: the story's own opening, then its section's paragraphs, subheadings and quotes."""
    text = content.SECTION_TEXT[section_key]
    subheadings, paragraphs, quotes = text["subheadings"], text["paragraphs"], text["quotes"]

    def pick(items: list[str], offset: int) -> str:
        return items[(index + offset) % len(items)]

    parts = [
        f"<p>{opening}</p>",
        f"<h2>{pick(subheadings, 0)}</h2>",
        f"<p>{pick(paragraphs, 0)}</p>",
        f"<p>{pick(quotes, 0)}</p>",
        f"<p>{pick(paragraphs, 1)}</p>",
        f"<h2>{pick(subheadings, 1)}</h2>",
        f"<p>{pick(paragraphs, 2)}</p>",
        f"<blockquote><p>{pick(quotes, 1)}</p></blockquote>",
        f"<p>{pick(paragraphs, 3)}</p>",
    ]
    return "".join(parts)


def demo_image(key: str, colour: tuple[int, int, int], title: str) -> Image:
    """The library image for ``key``, drawn and stored the first time it is asked for."""
    name = f"demo/{key}.jpg"
    existing = Image.objects.filter(file=name).first()
    if existing:
        return existing
    image = Image(
        file=stored_file(name, lambda: images.illustration(key, colour)),
        alt_text_ar=f"رسم توضيحي لخبر: {title}",
        caption_ar="رسم توضيحي للأفق فوق المدينة",
        caption_en="An illustration of the horizon over the city",
        credit_ar="الأفق اليوم / قسم الجرافيك",
        credit_en="Al-Ufuq Today graphics desk",
    )
    image.save()
    return image_make_renditions(image=image)


def stored_file(name: str, draw) -> str:
    """Store the bytes ``draw()`` makes under ``name`` unless the file is already there."""
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(draw()))
