"""Real image files for tests, made with Pillow (or by hand, for a bomb too big to draw)."""

import struct
import zlib
from io import BytesIO

from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 274
MAKE = 0x010F


def photo(size=(64, 48), mode="RGB") -> Image.Image:
    """A noisy picture, so encoders cannot shrink it to a few bytes."""
    noise = Image.effect_noise(size, 60)
    return Image.merge("RGB", [noise] * 3).convert(mode)


def encoded(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def png_of_zeros(width: int, height: int) -> bytes:
    """A valid 1-bit PNG built row by row, so a huge one never exists in memory."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    row = bytes(1 + (width + 7) // 8)  # filter byte, then the packed pixels
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def jpeg_with_gps(size=(40, 20)) -> bytes:
    """A JPEG from a "phone": GPS position, camera make, and sideways orientation (6)."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "SpyCam"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (33.0, 53.0, 12.5)
    gps[3] = "E"
    gps[4] = (35.0, 30.0, 7.25)
    return encoded(photo(size), "JPEG", exif=exif)


RED = (220, 20, 20)


def with_patch(size: tuple[int, int], patch: tuple[int, int, int, int]) -> Image.Image:
    """A grey picture with a red rectangle at ``patch`` (left, top, right, bottom): the
    subject a crop must keep, or leave out."""
    picture = Image.new("RGB", size, (128, 128, 128))
    picture.paste(RED, patch)
    return picture


def is_red(pixel) -> bool:
    """Whether ``pixel`` is the patch's red, give or take what JPEG does to it."""
    red, green, blue = pixel[:3]
    return red > 180 and green < 70 and blue < 70
