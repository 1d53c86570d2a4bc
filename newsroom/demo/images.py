"""Illustrations for the demo content, drawn with Pillow (no stock photos to license)."""

import io
import random

from PIL import Image, ImageDraw

Colour = tuple[int, int, int]


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def illustration(seed: str, colour: Colour, size: tuple[int, int] = (1200, 675)) -> bytes:
    """A JPEG of an abstract horizon in ``colour``; the same ``seed`` draws the same picture."""
    rng = random.Random(seed)
    width, height = size
    picture = Image.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    sky_top, sky_bottom = _mix(colour, (255, 255, 255), 0.55), _mix(colour, (255, 255, 255), 0.9)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(sky_top, sky_bottom, y / height))
    horizon = int(height * rng.uniform(0.55, 0.7))
    sun_x, sun_r = int(width * rng.uniform(0.2, 0.8)), int(height * rng.uniform(0.12, 0.2))
    draw.ellipse(
        [sun_x - sun_r, horizon - sun_r, sun_x + sun_r, horizon + sun_r],
        fill=_mix(colour, (255, 220, 150), 0.6),
    )
    for layer in range(3):
        shade = _mix(colour, (20, 20, 20), 0.15 + layer * 0.25)
        base = horizon + layer * int(height * 0.08)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, int(height * 0.12))))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()


def logo(colour: Colour, size: int = 256) -> bytes:
    """A PNG mark: a sun rising over a horizon line, the publication's name in a picture."""
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle([0, 0, size - 1, size - 1], radius=size // 6, fill=colour)
    r = size // 4
    centre_x, horizon = size // 2, int(size * 0.62)
    draw.pieslice(
        [centre_x - r, horizon - r, centre_x + r, horizon + r], 180, 360, fill=(255, 255, 255)
    )
    draw.rectangle([size // 8, horizon + size // 20, size - size // 8, horizon + size // 12],
                   fill=(255, 255, 255))  # fmt: skip
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()
