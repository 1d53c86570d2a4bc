"""The image library through the admin: real uploads, cleaned, resized, or refused."""

from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from lxml import html
from PIL import Image as PillowImage

from articles import services
from articles.image_files import file_names
from articles.models import Image
from tests.factories import ArticleFactory, ImageFactory, UserFactory
from tests.images import (
    GPS_IFD,
    encoded,
    is_red,
    jpeg_with_gps,
    photo,
    png_of_zeros,
    with_patch,
)

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


# Crops for search engines and social networks, around the editor's focal point


def change(client, image: Image, **fields):
    return client.post(
        reverse("admin:articles_image_change", args=[image.pk]), {**FIELDS, **fields}
    )


def crop_files(image: Image) -> dict[str, PillowImage.Image]:
    opened = {}
    for ratio, crop in image.crops.items():
        with PillowImage.open(image.file.storage.path(crop["name"])) as picture:
            picture.load()
            opened[ratio] = picture
    return opened


def test_upload_is_cut_to_three_ratios_1200_pixels_wide_where_the_original_allows(
    reporter_client,
):
    upload(reporter_client, encoded(photo((1600, 900)), "JPEG"), "wide.jpg")

    image = Image.objects.get()
    sizes = {ratio: picture.size for ratio, picture in crop_files(image).items()}
    assert sizes == {"16x9": (1200, 675), "4x3": (1200, 900), "1x1": (900, 900)}
    assert {ratio: (c["width"], c["height"]) for ratio, c in image.crops.items()} == sizes
    assert all(crop["focal"] == [0.5, 0.5] for crop in image.crops.values())


def test_a_narrow_original_is_cut_but_never_upscaled(reporter_client):
    upload(reporter_client, encoded(photo((600, 400)), "JPEG"), "narrow.jpg")

    image = Image.objects.get()
    sizes = {ratio: picture.size for ratio, picture in crop_files(image).items()}
    assert sizes == {"16x9": (592, 333), "4x3": (532, 399), "1x1": (400, 400)}


def test_editor_moves_the_focal_point_and_the_crops_follow_the_subject(
    reporter_client, settings, django_capture_on_commit_callbacks
):
    # The subject stands at the picture's right edge; the middle is empty.
    picture = with_patch((1600, 900), (1500, 300, 1600, 600))
    upload(reporter_client, encoded(picture, "PNG"), "subject-right.png")
    image = Image.objects.get()
    centred = crop_files(image)["1x1"]
    assert not any(is_red(centred.getpixel((x, 450))) for x in range(0, 900, 10))
    before = {crop["name"] for crop in image.crops.values()}

    with django_capture_on_commit_callbacks(execute=True):
        response = change(reporter_client, image, focal_x="0.97", focal_y="0.5")

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.97, 0.5)
    moved = crop_files(image)["1x1"]
    assert moved.size == (900, 900)
    assert is_red(moved.getpixel((850, 450)))  # the subject, at the crop's right edge
    # New addresses for the new pictures; the old files are gone.
    assert not before & {crop["name"] for crop in image.crops.values()}
    assert {str(p.relative_to(settings.MEDIA_ROOT)) for p in stored_files(settings)} == set(
        file_names(image)
    )


def test_focal_point_left_empty_is_the_middle(reporter_client):
    upload(reporter_client, encoded(photo((800, 450)), "JPEG"), "photo.jpg")
    image = Image.objects.get()
    change(reporter_client, image, focal_x="0.2", focal_y="0.8")

    response = change(reporter_client, image, focal_x="", focal_y="")

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.5, 0.5)
    assert image.crops["1x1"]["focal"] == [0.5, 0.5]


