"""The publication's policy pages: their addresses, the footer, and the publisher's
structured data naming them."""

import json
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from lxml import html

from newsroom.languages import url_in
from newsroom.models import PolicyPage
from tests.factories import ArticleFactory, PolicyPageFactory

pytestmark = pytest.mark.django_db

Kind = PolicyPage.Kind


@pytest.fixture
def policies(site_chrome):
    return {
        kind: PolicyPageFactory(kind=kind, title_ar=title, order=order)
        for order, (kind, title) in enumerate(
            [
                (Kind.CORRECTIONS, "سياسة التصحيح"),
                (Kind.ETHICS, "ميثاق التحرير"),
                (Kind.OWNERSHIP, "الملكية والتمويل"),
                (Kind.FEEDBACK, "اتصل بنا"),
                (Kind.OTHER, "من نحن"),
            ]
        )
    }


def publisher(client, url: str) -> dict:
    page = html.fromstring(client.get(url).content)
    for script in page.xpath('//script[@type="application/ld+json"]'):
        data = json.loads(script.text)
        if "publisher" in data:
            return data["publisher"]
    raise AssertionError(f"no publisher on {url}")


def test_a_policy_page_keeps_its_arabic_address_and_reads_in_both_languages(client, policies):
    page = policies[Kind.CORRECTIONS]

    assert page.slug == "سياسة-التصحيح"
    assert unquote(page.get_absolute_url()) == "/about/سياسة-التصحيح/"
    arabic = client.get(page.get_absolute_url())
    english = client.get("/en" + page.get_absolute_url())
    assert arabic.status_code == english.status_code == 200
    assert "نصحّح أخطاءنا علنًا" in arabic.text
    assert "We correct our mistakes in public" in english.text
    assert 'hreflang="en"' in arabic.text


def test_an_unknown_policy_address_is_a_404(client, policies):
    assert client.get("/about/لا-توجد/").status_code == 404


def test_a_policy_body_is_sanitized_when_saved(policies):
    page = policies[Kind.ETHICS]
    page.body_ar = (
        '<p onclick="steal()">نص</p><script>steal()</script><a href="javascript:x">رابط</a>'
    )
    page.save()

    page.refresh_from_db()
    assert "script" not in page.body_ar and "onclick" not in page.body_ar
    assert "javascript" not in page.body_ar


def test_the_footer_links_every_policy_page_in_order_with_the_masthead(client, policies):
    page = html.fromstring(client.get("/").content)
    links = page.xpath('//ul[@class="site-footer__links"]/li/a')

    assert [a.text_content() for a in links] == [
        "هيئة التحرير",
        "تصحيحات وتوضيحات",
        "سياسة التصحيح",
        "ميثاق التحرير",
        "الملكية والتمويل",
        "اتصل بنا",
        "من نحن",
    ]
    for link in links:
        assert client.get(link.get("href")).status_code == 200


def test_the_publisher_names_each_policy_by_its_schema_org_property(client, policies):
    for url in ("/", ArticleFactory().get_absolute_url(), policies[Kind.ETHICS].get_absolute_url()):
        organization = publisher(client, url)

        assert organization["@type"] == "NewsMediaOrganization"
        expected = {
            "correctionsPolicy": Kind.CORRECTIONS,
            "ethicsPolicy": Kind.ETHICS,
            "publishingPrinciples": Kind.ETHICS,
            "ownershipFundingInfo": Kind.OWNERSHIP,
            "actionableFeedbackPolicy": Kind.FEEDBACK,
        }
        for prop, kind in expected.items():
            assert organization[prop] == "http://testserver" + policies[kind].get_absolute_url()
            assert client.get(organization[prop]).status_code == 200
        assert "diversityPolicy" not in organization  # no such page: not claimed


def test_english_pages_name_the_english_policy_addresses(client, policies):
    organization = publisher(client, "/en/")

    assert organization["correctionsPolicy"] == (
        "http://testserver" + url_in("en", policies[Kind.CORRECTIONS])
    )


def test_a_policy_page_is_a_web_page_of_the_publication(client, policies):
    page = html.fromstring(client.get(policies[Kind.OWNERSHIP].get_absolute_url()).content)
    [data] = [json.loads(s.text) for s in page.xpath('//script[@type="application/ld+json"]')]

    assert data["@type"] == "WebPage"
    assert data["name"] == "الملكية والتمويل"
    assert data["dateModified"].startswith(str(policies[Kind.OWNERSHIP].updated_at.year))
    assert data["publisher"]["name"] == "صحيفة الاختبار"


def test_each_kind_of_policy_has_one_page(policies):
    second = PolicyPage(
        title_ar="سياسة تصحيح ثانية", slug="ثانية", kind=Kind.CORRECTIONS, body_ar="<p>نص</p>"
    )

    with pytest.raises(ValidationError, match="هناك صفحة أخرى لهذه السياسة"):
        second.full_clean()


def test_free_pages_may_be_many(policies):
    PolicyPageFactory(kind=Kind.OTHER).full_clean()


def test_articles_link_the_feedback_and_corrections_policies(client, policies):
    article = ArticleFactory()

    page = html.fromstring(client.get(article.get_absolute_url()).content)

    links = page.xpath('//footer[@class="article__standards"]/p[last()]/a')
    assert [(a.text_content(), a.get("href")) for a in links] == [
        ("وجدت خطأ؟ أخبرنا", policies[Kind.FEEDBACK].get_absolute_url()),
        ("سياسة التصحيح", policies[Kind.CORRECTIONS].get_absolute_url()),
    ]


def test_the_corrections_archive_links_the_corrections_policy(client, policies):
    response = client.get("/corrections/")

    assert f'href="{policies[Kind.CORRECTIONS].get_absolute_url()}"' in response.text


def test_the_pages_sitemap_lists_the_masthead_and_the_policies_in_their_languages(client, policies):
    arabic_only = PolicyPageFactory(title_ar="الخصوصية", title_en="", body_en="")

    sitemap = unquote(client.get("/sitemap-pages.xml").text)

    assert "http://testserver/masthead/" in sitemap and "http://testserver/en/masthead/" in sitemap
    assert "http://testserver/about/سياسة-التصحيح/" in sitemap
    assert "http://testserver/en/about/سياسة-التصحيح/" in sitemap
    assert f"http://testserver/about/{arabic_only.slug}/" in sitemap
    assert f"http://testserver/en/about/{arabic_only.slug}/" not in sitemap
