"""The demo publication's public pages, Arabic and English: what the validators visit."""

from django.urls import reverse
from django.utils.translation import override

from articles.models import Article
from liveblog.models import LiveBlog
from newsroom.models import PolicyPage


def public_pages() -> dict[str, str]:
    """Each kind of public page of the seeded demo, by name, as a path on the site."""
    article = Article.objects.published().exclude(lead_image=None).first()
    live = LiveBlog.objects.select_related("article").first().article
    policy = PolicyPage.objects.first()
    pages = {}
    for language in ("ar", "en"):
        with override(language):
            pages |= {
                f"home ({language})": reverse("articles:home"),
                f"article ({language})": article.get_absolute_url(),
                f"live coverage ({language})": live.get_absolute_url(),
                f"section ({language})": article.section.get_absolute_url(),
                f"tag ({language})": reverse(
                    "articles:tag", kwargs={"slug": article.tags.first().slug}
                ),
                f"author ({language})": article.authors.first().get_absolute_url(),
                f"search ({language})": reverse("articles:search") + "?q=البرلمان",
                f"corrections ({language})": reverse("articles:corrections"),
                f"masthead ({language})": reverse("newsroom:masthead"),
                f"policy ({language})": policy.get_absolute_url(),
            }
    return pages
