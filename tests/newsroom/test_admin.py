"""The admin, as the newsroom uses it: Arabic, right-to-left, every model editable."""

import re
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom.models import Publication, StaffMember
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
from ticker.models import TickerItem

pytestmark = pytest.mark.django_db

MODELS = [
    ("newsroom", "staffmember", StaffMemberFactory),
    ("articles", "section", SectionFactory),
    ("articles", "image", ImageFactory),
    ("articles", "article", ArticleFactory),
    ("ticker", "tickeritem", TickerItemFactory),
    ("newsroom", "policypage", PolicyPageFactory),
]
# Models edited in one language only (no translation tabs).
PLAIN_MODELS = [
    ("articles", "spellingvariant", SpellingVariantFactory),
    ("newsroom", "mastheadterm", MastheadTermFactory),
]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_is_arabic_and_right_to_left(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert re.search(r'<html lang="ar" dir="rtl"', response.text)
    assert "غرفة الأخبار" in response.text


@pytest.mark.parametrize(("app", "model", "factory"), MODELS + PLAIN_MODELS)
def test_every_model_has_list_add_and_change_pages(admin_client, app, model, factory):
    obj = factory()

    for url in [
        reverse(f"admin:{app}_{model}_changelist"),
        reverse(f"admin:{app}_{model}_add"),
        reverse(f"admin:{app}_{model}_change", args=[obj.pk]),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize(("app", "model", "factory"), MODELS)
def test_admin_pages_load_nothing_from_other_origins(admin_client, app, model, factory):
    obj = factory()
    page = admin_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).text

    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources
    assert [s for s in sources if s.startswith(("http:", "https:", "//"))] == []
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in page


def test_article_form_has_a_tab_per_language_and_prefills_the_arabic_slug(admin_client):
    page = admin_client.get(reverse("admin:articles_article_add")).text

    assert 'name="title_ar"' in page and 'name="title_en"' in page
    assert "tabbed_translation_fields.js" in page
    prepopulated = re.search(r'data-prepopulated-fields="([^"]+)"', page).group(1)
    assert "title_ar" in prepopulated and "allowUnicode&quot;: true" in prepopulated


def test_article_saved_through_the_admin_gets_an_arabic_slug_and_a_clean_body(admin_client):
    section = SectionFactory()
    author = StaffMemberFactory()
    image = ImageFactory()

    response = admin_client.post(
        reverse("admin:articles_article_add"),
        {
            "title_ar": "افتتاح «المكتبة الرقمية» في العاصمة",
            "title_en": "",
            "kicker_ar": "",
            "kicker_en": "",
            "summary_ar": "ملخص",
            "summary_en": "",
            "body_ar": '<p onclick="steal()">نص</p><script>alert(1)</script><h2>عنوان</h2>',
            "body_en": "",
            "section": section.pk,
            "authors": [author.pk],
            "tags": "المكتبات, التحول الرقمي",
            "lead_image": image.pk,
            "status": Article.Status.PUBLISHED,  # ignored: status changes through the workflow
            "slug": "",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "افتتاح-المكتبة-الرقمية-في-العاصمة"
    assert article.body_ar == "<p>نص</p><h2>عنوان</h2>"
    assert article.status == Article.Status.DRAFT
    assert sorted(article.tags.names()) == ["التحول الرقمي", "المكتبات"]


def test_article_list_filters_and_searches_in_arabic(admin_client):
    ArticleFactory(title_ar="خبر عن الانتخابات")
    ArticleFactory(title_ar="خبر عن الرياضة", draft=True)
    url = reverse("admin:articles_article_changelist")

    found = admin_client.get(url, {"q": "الانتخابات"})
    drafts = admin_client.get(url, {"status__exact": "draft"})

    assert found.context["cl"].result_count == 1
    assert [a.title_ar for a in drafts.context["cl"].result_list] == ["خبر عن الرياضة"]


def test_publication_list_opens_the_single_publication_form(admin_client):
    response = admin_client.get(reverse("admin:newsroom_publication_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:newsroom_publication_change", args=[Publication.SINGLETON_ID]
    )
    assert admin_client.get(reverse("admin:newsroom_publication_add")).status_code == 403


def test_masthead_edited_in_the_admin_shows_on_the_site(admin_client):
    member = StaffMemberFactory(name_ar="اسم المحرر")
    response = admin_client.post(
        reverse("admin:newsroom_staffmember_change", args=[member.pk]),
        {
            "name_ar": "اسم المحرر",
            "name_en": "",
            "slug": member.slug,
            "job_title_ar": "",
            "job_title_en": "",
            "bio_ar": "",
            "bio_en": "",
            "masthead_role": StaffMember.MastheadRole.EDITOR_IN_CHIEF,
            "masthead_order": "1",
            "user": "",
        },
    )
    assert response.status_code == 302

    page = admin_client.get("/").text
    assert re.search(r"رئيس التحرير\s*<bdi[^>]*>اسم المحرر</bdi>", page)


def test_ticker_items_are_reordered_from_the_list(admin_client):
    first, second = TickerItemFactory(order=1), TickerItemFactory(order=2)
    url = reverse("admin:ticker_tickeritem_changelist")

    response = admin_client.post(
        url,
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": first.pk,
            "form-0-order": "5",
            "form-0-is_breaking": "on",
            "form-1-id": second.pk,
            "form-1-order": "1",
            "_save": "حفظ",
        },
    )

    assert response.status_code == 302
    assert list(TickerItem.objects.live()) == [second, first]
    assert TickerItem.objects.get(pk=first.pk).is_breaking


def test_changing_the_slug_in_the_admin_keeps_old_links_working(admin_client):
    article = ArticleFactory(title_ar="عنوان قديم")
    old_url = article.get_absolute_url()
    data = {
        "title_ar": "عنوان قديم", "title_en": "", "kicker_ar": "", "kicker_en": "",
        "summary_ar": article.summary_ar, "summary_en": "", "body_ar": article.body_ar,
        "body_en": "", "section": article.section.pk, "authors": [], "tags": "",
        "lead_image": "", "status": article.status, "slug": "رابط-جديد",
        "edited_version": article.version,
        "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S"),
    }  # fmt: skip

    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302

    redirect = admin_client.get(old_url)
    assert redirect.status_code == 301
    assert unquote(redirect["Location"]) == f"/news/{article.pk}/رابط-جديد/"


def test_role_groups_are_listed_with_arabic_names(admin_client):
    page = admin_client.get(reverse("admin:auth_group_changelist")).text

    assert "مراسل" in page and "محرر" in page and "رئيس التحرير" in page
