"""Markup typed into every admin form, by each role allowed to use it, runs nowhere."""

import pytest
from django.urls import reverse

from articles.models import Image, Section
from newsroom.models import Publication, StaffMember
from tests.factories import ArticleFactory, ImageFactory, UserFactory
from tests.hostile.executable import in_feed, in_html
from tests.hostile.xss_corpus import PAYLOADS

pytestmark = pytest.mark.django_db

SAMPLE = PAYLOADS[::5]


def section_form(payload: str) -> dict:
    return {"name_ar": f"قسم {payload}", "name_en": f"Section {payload}", "slug": "",
            "description_ar": payload, "description_en": payload, "order": 3}  # fmt: skip


def staff_form(payload: str) -> dict:
    return {"name_ar": f"كاتب {payload}", "name_en": f"Writer {payload}", "slug": "",
            "job_title_ar": payload, "job_title_en": payload, "bio_ar": payload,
            "bio_en": payload, "masthead_role": "", "masthead_order": 0}  # fmt: skip


def ticker_form(payload: str) -> dict:
    return {"text_ar": payload, "text_en": payload, "order": 0, "url": "",
            "starts_at_0": "2026-01-01", "starts_at_1": "00:00"}  # fmt: skip


def image_form(payload: str) -> dict:
    return {"alt_text_ar": payload, "alt_text_en": payload, "caption_ar": payload,
            "caption_en": payload, "credit_ar": payload, "credit_en": payload}  # fmt: skip


def publication_form(payload: str) -> dict:
    return {"name_ar": f"صحيفة {payload}", "name_en": f"Daily {payload}",
            "tagline_ar": payload, "tagline_en": payload}  # fmt: skip


def entry_points(user) -> dict[str, tuple[str, object]]:
    """Every admin form that takes text: its address and form, by name."""
    image = ImageFactory(uploaded_by=user)
    ArticleFactory(lead_image=image)  # so the image is on public pages
    return {
        "section": (reverse("admin:articles_section_add"), section_form),
        "staff": (reverse("admin:newsroom_staffmember_add"), staff_form),
        "ticker": (reverse("admin:ticker_tickeritem_add"), ticker_form),
        "image": (reverse("admin:articles_image_change", args=[image.pk]), image_form),
        "publication": (
            reverse("admin:newsroom_publication_change", args=[Publication.load().pk]),
            publication_form,
        ),
    }


# What each role may change; the other forms refuse it (403), whatever it types.
ALLOWED = {
    "Reporter": {"image"},
    "Editor": {"image", "ticker"},
    "Editor-in-chief": {"image", "ticker", "section", "staff", "publication"},
}


@pytest.mark.parametrize("role", list(ALLOWED))
def test_markup_typed_into_every_admin_form_runs_nowhere(client, site_chrome, role):
    user = UserFactory(role=role)
    client.force_login(user)
    for name, (address, form) in entry_points(user).items():
        outcomes = {client.post(address, form(payload)).status_code for payload in SAMPLE}
        assert outcomes == ({302} if name in ALLOWED[role] else {403}), name

    pages = ["/", "/en/", *(s.get_absolute_url() for s in Section.objects.all()),
             *(m.get_absolute_url() for m in StaffMember.objects.all())]  # fmt: skip
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert in_html(response.text) == [], url
    for url in ("/feeds/rss/", "/feeds/atom/", "/en/feeds/rss/"):
        assert in_feed(client.get(url).content) == [], url
    assert Image.objects.filter(caption_ar=SAMPLE[-1]).exists()
