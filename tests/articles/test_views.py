import re
from datetime import timedelta
from urllib.parse import quote, unquote

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from articles.models import Tag
from tests.factories import ArticleFactory, SectionFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db


def html_attributes(response) -> dict[str, str]:
    opening = re.search(r"<html([^>]*)>", response.text).group(1)
    return dict(re.findall(r'(\w+)="([^"]*)"', opening))


@pytest.fixture
def story(site_chrome):
    """A published article with a lead image, an author and two Arabic tags."""
    return ArticleFactory(
        title_ar="البرلمان يُقِرّ قانون «الإدارة المحلية»، بعد نقاش طويل",
        with_image=True,
        authors=[StaffMemberFactory(name_ar="مراسلة الشؤون المحلية")],
        tags=["الإدارة المحلية", "البرلمان"],
    )


def public_pages(story) -> dict[str, str]:
    return {
        "home": "/",
        "section": story.section.get_absolute_url(),
        "tag": reverse("articles:tag", kwargs={"slug": story.tags.first().slug}),
        "author": story.authors.first().get_absolute_url(),
        "article": story.get_absolute_url(),
    }


@pytest.mark.parametrize("page", ["home", "section", "tag", "author", "article"])
def test_every_public_page_shows_masthead_and_ticker(client, story, site_chrome, page):
    response = client.get(public_pages(story)[page])

    assert response.status_code == 200
    text = response.text
    assert html_attributes(response) == {"lang": "ar", "dir": "rtl"}
    assert "صحيفة الاختبار" in text
    masthead_line = re.search(r'<p class="masthead__line[^"]*">(.*?)</p>', text, re.S).group(1)
    assert re.search(
        r"رئيس مجلس الإدارة\s*<bdi[^>]*>" + site_chrome.chairman.name_ar, masthead_line
    )
    assert re.search(
        r"رئيس التحرير\s*<bdi[^>]*>" + site_chrome.editor_in_chief.name_ar, masthead_line
    )
    assert "عاجل.. خبر الشريط «الأول»، والتفاصيل لاحقًا" in text.replace("&laquo;", "«")
    assert 'id="ticker-pause"' in text


@pytest.mark.parametrize("page", ["home", "section", "tag", "author", "article"])
def test_english_pages_are_left_to_right_and_fall_back_to_arabic(client, story, page):
    response = client.get("/en" + public_pages(story)[page])

    assert response.status_code == 200
    assert html_attributes(response) == {"lang": "en", "dir": "ltr"}
    # Nothing is translated yet, so readers get the Arabic original rather than blanks.
    assert "The Test Daily" in response.text
    assert story.title_ar in response.text


def test_english_page_shows_the_translation_when_there_is_one(client, site_chrome):
    article = ArticleFactory(title_ar="العنوان بالعربية", title_en="The headline in English")
    url = article.get_absolute_url()

    english = client.get("/en" + url)
    arabic = client.get(url)

    assert "The headline in English" in english.text
    assert "العنوان بالعربية" not in english.text
    assert "العنوان بالعربية" in arabic.text


def test_unprefixed_pages_stay_arabic_whatever_the_browser_prefers(client, site_chrome):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})

    assert html_attributes(response)["lang"] == "ar"
    assert response["Content-Language"] == "ar"


@pytest.mark.parametrize("path", ["/", "/en/", "/feeds/rss/", "/sitemap.xml", "/ticker.json"])
def test_caches_keep_one_copy_per_address_not_per_browser_language(client, site_chrome, path):
    """The address says the language, so responses do not vary on Accept-Language."""
    response = client.get(path, headers={"accept-language": "en-US,en;q=0.9"})

    assert response.status_code == 200
    assert "accept-language" not in response.get("Vary", "").lower()


def test_language_link_points_to_the_same_page_in_the_other_language(client, story):
    url = story.get_absolute_url()

    assert f'href="/en{url}"' in client.get(url).text
    assert f'href="{url}"' in client.get("/en" + url).text


def test_article_page_shows_everything_a_reader_expects(client, story):
    response = client.get(story.get_absolute_url())
    text = response.text

    assert story.section.name_ar in text
    assert "<h1" in text and "البرلمان يُقِرّ قانون" in text
    assert f'width="{story.lead_image.width}" height="{story.lead_image.height}"' in text
    assert "تعليق على الصورة" in text and "وكالة الصور" in text
    assert "مراسلة الشؤون المحلية" in text
    published = timezone.localtime(story.published_at).isoformat(timespec="seconds")
    assert f'<time datetime="{published}">' in text
    assert "<h2>عنوان فرعي</h2>" in text
    assert "الإدارة المحلية" in text and 'rel="tag"' in text
    canonical = "http://testserver" + iri_to_uri(story.get_absolute_url())
    assert f'<link rel="canonical" href="{canonical}">' in text


