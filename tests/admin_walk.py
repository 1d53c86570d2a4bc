"""A walk through every admin page the newsroom uses, as each role.

``seed_newsroom`` fills the database as a working newsroom would (articles in every
state with tags, images, corrections, live coverage, revisions and their history,
the ticker, the masthead, policy pages, spelling variants, an imported post, failed
logins). ``admin_pages`` lists the pages to visit from the admin site's registry,
so a new model admin is walked without being named here, plus the admin's own
views that are not a model's; ``admin_url_names`` lets a test check that none is
left out. What is read on each page: ``tests/english_text.py``.
"""

from dataclasses import dataclass, field
from datetime import date

import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import NoReverseMatch, URLResolver, reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.corrections import correction_publish, correction_withdraw
from articles.models import Article, Correction
from articles.previews import preview_url
from articles.services import article_return_to_draft, article_submit
from importers.models import ImportedPost
from liveblog.services import live_start, update_pin, update_post
from newsroom.models import MastheadTerm, Publication, StaffMember
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    ImageFactory,
    MastheadTermFactory,
    PolicyPageFactory,
    SectionFactory,
    SpellingVariantFactory,
    StaffMemberFactory,
    TickerItemFactory,
    UserFactory,
)

# ---------------------------------------------------------------------------
# The newsroom
# ---------------------------------------------------------------------------


@dataclass
class Newsroom:
    """The seeded accounts by role, and the objects whose own pages the walk opens."""

    users: dict[str, models.Model]
    # Per model, the rows whose change, history and delete pages are visited; a model
    # not named here has its first row visited.
    shown: dict[type[models.Model], list[models.Model]] = field(default_factory=dict)


