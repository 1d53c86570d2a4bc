import warnings
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from articles.imaging import (
    CROP_RATIOS,
    MAX_UPLOAD_BYTES,
    RENDITION_WIDTHS,
    clean_upload,
    crop,
    crop_box,
    crop_size,
    rendition,
)
from tests.images import (
    GPS_IFD,
    encoded,
    is_red,
    jpeg_with_gps,
    photo,
    png_of_zeros,
    with_patch,
)


def _upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _opened(data: bytes) -> Image.Image:
    image = Image.open(BytesIO(data))
    image.load()
    return image


def _rejection_code(data: bytes, name: str = "photo.jpg") -> str:
    with pytest.raises(ValidationError) as caught:
        clean_upload(_upload(data, name))
    return caught.value.code


def _srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


# Accepted images


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_real_image_comes_back_in_same_format_and_size(image_format):
    data = encoded(photo((64, 48)), image_format)

    cleaned = clean_upload(_upload(data, "photo.img"))

    result = _opened(cleaned.read())
    assert result.format == image_format
    assert result.size == (64, 48)


def test_gps_camera_and_all_exif_are_removed_and_orientation_applied():
    data = jpeg_with_gps((40, 20))
    assert _opened(data).getexif().get_ifd(GPS_IFD), "the source must carry GPS for this test"

    cleaned = clean_upload(_upload(data)).read()

    result = _opened(cleaned)
    assert result.size == (20, 40)
    assert not result.getexif()
    assert "exif" not in result.info
    assert b"Exif" not in cleaned
    assert b"SpyCam" not in cleaned


def test_jpeg_comment_and_xmp_are_removed():
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Reporter: secret</x:xmpmeta>'
    data = encoded(photo(), "JPEG", comment=b"shot at the safe house", xmp=xmp)
    assert b"safe house" in data and b"Reporter: secret" in data

    cleaned = clean_upload(_upload(data)).read()

    assert b"safe house" not in cleaned
    assert b"Reporter: secret" not in cleaned
    assert not {"comment", "xmp"} & _opened(cleaned).info.keys()


def test_png_text_chunks_are_removed():
    text = PngInfo()
    text.add_text("Author", "Hidden Source")
    data = encoded(photo(), "PNG", pnginfo=text)

    cleaned = clean_upload(_upload(data, "chart.png")).read()

    assert b"Hidden Source" not in cleaned
    assert "Author" not in _opened(cleaned).info


def test_png_transparency_is_kept():
    image = Image.new("RGBA", (10, 10), (255, 0, 0, 0))
    image.putpixel((0, 0), (0, 0, 255, 255))

    result = _opened(clean_upload(_upload(encoded(image, "PNG"), "logo.png")).read())

    assert result.convert("RGBA").getpixel((5, 5))[3] == 0
    assert result.convert("RGBA").getpixel((0, 0)) == (0, 0, 255, 255)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_icc_colour_profile_is_kept(image_format):
    profile = _srgb_profile()
    data = encoded(photo(), image_format, icc_profile=profile)

    result = _opened(clean_upload(_upload(data)).read())

    assert result.info.get("icc_profile") == profile


def test_cmyk_jpeg_is_stored_as_rgb():
    data = encoded(photo(mode="CMYK"), "JPEG")

    result = _opened(clean_upload(_upload(data)).read())

    assert (result.format, result.mode) == ("JPEG", "RGB")


def test_png_named_jpg_is_renamed_png():
    data = encoded(photo(), "PNG")

    assert clean_upload(_upload(data, "evil.jpg")).name == "evil.png"


def test_arabic_file_name_keeps_its_stem():
    data = encoded(photo(), "WEBP")

    assert clean_upload(_upload(data, "صورة الغلاف.JPG")).name == "صورة الغلاف.webp"


def test_upload_already_read_by_a_form_is_read_from_the_start():
    upload = _upload(encoded(photo(), "JPEG"))
    upload.read()

    assert _opened(clean_upload(upload).read()).format == "JPEG"


# Rejected files


