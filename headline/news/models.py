"""Sections, articles and authors: the newsroom's content model.

The page tree is Home › Section › Article, so an article's URL is `/<section>/<slug>/` and
Wagtail's redirects app keeps old URLs working when a slug changes. Authors are snippets
(people are not pages), listed at `/authors/<slug>/`; tags at `/tags/<slug>/`.

Which articles a reader may see is decided in one place, `ArticlePageQuerySet.published()`;
every listing, feed, sitemap and the related-articles engine goes through it.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connections, models
from django.db.models import Exists, F, Max, OuterRef, Prefetch, Q, Subquery, Value
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.url_routing import RouteResult

from headline.core import freshness
from headline.core.models import SITE
from headline.core.pagination import PastTheEnd, page_number
from headline.core.text import clean_text, has_visible_content

from .blocks import ArticleBodyBlock, images, plain_text
from .forms import ArticlePageForm

ARTICLES_PER_PAGE = 20
# The home page: stories under "Latest", and in each section's block.
LATEST = 6
PER_SECTION = 4


# The content versions this app owns (see `headline.core.freshness`), moved by `news.signals`.
# `authors`, `tags` and `images` move with a name, tag or picture that many articles show, so an
# article's own page need not change with every other article (`articles`).
SECTIONS, ARTICLES, AUTHORS, TAGS, IMAGES = "sections", "articles", "authors", "tags", "images"
freshness.READ_AHEAD.update((SECTIONS, ARTICLES, AUTHORS, TAGS, IMAGES))


def article_scope(pk):
    """The content version of one article's own page."""
    return f"article:{pk}"


# What other apps add to every article card: annotation name → a function returning the query
# expression. Apps built on news fill it in their AppConfig.ready() (comments adds
# `comment_count`), so news shows their data on cards without importing them.
card_annotations = {}
# The content versions of everything a card shows; an app adding an annotation adds the scope
# that moves with it (comments adds `comments`).
card_scopes = {SITE, SECTIONS, ARTICLES, AUTHORS, IMAGES}


def declare_page(request, *scopes):
    """Declare to the page cache that this public page may be shared, showing `scopes` besides
    what its fragments read (`freshness.declare`).

    Every page shows the site's identity and the section navigation, and its footer the year
    (`{% now "Y" %}`), which changes by the clock on 1 January.
    """
    freshness.declare(request, SITE, SECTIONS, *scopes)
    now = timezone.localtime()
    freshness.declare_until(request, now.replace(now.year + 1, 1, 1, 0, 0, 0, 0))


def declare_listing(request, *scopes):
    """Declare a page of article cards: every article may be on it, with what cards show."""
    declare_page(request, *card_scopes, *scopes)


def restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        """Pages a reader may see: live (so not draft, not before go-live) and not restricted."""
        return self.live().public()

    def private_q(self):
        """Pages under a view restriction, from the cached restricted paths.

        Wagtail reads every restriction from the database each time a queryset is made public;
        restrictions change rarely, so their paths are cached (`cached_restricted_paths`). A path
        prefix filter also works with the search backends.
        """
        q = Q()
        for path in cached_restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


def cached_restricted_paths():
    """The paths under a view restriction; a restriction or a move moves both scopes."""
    return freshness.cached("restricted-paths", (SECTIONS, ARTICLES), restricted_paths)


