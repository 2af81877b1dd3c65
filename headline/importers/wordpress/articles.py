"""New live articles of an import, written a batch at a time.

Adding a page the usual way (`add_child`, then a revision and its publication) checks it against
the database, writes it and each of its authors, tags and sections row by row, then reads them
all back to make its revision: dozens of queries an article, most of an import's time. Here each
new live article is validated as it comes (its fields and `clean()`: the importer made its slug
free among its siblings and its foreign keys point at rows it holds), and a batch of BATCH is
written with one insert per table: pages at the end of their section (treebeard paths counted on
from the section's last child), their child rows, revisions and "created" history entries, and
each section's child count once. Then `page_published` is sent for each article, as Wagtail's
publishing sends it: held redirects dropped, caches purged, and the search index and related
lists left to the import's one follow-up task (`news.follow_up`).

Paths are counted at `flush()`, from the last child each section has in the database then, so
pages added through treebeard meanwhile (drafts, sections) take theirs first, and a flush never
runs inside the savepoint of another item, whose rollback would undo the batch. Treebeard has no
public call that numbers many children at once; its path helpers `_get_path` and
`_get_lastpos_in_path` (django-treebeard 5, `mp_tree.MP_Node`) are the ones `add_child` uses, so
the paths are the ones it would give; tests/test_import_wordpress.py checks the tree after
batches (`Page.find_problems` finds none).
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from headline.core.signals import clean_stored_text

BATCH = 500


class NewLiveArticles:
    def __init__(self):
        self.pending = []  # (parent, page, callback)

    def add(self, parent, page, now, then):
        """Validate `page` (a new ArticlePage) as a live child of `parent` published at `now`;
        it is written with its batch, then `then(page)` is called. Raises ValidationError."""
        page.depth, page.numchild = parent.depth + 1, 0
        # A path of the right depth and the parent at hand let clean() find the parent (for its
        # slug check) without a query; the real path is counted at flush.
        page.path = Page._get_path(parent.path, page.depth, 1)
        page._cached_parent_obj = parent
        page.locale_id = parent.locale_id
        page.set_url_path(parent)
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
        # Foreign keys, unique fields and the slug are the importer's own (see the module
        # docstring): Wagtail's check that the slug is free among the siblings, a query for
        # each article, is left out of clean() for this call.
        page._check_slug_is_unique = _slug_made_free
        try:
            page.full_clean(
                exclude=[f.name for f in page._meta.concrete_fields if f.is_relation],
                validate_unique=False,
                validate_constraints=False,
            )
        finally:
            del page._check_slug_is_unique
        # Child relations not set are pinned empty, so reading them (the revision does) asks
        # nothing of the database once the page has its id.
        for relation in get_all_child_relations(type(page)):
            manager = getattr(page, relation.get_accessor_name())
            manager.set(list(manager.all()))
        self.pending.append((parent, page, then))

    @property
    def full(self):
        return len(self.pending) >= BATCH

    def flush(self):
        """Write the pending articles and call each one's `then`."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        steps = {}  # parent pk → the step of its next child
        for parent, page, _ in batch:
            step = steps.get(parent.pk) or first_free_step(parent)
            page.path = Page._get_path(parent.path, page.depth, step)
            steps[parent.pk] = step + 1
        pages = [page for _, page, _ in batch]
        model = type(pages[0])
        now = timezone.now()
        for page in pages:
            clean_stored_text(model, page)  # as saving would
        rows = Page.objects.bulk_create(
            [
                Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                for page in pages
            ]
        )
        for row, page in zip(rows, pages, strict=True):
            page.id = page.page_ptr_id = row.pk
            page.save_base(raw=True, force_insert=True)  # the article's own table only
        self.write_children(model, pages)
        revisions = self.write_revisions(model, pages, now)
        # One statement for the batch: each page takes the revision written for it (its newest).
        written = (
            Revision.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=Cast(OuterRef("pk"), CharField()),
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.filter(pk__in=[page.pk for page in pages]).update(
            latest_revision=Subquery(written),
            live_revision=Subquery(written),
            latest_revision_created_at=now,
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
            page.latest_revision_created_at = now
        self.log_creation(model, pages, now)
        added = Counter(parent for parent, _, _ in batch)
        for parent, count in added.items():
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
            parent.numchild += count
        for (_, page, then), revision in zip(batch, revisions, strict=True):
            page_published.send(sender=model, instance=page, revision=revision)
            then(page)

    def write_children(self, model, pages):
        """The authors, tags, sections… the pages hold in memory, one insert per table."""
        for relation in get_all_child_relations(model):
            name = relation.get_accessor_name()
            children = [child for page in pages for child in getattr(page, name).all()]
            if children:
                relation.related_model.objects.bulk_create(children)
        for field in get_all_child_m2m_relations(model):
            through = field.remote_field.through
            links = [
                through(**{field.m2m_field_name(): page, field.m2m_reverse_field_name(): target})
                for page in pages
                for target in getattr(page, field.name).all()
            ]
            if links:
                through.objects.bulk_create(links)

    def write_revisions(self, model, pages, now):
        content_type = ContentType.objects.get_for_model(model)
        base_content_type = ContentType.objects.get_for_model(Page)
        revisions = []
        for page in pages:
            revision = Revision(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                created_at=now,
                content=page.serializable_data(),
                object_str=str(page),
            )
            clean_stored_text(Revision, revision)
            revisions.append(revision)
        return Revision.objects.bulk_create(revisions)

    def log_creation(self, model, pages, now):
        """The "created" entry of each page's history, as `Page.save` writes for a new page."""
        context = get_active_log_context()
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                page=page,
                content_type=content_type,
                label=page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=now,
                data={},
                content_changed=True,
                user=context.user,
                uuid=context.uuid,
            )
            for page in pages
        )


def _slug_made_free():
    """Stands in for `Page._check_slug_is_unique` (Wagtail 8): the importer chose the slug among
    the siblings it holds (`Importer.free_slug`)."""


def first_free_step(parent):
    """The treebeard step after `parent`'s last child in the database (1 when it has none)."""
    last = parent.get_last_child()
    return last._get_lastpos_in_path() + 1 if last else 1
