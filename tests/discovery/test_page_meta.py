"""What article and home pages tell search engines and social networks."""

import json
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from lxml import html
from PIL import Image as PillowImage

from articles.models import Tag
from articles.previews import preview_url
from articles.services import image_make_renditions
from newsroom.languages import url_in
from newsroom.models import Publication
from tests.factories import ArticleFactory, ImageFactory
from tests.images import encoded, is_red, photo, with_patch

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def head(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content)


def json_ld(page, kind: str) -> dict:
    scripts = [json.loads(s.text) for s in page.xpath('//script[@type="application/ld+json"]')]
    (data,) = [data for data in scripts if data["@type"] == kind]
    return data


def properties(page) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in page.xpath("//meta[@property or @name]"):
        key = meta.get("property") or meta.get("name")
        found.setdefault(key, []).append(meta.get("content"))
    return found


def alternates(page) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in page.xpath("//link[@hreflang]")}


@pytest.fixture
def logo(site_chrome):
    publication = site_chrome.publication
    publication.logo.save("logo.png", ContentFile(encoded(photo((120, 60)), "PNG")))
    return publication


def test_article_carries_news_article_json_ld(client, archive, logo):
    article = archive.translated
    page = head(client, article.get_absolute_url())

    data = json_ld(page, "NewsArticle")

    canonical = SITE + iri_to_uri(article.get_absolute_url())
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.title_ar
    assert data["description"] == article.summary_ar
    image = article.lead_image
    assert data["image"] == [
        {
            "@type": "ImageObject",
            "url": SITE + image.file.url,
            "width": image.width,
            "height": image.height,
        }
    ]
    assert data["datePublished"] == timezone.localtime(article.published_at).isoformat(
        timespec="seconds"
    )
    assert data["datePublished"].endswith("+02:00")  # Cairo, the default time zone
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": archive.author.name_ar,
            "url": SITE + iri_to_uri(archive.author.get_absolute_url()),
        }
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "صحيفة الاختبار"
    assert publisher["logo"]["url"] == SITE + logo.logo.url
    assert (publisher["logo"]["width"], publisher["logo"]["height"]) == (120, 60)
    assert data["articleSection"] == "اقتصاد"
    assert sorted(data["keywords"]) == ["البنوك", "الفائدة"]
    assert data["inLanguage"] == "ar"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical}


def test_article_carries_breadcrumbs_from_home_through_its_section(client, archive):
    article = archive.translated
    page = head(client, article.get_absolute_url())

    crumbs = json_ld(page, "BreadcrumbList")["itemListElement"]

    assert [(c["position"], c["name"]) for c in crumbs] == [
        (1, "صحيفة الاختبار"),
        (2, "اقتصاد"),
        (3, article.title_ar),
    ]
    assert crumbs[1]["item"] == SITE + iri_to_uri(archive.section.get_absolute_url())


def test_article_carries_open_graph_and_a_large_twitter_card(client, archive):
    article = archive.translated
    page = head(client, article.get_absolute_url())

    meta = properties(page)

    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == [article.title_ar]
    assert meta["og:url"] == [SITE + iri_to_uri(article.get_absolute_url())]
    assert meta["og:image"] == [SITE + article.lead_image.file.url]
    assert meta["og:image:width"] == [str(article.lead_image.width)]
    assert meta["og:locale"] == ["ar_AR"] and meta["og:locale:alternate"] == ["en_US"]
    assert meta["article:section"] == ["اقتصاد"]
    assert sorted(meta["article:tag"]) == ["البنوك", "الفائدة"]
    assert meta["article:author"] == [SITE + iri_to_uri(archive.author.get_absolute_url())]
    assert meta["article:published_time"][0].endswith("+02:00")
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["description"] == [article.summary_ar]


def test_translated_article_pages_name_each_other_both_ways(client, archive):
    article = archive.translated
    arabic, english = SITE + url_in("ar", article), SITE + url_in("en", article)

    from_arabic = alternates(head(client, url_in("ar", article)))
    english_page = head(client, url_in("en", article))

    expected = {"ar": arabic, "en": english, "x-default": arabic}
    assert from_arabic == expected
    assert alternates(english_page) == expected
    assert english_page.xpath('//link[@rel="canonical"]/@href') == [english]
    assert json_ld(english_page, "NewsArticle")["inLanguage"] == "en"


def test_untranslated_article_has_no_english_alternate_and_one_canonical(client, archive):
    article = archive.arabic_only
    arabic = SITE + url_in("ar", article)

    english_page = head(client, url_in("en", article))

    assert alternates(english_page) == {"ar": arabic, "x-default": arabic}
    # The English page shows the Arabic text: the Arabic page is the one to index.
    assert english_page.xpath('//link[@rel="canonical"]/@href') == [arabic]


def test_no_headline_can_break_out_of_the_json_ld_script(client, site_chrome):
    title = 'خبر </script><script>alert("x")</script> & <!-- تعليق'
    article = ArticleFactory(title_ar=title)

    body = client.get(article.get_absolute_url()).content.decode()

    assert "</script><script>" not in body
    assert "<!--" not in body
    page = html.fromstring(body)
    assert json_ld(page, "NewsArticle")["headline"] == title
    assert page.xpath("//script[not(@type) and not(@src)]") == []  # nothing injected runs


