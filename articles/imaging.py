"""Checks and re-encodes uploaded photos, and makes the copies pages and crawlers get.

An upload is untrusted: it may not be an image at all, may be built to exhaust
memory when decoded, and a phone photo carries EXIF that can reveal where and
with which camera it was taken. ``clean_upload`` turns it into a file holding
only pixels (plus the colour profile); ``rendition`` resizes such a file and
``crop`` cuts it to an aspect ratio around the editor's focal point.
"""

import mimetypes
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO
from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 12_000
RENDITION_WIDTHS = (480, 800, 1200)
# Google asks for an article's image in these aspect ratios (article structured data);
# the first is also the Open Graph and Twitter card image.
CROP_RATIOS = ((16, 9), (4, 3), (1, 1))
# Google shows large images (Discover, Top stories) from 1,200 pixels wide. A multiple
# of every ratio's first term, so a crop scaled to it keeps its ratio exactly.
CROP_WIDTH = 1200

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
RENDITION_FORMATS = ("JPEG", "WEBP")

_ENCODER_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 88, "progressive": True, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 86, "method": 4},
}


def clean_upload(upload: File) -> ContentFile:
    """Return ``upload`` re-encoded as a metadata-free JPEG, PNG or WebP.

    The format is the one Pillow detects, and the returned name keeps the
    upload's stem with that format's extension. EXIF orientation is applied
    to the pixels; EXIF, XMP and comments are dropped; an ICC colour profile
    is kept. Raises ``ValidationError`` (codes ``too_large``, ``not_an_image``,
    ``unsupported_format``, ``too_many_pixels``, ``side_too_long``) instead of
    decoding anything too large or malformed.
    """
    data = _read_within_limit(upload)
    with _rejecting_bad_images():
        header = Image.open(BytesIO(data))
        image_format = header.format
        if image_format not in EXTENSIONS:
            raise ValidationError(
                _("Only JPEG, PNG and WebP images can be uploaded."),
                code="unsupported_format",
            )
        _check_dimensions(*header.size)
        header.verify()
        # verify() leaves the image unusable, so decode from a fresh parse.
        image = Image.open(BytesIO(data))
        image.load()
        upright = _eight_bit(ImageOps.exif_transpose(image))
        storable = _storable(upright, image_format)
        content = _encode(
            storable,
            image_format,
            icc=_icc_for(image.info.get("icc_profile"), image.mode, storable.mode),
        )
    stem = PurePath(upload.name or "").stem or "image"
    return ContentFile(content, name=stem + EXTENSIONS[image_format])


@dataclass
class ImageCopy:
    """One stored copy of an image (the original or a rendition) and its size in pixels."""

    storage: Storage
    name: str
    width: int
    height: int

    @property
    def url(self) -> str:
        return self.storage.url(self.name)

    @property
    def mime_type(self) -> str:
        return mimetypes.guess_type(self.name)[0] or "application/octet-stream"

    @cached_property
    def size(self) -> int:
        """The file's length in bytes (asks the storage; 0 if it cannot say)."""
        try:
            return self.storage.size(self.name)
        except Exception:  # a missing file or a storage error must not fail a whole feed
            return 0


def rendition(source: IO[bytes], *, width: int, format: str) -> bytes:
    """Return the cleaned image in ``source`` at ``width`` pixels wide, encoded as ``format``.

    ``format`` is ``"JPEG"`` or ``"WEBP"``. The aspect ratio is kept and an
    image narrower than ``width`` keeps its own width: upscaling only blurs.
    Transparent areas become white in a JPEG.
    """
    if format not in RENDITION_FORMATS:
        raise ValueError(f"Renditions are JPEG or WEBP, not {format!r}.")
    if width < 1:
        raise ValueError(f"A rendition must be at least 1 pixel wide, not {width}.")
    source.seek(0)
    with Image.open(source) as image:
        original_mode = image.mode
        icc = image.info.get("icc_profile")
        image = _resamplable(image)
        image.thumbnail((width, image.height), Image.Resampling.LANCZOS)
        storable = _storable(image, format)
        return _encode(storable, format, icc=_icc_for(icc, original_mode, storable.mode))


def ratio_name(ratio: tuple[int, int]) -> str:
    """``"16x9"`` for ``(16, 9)``: how a crop is named in storage and in ``Image.crops``."""
    return f"{ratio[0]}x{ratio[1]}"