class NewsPage(Page):
    """What the home, section and article pages share: reads that every request would repeat."""

    objects = NewsPageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail checks this before serving a page (two queries: ancestors, restrictions); a page
        under no restricted path, as the cached paths tell, has none to check."""
        if not any(self.path.startswith(path) for path in cached_restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class ArticlePageQuerySet(NewsPageQuerySet):
    def newest_first(self):
        """Newest publication time first. Every published article has `published_at` (stamped on
        first publication by news.signals; older rows by migration 0010), so a listing reads its
        page from that column's index, whatever the archive's size, instead of sorting every
        article for each listing."""
        return self.annotate(sort_date=F("published_at")).order_by("-sort_date", "-page_ptr_id")

    def for_cards(self):
        """Everything an article card shows, fetched in a fixed number of queries.

        Includes the `card_annotations` other apps registered, computed in the same query.
        """
        return (
            self.select_related("lead_image")
            .prefetch_related(
                "lead_image__renditions",
                Prefetch(
                    "article_authors", queryset=ArticleAuthor.objects.select_related("author")
                ),
            )
            .annotate(**{name: make() for name, make in card_annotations.items()})
        )

    def for_feeds(self):
        """Cards plus what a feed item adds: tags and corrections (for its updated time)."""
        return self.for_cards().prefetch_related("tags", "corrections")

    def with_corrected_at(self):
        """Annotate each article's latest correction date, for `last_modified`."""
        latest = ArticleCorrection.objects.filter(page=OuterRef("pk")).order_by("-date")
        return self.annotate(corrected_at=Subquery(latest.values("date")[:1]))

    def latest_change(self):
        """When the newest publication, edit or correction among these articles was (one query).

        The sitemap index gives it as each child's lastmod.
        """
        stats = self.aggregate(
            published=Max("last_published_at"),
            updated=Max("updated_at"),
            corrected=Max("corrections__date"),
        )
        return max((moment for moment in stats.values() if moment is not None), default=None)

    def in_section(self, section):
        """Articles under `section` or listing it among their extra sections.

        An EXISTS rather than a join, so no article comes twice and no DISTINCT (which sorts every
        row) is needed: a newest-first page of a section reads only as far as it shows.
        """
        listing = ArticlePage.extra_sections.through.objects.filter(
            articlepage=OuterRef("pk"), sectionpage=section
        )
        return self.filter(Q(path__startswith=section.path) | Exists(listing))

    def newest_in_section(self, section):
        """`SectionArticles`: the section's articles among these, newest first, to page through."""
        return SectionArticles(self, section)

    def newest_in_sections(self, sections, limit):
        """{section pk: [article pk, …]}: each section's `limit` newest articles, in one query.

        The same articles, in the same order, as `in_section(section).newest_first()[:limit]` for
        each section, so a page showing several sections' latest costs one query, whatever their
        number. Each section is asked twice, for the `limit` newest articles under it and for
        those listing it among their extra sections: each part has one plain condition, so the
        database can estimate it and pick, section by section, between reading the publication
        dates newest first until `limit` are found (a large section) and reading the section's
        few articles from the path index (a small one). Either way the cost follows `limit` and
        the section's share of the archive, not the archive's size (one condition joining the
        two by OR is estimated blind, and read every article for a small section).

        Django's ORM cannot join LIMITed queries on SQLite (no LIMIT inside a compound query), so
        the ORM-compiled parts are joined here, each wrapped in a subquery, which both databases
        accept.
        """
        sections = list(sections)
        if not sections:
            return {}
        parts, params = [], []
        for section in sections:
            for articles in SectionArticles(self, section).parts:
                newest = (
                    articles.newest_first()
                    .annotate(home=Value(section.pk, output_field=models.IntegerField()))
                    .values_list("home", "sort_date", "pk")[:limit]
                )
                sql, part_params = newest.query.sql_with_params()
                parts.append(f"SELECT * FROM ({sql}) AS part_{len(parts)}")  # noqa: S608 (compiled SQL)
                params += part_params
        by_section = {section.pk: [] for section in sections}
        with connections[self.db].cursor() as cursor:
            # Newest first within each section, as `newest_first` orders (positions: the compound
            # query's columns).
            cursor.execute(" UNION ALL ".join(parts) + " ORDER BY 1, 2 DESC, 3 DESC", params)
            for section_pk, _sort_date, pk in cursor.fetchall():
                by_section[section_pk].append(pk)  # the parts are disjoint: each article once
        return {pk: articles[:limit] for pk, articles in by_section.items()}


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class SectionArticles:
    """A section's articles among `articles` (an ArticlePage queryset, with what it annotates
    and prefetches), newest first, as `paginate` and the feeds read them: in slices.

    The same articles, in the same order, as `articles.in_section(section).newest_first()`, read
    in two parts: those under the section, and those listing it among their extra sections (not
    under it). Each part has one plain condition that the database can estimate, so for a large
    section it reads the publication dates newest first until the slice is full, and for a small
    one the section's few articles from the path index. Read by `in_section`'s one condition, a
    small section's page read every article of the archive.
    """

    def __init__(self, articles, section):
        self.articles = articles
        self.parts = (
            articles.filter(path__startswith=section.path),
            articles.filter(extra_sections=section).exclude(path__startswith=section.path),
        )

    def __getitem__(self, window):
        """The articles in `window` (a slice with a stop), in order: one query per part, and
        one (with its prefetches) for the articles themselves."""
        newest = sorted(
            (
                row
                for part in self.parts
                for row in part.newest_first().values_list("sort_date", "pk")[: window.stop]
            ),
            reverse=True,
        )
        pks = [pk for _sort_date, pk in newest[window]]
        found = self.articles.in_bulk(pks)
        return [found[pk] for pk in pks]


