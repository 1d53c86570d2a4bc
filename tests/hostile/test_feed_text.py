"""Plain text in feeds reaches readers as the text it is, never as markup."""

import html

import feedparser
import pytest

from articles.models import Article
from newsroom.models import Publication
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = "<img src=x onerror=alert(1)> 5 < 6 & «الدولار» 'تحت' \"الضغط\""


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_summaries_and_the_tagline_are_text_in_feed_readers(client, site_chrome, url):
    publication = Publication.load()
    publication.tagline_ar = HOSTILE
    publication.save()
    ArticleFactory(summary_ar=HOSTILE)

    feed = feedparser.parse(client.get(url).content)

    [entry] = feed.entries
    for detail in (entry.summary_detail, feed.feed.subtitle_detail):
        if detail.type == "text/plain":  # Atom's subtitle
            assert detail.value == HOSTILE
        else:  # read as HTML by feed readers
            assert "<img" not in detail.value
            assert html.unescape(detail.value) == HOSTILE


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_a_tag_only_drafts_carry_has_no_feed_as_it_has_no_page(client, site_chrome, fmt):
    ArticleFactory(status=Article.Status.DRAFT, tags=["وسم-سري-للمسودة"])

    assert client.get("/tag/وسم-سري-للمسودة/").status_code == 404
    response = client.get(f"/feeds/{fmt}/tag/وسم-سري-للمسودة/")
    assert response.status_code == 404
    assert "وسم-سري-للمسودة" not in response.text

    ArticleFactory(tags=["وسم-سري-للمسودة"])
    assert client.get(f"/feeds/{fmt}/tag/وسم-سري-للمسودة/").status_code == 200
