"""Pictures for the demo newsroom, drawn with Pillow so the demo needs no network and no stock photos.

Lead and body images are abstract compositions (a diagonal gradient with translucent discs and
bands) in the colours of the article's section; author photos are stylised head-and-shoulders
silhouettes. Each picture is seeded by a name, so every run draws the same pictures.
"""

import io
import random

import numpy as np
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

LANDSCAPE = (1600, 900)
PORTRAIT = (600, 600)


def _gradient(size, start, end, rng):
    """A diagonal blend from `start` to `end` at a seeded angle.

    Drawn at a tenth of the size and scaled up: a smooth blend loses nothing, and the load stays fast.
    """
    width, height = size[0] // 10, size[1] // 10
    angle = rng.uniform(0, np.pi)
    ys, xs = np.mgrid[0:height, 0:width]
    ramp = xs * np.cos(angle) / width + ys * np.sin(angle) / height
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    start, end = np.array(start, float), np.array(end, float)
    colours = start + ramp[..., None] * (end - start)
    small = PILImage.fromarray(colours.astype(np.uint8), "RGB")
    return small.resize(size, PILImage.Resampling.BILINEAR)


def _tint(colour, amount):
    return tuple(max(0, min(255, int(channel + amount))) for channel in colour)


def _composition(seed, palette, size):
    rng = random.Random(seed)
    dark, mid, light = palette
    picture = _gradient(size, dark, mid, rng).convert("RGBA")
    overlay = PILImage.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    width, height = size
    for _ in range(rng.randint(3, 6)):
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = rng.choice([light, mid, _tint(light, 40)])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 70))
    for _ in range(rng.randint(1, 3)):
        x = rng.randint(-width // 4, width)
        band = rng.randint(width // 20, width // 8)
        skew = rng.randint(-height // 2, height // 2)
        draw.polygon(
            [(x, 0), (x + band, 0), (x + band + skew, height), (x + skew, height)],
            fill=(*_tint(light, 20), 55),
        )
    return PILImage.alpha_composite(picture, overlay).convert("RGB")


def _portrait(seed, palette):
    rng = random.Random(seed)
    dark, mid, light = palette
    picture = _gradient(PORTRAIT, _tint(light, 30), light, rng)
    draw = ImageDraw.Draw(picture)
    width, height = PORTRAIT
    shade = _tint(dark, rng.randint(-20, 20))
    draw.ellipse((width * 0.12, height * 0.62, width * 0.88, height * 1.25), fill=shade)
    draw.ellipse((width * 0.32, height * 0.18, width * 0.68, height * 0.6), fill=_tint(mid, 10))
    return picture


def _save(picture, title, description, filename):
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True)
    return Image(
        title=title,
        description=description,
        file=ImageFile(buffer, name=filename),
    )


def illustration(seed, palette, title, description):
    """A 1600×900 abstract picture for a lead or body image (unsaved Image)."""
    return _save(_composition(seed, palette, LANDSCAPE), title, description, f"{seed}.jpg")


def author_photo(seed, palette, name):
    """A square silhouette standing in for a staff photo (unsaved Image)."""
    return _save(
        _portrait(seed, palette), name, f"Illustrated portrait of {name}", f"{seed}-photo.jpg"
    )
