from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(site_chrome):
    economy, sport = SectionFactory(name_ar="اقتصاد"), SectionFactory(name_ar="رياضة")
    return {
        "bank": ArticleFactory(
            section=economy,
            title_ar="البنك المركزي يُثبّت أسعار الفائدة",
            body_ar="<p>قال محافظ البنك إن «التضخم يتراجع» في 2025.</p>",
            title_en="Central bank holds rates",
            body_en="<p>The bank said inflation is easing.</p>",
        ),
        "match": ArticleFactory(
            section=sport,
            title_ar="المنتخب يفوز والبنك الراعي يحتفل",
            published_at=timezone.now() - timedelta(days=10),
        ),
        "draft": ArticleFactory(draft=True, title_ar="مسودة عن البنك"),
    }


def search(client, prefix="", **params):
    return client.get(f"{prefix}/search/", params)


def test_results_show_count_highlighted_title_snippet_section_and_date(client, stories):
    response = search(client, q="بنك")

    assert response.status_code == 200
    text = response.text
    assert "نتيجتان" in text  # Arabic's dual: two results
    assert "<mark>البنك</mark> المركزي يُثبّت" in text  # the original text, diacritics kept
    assert "محافظ <mark>البنك</mark>" in text
    assert 'class="card__label"' in text and "اقتصاد" in text
    assert "مسودة عن البنك" not in text
    assert '<meta name="robots" content="noindex, follow">' in text


def test_filters_by_section_and_date_range(client, stories):
    sport = stories["match"].section
    recent = (timezone.localdate() - timedelta(days=2)).isoformat()

    by_section = search(client, q="البنك", section=sport.pk).context["hits"]
    by_date = search(client, q="البنك", since=recent).context["hits"]

    assert [hit.article for hit in by_section] == [stories["match"]]
    assert [hit.article for hit in by_date] == [stories["bank"]]


def test_english_search_finds_english_translations(client, stories):
    response = search(client, "/en", q="inflation")

    assert [hit.article for hit in response.context["hits"]] == [stories["bank"]]
    assert "<mark>inflation</mark>" in response.text


def test_nothing_found_gives_arabic_suggestions(client, stories):
    response = search(client, q="كلمةلاتوجد")

    assert response.status_code == 200
    assert "لم نجد ما يطابق" in response.text
    assert "تحقق من الإملاء" in response.text


@pytest.mark.parametrize(
    "query",
    ["", "   ", "«»،.؟!", "ذهب" * 300, "\x01\x1b[0m", '"نصف اقتباس', "-", "OR", "<script>"],
)
def test_odd_queries_give_a_normal_page(client, stories, query):
    response = search(client, q=query)

    assert response.status_code == 200
    assert "<script>" not in response.text.split('id="main"')[1]


@pytest.mark.parametrize(
    "params", [{"since": "not-a-date"}, {"section": "999999"}, {"section": "x"}]
)
def test_bad_filters_give_a_normal_page_with_a_message(client, stories, params):
    response = search(client, q="البنك", **params)

    assert response.status_code == 200
    assert response.context["hits"] == []
    assert 'role="alert"' in response.text


def test_results_paginate_and_bad_pages_are_404(client, site_chrome, settings):
    for n in range(settings.ARTICLES_PER_PAGE + 2):
        ArticleFactory(title_ar=f"خبر عن الطاقة رقم {n}")

    second = search(client, q="الطاقة", page=2)

    assert len(second.context["hits"]) == 2
    assert search(client, q="الطاقة", page=9).status_code == 404
    assert search(client, q="الطاقة", page="x").status_code == 404


def test_every_page_has_a_search_box(client, stories):
    page = client.get(stories["bank"].get_absolute_url()).text

    assert f'action="{reverse("articles:search")}"' in page and 'type="search"' in page


def test_admin_search_uses_the_same_normalization(client, stories):
    ArticleFactory(draft=True, title_ar="زيارة إلى إسرائيل")
    client.force_login(UserFactory(role="Editor"))

    listing = client.get(reverse("admin:articles_article_changelist"), {"q": "اسرائيل"})

    assert [a.title_ar for a in listing.context["cl"].result_list] == ["زيارة إلى إسرائيل"]
