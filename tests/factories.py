"""Small builders for focused test data: a section tree, authors, images, articles and standard
pages."""

import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from headline.news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    SectionPage,
    StandardPage,
)

_counter = itertools.count(1)


def home_page():
    return HomePage.objects.get()


def site_root_url():
    return Site.objects.get(is_default_site=True).root_url


def make_section(title="International", slug=None, **fields):
    home = home_page()
    section = SectionPage(
        title=title, slug=slug or title.lower(), **{"show_in_menus": True} | fields
    )
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_standard_page(title, slug=None, **fields):
    """A published standard page under the home page (comments off unless told)."""
    page = StandardPage(title=title, slug=slug or title.lower().replace(" ", "-"), **fields)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def make_author(name=None, **fields):
    n = next(_counter)
    name = name or f"Author {n}"
    slug = fields.pop("slug", None) or f"{name.lower().replace(' ', '-')}-{n}"
    return Author.objects.create(name=name, slug=slug, **fields)


def make_image(title="Test image", size=(1600, 900), color=(40, 90, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"test-{next(_counter)}.jpg"),
        description=title,
    )


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def make_article(
    section,
    title=None,
    *,
    authors=None,
    tags=(),
    body=None,
    publish=True,
    published_at=None,
    **fields,
):
    """An article under `section`, published by default; without `published_at`, publishing stamps it."""
    n = next(_counter)
    title = title or f"Article number {n}"
    article = ArticlePage(
        title=title,
        slug=fields.pop("slug", None) or f"article-{n}",
        standfirst=fields.pop("standfirst", f"Summary of {title}."),
        body=body if body is not None else [paragraph(f"Body of {title}.")],
        published_at=published_at,
        live=False,
        **fields,
    )
    section.add_child(instance=article)
    # In byline order, as the admin's inline panel saves them (no order would be no order on PostgreSQL).
    for position, author in enumerate(authors if authors is not None else [make_author()]):
        ArticleAuthor.objects.create(page=article, author=author, sort_order=position)
    if tags:
        article.tags.add(*tags)
    revision = article.save_revision()
    if publish:
        revision.publish()
    article.refresh_from_db()
    return article