def seed_newsroom() -> Newsroom:
    """A day's work in the newsroom, made as the newsroom makes it (services, admin)."""
    reporter = UserFactory(
        role="Reporter", username="layla", first_name="Layla", last_name="Haddad"
    )
    editor = UserFactory(role="Editor", username="omar")
    chief = UserFactory(role="Editor-in-chief", username="nadia")
    superuser = UserFactory(username="sysop", is_staff=True, is_superuser=True)

    publication = Publication.load()
    publication.name_ar, publication.name_en = "الأفق اليوم", "Horizon Today"
    publication.save()
    politics = SectionFactory(name_ar="سياسة", name_en="Politics")
    byline = StaffMemberFactory(user=reporter, name_ar="ليلى حداد", name_en="Layla Haddad")
    chairman = StaffMemberFactory(
        name_ar="سامي عطية",
        name_en="Sami Attia",
        masthead_order=1,
        masthead_role=StaffMember.MastheadRole.CHAIRMAN,
    )
    MastheadTermFactory(
        staff_member=StaffMemberFactory(name_ar="كريم نصار", name_en="Karim Nassar"),
        starts_on=date(2019, 1, 1),
        ends_on=date(2021, 12, 31),
    )
    image = ImageFactory(uploaded_by=reporter, credit_en="Reuters")

    lead = ArticleFactory(
        section=politics,
        authors=[byline],
        lead_image=image,
        tags=["البرلمان", "COP30"],
        title_en="Parliament passes the local government law",
        summary_en="The vote ends a year of debate.",
    )
    draft = ArticleFactory(draft=True, created_by=reporter, section=politics, tags=["البرلمان"])
    article_submit(article=draft, by=reporter)
    article_return_to_draft(article=draft, by=editor, note="أضيفي مصدرًا ثانيًا.")
    ArticleFactory(in_review=True, created_by=reporter, authors=[byline])
    scheduled = ArticleFactory(scheduled=True, section=politics)
    archived = ArticleFactory(archived=True)
    ImportedPost.objects.create(wordpress_id=4521, article=archived, wordpress_slug="old-post")

    # Two saves through the admin: its history, revisions and log entries.
    desk = Client()
    desk.force_login(editor)
    for title in (
        "البرلمان يقر قانون الإدارة المحلية",
        "البرلمان يقر قانون الإدارة المحلية بالأغلبية",
    ):
        lead.refresh_from_db()
        _saved(desk.post(change_url(lead), form_data(lead, title_ar=title)))
    desk.force_login(chief)
    section_form = {
        "name_ar": "سياسة محلية",
        "name_en": "Politics",
        "slug": politics.slug,
        "description_ar": "",
        "description_en": "",
        "order": politics.order,
    }
    _saved(desk.post(reverse("admin:articles_section_change", args=[politics.pk]), section_form))

    correction = correction_publish(
        article=lead,
        by=editor,
        kind=Correction.Kind.CORRECTION,
        text_ar="صحّحنا عدد المصوتين.",
        text_en="We corrected the count.",
    )
    correction_publish(
        article=lead, by=editor, kind=Correction.Kind.CLARIFICATION, text_ar="أوضحنا موقف المعارضة."
    )
    correction_withdraw(correction=correction, by=chief, note="نُشر التصحيح خطأً.")
    live = live_start(article=lead, by=editor)
    update_post(
        live_blog=live, by=reporter, headline_ar="بدء الجلسة", body_ar="<p>بدأت الجلسة.</p>"
    )
    key = update_post(
        live_blog=live,
        by=editor,
        headline_ar="نتيجة التصويت",
        body_ar="<p>أقر القانون.</p>",
        is_key_event=True,
    )
    update_pin(update=key, by=editor)

    TickerItemFactory(article=lead, is_breaking=True)
    TickerItemFactory(url="https://example.com/live", text_en="Parliament votes tonight")
    SpellingVariantFactory()
    _versioned(PolicyPageFactory(title_en="How we correct"), chief)
    _versioned(MastheadTerm.objects.first(), chief)
    # Deleted, for the "recover deleted" pages.
    _versioned(ArticleFactory(draft=True, title_ar="خبر حُذف"), editor).delete()
    _versioned(PolicyPageFactory(title_ar="صفحة حُذفت", title_en="Old page"), chief).delete()
    _versioned(
        MastheadTermFactory(
            staff_member=chairman, starts_on=date(2015, 1, 1), ends_on=date(2016, 12, 31)
        ),
        chief,
    ).delete()

    failed_login = {
        "username": "layla",
        "ip_address": "192.0.2.7",
        "http_accept": "text/html",
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64)",
        "path_info": "/admin/login/",
    }
    AccessAttempt.objects.create(
        **failed_login, get_data="", post_data="username=layla", failures_since_start=3
    )
    AccessFailureLog.objects.create(**failed_login, locked_out=False)
    AccessLog.objects.create(**failed_login)

    return Newsroom(
        users={
            "Reporter": reporter,
            "Editor": editor,
            "Editor-in-chief": chief,
            "superuser": superuser,
        },
        shown={
            Article: [lead, draft, scheduled, archived],
            StaffMember: [byline],
            type(reporter): [reporter],
        },
    )


def _saved(response) -> None:
    assert response.status_code == 302, response.context["adminform"].form.errors


def _versioned(obj: models.Model, user) -> models.Model:
    """``obj`` with a saved version, as the admin's saves leave one."""
    with reversion.create_revision():
        obj.save()
        reversion.set_user(user)
    return obj


# ---------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str  # the admin URL's name, for the coverage check
    url: str
    data: dict | None = None  # POSTed (an action's confirmation page) instead of a GET


# Admin addresses that are not pages to read, and why.
NOT_PAGES = {
    "logout": "POST only, then the login page",
    "autocomplete": "JSON for the select boxes: its texts are content",
    "jsi18n": "the scripts' catalogue: test_admin_scripts_speak_arabic checks it",
    "view_on_site": "a redirect to the public site",
    "articles_article_workflow": "POST only, back to the article's page",
    "articles_article_correction_publish": "POST only, back to the article's page",
    "articles_correction_withdraw": "POST only, back to the article's page",
    "liveblog_start": "POST only, back to the article's page",
    "liveblog_action": "POST only, back to the article's page",
    "liveblog_update_action": "POST only, back to the article's page",
    "liveblog_liveupdate_recover": "refused to all: updates are posted from their article's "
    "page, and deleting one keeps it",
}
# Bulk actions that answer with a page of their own before doing anything.
CONFIRMED_ACTIONS = {"delete_selected", "return_selected", "tag_selected"}