# The range of dates an article, an update or a correction may carry. The earliest is the year
# of the first printed newspaper (Johann Carolus's *Relation*, Strasbourg, 1605, so recognised
# by the World Association of Newspapers), which leaves room for any archive a newsroom
# digitises (The Times from 1785); 0001-01-01, a typing slip or an importer's "no date", is not
# one. The latest is the present (see `date_errors`).
EARLIEST_DATE = datetime(1605, 1, 1, tzinfo=UTC)
# What a date read from the database is held within, so rows stored before the rule (or written
# around it) still render in every time zone: year 1 or 9999 overflows when moved to one.
SHOWABLE_DATES = (EARLIEST_DATE, datetime(9998, 12, 31, tzinfo=UTC))


def date_errors(dates, go_live_at=None, subject="This date"):
    """{field name: message} for each of `dates` ({field name: datetime or None}) out of range:
    before EARLIEST_DATE, or after the present.

    Readers take every date the site shows as already past, so none may be later than now, or than
    the go-live time of an article scheduled to appear later (Wagtail's *Publishing schedule*),
    which is the one way to publish in the future.
    """
    now = timezone.now()
    latest = max(now, go_live_at) if go_live_at else now
    late = (
        f"{subject} is in the future, and readers would take it as already past. To publish "
        "later, set the Go-live date under Publishing schedule instead"
        + (", and keep this date no later than the go-live date." if latest > now else ".")
    )
    early = (
        f"{subject} is before {EARLIEST_DATE.year}, the year of the first printed newspaper: "
        "check the year."
    )
    errors = {name: late for name, moment in dates.items() if moment and moment > latest}
    errors |= {name: early for name, moment in dates.items() if moment and moment < EARLIEST_DATE}
    return errors


def showable(moment):
    """`moment` (an aware datetime or None) held within SHOWABLE_DATES."""
    return moment and min(max(moment, SHOWABLE_DATES[0]), SHOWABLE_DATES[1])


class ListingPage:
    """One page of a newest-first listing, read without counting the listing.

    The page's items are read with one more, which tells whether an older page follows: counting
    a section of 10,000 articles costs as much as the archive is large, and a reader pages with
    Newer and Older. `object_list`, `number`, `has_next()`, `has_previous()`, the neighbours'
    numbers and `has_other_pages()` are what Django's `Page` offers templates.
    """

    def __init__(self, items, number, per_page):
        start = (number - 1) * per_page
        rows = list(items[start : start + per_page + 1])
        self.object_list = rows[:per_page]
        self.number = number
        self.next_page_number = number + 1
        self.previous_page_number = number - 1
        self.older = len(rows) > per_page

    def has_next(self):
        return self.older

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def paginate(request, items, per_page=ARTICLES_PER_PAGE):
    """The page of `items` (a queryset, or anything sliced the same way) that `?page=` asks for.

    The number is read by `core.pagination.page_number`; a page past the last one, where
    nothing is left to show, is a 404 linking the first (`PastTheEnd`).
    """
    number = page_number(request)
    page = ListingPage(items, number, per_page)
    if number > 1 and not page.object_list:
        raise PastTheEnd(request)
    return page