def test_text_file_named_jpg_is_not_an_image():
    assert _rejection_code(b"Just some notes, not a photo.\n" * 20) == "not_an_image"


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_real_image_in_other_format_is_unsupported(image_format):
    data = encoded(photo(), image_format)

    assert _rejection_code(data, "photo.jpg") == "unsupported_format"


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_truncated_image_is_rejected_not_a_crash(image_format):
    data = encoded(photo((200, 200)), image_format)

    assert _rejection_code(data[: len(data) // 2]) == "not_an_image"


@pytest.mark.parametrize(
    ("width", "height"),
    [
        pytest.param(8_000, 6_000, id="over-our-limit"),
        pytest.param(10_000, 10_000, id="pillow-warns"),
        pytest.param(20_000, 20_000, id="pillow-refuses"),
    ],
)
def test_decompression_bomb_is_rejected_without_decoding(width, height):
    bomb = png_of_zeros(width, height)
    assert len(bomb) < MAX_UPLOAD_BYTES

    # Decoding 20,000 x 20,000 pixels would take minutes and gigabytes; returning proves it wasn't.
    assert _rejection_code(bomb, "bomb.png") == "too_many_pixels"


def test_decompression_bomb_leaves_pillow_settings_alone():
    pixel_limit_before = Image.MAX_IMAGE_PIXELS
    filters_before = list(warnings.filters)

    with pytest.raises(ValidationError):
        clean_upload(_upload(png_of_zeros(10_000, 10_000), "bomb.png"))

    assert pixel_limit_before == Image.MAX_IMAGE_PIXELS
    assert filters_before == warnings.filters


def test_image_with_overlong_side_is_rejected():
    assert _rejection_code(png_of_zeros(12_001, 8), "strip.png") == "side_too_long"


def test_upload_over_size_limit_is_rejected():
    with pytest.raises(ValidationError) as caught:
        clean_upload(_upload(bytes(16 * 1024 * 1024)))

    assert caught.value.code == "too_large"
    assert caught.value.params == {"limit": 15}


def test_upload_understating_its_size_is_still_rejected():
    upload = _upload(bytes(MAX_UPLOAD_BYTES + 1))
    upload.size = 1000

    with pytest.raises(ValidationError) as caught:
        clean_upload(upload)

    assert caught.value.code == "too_large"


# Renditions


def _jpeg_file(width: int, height: int) -> BytesIO:
    return BytesIO(encoded(photo((width, height)), "JPEG"))


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
def test_rendition_is_scaled_to_width_in_requested_format(image_format):
    data = rendition(_jpeg_file(2000, 1000), width=800, format=image_format)

    result = _opened(data)
    assert result.format == image_format
    assert result.size == (800, 400)


def test_rendition_never_upscales():
    result = _opened(rendition(_jpeg_file(300, 200), width=800, format="JPEG"))

    assert result.size == (300, 200)


def test_rendition_of_transparent_png_as_jpeg_has_white_background():
    image = Image.new("RGBA", (100, 50), (0, 0, 0, 0))

    result = _opened(rendition(BytesIO(encoded(image, "PNG")), width=50, format="JPEG"))

    assert result.size == (50, 25)
    assert min(result.getpixel((25, 12))) > 245


def test_rendition_of_palette_png_is_resized_smoothly():
    image = photo((200, 100)).convert("P")

    result = _opened(rendition(BytesIO(encoded(image, "PNG")), width=100, format="WEBP"))

    assert (result.format, result.size, result.mode) == ("WEBP", (100, 50), "RGB")


def test_rendition_keeps_icc_profile_and_adds_no_exif():
    profile = _srgb_profile()
    cleaned = clean_upload(_upload(encoded(photo((1000, 500)), "JPEG", icc_profile=profile)))

    result = _opened(rendition(cleaned, width=RENDITION_WIDTHS[0], format="WEBP"))

    assert result.size == (480, 240)
    assert result.info.get("icc_profile") == profile
    assert not result.getexif()


def test_rendition_refuses_other_formats():
    with pytest.raises(ValueError, match="PNG"):
        rendition(_jpeg_file(10, 10), width=5, format="PNG")


# Crops for search engines and social networks


@pytest.mark.parametrize("size", [(1600, 900), (900, 1600), (1000, 563), (601, 401), (17, 17)])
@pytest.mark.parametrize("ratio", CROP_RATIOS)
@pytest.mark.parametrize("focal", [(0.5, 0.5), (0, 0), (1, 1), (0.9, 0.05)])
def test_crop_box_has_exactly_the_ratio_and_stays_inside_the_picture(size, ratio, focal):
    left, top, right, bottom = crop_box(size, ratio, focal)

    assert (right - left) * ratio[1] == (bottom - top) * ratio[0]
    assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
    # As large as the picture allows: one more step of the ratio would not fit.
    assert right - left + ratio[0] > size[0] or bottom - top + ratio[1] > size[1]


def test_crop_box_is_centred_on_the_focal_point_away_from_the_edges():
    assert crop_box((1600, 900), (1, 1), (0.5, 0.5)) == (350, 0, 1250, 900)
    assert crop_box((1600, 900), (1, 1), (0.6, 0.5)) == (510, 0, 1410, 900)


def test_crop_box_near_an_edge_slides_inward_instead_of_leaving_the_picture():
    assert crop_box((1600, 900), (1, 1), (0.02, 0.5)) == (0, 0, 900, 900)
    assert crop_box((1600, 900), (1, 1), (0.98, 0.5)) == (700, 0, 1600, 900)
    assert crop_box((900, 1600), (16, 9), (0.5, 0.0)) == (2, 0, 898, 504)


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        # Wide enough: scaled to 1,200 pixels where the box is wider.
        ((1600, 900), {(16, 9): (1200, 675), (4, 3): (1200, 900), (1, 1): (900, 900)}),
        ((3000, 3000), {(16, 9): (1200, 675), (4, 3): (1200, 900), (1, 1): (1200, 1200)}),
        # Narrow: as large as the original holds, never upscaled.
        ((600, 400), {(16, 9): (592, 333), (4, 3): (532, 399), (1, 1): (400, 400)}),
    ],
)
def test_crop_size_reaches_1200_pixels_when_the_original_allows(size, expected):
    assert {ratio: crop_size(size, ratio) for ratio in CROP_RATIOS} == expected