@pytest.mark.parametrize(
    ("across", "down"),
    [("1.5", "0.5"), ("0.5", "-0.1"), ("وسط", "0.5"), ("nan", "0.5"), ("0.5", "1e400"),
     ("0.5", "0.5" * 200)],
)  # fmt: skip
def test_a_focal_point_outside_the_picture_is_a_form_error(reporter_client, across, down):
    upload(reporter_client, encoded(photo((800, 450)), "JPEG"), "photo.jpg")
    image = Image.objects.get()
    crops = image.crops

    response = change(reporter_client, image, focal_x=across, focal_y=down)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors.keys() & {"focal_x", "focal_y"}
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y, image.crops) == (0.5, 0.5, crops)


def test_crops_that_cannot_be_cut_leave_no_file_and_the_old_ones_in_place(
    reporter_client, settings, monkeypatch
):
    upload(reporter_client, encoded(photo((1600, 900)), "JPEG"), "photo.jpg")
    image = Image.objects.get()
    crops, files_before = image.crops, set(stored_files(settings))
    cut = services.crop

    def fail_on_the_last(source, *, ratio, focal):
        if ratio == (1, 1):
            raise OSError("disk full")
        return cut(source, ratio=ratio, focal=focal)

    monkeypatch.setattr(services, "crop", fail_on_the_last)

    response = change(reporter_client, image, focal_x="0.1", focal_y="0.1")

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.1, 0.1)  # kept: the next save cuts again
    assert image.crops == crops
    assert set(stored_files(settings)) == files_before
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("لم يمكن قص" in message for message in messages)


def test_the_change_page_offers_the_focal_point_picker(reporter_client):
    upload(reporter_client, encoded(photo((1000, 600)), "JPEG"), "photo.jpg")
    image = Image.objects.get()

    page = reporter_client.get(reverse("admin:articles_image_change", args=[image.pk])).text

    assert "data-focal-picker" in page and "js/focal_point.js" in page
    assert 'inputmode="decimal"' in page
    assert "النقطة المحورية" in page
    assert image.renditions["jpeg"]["800"] in page  # a light preview, not the original
    assert page.count('class="crop-preview"') == 3


def srcset_widths(srcset: str) -> list[int]:
    return [int(candidate.split()[-1].removesuffix("w")) for candidate in srcset.split(", ")]


@pytest.mark.parametrize("size", [(1600, 900), (1000, 600), (300, 200)])
def test_webp_and_jpeg_srcsets_reach_the_same_widths(client, reporter_client, size):
    upload(reporter_client, encoded(photo(size), "JPEG"), "photo.jpg")
    image = Image.objects.get()
    article = ArticleFactory(lead_image=image)
    client.logout()

    page = html.fromstring(client.get(article.get_absolute_url()).content)

    (figure,) = page.xpath('//figure[@class="article__figure"]')
    (webp,) = figure.xpath('.//source[@type="image/webp"]/@srcset')
    (jpeg,) = figure.xpath(".//img/@srcset")
    assert srcset_widths(webp) == srcset_widths(jpeg)
    assert srcset_widths(webp)[-1] == size[0]


def test_only_the_lead_image_is_fetched_first_and_cards_below_wait(client, reporter_client):
    upload(reporter_client, encoded(photo((1200, 675)), "JPEG"), "lead.jpg")
    image = Image.objects.get()
    article = ArticleFactory(lead_image=image, tags=["اقتصاد"])
    ArticleFactory.create_batch(2, lead_image=image, tags=["اقتصاد"])  # related cards
    client.logout()

    page = html.fromstring(client.get(article.get_absolute_url()).content)

    (first,) = page.xpath('//img[@fetchpriority="high"]')
    assert first.xpath('ancestor::figure[@class="article__figure"]')
    assert first.get("loading") is None
    assert (first.get("width"), first.get("height")) == ("1200", "675")
    cards = page.xpath('//section[contains(@class, "related")]//img')
    assert len(cards) == 2
    assert all(card.get("loading") == "lazy" and card.get("width") for card in cards)


def test_the_database_refuses_a_focal_point_outside_the_picture():
    image = ImageFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Image.objects.filter(pk=image.pk).update(focal_y=1.01)

    image.refresh_from_db()
    assert image.focal_y == 0.5
