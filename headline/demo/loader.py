"""Publish the demo newsroom into the page tree, and set up the site and the demo logins.

Content is created the way an editor would create it (a page added under its section, then a
revision saved and published), so every signal, log entry and search-index update a real
publication triggers happens here too. Dates are set explicitly so the stories spread over the
last two months, newest first being the state-visit top story.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from headline.core.models import SiteIdentity
from headline.core.site_url import point_default_site
from headline.news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage

from . import images
from .articles import Picture, parse_body
from .authors import WRITERS
from .sections import SECTIONS
from .stories import STORYLINES

CREDIT = "Headline graphics"
DEFAULT_PASSWORD = "headline-demo"


@dataclass(frozen=True)
class Account:
    username: str
    group: str  # empty for the superuser, who needs none
    superuser: bool = False
    byline: str = ""  # the slug of the demo author this login writes as


ACCOUNTS = (
    Account("admin", "", superuser=True),
    Account("reporter", "Reporters", byline="jonas-hale"),
    Account("editor", "Editors", byline="daniel-okafor"),
    Account("moderator", "Moderators"),
)


def configure_site():
    """Point the default site at SITE_URL (the development server's address when unset) so
    canonical URLs and the admin's links are right, and name it."""
    site = point_default_site(settings.WAGTAILADMIN_BASE_URL)
    site.site_name = "Headline"
    site.save()
    identity = SiteIdentity.for_site(site)
    identity.name = "Headline"
    identity.save()
    return site


def ensure_accounts(password):
    """Create the demo logins that are missing; existing accounts keep their password."""
    user_model = get_user_model()
    for account in ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=account.username,
            defaults={
                "email": f"{account.username}@example.com",
                "is_staff": True,
                "is_superuser": account.superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        if account.group:
            user.groups.add(Group.objects.get(name=account.group))
        if account.byline:  # so the articles this login starts carry that author's byline
            Author.objects.filter(slug=account.byline, user=None).update(user=user)
    return ACCOUNTS


class NewsroomLoader:
    """Builds sections, authors and articles under the home page; one instance per load."""

    def __init__(self, home: HomePage):
        self.home = home
        self.now = timezone.now()
        self.sections = {}
        self.palettes = {section.slug: section.palette for section in SECTIONS}
        self.authors = {}
        self.image_count = 0

    def load(self):
        for section in SECTIONS:
            self.sections[section.slug] = self._section(section)
        palettes = [section.palette for section in SECTIONS]
        for number, writer in enumerate(WRITERS):
            self.authors[writer.slug] = self._author(writer, palettes[number % len(palettes)])
        articles = 0
        for storyline in STORYLINES:
            for article in storyline.articles:
                self._article(storyline, article)
                articles += 1
        return {
            "sections": len(self.sections),
            "authors": len(self.authors),
            "articles": articles,
            "images": self.image_count,
        }

    def _image(self, image):
        image.save()
        self.image_count += 1
        return image

    def _illustration(self, seed, palette, caption):
        return self._image(images.illustration(seed, palette, caption[:255], caption))

    def _section(self, section):
        existing = SectionPage.objects.child_of(self.home).filter(slug=section.slug).first()
        if existing:
            return existing
        page = SectionPage(
            title=section.title, slug=section.slug, intro=section.intro, show_in_menus=True
        )
        self.home.add_child(instance=page)
        page.save_revision().publish()
        return page

    def _author(self, writer, palette):
        author = Author.objects.filter(slug=writer.slug).first()
        if author:
            return author
        photo = None
        if writer.photo:
            photo = self._image(images.author_photo(f"author-{writer.slug}", palette, writer.name))
        return Author.objects.create(
            slug=writer.slug,
            name=writer.name,
            job_title=writer.job_title,
            bio=writer.bio,
            photo=photo,
        )

    def _body(self, article, palette):
        blocks = []
        for number, block in enumerate(parse_body(article.body)):
            if isinstance(block, Picture):
                picture = self._illustration(f"{article.slug}-{number}", palette, block.caption)
                block = {
                    "type": "image",
                    "value": {
                        "image": {
                            "image": picture.pk,
                            "decorative": False,
                            "alt_text": block.caption,
                        },
                        "caption": block.caption,
                        "credit": CREDIT,
                    },
                }
            blocks.append(block)
        return blocks

    def _article(self, storyline, article):
        section = self.sections[storyline.section]
        palette = self.palettes[storyline.section]
        published_at = self.now - timedelta(days=article.days_ago)
        lead_image = None
        if article.lead:
            lead_image = self._illustration(article.slug, palette, article.lead)
        page = ArticlePage(
            title=article.title,
            slug=article.slug,
            standfirst=article.standfirst,
            body=self._body(article, palette),
            published_at=published_at,
            first_published_at=published_at,
            lead_image=lead_image,
            lead_image_caption=article.lead,
            lead_image_credit=CREDIT if article.lead else "",
            top_story=article.top_story,
        )
        page.article_authors = [
            ArticleAuthor(author=self.authors[slug], sort_order=order)
            for order, slug in enumerate(article.authors)
        ]
        page.extra_sections = [self.sections[slug] for slug in article.extra_sections]
        page.tags.add(*storyline.tags, *article.tags)
        section.add_child(instance=page)
        page.save_revision().publish()
        # Publishing stamps "now"; the demo's history says the story went out at `published_at`.
        Page.objects.filter(pk=page.pk).update(
            last_published_at=published_at, latest_revision_created_at=published_at
        )