class EmbedPreview(models.Model):
    """The locally stored picture readers see for an embedded post until they ask for the post.

    One per oEmbed answer (Wagtail's `Embed`), made when an editor saves an article with an embed
    block (`news.embeds.fetch`), so showing a page never asks the provider for anything.
    """

    embed = models.OneToOneField(
        "wagtailembeds.Embed", on_delete=models.CASCADE, related_name="preview"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"Preview of {self.embed.url}"


def lazy_listing(request, queryset, context):
    """Put a paginated listing in `context`, read only when a template shows it.

    `articles` is the page of `queryset` (`paginate`), made on first use, so a listing whose
    fragments are cached runs no query; `listing_scopes` key those fragments, with the full path
    (the page number, and the other parameters the pagination links carry along).
    """
    declare_listing(request)
    context["articles"] = SimpleLazyObject(lambda: paginate(request, queryset))
    context["listing_scopes"] = card_scopes
    return context


@register_snippet
class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    job_title = models.CharField(max_length=120, blank=True)
    bio = models.TextField(blank=True, max_length=1000)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
        verbose_name="admin login",
        help_text="The newsroom login of this author: articles they start are bylined to them.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("news:author", args=[self.slug])


class HomePage(NewsPage):
    """The front page: the top story in the Headline slot, then each section's latest."""

    max_count = 1
    subpage_types = ["news.SectionPage", "news.StandardPage"]
    parent_page_types = ["wagtailcore.Page"]

    def route(self, request, path_components):
        """The page at a path below the home page, found with one query once the path is known.

        Wagtail walks the path a level at a time, two queries a level; the page it finds (its
        type and id) is kept under the versions of the tree and of the articles, which move
        with every publish, slug change, move or deletion. A path that finds nothing is not
        kept, nor is a result with sub-route arguments (no page type here has sub-routes).
        """
        if not path_components:
            return super().route(request, path_components)
        walked = []

        def walk():
            walked.append(super(HomePage, self).route(request, path_components))
            page, args, kwargs = walked[0]
            return None if args or kwargs else (page.content_type_id, page.pk)

        found = freshness.cached(
            "route", (SITE, SECTIONS, ARTICLES), walk, vary=(self.pk, *path_components)
        )
        if walked:
            return walked[0]
        content_type, pk = found
        model = ContentType.objects.get_for_id(content_type).model_class()
        try:
            return RouteResult(model.objects.get(pk=pk, live=True))
        except model.DoesNotExist as missing:
            raise Http404 from missing

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the cached front page (`listing_scopes`) must be made again.
        declare_listing(request)
        context["front"] = SimpleLazyObject(self.front_page)
        context["listing_scopes"] = card_scopes
        return context

    def front_page(self):
        """Each story once, in the first slot that can hold it: Headline, Latest, then sections.

        An article also listed in extra sections would otherwise repeat in every one of their
        blocks, so each block leaves out everything placed above it before taking its four.
        Returns {"top_story": card or None, "latest": [card], "section_blocks": [(section,
        [card])]}.
        """
        articles = ArticlePage.objects.published()
        newest = articles.newest_first().values_list("pk", flat=True)
        top = list(newest.filter(top_story=True)[:1]) or list(newest[:1])
        latest = [pk for pk in newest[: LATEST + 1] if pk not in top][:LATEST]
        shown = top + latest
        sections = list(SectionPage.objects.live().public().in_menu().order_by("path"))
        # A block needs its four after leaving out every story placed above it.
        candidates = articles.newest_in_sections(
            sections, limit=len(shown) + PER_SECTION * len(sections)
        )
        blocks = []
        for section in sections:
            block = [pk for pk in candidates[section.pk] if pk not in shown][:PER_SECTION]
            shown += block
            blocks.append((section, block))
        cards = articles.for_cards().in_bulk(shown)
        return {
            "top_story": cards[top[0]] if top else None,
            "latest": [cards[pk] for pk in latest],
            "section_blocks": [(section, [cards[pk] for pk in block]) for section, block in blocks],
        }


class SectionPage(NewsPage):
    """A desk such as International or Business; lists its articles newest first."""

    intro = models.TextField(blank=True, max_length=500)

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_path"] = self.path
        articles = ArticlePage.objects.published().for_cards().newest_in_section(self)
        return lazy_listing(request, articles, context)


class StandardPage(NewsPage):
    """A page outside the news flow ("About us", "Contact", "Advertise"), with the article body's
    blocks; standard pages nest, so a site's page tree (e.g. one brought from WordPress) keeps
    its shape. Saving one moves `sites` and `sections`, as a section does: it changes the routes.
    """

    body = StreamField(ArticleBodyBlock(), blank=True)
    # Off by default: an "About us" page grows no comment form unless an editor (or the WordPress
    # importer, from the page's comment status) opens it. Comments already on the page show
    # either way; closing only stops new ones.
    comments_enabled = models.BooleanField(
        default=False,
        help_text="Let readers comment on this page. Its approved comments show either way.",
    )

    parent_page_types = ["news.HomePage", "news.StandardPage"]
    subpage_types = ["news.StandardPage"]
    content_panels = Page.content_panels + [FieldPanel("body")]
    # In a group of its own: alone at the top level, Wagtail shows its panel tick beside the
    # label, which reads as a ticked box whether the switch is on or off.
    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("comments_enabled")], heading="Comments")
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    @property
    def publication_date(self):
        """When readers first saw the page (what "close comments after N days" counts from); for
        one never published, its go-live time or now, as for an article."""
        return self.first_published_at or self.go_live_at or timezone.now()

    def get_context(self, request, *args, **kwargs):
        declare_page(request)
        return super().get_context(request, *args, **kwargs)


