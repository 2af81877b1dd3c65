"""The pictures other sites show for our pages: share cards and the images in structured data.

Social networks crop whatever they get to about 1.91:1 and want 1200×630; Google's article
guidelines ask for the same picture in 16:9, 4:3 and 1:1. All of them are Wagtail renditions of
the lead image, made here on first use and stored beside the other renditions, so no external
service is involved. Wagtail's `fill` never enlarges a small picture, which would leave cards
smaller than the networks accept; the `card` filter registered in wagtail_hooks.py does.
A page without a lead image shares the publication's own card from static/brand/.
"""

from dataclasses import dataclass

from django.templatetags.static import static
from wagtail.images.image_operations import FillOperation

SHARE_CARD = "card-1200x630"
# Google: "multiple high-resolution images with the following aspect ratios: 16x9, 4x3, and 1x1".
SCHEMA_SPECS = ("card-1200x675", "card-1200x900", "card-1200x1200")


class CardOperation(FillOperation):
    """`fill`, but always exactly the requested size: small images are scaled up."""

    def run(self, transform, image):
        transform = super().run(transform, image)
        if transform.size != (self.width, self.height):
            transform = transform.resize((self.width, self.height))
        return transform


@dataclass(frozen=True)
class SharedImage:
    url: str  # relative to the site root
    width: int
    height: int
    alt: str


# Resolved per call: the static storage's manifest may not be loaded when this module is imported.
def default_card():
    return SharedImage(static("brand/share-card.png"), 1200, 630, "Headline")


def publisher_logo():
    return SharedImage(static("brand/logo.png"), 600, 60, "Headline")


def _from_rendition(rendition, alt):
    return SharedImage(rendition.url, rendition.width, rendition.height, alt)


def lead_image_alt(page):
    return page.lead_image_caption or page.lead_image.default_alt_text


def share_card(page):
    """The og:image / twitter:image of a page: its lead image's card, else the publication's."""
    image = getattr(page, "lead_image", None)
    if image is None:
        return default_card()
    return _from_rendition(image.get_rendition(SHARE_CARD), lead_image_alt(page))


def schema_images(page):
    """The lead image in Google's three aspect ratios, generated together in one pass."""
    image = getattr(page, "lead_image", None)
    if image is None:
        return [default_card()]
    renditions = image.get_renditions(*SCHEMA_SPECS)
    return [_from_rendition(renditions[spec], lead_image_alt(page)) for spec in SCHEMA_SPECS]
