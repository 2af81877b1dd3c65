"""The benchmark newsroom: the demo newsroom grown to 2,000 articles, shaped like the WordPress peer.

The demo (`manage.py load_demo`: six sections including Headline and International, authors,
illustrated articles, tags) is loaded first; synthetic articles of realistic length (the
sentences of ../shared/corpus/news, through `benchmarks.related.synthetic_articles`) fill the
archive up to 2,000, each with a lead image, one or two authors and tags, split between the
sections like the peer's posts between its two categories (45 % International, 30 % Headline,
25 % both). The measured article, the demo's top story, gets 100 approved comments in threads;
199 other articles get 3–7 each, as on the peer. The search index and the related lists are
built at the end, so search and the related box work on the whole archive.
"""

import io
import random
from datetime import timedelta
from io import StringIO

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.signal_handlers import disable_reference_index_auto_update

from benchmarks.related import NO_BACKGROUND_TASKS, add_article, synthetic_articles
from headline.comments.models import Comment
from headline.news.models import ArticleAuthor, ArticlePage, ArticleTag, Author, SectionPage

ARTICLES = 2_000
ARTICLE_PATH = "/international/state-visit-strengthens-ties/"
MEASURED_COMMENTS = 100
COMMENTED_ARTICLES = 199
LEAD_IMAGES = 100
TAGS = 50
READERS = ["Alex", "Priya", "Chen Wei", "Fatima", "Lukas", "Olga", "Diego", "Hannah", "Kwame"]


def build(articles=ARTICLES):
    """Build the whole site, `articles` articles in all, into the (empty, migrated) benchmark
    database; returns counts."""
    call_command("load_demo", stdout=StringIO())
    rng = random.Random(2024)
    sections = {s.slug: s for s in SectionPage.objects.all()}
    existing = ArticlePage.objects.count()
    with (
        override_settings(
            TASKS=NO_BACKGROUND_TASKS,
            WAGTAILSEARCH_BACKENDS={
                "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
            },
        ),
        disable_reference_index_auto_update(),
        transaction.atomic(),
    ):
        images = [lead_image(n, rng) for n in range(LEAD_IMAGES)]
        tags = Tag.objects.bulk_create(
            [Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(TAGS)]
        )
        add_articles(synthetic_articles(articles - existing, seed=7), sections, images, tags, rng)
    measured = ArticlePage.objects.get(url_path__endswith=ARTICLE_PATH)
    add_thread(measured, MEASURED_COMMENTS, rng)
    others = list(ArticlePage.objects.exclude(pk=measured.pk).order_by("?")[:COMMENTED_ARTICLES])
    for article in others:
        add_thread(article, rng.randint(3, 7), rng)
    call_command("update_index", stdout=StringIO())
    call_command("rebuild_related", stdout=StringIO())
    return {
        "articles": ArticlePage.objects.live().count(),
        "comments": Comment.objects.filter(status=Comment.Status.APPROVED).count(),
    }


def lead_image(n, rng):
    """A 1600×900 two-colour JPEG: enough for every rendition the pages ask for."""
    top = tuple(rng.randrange(30, 200) for _ in range(3))
    picture = PILImage.new("RGB", (1600, 900), top)
    picture.paste(tuple(c // 2 for c in top), (0, 450, 1600, 900))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return Image.objects.create(
        title=f"Bench picture {n}", file=ImageFile(buffer, name=f"bench-{n}.jpg")
    )


def placement(rng):
    """The article's home section and extra sections, split like the peer's categories."""
    r = rng.random()
    if r < 0.45:
        return "international", []
    if r < 0.75:
        return "headline", []
    return "headline", ["international"]


def add_articles(articles, sections, images, tags, rng):
    """Insert live articles straight into the page tree (one row each, no revisions)."""
    authors = list(Author.objects.all())
    now = timezone.now()
    children = {slug: section.numchild for slug, section in sections.items()}
    pages, links, tagged, extra = [], [], [], []
    extra_through = ArticlePage.extra_sections.through
    for n, a in enumerate(articles):
        home, also = placement(rng)
        children[home] += 1
        # Older than every demo story, so the demo's top story stays the newest on the home page.
        a = dict(
            a,
            days_ago=62 + a["days_ago"] % 500,
            paragraphs=[escape(p) for p in a["paragraphs"]],
        )
        page = add_article(sections[home], children[home], a, now, n)
        page.lead_image = rng.choice(images)
        page.lead_image_caption = a["standfirst"][:120]
        page.lead_image_credit = "Bench pictures"
        pages.append(page)
        links += [
            ArticleAuthor(page=page, author=author, sort_order=order)
            for order, author in enumerate(rng.sample(authors, rng.choice((1, 1, 2))))
        ]
        tagged += [
            ArticleTag(content_object_id=page.pk, tag=tags[t % TAGS]) for t in set(a["tags"])
        ]
        extra += [
            extra_through(articlepage_id=page.pk, sectionpage_id=sections[s].pk) for s in also
        ]
    ArticlePage.objects.bulk_update(
        pages, ["lead_image", "lead_image_caption", "lead_image_credit"], batch_size=500
    )
    ArticleAuthor.objects.bulk_create(links)
    ArticleTag.objects.bulk_create(tagged)
    extra_through.objects.bulk_create(extra)
    for slug, section in sections.items():
        SectionPage.objects.filter(pk=section.pk).update(numchild=children[slug])


def add_thread(article, count, rng):
    """`count` approved comments: about 40 % start a thread, the rest reply up to depth 4."""
    published = article.published_at or timezone.now()
    comments = []
    for n in range(count):
        parents = [c for c in comments if c.depth < 4]
        parent = rng.choice(parents) if parents and rng.random() < 0.6 else None
        name = rng.choice(READERS)
        comment = Comment(
            article=article,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            name=name,
            email=f"{name.lower().replace(' ', '.')}.{n}@example.invalid",
            body=" ".join(rng.choice(article.standfirst.split(". ")) for _ in range(3))
            + f" (reader note {n})",
            status=Comment.Status.APPROVED,
            created_at=published + timedelta(minutes=10 * (n + 1)),
        )
        comment.save()
        comments.append(comment)
