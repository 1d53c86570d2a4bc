"""Every road by which content changes purges exactly the pages that show it,
once the change is committed; on local memory and on the real Redis."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from articles.models import Article
from articles.services import (
    article_archive,
    article_publish,
    article_return_to_draft,
    image_make_renditions,
)
from newsroom.models import Publication, StaffMember
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    MastheadTermFactory,
    PolicyPageFactory,
    SectionFactory,
    SpellingVariantFactory,
    StaffMemberFactory,
    TickerItemFactory,
    UserFactory,
)
from tests.pagecache.conftest import outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as its own committed transaction (purges run on commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def warm(client):
    """Request each address once, so each is stored."""

    def warm(*urls):
        for url in urls:
            outcome(client, url)

    return warm


def page(client, url):
    response = client.get(url)
    return response["X-Page-Cache"], response.content.decode()


def test_editing_an_article_purges_its_pages_and_leaves_the_other_alone(
    client, page_cache, newsroom, committed, warm
):
    edited, other = newsroom
    warm(edited.get_absolute_url(), other.get_absolute_url(), "/", other.section.get_absolute_url())

    with committed():
        edited.title_ar = "عنوان بعد التصحيح"
        edited.save()

    assert page(client, edited.get_absolute_url())[0] == "miss"
    assert "عنوان بعد التصحيح" in client.get(edited.get_absolute_url()).text
    home = client.get("/")
    assert "عنوان بعد التصحيح" in home.text  # the home page shows it, so it was purged
    assert outcome(client, other.get_absolute_url()) == "hit"
    # A new headline does not move the story in any list: the other section stays.
    assert outcome(client, other.section.get_absolute_url()) == "hit"


def test_nothing_is_purged_before_the_commit_nor_after_a_rollback(
    client, page_cache, newsroom, django_capture_on_commit_callbacks
):
    story = newsroom[0]
    url = story.get_absolute_url()
    outcome(client, url)

    with django_capture_on_commit_callbacks() as callbacks:
        story.title_ar = "عنوان لم يلتزم بعد"
        story.save()
        assert outcome(client, url) == "hit"  # not committed yet: readers see the old page
    assert callbacks

    with transaction.atomic():
        story.title_ar = "عنوان سيلغى"
        story.save()
        transaction.set_rollback(True)
    assert outcome(client, url) == "hit"


def test_publishing_through_the_service_shows_the_story_on_its_lists_only(
    client, page_cache, newsroom, committed, warm
):
    draft = ArticleFactory(draft=True, title_ar="خبر ينشر الآن", section=newsroom[0].section)
    lists = ["/", newsroom[0].section.get_absolute_url(), "/feeds/rss/", "/sitemap.xml"]
    warm(*lists, newsroom[1].section.get_absolute_url(), newsroom[1].get_absolute_url())

    with committed():
        article_publish(article=draft, by=UserFactory(role="Editor"))

    assert [page(client, url)[0] for url in lists] == ["miss"] * len(lists)
    assert "خبر ينشر الآن" in client.get("/").text
    assert outcome(client, newsroom[1].section.get_absolute_url()) == "hit"
    assert outcome(client, newsroom[1].get_absolute_url()) == "hit"


def test_unpublishing_and_archiving_take_the_story_off_at_once(
    client, page_cache, newsroom, committed, warm
):
    story = newsroom[0]
    editor = UserFactory(role="Editor")
    warm("/", story.get_absolute_url())

    with committed():
        article_return_to_draft(article=story, by=editor, note="خطأ في الأرقام")

    assert client.get(story.get_absolute_url()).status_code == 404
    assert story.title_ar not in client.get("/").text
    warm("/")
    with committed():
        article_archive(article=article_publish(article=story, by=editor), by=editor)
    assert story.title_ar not in client.get("/").text


def test_saving_in_the_admin_and_changing_tags_there_purges_old_and_new_tag_pages(
    client, editor_client, page_cache, newsroom, committed, warm
):
    story, other = newsroom
    warm("/tag/أسواق/", "/tag/كرة/", other.get_absolute_url())

    with committed():
        story.refresh_from_db()
        response = editor_client.post(
            change_url(story), form_data(story, title_ar="عنوان من الإدارة", tags="كرة")
        )
        assert response.status_code == 302

    assert "عنوان من الإدارة" in client.get("/tag/كرة/").text
    assert client.get("/tag/أسواق/").status_code == 404  # no published story carries it now
    # The other story's page lists related stories of its tag «كرة»: now this one.
    assert "عنوان من الإدارة" in client.get(other.get_absolute_url()).text


def test_tags_and_authors_changed_through_the_orm_purge_their_lists(
    client, page_cache, newsroom, committed, warm
):
    story, other = newsroom
    reporter = other.authors.first()
    warm("/tag/كرة/", reporter.get_absolute_url(), "/sitemap-tags.xml", "/sitemap-authors.xml")

    with committed():
        story.tags.add("كرة")
    assert story.title_ar in client.get("/tag/كرة/").text

    with committed():
        story.authors.add(reporter)
    assert story.title_ar in client.get(reporter.get_absolute_url()).text

    warm(reporter.get_absolute_url())
    with committed():
        reporter.articles.remove(story)  # from the other side of the relation
    assert story.title_ar not in client.get(reporter.get_absolute_url()).text

    warm(reporter.get_absolute_url())
    with committed():
        other.authors.clear()
    assert client.get(reporter.get_absolute_url()).status_code == 200
    assert other.title_ar not in client.get(reporter.get_absolute_url()).text


def test_the_home_page_bulk_pin_purges_the_home_page(
    client, editor_client, page_cache, newsroom, committed, warm
):
    warm("/", newsroom[1].get_absolute_url())

    with committed():
        editor_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "feature_selected", "_selected_action": [newsroom[0].pk]},
        )

    assert outcome(client, "/") == "miss"
    assert outcome(client, newsroom[1].get_absolute_url()) == "hit"


def test_restoring_a_revision_shows_the_restored_text(
    client, editor_client, page_cache, newsroom, committed
):
    story = newsroom[0]
    for title in ("النص القديم", "النص الجديد"):
        story.refresh_from_db()
        with committed():
            editor_client.post(change_url(story), form_data(story, title_ar=title))
    old = Version.objects.get_for_object(story).last()
    assert "النص الجديد" in client.get(story.get_absolute_url()).text

    story.refresh_from_db()
    with committed():
        editor_client.post(
            reverse("admin:articles_article_revision", args=[story.pk, old.pk]),
            form_data(story, title_ar="النص القديم"),
        )

    assert "النص القديم" in client.get(story.get_absolute_url()).text


def test_image_caption_edits_reach_the_pages_showing_the_image(
    client, page_cache, newsroom, committed, warm
):
    story, other = newsroom
    warm(story.get_absolute_url(), other.get_absolute_url())

    with committed():
        image = story.lead_image
        image.caption_ar = "تعليق جديد على الصورة"
        image.save()

    assert "تعليق جديد على الصورة" in client.get(story.get_absolute_url()).text
    assert outcome(client, other.get_absolute_url()) == "hit"


def test_moving_an_images_focal_point_gives_its_pages_the_new_crops(
    client, editor_client, page_cache, newsroom, committed, warm
):
    story, other = newsroom
    with committed():
        image = image_make_renditions(image=story.lead_image)
    warm(story.get_absolute_url(), other.get_absolute_url())
    fields = {"alt_text_ar": image.alt_text_ar, "focal_x": "0.25", "focal_y": "0.5"}

    with committed():
        response = editor_client.post(
            reverse("admin:articles_image_change", args=[image.pk]), fields
        )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.crops["16x9"]["name"].endswith("16x9-250-500.jpg")
    assert image.crops["16x9"]["name"] in client.get(story.get_absolute_url()).text
    assert outcome(client, other.get_absolute_url()) == "hit"


def test_chrome_edits_reach_every_page(client, page_cache, newsroom, committed, warm):
    urls = ["/", newsroom[1].get_absolute_url(), "/en/"]
    warm(*urls)
    with committed():
        SectionFactory(name_ar="قسم جديد في الشريط")
    assert all("قسم جديد في الشريط" in client.get(url).text for url in urls[:2])

    warm(*urls)
    with committed():
        publication = Publication.load()
        publication.name_ar = "اسم الصحيفة الجديد"
        publication.save()
    assert "اسم الصحيفة الجديد" in client.get(urls[1]).text

    warm(*urls)
    with committed():
        TickerItemFactory(text_ar="عاجل: خبر جديد في الشريط")
    assert all("عاجل: خبر جديد في الشريط" in client.get(url).text for url in urls[:2])
    assert "عاجل: خبر جديد في الشريط" in client.get("/ticker.json").content.decode()


def test_masthead_and_byline_edits(client, page_cache, newsroom, committed, warm):
    story, other = newsroom
    reporter = story.authors.first()
    warm("/", story.get_absolute_url(), other.get_absolute_url())

    with committed():
        reporter.name_ar = "اسم المراسل بعد التعديل"
        reporter.save()
    assert "اسم المراسل بعد التعديل" in client.get(story.get_absolute_url()).text
    assert outcome(client, other.get_absolute_url()) == "hit"

    with committed():
        reporter.masthead_role = StaffMember.MastheadRole.MANAGING_EDITOR
        reporter.save()
    assert "اسم المراسل بعد التعديل" in client.get(other.get_absolute_url()).text


def test_deleting_an_article_purges_its_pages(client, page_cache, newsroom, committed, warm):
    story, other = newsroom
    warm("/", story.get_absolute_url(), "/tag/أسواق/", other.get_absolute_url())

    with committed():
        Article.objects.filter(pk=story.pk).delete()

    assert client.get(story.get_absolute_url()).status_code == 404
    assert story.title_ar not in client.get("/").text
    assert outcome(client, other.get_absolute_url()) == "hit"


def test_a_management_command_purges_what_it_changes(client, page_cache, db, committed):
    warm_text = client.get("/").text
    assert "الأفق اليوم" not in warm_text

    with committed():
        call_command("seed_demo", verbosity=0)

    assert "الأفق اليوم" in client.get("/").text


def test_purge_pages_purges_everything(client, page_cache, newsroom, warm):
    urls = ["/", newsroom[0].get_absolute_url(), "/robots.txt"]
    warm(*urls)

    call_command("purge_pages")

    assert [outcome(client, url) for url in urls] == ["miss", "miss", "miss"]


def test_an_unrelated_draft_edit_purges_no_public_page(
    client, page_cache, newsroom, committed, warm
):
    draft = ArticleFactory(draft=True, tags=["أسواق"], section=newsroom[0].section)
    urls = ["/", "/tag/أسواق/", newsroom[0].get_absolute_url(), "/sitemap.xml"]
    warm(*urls)

    with committed():
        draft.title_ar = "مسودة معدلة"
        draft.save()
        draft.tags.add("كرة")
        draft.authors.add(StaffMemberFactory())

    assert [outcome(client, url) for url in urls] == ["hit"] * len(urls)


def test_a_new_spelling_variant_purges_the_search_pages_only(
    client, page_cache, newsroom, committed, warm
):
    edited, other = newsroom
    with committed():
        edited.title_ar = "زيارة شفارتسنيغر إلى المعرض"
        edited.save()
    search = "/search/?q=" + "شوارزنيجر"
    warm(search, other.get_absolute_url())
    assert page(client, search)[0] == "hit"

    with committed():
        SpellingVariantFactory(spellings="شفارتسنيغر، شوارزنيجر")

    status, text = page(client, search)
    assert status == "miss" and "<mark>شفارتسنيغر</mark>" in text
    assert outcome(client, other.get_absolute_url()) == "hit"


def test_masthead_terms_purge_the_masthead_line_and_page(
    client, page_cache, newsroom, committed, warm
):
    story, _other = newsroom
    warm("/", story.get_absolute_url(), "/masthead/", "/masthead/?on=2020-01-01")
    successor = StaffMemberFactory(name_ar="رئيسة التحرير الجديدة")

    with committed():
        MastheadTermFactory(staff_member=successor, role="managing_editor")

    for url in ("/", story.get_absolute_url(), "/masthead/"):
        assert "رئيسة التحرير الجديدة" in client.get(url).text, url
    assert "رئيسة التحرير الجديدة" in client.get("/masthead/?on=2020-01-01").text  # history


def test_a_policy_text_edit_purges_its_page_only(client, page_cache, newsroom, committed, warm):
    story, _other = newsroom
    policy = PolicyPageFactory(title_ar="ميثاق التحرير")
    warm("/", story.get_absolute_url(), policy.get_absolute_url())

    with committed():
        policy.body_ar = "<p>نص الميثاق بعد المراجعة.</p>"
        policy.save()

    assert "نص الميثاق بعد المراجعة" in client.get(policy.get_absolute_url()).text
    assert outcome(client, "/") == "hit"
    assert outcome(client, story.get_absolute_url()) == "hit"


def test_a_policy_title_edit_purges_every_footer(client, page_cache, newsroom, committed, warm):
    story, _other = newsroom
    policy = PolicyPageFactory(title_ar="ميثاق التحرير", kind="ethics")
    warm("/", story.get_absolute_url(), policy.get_absolute_url())

    with committed():
        policy.title_ar = "ميثاق الشرف الصحفي"
        policy.save()

    for url in ("/", story.get_absolute_url(), policy.get_absolute_url()):
        assert "ميثاق الشرف الصحفي" in client.get(url).text, url


def test_a_new_policy_page_answers_at_an_address_that_was_a_404(
    client, page_cache, newsroom, committed
):
    assert client.get("/about/الخصوصية/").status_code == 404

    with committed():
        PolicyPageFactory(title_ar="الخصوصية", slug="الخصوصية")

    assert client.get("/about/الخصوصية/").status_code == 200


def test_naming_a_tag_in_english_purges_the_pages_showing_it(
    client, editor_client, page_cache, newsroom, committed, warm
):
    story, other = newsroom
    story.title_en = "A story English feeds carry"
    story.save()
    with translation.override("en"):
        pages = [story.get_absolute_url(), reverse("articles:tag", args=["أسواق"]),
                 reverse("feeds:rss"), "/api/v1/tags/"]  # fmt: skip
        unrelated = other.get_absolute_url()
    tag = story.tags.get()
    warm(*pages, unrelated)

    with committed():
        response = editor_client.post(
            reverse("admin:articles_tag_change", args=[tag.pk]),
            {"name_ar": "أسواق", "name_en": "Markets"},
        )
        assert response.status_code == 302

    for url in pages:
        assert "Markets" in client.get(url).text, url
    assert outcome(client, unrelated) == "hit"
