"""What the admin's article form posts, for tests that edit as editors do."""

from django.urls import reverse

from articles.models import Article
from articles.tag_parsing import join_tags


def form_data(article: Article, **changes) -> dict:
    """What the admin's change form posts for ``article``, with ``changes`` applied."""
    data = {
        "kicker_ar": article.kicker_ar or "", "kicker_en": article.kicker_en or "",
        "title_ar": article.title_ar, "title_en": article.title_en or "",
        "summary_ar": article.summary_ar or "", "summary_en": article.summary_en or "",
        "body_ar": article.body_ar or "", "body_en": article.body_en or "",
        "section": article.section_id or "", "authors": [a.pk for a in article.authors.all()],
        "tags": join_tags(article.tags.all()), "lead_image": article.lead_image_id or "",
        "slug": article.slug, "edited_version": article.version,
    }  # fmt: skip
    return {**data, **changes}


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])
