"""Unusual but valid input is stored, not a server error."""

import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from articles.imaging import RENDITION_WIDTHS
from articles.models import Image
from tests.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, UserFactory
from tests.images import encoded

pytestmark = pytest.mark.django_db

FIELDS = {"alt_text_ar": "صورة رمادية", "alt_text_en": "", "caption_ar": "", "caption_en": "",
          "credit_ar": "", "credit_en": ""}  # fmt: skip


def grey_16_bit(width: int, height: int) -> bytes:
    """A 16-bit greyscale PNG, as scanners and some editors export."""
    # The left half at 40,000 of 65,535, the right half black.
    row = struct.pack("<H", 40_000) * (width // 2) + bytes(2 * (width - width // 2))
    return encoded(PillowImage.frombytes("I;16", (width, height), row * height), "PNG")


def test_a_16_bit_png_becomes_an_8_bit_image_with_renditions(client, settings):
    client.force_login(UserFactory(role="Reporter"))
    data = grey_16_bit(1920, 200)

    response = client.post(
        reverse("admin:articles_image_add"),
        {"file": SimpleUploadedFile("مسح ضوئي.png", data), **FIELDS},
    )

    assert response.status_code == 302
    image = Image.objects.get()
    with PillowImage.open(image.file.path) as stored:
        assert stored.mode == "L"
        assert stored.getpixel((0, 0)) == 40_000 // 256  # scaled, not clipped to white
        assert stored.getpixel((1919, 0)) == 0
    assert set(image.renditions["webp"]) == {str(width) for width in (*RENDITION_WIDTHS, 1920)}


def test_a_tag_longer_than_tags_may_be_is_a_form_error_that_keeps_the_form(client, site_chrome):
    client.force_login(UserFactory(role="Editor"))
    article = ArticleFactory()
    long_tag = "وسم" * 40  # 120 characters
    data = form_data(article, title_ar="عنوان بعد تعديل لم يحفظ", tags=f"اقتصاد، {long_tag}")

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    assert "100" in " ".join(response.context["adminform"].form.errors["tags"])
    assert "عنوان بعد تعديل لم يحفظ" in response.text  # what was typed is still there
    article.refresh_from_db()
    assert article.title_ar != "عنوان بعد تعديل لم يحفظ"