def test_a_picture_too_small_for_a_ratio_has_no_crop_of_it():
    assert crop_size((15, 40), (16, 9)) is None
    assert crop_size((15, 40), (1, 1)) == (15, 15)
    with pytest.raises(ValueError, match="16x9"):
        crop(_jpeg_file(15, 40), ratio=(16, 9), focal=(0.5, 0.5))


@pytest.mark.parametrize("ratio", CROP_RATIOS)
def test_crop_is_a_jpeg_of_the_exact_ratio(ratio):
    result = _opened(crop(_jpeg_file(1600, 900), ratio=ratio, focal=(0.5, 0.5)))

    assert result.format == "JPEG"
    assert result.size == crop_size((1600, 900), ratio)
    assert result.width * ratio[1] == result.height * ratio[0]


def test_crop_around_a_focal_point_near_the_edge_keeps_the_subject_there():
    # The subject fills the picture's left-most 100 pixels, top to bottom.
    picture = BytesIO(encoded(with_patch((1600, 900), (0, 0, 100, 900)), "PNG"))

    around_subject = _opened(crop(picture, ratio=(1, 1), focal=(0.03, 0.5)))
    around_middle = _opened(crop(picture, ratio=(1, 1), focal=(0.5, 0.5)))

    assert is_red(around_subject.getpixel((40, 450)))
    assert not any(is_red(around_middle.getpixel((x, 450))) for x in range(0, 900, 10))


def test_crop_of_transparent_png_has_white_background_and_keeps_no_metadata():
    picture = Image.new("RGBA", (400, 300), (0, 0, 0, 0))

    result = _opened(crop(BytesIO(encoded(picture, "PNG")), ratio=(4, 3), focal=(0.5, 0.5)))

    assert result.size == (400, 300)
    assert min(result.getpixel((200, 150))) > 245
    assert not result.getexif()