def crop_box(
    size: tuple[int, int], ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int] | None:
    """The largest box of exactly ``ratio`` in an image of ``size``, around ``focal``.

    ``focal`` is (across, down), fractions of the width and height from the top
    left corner. The box is centred on it as far as the image's edges allow:
    near an edge it slides inward rather than leave the picture. Returns
    (left, top, right, bottom), or ``None`` when the image cannot hold the
    ratio at even one pixel a unit.
    """
    width, height = size
    # Whole multiples of the ratio's terms: a box a pixel off would not be 16:9.
    scale = min(width // ratio[0], height // ratio[1])
    if scale < 1:
        return None
    box_width, box_height = scale * ratio[0], scale * ratio[1]
    left = _centred(focal[0] * width, box_width, width)
    top = _centred(focal[1] * height, box_height, height)
    return left, top, left + box_width, top + box_height


def crop_size(size: tuple[int, int], ratio: tuple[int, int]) -> tuple[int, int] | None:
    """The size of the crop to ``ratio``: ``CROP_WIDTH`` wide when the image allows,
    else as large as its box (never upscaled); ``None`` when there can be none."""
    box = crop_box(size, ratio, (0.5, 0.5))
    if box is None:
        return None
    box_width, box_height = box[2] - box[0], box[3] - box[1]
    if box_width <= CROP_WIDTH:
        return box_width, box_height
    return CROP_WIDTH, CROP_WIDTH * ratio[1] // ratio[0]


def crop(source: IO[bytes], *, ratio: tuple[int, int], focal: tuple[float, float]) -> bytes:
    """Return the cleaned image in ``source`` cut to ``ratio`` around ``focal``, as a JPEG.

    See ``crop_box`` for where the cut falls and ``crop_size`` for the size.
    Raises ``ValueError`` if the image is too small for the ratio.
    """
    source.seek(0)
    with Image.open(source) as image:
        size = image.size
        box, out_size = crop_box(size, ratio, focal), crop_size(size, ratio)
        if box is None or out_size is None:
            raise ValueError(f"A {size[0]}x{size[1]} image holds no {ratio_name(ratio)} crop.")
        original_mode, icc = image.mode, image.info.get("icc_profile")
        cut = _resamplable(image).crop(box)
        if cut.size != out_size:
            cut = cut.resize(out_size, Image.Resampling.LANCZOS)
        storable = _storable(cut, "JPEG")
        return _encode(storable, "JPEG", icc=_icc_for(icc, original_mode, storable.mode))


def _centred(centre: float, length: int, limit: int) -> int:
    """Where a span of ``length`` centred on ``centre`` starts, kept within 0…``limit``."""
    return min(max(round(centre - length / 2), 0), limit - length)


def _read_within_limit(upload: File) -> bytes:
    too_large = ValidationError(
        _("The file is larger than %(limit)s MB."),
        code="too_large",
        params={"limit": MAX_UPLOAD_BYTES // (1024 * 1024)},
    )
    # File.size raises AttributeError when it cannot tell; the bounded read below copes.
    declared_size = getattr(upload, "size", None)
    if declared_size is not None and declared_size > MAX_UPLOAD_BYTES:
        raise too_large
    upload.seek(0)
    # The declared size may be missing or wrong, so never read past the limit either.
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise too_large
    return data


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The image is too large: at most %(limit)s million pixels."),
        code="too_many_pixels",
        params={"limit": MAX_PIXELS // 1_000_000},
    )


def _check_dimensions(width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()
    if max(width, height) > MAX_SIDE:
        raise ValidationError(
            _("The image is too large: at most %(limit)s pixels on its longest side."),
            code="side_too_long",
            params={"limit": MAX_SIDE},
        )


@contextmanager
def _rejecting_bad_images() -> Iterator[None]:
    """Turn whatever Pillow raises on a hostile or broken file into a ``ValidationError``."""
    with warnings.catch_warnings():
        # Local only: Pillow's global MAX_IMAGE_PIXELS stays as other code expects it.
        # catch_warnings is not thread-safe, but _check_dimensions enforces a lower
        # limit anyway, so a race here cannot let a bomb through.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels() from exc
        # Pillow's parsers fail on crafted files with OSError, SyntaxError and
        # ValueError, but fuzzing has also found struct.error, IndexError and
        # others; an upload must never turn into a server error.
        except Exception as exc:
            raise ValidationError(
                _("This file is not an image, or it is damaged."), code="not_an_image"
            ) from exc


# Modes of 16 and 32 bits a channel: Pillow opens 16-bit greyscale PNGs as these, and
# neither resamples nor encodes them as JPEG or WebP.
WIDE_GREY_MODES = {"I", "I;16", "I;16B", "I;16L", "I;16N"}


def _eight_bit(image: Image.Image) -> Image.Image:
    """``image`` with 8 bits a channel, as browsers show it (16-bit grey scaled, not clipped)."""
    if image.mode not in WIDE_GREY_MODES:
        return image
    wide = image if image.mode == "I" else image.convert("I")
    return wide.point(lambda value: value / 256).convert("L")


def _resamplable(image: Image.Image) -> Image.Image:
    """``image`` in a mode Pillow resizes smoothly, 8 bits a channel."""
    image = _eight_bit(image)
    if image.mode in ("1", "P", "PA"):
        # Pillow resamples these modes with nearest-neighbour, which looks jagged.
        return image.convert("RGBA" if image.has_transparency_data else "RGB")
    return image


def _storable(image: Image.Image, image_format: str) -> Image.Image:
    """Return ``image`` in a mode ``image_format`` can store."""
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        if image.has_transparency_data:
            # JPEG has no alpha; without a background transparent areas turn black.
            background = Image.new("RGBA", image.size, "white")
            return Image.alpha_composite(background, image.convert("RGBA")).convert("RGB")
        return image.convert("RGB")
    if image_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        return image.convert("RGBA" if image.has_transparency_data else "RGB")
    return image


def _icc_for(icc: bytes | None, source_mode: str, target_mode: str) -> bytes | None:
    """Return ``icc`` if it still describes the pixels after converting between the modes.

    A CMYK or grey profile attached to RGB pixels would make viewers show wrong colours.
    """

    def colour_space(mode: str) -> str:
        return mode if mode == "CMYK" else Image.getmodebase(mode)

    return icc if colour_space(source_mode) == colour_space(target_mode) else None


def _encode(image: Image.Image, image_format: str, *, icc: bytes | None) -> bytes:
    # Pillow copies some ``info`` entries (a JPEG comment, for one) into the new
    # file; keep only transparency, which is pixel data, not metadata.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    options = dict(_ENCODER_OPTIONS[image_format])
    if icc:
        options["icc_profile"] = icc
    buffer = BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()