class ArticleAuthor(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("author")]


class ArticleCorrectionQuerySet(models.QuerySet):
    def published(self):
        """Notes on articles a reader may see, newest first, each with its article."""
        return (
            self.filter(page__in=ArticlePage.objects.published())
            .select_related("page")
            .order_by("-date", "-pk")
        )


class ArticleCorrection(Orderable):
    """A dated note an editor appends to a published article: a correction of a fact, or an update.

    Readers see it between the byline and the body; it moves the article's `last_modified`, so
    feeds, sitemaps and structured data announce the change, and it is listed on /corrections/.
    """

    CORRECTION = "correction"
    UPDATE = "update"
    KINDS = [(CORRECTION, "Correction"), (UPDATE, "Update")]

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=KINDS, default=CORRECTION)
    # Empty until the article revision carrying the note goes live: drafts write no rows, so the
    # row is saved (and dated, in save()) when it is published, by hand or by the scheduler.
    date = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to date it when the article is published."
    )
    text = models.TextField(max_length=1000, help_text="What was wrong and what is right now.")

    objects = ArticleCorrectionQuerySet.as_manager()

    panels = [FieldPanel("kind"), FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "date"]

    @classmethod
    def from_db(cls, db, field_names, values):
        correction = super().from_db(db, field_names, values)
        if correction.__dict__.get("date"):
            correction.date = showable(correction.date)
        return correction

    def clean(self):
        super().clean()
        page = getattr(self, "page", None)  # a new correction's article may not be set yet
        errors = date_errors({"date": self.date}, page.go_live_at if page else None)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.date is None:
            self.date = timezone.now()
        super().save(*args, **kwargs)

    def __str__(self):
        if self.date is None:
            return f"{self.get_kind_display()} (not yet published)"
        return f"{self.get_kind_display()} of {self.date:%Y-%m-%d}"


