"""Draw the publication's icons, publisher logo and default share card into headline/static/brand/.

The files are committed; this command is how they were made and how to remake them after a
rebrand. The mark is an "H" built from rectangles, so it looks the same on every machine
whatever fonts are installed; the wordmark uses Pillow's bundled font for the same reason.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw, ImageFont

BRAND_DIR = Path(settings.BASE_DIR) / "headline" / "static" / "brand"
RED = (163, 18, 27)
INK = (26, 26, 26)
PAPER = (255, 255, 255)
# (file, square size) for the icons browsers and the web app manifest ask for.
ICONS = [("icon-192.png", 192), ("icon-512.png", 512), ("apple-touch-icon.png", 180)]
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]


def draw_mark(draw, left, top, size):
    """A red square with a white "H" inside the middle 60%, the safe zone of maskable icons."""
    draw.rectangle([left, top, left + size - 1, top + size - 1], fill=RED)
    inset, stem = size * 0.28, size * 0.12
    x0, x1 = left + inset, left + size - inset
    y0, y1 = top + inset, top + size - inset
    draw.rectangle([x0, y0, x0 + stem, y1], fill=PAPER)
    draw.rectangle([x1 - stem, y0, x1, y1], fill=PAPER)
    middle = top + size / 2
    draw.rectangle([x0, middle - stem / 2, x1, middle + stem / 2], fill=PAPER)


def square_icon(size):
    image = Image.new("RGB", (size, size), RED)
    draw_mark(ImageDraw.Draw(image), 0, 0, size)
    return image


def wordmark(width, height, text, background):
    """The mark followed by the name, as Google's publisher logo guidelines describe (600×60)."""
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    draw_mark(draw, 0, 0, height)
    font = ImageFont.load_default(size=int(height * 0.75))
    draw.text((height * 1.25, height / 2), text, font=font, fill=INK, anchor="lm")
    return image


def share_card(name, tagline):
    """The 1200×630 card shown when a page has no lead image of its own."""
    image = Image.new("RGB", (1200, 630), INK)
    draw = ImageDraw.Draw(image)
    draw_mark(draw, 100, 165, 300)
    draw.text((460, 290), name, font=ImageFont.load_default(size=120), fill=PAPER, anchor="ls")
    draw.text((464, 380), tagline, font=ImageFont.load_default(size=44), fill=PAPER, anchor="ls")
    return image


class Command(BaseCommand):
    help = "Draw the icons, publisher logo and default share card into headline/static/brand/."

    def handle(self, *args, **options):
        BRAND_DIR.mkdir(parents=True, exist_ok=True)
        for filename, size in ICONS:
            square_icon(size).save(BRAND_DIR / filename, optimize=True)
        square_icon(48).save(BRAND_DIR / "favicon.ico", sizes=FAVICON_SIZES)
        wordmark(600, 60, "Headline", PAPER).save(BRAND_DIR / "logo.png", optimize=True)
        share_card("Headline", "News you can trust").save(
            BRAND_DIR / "share-card.png", optimize=True
        )
        self.stdout.write(f"Brand images written to {BRAND_DIR}")