def test_home_page_offers_the_site_search_to_search_engines(client, site_chrome):
    page = head(client, "/")

    website = json_ld(page, "WebSite")

    assert website["url"] == SITE + "/"
    assert website["name"] == "صحيفة الاختبار"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == SITE + "/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert alternates(page) == {"ar": SITE + "/", "en": SITE + "/en/", "x-default": SITE + "/"}


def test_a_preview_carries_no_canonical_address_or_structured_data(client, archive):
    page = head(client, preview_url(archive.draft.pk))

    assert page.xpath('//link[@rel="canonical"]') == []
    assert page.xpath('//script[@type="application/ld+json"]') == []
    assert page.xpath('//meta[@name="robots"]/@content') == ["noindex, nofollow"]


def test_listing_pages_name_their_address_in_each_language(client, archive):
    path = archive.section.get_absolute_url()
    arabic = SITE + iri_to_uri(path)

    page = head(client, path)

    assert page.xpath('//link[@rel="canonical"]/@href') == [arabic]
    assert alternates(page) == {
        "ar": arabic,
        "en": SITE + "/en" + iri_to_uri(path),
        "x-default": arabic,
    }
    assert properties(page)["og:title"] == ["اقتصاد"]


def test_a_later_page_of_a_listing_is_its_own_canonical(client, site_chrome, settings):
    ArticleFactory.create_batch(settings.ARTICLES_PER_PAGE + 2)

    page = head(client, "/?page=2")

    assert page.xpath('//link[@rel="canonical"]/@href') == [SITE + "/?page=2"]
    assert alternates(page)["en"] == SITE + "/en/?page=2"


def test_a_logo_whose_file_went_missing_breaks_nothing(client, logo):
    logo.logo.storage.delete(logo.logo.name)
    Publication.objects.filter(pk=logo.pk).update(logo_width=None, logo_height=None)
    article = ArticleFactory()

    page = head(client, article.get_absolute_url())

    publisher = json_ld(page, "NewsArticle")["publisher"]
    assert publisher["logo"] == {"@type": "ImageObject", "url": SITE + logo.logo.url}


def lead_image_of(size: tuple[int, int], **focal):
    """A library image of ``size`` with every copy uploads get."""
    image = ImageFactory(file__width=size[0], file__height=size[1], **focal)
    return image_make_renditions(image=image)


def stored_size(url: str) -> tuple[int, int]:
    """The size in pixels of the file a crawler would fetch at ``url``."""
    name = unquote(url.removeprefix(SITE + settings.MEDIA_URL))
    with default_storage.open(name) as stored, PillowImage.open(stored) as picture:
        return picture.size


def test_crawlers_get_three_crops_of_a_large_lead_image_at_1200_pixels(client, site_chrome):
    article = ArticleFactory(lead_image=lead_image_of((1600, 900)))

    page = head(client, article.get_absolute_url())

    images = json_ld(page, "NewsArticle")["image"]
    assert [(i["width"], i["height"]) for i in images] == [(1200, 675), (1200, 900), (900, 900)]
    for image, (across, down) in zip(images, [(16, 9), (4, 3), (1, 1)], strict=True):
        assert image["@type"] == "ImageObject"
        assert image["width"] * down == image["height"] * across  # exactly the ratio
        assert stored_size(image["url"]) == (image["width"], image["height"])
    meta = properties(page)
    assert meta["og:image"] == [images[0]["url"]]
    assert int(meta["og:image:width"][0]) >= 1200
    assert (meta["og:image:width"], meta["og:image:height"]) == (["1200"], ["675"])
    assert meta["og:image:type"] == ["image/jpeg"]
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["robots"] == ["max-image-preview:large"]


def test_a_narrow_lead_image_is_offered_at_the_size_it_has(client, site_chrome):
    article = ArticleFactory(lead_image=lead_image_of((640, 360)))

    page = head(client, article.get_absolute_url())

    images = json_ld(page, "NewsArticle")["image"]
    assert [(i["width"], i["height"]) for i in images] == [(640, 360), (480, 360), (360, 360)]
    assert all(stored_size(i["url"]) == (i["width"], i["height"]) for i in images)
    meta = properties(page)
    assert (meta["og:image:width"], meta["og:image:height"]) == (["640"], ["360"])
    assert stored_size(meta["og:image"][0]) == (640, 360)


def test_the_crops_crawlers_get_keep_the_subject_at_the_focal_point(client, site_chrome):
    image = ImageFactory(
        file=ContentFile(encoded(with_patch((1600, 900), (0, 0, 120, 120)), "PNG"), "p.png"),
        focal_x=0.02,
        focal_y=0.05,
    )
    article = ArticleFactory(lead_image=image_make_renditions(image=image))

    images = json_ld(head(client, article.get_absolute_url()), "NewsArticle")["image"]

    for crop in images:
        name = unquote(crop["url"].removeprefix(SITE + settings.MEDIA_URL))
        with default_storage.open(name) as stored, PillowImage.open(stored) as picture:
            assert is_red(picture.getpixel((10, 10))), crop["url"]


def test_english_keywords_are_the_tags_english_names_where_they_have_one(client, archive):
    Tag.objects.filter(name_ar="البنوك").update(name_en="Banks")
    article = archive.translated
    urls = english, arabic = url_in("en", article), url_in("ar", article)

    keywords = {url: json_ld(head(client, url), "NewsArticle")["keywords"] for url in urls}

    assert sorted(keywords[english]) == ["Banks", "الفائدة"]
    assert sorted(keywords[arabic]) == ["البنوك", "الفائدة"]
