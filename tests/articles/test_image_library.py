"""The image library through the admin: real uploads, cleaned, resized, or refused."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from articles.models import Image
from tests.factories import ArticleFactory, UserFactory
from tests.images import GPS_IFD, encoded, jpeg_with_gps, photo, png_of_zeros

pytestmark = pytest.mark.django_db

FIELDS = {"alt_text_ar": "وصف", "alt_text_en": "", "caption_ar": "", "caption_en": "",
          "credit_ar": "", "credit_en": ""}  # fmt: skip


@pytest.fixture
def reporter_client(client):
    user = UserFactory(role="Reporter")
    client.force_login(user)
    client.user = user
    return client


def upload(client, data: bytes, name: str):
    return client.post(
        reverse("admin:articles_image_add"), {"file": SimpleUploadedFile(name, data), **FIELDS}
    )


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_reporter_uploads_a_phone_photo_and_its_location_is_gone(reporter_client):
    response = upload(reporter_client, jpeg_with_gps((1000, 600)), "من الهاتف.jpg")

    assert response.status_code == 302
    image = Image.objects.get()
    with PillowImage.open(image.file.path) as stored:
        assert not stored.getexif().get_ifd(GPS_IFD)
        assert not stored.getexif()
        assert stored.size == (600, 1000)  # the phone's orientation applied
    assert b"SpyCam" not in Path(image.file.path).read_bytes()
    assert (image.width, image.height) == (600, 1000)
    assert image.uploaded_by == reporter_client.user


def test_upload_gets_jpeg_and_webp_renditions_smaller_than_the_original(reporter_client):
    upload(reporter_client, encoded(photo((1000, 500)), "PNG"), "شعار.png")

    image = Image.objects.get()
    assert set(image.renditions) == {"jpeg", "webp"}
    assert set(image.renditions["jpeg"]) == {"480", "800"}
    assert set(image.renditions["webp"]) == {"480", "800", "1000"}  # and the original's width
    with PillowImage.open(image.file.storage.path(image.renditions["webp"]["480"])) as small:
        assert small.format == "WEBP" and small.size == (480, 240)
    assert image.jpeg_srcset.endswith(f"{image.file.url} 1000w")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"not an image at all", "photo.jpg", "هذا الملف ليس صورة"),
        (encoded(photo((20, 20)), "GIF"), "anim.gif", "يمكن رفع صور JPEG وPNG وWebP فقط"),
        (png_of_zeros(20_000, 20_000), "bomb.png", "الصورة كبيرة جدًا"),
    ],
)
def test_rejected_upload_explains_why_and_leaves_no_file(
    reporter_client, settings, data, name, message
):
    response = upload(reporter_client, data, name)

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["file"])
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_pages_serve_renditions_with_srcset_and_lazy_cards(client, reporter_client):
    upload(reporter_client, encoded(photo((1200, 675)), "JPEG"), "lead.jpg")
    image = Image.objects.get()
    article = ArticleFactory(lead_image=image)
    ArticleFactory(lead_image=image)  # a second card, so the first is not the home lead
    client.logout()

    page = client.get(article.get_absolute_url()).text
    home = client.get("/").text

    assert f'<source type="image/webp" srcset="{image.webp_srcset}"' in page
    assert 'width="1200" height="675"' in page
    assert 'loading="lazy"' not in page.split('class="article__figure"')[1].split("</figure>")[0]
    assert 'loading="lazy"' in home
