import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from PIL import Image as PillowImage

from articles.models import Article, Correction, Image, Section
from liveblog.models import LiveUpdate
from newsroom.languages import url_in
from newsroom.models import MastheadTerm, PolicyPage, Publication, StaffMember
from tests.conftest import shared_rows
from ticker.models import TickerItem

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo seeded once for the module (it takes seconds), which its tests only
    read: the command's output, and where its files are."""
    with shared_rows(django_db_blocker, tmp_path_factory.mktemp("demo")) as media:
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue(), media


@pytest.fixture
def seeded(seeded_once, db, settings):
    output, settings.MEDIA_ROOT = seeded_once
    return output


def snapshot() -> dict:
    return {
        "articles": list(Article.objects.order_by("pk").values()),
        "images": list(Image.objects.order_by("pk").values()),
        "staff": list(StaffMember.objects.order_by("pk").values()),
        "sections": list(Section.objects.order_by("pk").values()),
        "ticker": list(TickerItem.objects.order_by("pk").values()),
        "publication": list(Publication.objects.values()),
        "tags": list(Article.tags.through.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values()),
        "live updates": list(LiveUpdate.objects.order_by("pk").values()),
        "corrections": list(Correction.objects.order_by("pk").values()),
        "masthead terms": list(MastheadTerm.objects.order_by("pk").values()),
        "policy pages": list(PolicyPage.objects.order_by("pk").values()),
    }


def test_seed_demo_builds_the_publication_described_in_the_design(seeded):
    publication = Publication.load()
    published = Article.objects.published()

    assert publication.name_ar and publication.logo
    roles = set(StaffMember.objects.on_masthead().values_list("masthead_role", flat=True))
    assert {"chairman", "editor_in_chief"} <= roles
    assert Section.objects.count() >= 6
    assert published.count() >= 40
    assert Article.objects.filter(status=Article.Status.DRAFT).count() >= 2
    assert sum(article.is_scheduled for article in Article.objects.all()) == 1
    assert TickerItem.objects.live().count() == 12
    assert published.exclude(title_en=None).exclude(title_en="").count() >= 5


def test_seeded_articles_have_the_shape_of_real_stories(seeded):
    for article in Article.objects.published().prefetch_related("tags"):
        assert len(re.findall(r"<p>", article.body_ar)) >= 4, article.title_ar
        assert article.body_ar.count("<h2>") >= 2
        assert "«" in article.body_ar and "»" in article.body_ar
        assert 2 <= article.tags.count() <= 5
        assert article.authors.exists()
        with PillowImage.open(article.lead_image.file.path) as picture:
            assert picture.format == "JPEG"
            assert picture.size == (article.lead_image.width, article.lead_image.height)


def test_seeded_images_have_crops_search_engines_can_feature(seeded):
    for image in Image.objects.all():
        assert image.width >= 1200
        sizes = {ratio: (crop["width"], crop["height"]) for ratio, crop in image.crops.items()}
        assert sizes["16x9"] == (1200, 675), image.file.name
        assert set(sizes) == {"16x9", "4x3", "1x1"}
        for crop in image.crops.values():
            with PillowImage.open(image.file.storage.path(crop["name"])) as picture:
                assert picture.size == (crop["width"], crop["height"])
        assert image.webp_srcset.endswith(f" {image.width}w")


def test_seed_demo_prints_a_working_login_for_each_role(seeded, client):
    logins = dict(re.findall(r"^  (\w+) \([^)]+\): password (\S+)$", seeded, re.M))

    assert set(logins) == {"reporter", "editor", "chief"}
    for username, password in logins.items():
        form = {"username": username, "password": password}
        assert client.post("/admin/login/?next=/admin/", form).status_code == 302
        assert client.get("/admin/").status_code == 200
    assert User.objects.get(username="editor").has_perm("articles.publish_article")
    assert not User.objects.get(username="reporter").has_perm("articles.publish_article")
    assert User.objects.get(username="reporter").staff_member.articles.exists()


def test_running_seed_demo_twice_changes_nothing(seeded):
    before = snapshot()

    call_command("seed_demo", stdout=io.StringIO())

    assert snapshot() == before


def test_seeded_site_serves_its_pages(seeded, client):
    article = Article.objects.published().first()

    assert client.get("/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/en" + article.get_absolute_url()).status_code == 200


def test_the_demo_follows_one_story_live(client, seeded):
    article = Article.objects.get(live_now=True)
    updates = LiveUpdate.objects.filter(live_blog__article=article)

    page = client.get(article.get_absolute_url()).text

    assert updates.count() == 6 and updates.filter(is_pinned=True).count() == 1
    assert updates.filter(is_key_event=True).count() == 3
    assert all(update.authors.exists() for update in updates)
    assert 'id="live"' in page and "LiveBlogPosting" in page


def test_the_demo_corrects_itself_in_public(client, seeded):
    kinds = set(Correction.objects.public().values_list("kind", flat=True))
    corrected = Correction.objects.get(kind="correction").article

    archive = client.get("/corrections/").text
    page = client.get(corrected.get_absolute_url()).text

    assert kinds == {"correction", "clarification", "update"}
    assert "11.25%" in archive and 'id="corrections"' in page and "CorrectionComment" in page


def test_the_demo_has_a_masthead_history_and_its_policies_in_both_languages(client, seeded):
    editors = MastheadTerm.objects.filter(role="editor_in_chief").order_by("starts_on")
    past, current = editors

    assert past.ends_on is not None and current.ends_on is None
    assert past.staff_member.name_ar in client.get(f"/masthead/?on={past.starts_on}").text
    kinds = set(PolicyPage.objects.values_list("kind", flat=True))
    assert {"corrections", "ethics", "ownership", "feedback", ""} <= kinds
    for page in PolicyPage.objects.all():
        assert page.title_en and page.body_en
        assert client.get(page.get_absolute_url()).status_code == 200
        assert client.get(url_in("en", page)).status_code == 200