class _CleanTagsManager(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        # Cleaned before taggit looks the names up, as the admin's tag field does
        # (`core.text.parse_tags`): cleaning on save could turn a new name into an existing one.
        names = [clean_text(tag) if isinstance(tag, str) else tag for tag in tags]
        names = [tag for tag in names if not isinstance(tag, str) or has_visible_content(tag)]
        return super()._to_tag_model_instances(names, tag_kwargs)


class CleanTaggableManager(ClusterTaggableManager):
    """An article's tags, whose names given in code (imports, scripts, the demo) are cleaned like
    everything else stored: an NFD `Zürich` is the NFC tag, a name of control characters none."""

    def __get__(self, instance, model):
        return _CleanTagsManager(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(NewsPage):
    """A news article, the heart of the product."""

    standfirst = models.TextField(
        max_length=400, help_text="One or two sentences under the headline; also the summary."
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Shown as the publication time. Filled in on first publication when empty.",
    )
    updated_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the story is substantively updated; shown as 'Updated'.",
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=300, blank=True)
    lead_image_credit = models.CharField(max_length=150, blank=True)
    body = StreamField(ArticleBodyBlock())
    tags = CleanTaggableManager(through=ArticleTag, blank=True)
    extra_sections = ParentalManyToManyField(
        "news.SectionPage",
        blank=True,
        related_name="extra_articles",
        help_text="Other sections this article also appears in.",
    )
    top_story = models.BooleanField(
        default=False, help_text="Put this article in the Headline slot of the home page."
    )
    comments_enabled = models.BooleanField(
        default=True, help_text="Let readers comment on this article."
    )

    objects = ArticlePageManager()
    base_form_class = ArticlePageForm

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    content_panels = [
        # TitleFieldPanel makes the slug from the headline as it is typed, until first publication.
        TitleFieldPanel(
            "title",
            heading="Headline",
            placeholder="Headline*",
            help_text="As readers see it; the slug (Promote tab) follows it until publication.",
        ),
        FieldPanel("standfirst"),
        InlinePanel("article_authors", label="Authors", min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("corrections", label="Corrections and updates", heading="Corrections"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                # Not required to save a draft: an empty slug is made from the headline on save
                # (Page.full_clean), so a draft with only a headline saves without JavaScript too.
                FieldPanel("slug", required_on_save=False),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="For site menus"),
        MultiFieldPanel(
            [
                FieldPanel("top_story"),
                FieldPanel("comments_enabled"),
                FieldPanel("extra_sections"),
                FieldPanel("published_at"),
                FieldPanel("updated_at"),
            ],
            heading="Placement and dates",
        ),
        InlinePanel(
            "related_pins",
            label="Pinned related articles",
            help_text="Shown first under the article, in this order; the rest is automatic.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
        index.FilterField("published_at"),
        index.FilterField("top_story"),
    ]

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # Dates stored before the range rule (or written around it) still render: see
        # SHOWABLE_DATES. Listings' annotations of them too.
        for name in ("published_at", "updated_at", "corrected_at", "sort_date"):
            if article.__dict__.get(name):
                setattr(article, name, showable(article.__dict__[name]))
        return article

    def clean(self):
        super().clean()
        errors = date_errors(
            {"published_at": self.published_at, "updated_at": self.updated_at}, self.go_live_at
        )
        # Corrections added in code meet only this check; the admin refuses them on their own form.
        latest_correction = max((c.date for c in self.corrections.all() if c.date), default=None)
        errors.update(
            date_errors(
                {NON_FIELD_ERRORS: latest_correction}, self.go_live_at, "A correction's date"
            )
        )
        if errors:
            raise ValidationError(errors)

    @property
    def publication_date(self):
        """When readers first saw the article; for a preview of one never published, its go-live
        time or now, so it still sorts and renders (the article page says it is not published)."""
        return self.published_at or self.first_published_at or self.go_live_at or timezone.now()

    @property
    def last_modified(self):
        """When a reader last saw a change: the latest of publication, updates and corrections.

        Listings either prefetch `corrections` or annotate `corrected_at` (`with_corrected_at()`,
        cheaper for the thousands of rows of a sitemap) so they stay at a fixed query count.
        """
        candidates = [self.publication_date, self.updated_at, self.last_published_at]
        if hasattr(self, "corrected_at"):
            candidates.append(self.corrected_at)
        else:
            candidates += [correction.date for correction in self.corrections.all()]
        return max(moment for moment in candidates if moment is not None)

    @cached_property
    def section(self):
        return SectionPage.objects.parent_of(self).first()

    @cached_property
    def authors(self):
        return [link.author for link in self.article_authors.all()]

    def body_text(self):
        """The body's words as a reader sees them, as one plain (unescaped) string; no queries."""
        return " ".join(plain_text(self.body.stream_block, self.body.raw_data))

    def body_images(self):
        """Every image the body shows (captioned images, galleries, embeds' previews)."""
        return images(self.body.stream_block, self.body)

    def prefetch_for_page(self, preview=False):
        """Load authors, tags and every image's renditions in a fixed number of queries.

        A preview carries the editor's unsaved authors and tags in memory; reading them from the
        database would show the stored ones instead, so only images are prefetched then.
        """
        from django.db.models import prefetch_related_objects

        if not preview:
            prefetch_related_objects(
                [self],
                Prefetch(
                    "article_authors",
                    queryset=ArticleAuthor.objects.select_related("author__photo").prefetch_related(
                        "author__photo__renditions"
                    ),
                ),
                "tags",
            )
        shown = [self.lead_image] if self.lead_image else []
        prefetch_related_objects(shown + self.body_images(), "renditions")

    @property
    def fragment_scopes(self):
        """The content versions of what the article's own page shows of it: text, section,
        authors' names, tags, images, the site's name and address (for `{% fragment %}`)."""
        return (SITE, SECTIONS, AUTHORS, TAGS, IMAGES, article_scope(self.pk))

    def get_context(self, request, *args, **kwargs):
        # Authors, tags and images are loaded by the fragments that show them, only when those
        # are not cached (`{% prefetch_for_page %}`); the section likewise (`section`).
        declare_page(request, *self.fragment_scopes)
        context = super().get_context(request, *args, **kwargs)
        context["section_path"] = self.path[: -self.steplen]
        return context
