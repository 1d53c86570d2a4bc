from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def hours(n: float):
    return timezone.now() + timedelta(hours=n)


@pytest.fixture
def newest_first(site_chrome):
    return [ArticleFactory(published_at=hours(-h), title_ar=f"خبر {h}") for h in range(1, 6)]


def test_newest_article_leads_when_no_editor_chose_one(client, newest_first):
    context = client.get("/").context

    assert context["lead_story"] == newest_first[0]
    assert context["cards"][0] == newest_first[1]


def test_chosen_lead_story_leads_until_its_time_runs_out(client, newest_first):
    chosen = newest_first[3]
    chosen.lead_until = hours(2)
    chosen.save()

    context = client.get("/").context
    assert context["lead_story"] == chosen
    assert chosen not in context["cards"]

    with time_machine.travel(hours(3)):
        assert client.get("/").context["lead_story"] == newest_first[0]


def test_pinned_articles_come_first_and_leave_when_the_pin_expires(client, newest_first):
    old = ArticleFactory(published_at=hours(-48), title_ar="خبر قديم مثبت", featured_until=hours(5))

    context = client.get("/").context
    assert context["cards"][0] == old
    assert context["lead_story"] == newest_first[0]
    assert "card--featured" in client.get("/").text

    with time_machine.travel(hours(6)):
        cards = client.get("/").context["cards"]
        assert cards[0] != old and cards[-1] == old  # back in its place, the oldest


def test_curation_never_shows_an_unpublished_article(client, newest_first):
    ArticleFactory(draft=True, lead_until=hours(5), featured_until=hours(5), title_ar="مسودة مثبتة")

    response = client.get("/")

    assert response.context["lead_story"] == newest_first[0]
    assert "مسودة مثبتة" not in response.text


def test_reporters_cannot_place_stories_on_the_home_page(client):
    reporter = UserFactory(role="Reporter")
    article = ArticleFactory(draft=True, created_by=reporter)
    client.force_login(reporter)

    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).text

    assert 'name="lead_until_0"' not in page and 'name="featured_until_0"' not in page


def test_editor_pins_articles_for_a_day_from_the_list(client, newest_first):
    client.force_login(UserFactory(role="Editor"))

    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "feature_selected", "_selected_action": [newest_first[4].pk]},
    )

    newest_first[4].refresh_from_db()
    assert hours(23) < newest_first[4].featured_until < hours(25)
    assert client.get("/").context["cards"][0] == newest_first[4]


def test_pins_beyond_those_shown_on_top_keep_their_place_in_the_list(client, newest_first):
    pinned = [
        ArticleFactory(published_at=hours(-10 - n), featured_until=hours(5)) for n in range(6)
    ]

    context = client.get("/").context
    shown = [context["lead_story"], *context["cards"]]

    assert all(article in shown for article in pinned)
    assert context["cards"][:4] == pinned[:4]
