"""What a page tells other sites about itself: canonical URL, OpenGraph and Twitter card tags and
schema.org JSON-LD, gathered from the template context by `{% social_meta %}`.

The title and description shown in link previews are the ones the page already shows search
engines: a Wagtail page's SEO title or title, else the template's `title` block, and always the
template's `description` block. Rendering those blocks here (rather than re-deriving the text)
keeps one source for each: a template that changes its meta description changes its previews too.
"""

import html

from django.conf import settings
from django.core.paginator import Page as ListingPage
from django.db.models import prefetch_related_objects
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import to_locale
from wagtail.models import Page, Site

from headline.core.models import SiteIdentity
from headline.news.models import ArticlePage, Author, HomePage, SectionPage

from . import structured_data
from .images import share_card


def rendered_block(context, name):
    """The output of `{% block name %}` as the most specific template overrides it."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    node = block_context.get_block(name) if block_context else None
    return node.render(context).strip() if node else ""


class SocialMetadata:
    def __init__(self, context):
        self.context = context
        self.request = context["request"]
        page = context.get("page")
        self.page = page if isinstance(page, Page) else None
        # Corrections are read by dateModified, the JSON-LD and the article body below the head.
        # A preview keeps the editor's unsaved corrections in memory: never replace them.
        if self.is_article and not getattr(self.request, "is_preview", False):
            prefetch_related_objects([self.page], "corrections")

    @cached_property
    def identity(self):
        return SiteIdentity.for_request(self.request)

    @cached_property
    def root_url(self):
        site = Site.find_for_request(self.request)
        return site.root_url if site else self.request.build_absolute_uri("/").rstrip("/")

    @property
    def is_article(self):
        return isinstance(self.page, ArticlePage)

    @cached_property
    def canonical(self):
        # A page being previewed before its first save has no URL yet.
        page_url = self.page.get_full_url(self.request) if self.page is not None else None
        url = page_url or self.root_url + self.request.path
        # Each page of a listing is its own document, so it is its own canonical: the page the
        # paginator shows, never the query's own text (`?page=٣`, `?page=-1`, `?page=99999`).
        # type(), not isinstance(): isinstance would evaluate the lazy `csrf_token`, which sets
        # the CSRF cookie and makes every page private to edge caches.
        number = next(
            (v.number for v in self.context.flatten().values() if type(v) is ListingPage), 1
        )
        return f"{url}?page={number}" if number > 1 else url

    @cached_property
    def title(self):
        if self.page is not None and not isinstance(self.page, HomePage):
            return self.page.seo_title or self.page.title
        return mark_safe(rendered_block(self.context, "title"))

    @cached_property
    def description(self):
        # Already escaped by the template that rendered it.
        return mark_safe(rendered_block(self.context, "description"))

    @property
    def plain_description(self):
        return html.unescape(self.description)

    @cached_property
    def image(self):
        return share_card(self.page)

    @cached_property
    def section(self):
        return self.page.section if self.is_article else None

    @cached_property
    def tags(self):
        return list(self.page.tags.all()) if self.is_article else []

    @cached_property
    def published(self):
        return self.page.publication_date

    @cached_property
    def modified(self):
        return self.page.last_modified

    def author_urls(self):
        return [self.root_url + author.get_absolute_url() for author in self.page.authors]

    def breadcrumb_trail(self):
        trail = [(self.identity.name, self.root_url + "/")]
        section = self.section if self.is_article else self.page
        if isinstance(section, SectionPage):
            trail.append((section.title, section.get_full_url(self.request)))
        if self.is_article:
            trail.append((self.page.title, self.canonical))
        return trail

    def json_ld(self):
        if isinstance(self.page, HomePage):
            documents = [structured_data.website(self)]
        elif self.is_article:
            documents = [
                structured_data.news_article(self),
                structured_data.breadcrumb_list(self.breadcrumb_trail()),
            ]
        elif isinstance(self.page, SectionPage):
            documents = [structured_data.breadcrumb_list(self.breadcrumb_trail())]
        elif isinstance(self.context.get("author"), Author):  # an author's page
            documents = [structured_data.profile_page(self, self.context["author"])]
        else:
            documents = []
        return [structured_data.script_tag(document) for document in documents]

    @property
    def locale(self):
        return to_locale(settings.LANGUAGE_CODE)