def admin_pages(newsroom: Newsroom) -> list[Page]:
    """Every admin page, for the seeded newsroom; each role opens those it may."""
    pages = [
        Page("index", reverse("admin:index")),
        Page("password_change", reverse("admin:password_change")),
        Page("password_change_done", reverse("admin:password_change_done")),
    ]
    app_labels = sorted({model._meta.app_label for model in admin.site._registry})
    pages += [Page("app_list", reverse("admin:app_list", args=[label])) for label in app_labels]
    for model, model_admin in admin.site._registry.items():
        pages += _model_pages(model, model_admin, newsroom)

    lead = newsroom.shown[Article][0]
    older, newer = Version.objects.get_for_object(lead).order_by("pk")[:2]
    pages.append(
        Page(
            "articles_article_compare",
            reverse("admin:articles_article_compare", args=[lead.pk])
            + f"?from={older.pk}&to={newer.pk}",
        )
    )
    user = newsroom.shown[type(newsroom.users["Reporter"])][0]
    pages.append(
        Page(
            "auth_user_password_change", reverse("admin:auth_user_password_change", args=[user.pk])
        )
    )
    draft = newsroom.shown[Article][1]
    pages.append(Page("articles:preview", preview_url(draft.pk)))
    # Last, as they could change what the pages before show: forms sent back empty,
    # refused with their error messages. (Not those with inline forms, which a
    # browser never sends without their management form.)
    with_inlines = {
        f"{model._meta.app_label}_{model._meta.model_name}_add"
        for model, model_admin in admin.site._registry.items()
        if model_admin.inlines
    }
    pages += [
        Page(page.name, page.url, data={"sent": "empty"})
        for page in pages
        if page.name.endswith(("_add", "password_change")) and page.name not in with_inlines
    ]
    return pages


def _model_pages(model, model_admin, newsroom: Newsroom) -> list[Page]:
    prefix = f"{model._meta.app_label}_{model._meta.model_name}"

    def page(view: str, *args, query: str = "", data: dict | None = None) -> Page:
        return Page(f"{prefix}_{view}", reverse(f"admin:{prefix}_{view}", args=args) + query, data)

    try:
        pages = [page("changelist"), page("add")]
    except NoReverseMatch:
        return []  # no pages of its own (live blogs are run from their article's page)
    if model_admin.search_fields:
        pages.append(page("changelist", query="?q=البرلمان"))  # "N results (M in all)"
    shown = newsroom.shown.get(model) or list(model._default_manager.order_by("pk")[:1])
    for obj in shown:
        pages += [page("change", obj.pk), page("history", obj.pk), page("delete", obj.pk)]
    own = {getattr(action, "__name__", action) for action in model_admin.actions or []}
    pages += [
        page("changelist", data={"action": action, "_selected_action": [obj.pk]})
        for action in CONFIRMED_ACTIONS & (own | set(admin.site._actions))
        for obj in shown[:1]
    ]
    if isinstance(model_admin, VersionAdmin):
        pages.append(page("recoverlist"))
        pages += [page("recover", v.pk) for v in Version.objects.get_deleted(model)[:1]]
        for obj in shown:
            pages += [
                page("revision", obj.pk, v.pk) for v in Version.objects.get_for_object(obj)[:1]
            ]
    return pages


def admin_url_names() -> set[str]:
    """The names of every address the admin site answers."""
    names = set()
    patterns = list(admin.site.get_urls())
    while patterns:
        pattern = patterns.pop()
        if isinstance(pattern, URLResolver):
            patterns += pattern.url_patterns
        elif pattern.name:
            names.add(pattern.name)
    return names