def test_related_topics_list_articles_sharing_tags(client, story):
    neighbour = ArticleFactory(title_ar="خبر يشارك الوسم", tags=["البرلمان"])
    stranger = ArticleFactory(title_ar="خبر بلا صلة", tags=["الرياضة"])
    hidden = ArticleFactory(title_ar="مسودة تشارك الوسم", tags=["البرلمان"], draft=True)

    text = client.get(story.get_absolute_url()).text

    assert "موضوعات متعلقة" in text
    assert neighbour.title_ar in text
    assert stranger.title_ar not in text
    assert hidden.title_ar not in text


def test_arabic_slug_is_made_from_the_headline(story):
    assert story.slug == "البرلمان-يقر-قانون-الإدارة-المحلية-بعد-نقاش-طويل"
    assert story.get_absolute_url() == quote(f"/news/{story.pk}/{story.slug}/")


@pytest.mark.parametrize("wrong", ["", "old-slug", "البرلمان"])
def test_wrong_or_missing_slug_redirects_permanently_to_canonical(client, story, wrong):
    url = f"/news/{story.pk}/{wrong + '/' if wrong else ''}"

    response = client.get(url)

    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()


def test_english_canonical_redirect_keeps_the_english_prefix(client, story):
    canonical = story.get_absolute_url()

    response = client.get(f"/en/news/{story.pk}/wrong/")

    assert response.status_code == 301
    assert response["Location"] == "/en" + canonical


def test_old_slug_keeps_working_after_the_slug_changes(client, story):
    old_url = story.get_absolute_url()
    story.slug = "عنوان-جديد"
    story.save()

    response = client.get(old_url, follow=True)

    assert response.redirect_chain == [(quote(f"/news/{story.pk}/عنوان-جديد/"), 301)]
    assert response.status_code == 200


def test_arabic_url_is_served_encoded_or_not(client, story):
    encoded = story.get_absolute_url()

    assert client.get(encoded).status_code == 200
    assert client.get(unquote(encoded)).status_code == 200


def test_tag_page_lists_published_articles_with_that_tag(client, story):
    other = ArticleFactory(tags=["البرلمان"])
    ArticleFactory(tags=["الرياضة"], title_ar="خبر رياضي")
    tag = story.tags.get(name="البرلمان")

    response = client.get(f"/tag/{tag.slug}/")

    assert tag.slug == "البرلمان"
    assert response.status_code == 200
    assert story.title_ar in response.text and other.title_ar in response.text
    assert "خبر رياضي" not in response.text


def test_tag_carried_only_by_drafts_is_not_revealed(client, site_chrome):
    ArticleFactory(draft=True, tags=["ملف سري"])

    assert client.get("/tag/ملف-سري/").status_code == 404


@pytest.mark.parametrize("trait", ["draft", "in_review", "archived", "scheduled"])
def test_unpublished_article_is_invisible_everywhere(client, site_chrome, trait):
    author = StaffMemberFactory()
    hidden = ArticleFactory(
        **{trait: True}, title_ar="خبر لا يراه القراء", tags=["وسم مشترك"], authors=[author]
    )
    visible = ArticleFactory(section=hidden.section, tags=["وسم مشترك"], authors=[author])

    assert client.get(hidden.get_absolute_url()).status_code == 404
    for url in [
        "/",
        hidden.section.get_absolute_url(),
        "/tag/وسم-مشترك/",
        author.get_absolute_url(),
        visible.get_absolute_url(),
        "/en/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "خبر لا يراه القراء" not in response.text, url


def test_scheduled_article_goes_live_on_time(client, site_chrome):
    publish_at = timezone.now() + timedelta(hours=3)
    article = ArticleFactory(published_at=publish_at, title_ar="خبر مجدول")

    assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(publish_at + timedelta(minutes=1)):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert "خبر مجدول" in client.get("/").text


@pytest.mark.parametrize("url", ["/section/لا-يوجد/", "/author/لا-يوجد/", "/tag/لا-يوجد/",
                                 "/news/999999/x/", "/nothing-here/"])  # fmt: skip
def test_unknown_pages_get_the_arabic_404_page(client, site_chrome, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.text
    assert html_attributes(response) == {"lang": "ar", "dir": "rtl"}


def test_english_404_page_is_in_english(client, site_chrome):
    response = client.get("/en/nothing-here/")

    assert response.status_code == 404
    assert "Page not found" in response.text


class TestPagination:
    @pytest.fixture
    def section(self, site_chrome, settings):
        section = SectionFactory()
        for hours in range(1, settings.ARTICLES_PER_PAGE + 4):
            ArticleFactory(section=section, published_at=timezone.now() - timedelta(hours=hours))
        return section

    def test_second_page_lists_the_older_articles(self, client, section, settings):
        first = client.get(section.get_absolute_url())
        second = client.get(section.get_absolute_url() + "?page=2")

        assert len(first.context["articles"]) == settings.ARTICLES_PER_PAGE
        assert len(second.context["articles"]) == 3
        assert set(first.context["articles"]).isdisjoint(second.context["articles"])
        assert 'rel="next" href="?page=2"' in first.text
        assert f'rel="prev" href="{section.get_absolute_url()}"' in second.text

    @pytest.mark.parametrize("page", ["0", "-1", "3", "999999", "abc", "1.5", "2x", "٣"])
    def test_bad_page_numbers_are_404(self, client, section, page):
        assert client.get(section.get_absolute_url(), {"page": page}).status_code == 404

    def test_arabic_indic_page_number_is_understood(self, client, section):
        response = client.get(section.get_absolute_url(), {"page": "٢"})

        assert response.status_code == 200
        assert response.context["page_obj"].number == 2

    @pytest.mark.parametrize("url", ["/", "/en/"])
    def test_home_paginates_too(self, client, section, url):
        assert client.get(url + "?page=2").status_code == 200
        assert client.get(url + "?page=99").status_code == 404


def test_empty_site_home_page_works(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert "لم تُنشر أي مقالات بعد" in response.text


def test_public_pages_may_be_cached_briefly_but_errors_and_admin_may_not(client, story, midday):
    page = client.get(story.get_absolute_url())
    missing = client.get("/news/999999/x/")
    admin = client.get("/admin/")

    assert page["Cache-Control"] == (
        "public, max-age=60, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400"
    )
    assert "public" not in missing.get("Cache-Control", "")
    assert "public" not in admin.get("Cache-Control", "")
    assert "private" in admin["Cache-Control"] or "no-cache" in admin["Cache-Control"]


def test_arabic_text_shown_on_english_pages_is_marked_arabic(client, site_chrome):
    translated = ArticleFactory(title_ar="خبر مترجم", title_en="A translated story")
    untranslated = ArticleFactory(title_ar="خبر غير مترجم")
    urls = {
        "translated": translated.get_absolute_url(),
        "untranslated": untranslated.get_absolute_url(),
    }

    home = client.get("/en/").text
    page = client.get("/en" + urls["untranslated"]).text

    assert f'href="/en{urls["translated"]}" lang="en" dir="ltr">A translated story<' in home
    assert f'href="/en{urls["untranslated"]}" lang="ar" dir="rtl">خبر غير مترجم<' in home
    assert '<h1 class="article__title" lang="ar" dir="rtl">خبر غير مترجم</h1>' in page


def test_arabic_text_opening_with_a_latin_name_stays_right_to_left(client, site_chrome):
    article = ArticleFactory(
        title_ar="iPhone يصل إلى الأسواق العربية",
        body_ar="<p>«BBC» قالت إن الجهاز يصل الأسبوع المقبل.</p>",
    )

    page = client.get(article.get_absolute_url()).text

    assert '<h1 class="article__title" lang="ar" dir="rtl">iPhone يصل' in page
    assert '<div class="article__body prose" lang="ar" dir="rtl">' in page


def test_english_pages_show_a_tags_english_name_or_its_arabic_one_marked_arabic(
    client, site_chrome
):
    article = ArticleFactory(title_en="Talks resume", tags=["غزة", "رفح"])
    Tag.objects.filter(name_ar="غزة").update(name_en="Gaza")

    url = article.get_absolute_url()

    english, arabic = client.get("/en" + url).text, client.get(url).text

    assert 'rel="tag" lang="en" dir="ltr">Gaza</a>' in english
    assert 'rel="tag" lang="ar" dir="rtl">رفح</a>' in english
    assert "غزة" not in english
    assert 'rel="tag" lang="ar" dir="rtl">غزة</a>' in arabic
    assert "Gaza" not in arabic


def test_a_tag_page_in_english_is_headed_by_its_english_name(client, site_chrome):
    ArticleFactory(tags=["غزة", "رفح"])
    Tag.objects.filter(name_ar="غزة").update(name_en="Gaza")
    gaza, rafah = (iri_to_uri(f"/en/tag/{slug}/") for slug in ("غزة", "رفح"))

    named, unnamed = client.get(gaza).text, client.get(rafah).text

    assert "<title>Gaza | The Test Daily</title>" in named
    assert '<h1 class="listing__title" lang="en" dir="ltr">Gaza</h1>' in named
    assert '<h1 class="listing__title" lang="ar" dir="rtl">رفح</h1>' in unnamed
    assert "<title>غزة | صحيفة الاختبار</title>" in client.get(iri_to_uri("/tag/غزة/")).text
