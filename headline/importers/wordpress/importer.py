"""One import of a WordPress export: authors, categories and tags, attachments, posts, pages,
comments and old addresses, in one database transaction.

The file is read twice as a stream (`wxr.read`): first the definitions and attachments (a post's
body and featured image refer to attachments that may come later in the file), then posts and
pages with their comments. What maps to what:

- `wp:author` and any undeclared `dc:creator` → Author snippets, matched by WordPress's strict
  login rule (`values.login_key`), so `themereviewteam>` is `themereviewteam`.
- Top-level categories → sections. Sections do not nest in Headline, so a sub-category becomes a
  tag of its own name and its posts are filed in its top-level ancestor's section. A post's first
  category is its home section, the others its extra sections. Tags → tags. Other taxonomies
  (post formats, custom ones) are skipped and counted.
- Menus: the sections this import creates are hidden from the site's menus except those the
  export's WordPress menus link (`nav_menu_item`s of a category); an export without such links
  fills only a site with no section in its menus yet, with its busiest sections (`menus`).
  A section that already existed keeps its menu setting: re-importing never undoes an editor.
- Posts → articles: publish → live, draft and pending → draft, future → scheduled, private →
  live behind a login (only the newsroom sees it), a post password → Wagtail's password
  restriction; dates from the `_gmt` fields; Unicode slugs kept; excerpt → standfirst (else
  WordPress's automatic excerpt); sticky → top story; `_thumbnail_id` → lead image.
- Pages → standard pages under the home page, nested as in WordPress; a page open to comments
  in WordPress (`wp:comment_status`) is open in Headline. Comments on posts and on pages are
  imported alike (see `comments`).
- Attachments → Wagtail images (other files → documents) when found under the media folder.

Each object is recorded in `ImportedObject`, so importing the export again updates in place. An
object edited in Headline since (a page with a newer revision, an author or comment changed) is
left alone with a note in the report, unless `overwrite`. A post or comment that cannot be stored
is skipped with its reason; anything else undoes the whole import. What follows the articles'
publication (search and reference index, related lists) is one task queued at the end.
"""

from collections import Counter
from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from headline.news.follow_up import collect_publications
from headline.news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    SectionPage,
    StandardPage,
)

from ..follow_up import follow_imported
from ..models import ImportedObject
from . import articles, media, values, wxr
from .articles import NewLiveArticles
from .comments import import_comments
from .content import Uploads, convert
from .redirects import Redirects, on_site
from .report import Report, as_paragraphs_note

Kind = ImportedObject.Kind
# Sections put in the menu of a site that has none, when the export links no category from its
# menus: about what fits two lines of the section menu on a phone.
FRESH_MENU_SECTIONS = 8
SKIPPED_STATUSES = {
    "trash": "in WordPress's trash",
    "auto-draft": "an automatic draft WordPress never showed",
    "inherit": "a revision of another item",
}


class Rollback(Exception):
    """Raised to undo a dry run once its report is made."""


class Importer:
    EDITED = "edited in Headline since the last import: left as it is (use --overwrite to replace)"

    def __init__(self, path, *, media_dir=None, dry_run=False, overwrite=False, progress=None):
        self.path = path
        self.media_dir = media_dir
        self.overwrite = overwrite
        self.progress = progress or (lambda fraction: None)
        self.report = Report(dry_run=dry_run)
        self.created_files = []
        self.new_articles = NewLiveArticles()
        self.slugs = {}  # parent page ID → the slugs taken under it
        self.threads = []  # (item, page) whose comments are still to import
        self.unwritten = set()  # WordPress IDs of the posts waiting in `new_articles`
        self.menu_term_ids = set()  # term IDs of the categories the export's menus link
        self.subcategory_tags = {}  # term ID of a sub-category → the tag it became
        self.new_sections = {}  # section page ID → (term ID or None, section) made by this import
        self.section_posts = Counter()  # section page ID → posts filed in it by this import

    # The run -------------------------------------------------------------------------------

    def run(self):
        """Import the export; returns the Report. Raises wxr.WXRError for an unreadable file,
        after undoing everything."""
        try:
            with transaction.atomic(), collect_publications() as published:
                self.first_pass()
                self.second_pass()
                if self.report.dry_run:
                    raise Rollback
                if published:
                    follow_imported.enqueue(sorted(published))
        except Rollback:
            self.remove_files()
        except BaseException:
            self.remove_files()
            raise
        return self.report

    def remove_files(self):
        """Files are not in the transaction: those stored by an undone import go too."""
        for field_file in self.created_files:
            field_file.storage.delete(field_file.name)

    def records(self, kinds, share, offset):
        """The file's records of `kinds`, reporting progress over `share` of the whole run."""
        size = self.path.stat().st_size or 1
        with self.path.open("rb") as handle:
            reader = wxr.CountingReader(handle)
            for record in wxr.read(reader):
                if record.kind == "channel":
                    self.start(record)
                elif record.kind in kinds:
                    yield record
                    self.progress(offset + share * reader.position / size)
        self.report.control_characters = reader.control_characters  # the same on each pass

    def start(self, channel):
        if hasattr(self, "site_url"):
            return
        # The blog's own address: on WordPress.com every blog's base_site_url is wordpress.com.
        blog_url = (
            channel.get("wp:base_blog_url")
            or channel.get("wp:base_site_url")
            or channel.get("link")
        )
        self.site_url = blog_url.rstrip("/")
        self.key = {"site_url": self.site_url}
        self.report.site_url = self.site_url
        self.report.wxr_version = channel.get("wp:wxr_version")
        self.site = Site.objects.get(is_default_site=True)
        self.home = self.site.root_page.specific
        self.redirects = Redirects(self.site, blog_url, self.report)
        for address in (channel.get("wp:base_site_url"), channel.get("link")):
            self.redirects.add_host(address or blog_url)
        self.authors = {}  # login key → Author
        self.categories = {}  # nicename → (section or None, Tag or None)
        # Tags the export declares (and sub-categories made tags), read in the first pass, outside
        # any item's savepoint: a post's tags are set from these without a query.
        self.tags_by_name = {}
        self.category_parents = {}  # nicename → parent nicename
        self.media = Uploads()  # → MediaRef of each attachment imported
        self.missing_files = Uploads()  # → file address of each attachment not found
        self.attachment_parents = {}  # attachment WordPress ID → (its post's ID, its page's address)
        self.attached = {}  # post ID → [(menu order, attachment ID)]: its [gallery] shows them
        self.reusable = {}  # reusable block (`wp_block`) ID → its content
        self.posts = {}  # WordPress post or page ID → page ID
        self.new_rows = []  # ImportedObject rows of pages made, not yet written
        self.page_parents = {}  # page ID → WordPress parent ID
        # The posts and pages imported before, read once: looking up a new one costs no query.
        self.imported = {Kind.POST: set(), Kind.PAGE: set()}
        for kind, wp_id in ImportedObject.objects.filter(
            **self.key, kind__in=list(self.imported)
        ).values_list("kind", "wp_id"):
            self.imported[kind].add(wp_id)

    def first_pass(self):
        for record in self.records(
            {"wp:author", "wp:category", "wp:tag", "wp:term", "item"}, 0.3, 0
        ):
            if record.kind == "wp:author":
                self.author(record.get("wp:author_login"), record)
            elif record.kind == "wp:category":
                self.category(record)
            elif record.kind == "wp:tag":
                self.tag(record)
            elif record.kind == "wp:term":
                self.report.skip_kind("term")
            elif record.get("wp:post_type") == "attachment":
                self.attachment(record)
            elif record.get("wp:post_type") == "nav_menu_item":
                self.menu_item(record)
            elif record.get("wp:post_type") == "wp_block":
                self.reusable[record.get("wp:post_id").strip()] = record.get("content:encoded")

    def second_pass(self):
        for item in self.records({"item"}, 0.7, 0.3):
            post_type = item.get("wp:post_type")
            if post_type in ("post", "page"):
                self.item(item, post_type)
            elif post_type != "attachment":
                self.report.skip_kind(post_type or "untyped item")
        self.write_articles()
        self.import_threads()
        self.nest_pages()
        self.attachment_redirects()
        self.redirects.flush()
        self.menus()

    # Recording what became of each WordPress object ----------------------------------------

    def mapping(self, kind, wp_id, obj, source="", state=""):
        return ImportedObject(
            **self.key,
            kind=kind,
            wp_id=str(wp_id),
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
            source_digest=source,
            state=state,
        )

    def mapped(self, kind, wp_id):
        """(ImportedObject, its object) from an earlier import, or (None, None)."""
        if kind in self.imported and str(wp_id) not in self.imported[kind]:
            return None, None
        self.save_new_rows()  # an item given twice finds the row its first copy made
        row = ImportedObject.objects.filter(**self.key, kind=kind, wp_id=str(wp_id)).first()
        target = row.target if row else None
        if row and target is None:  # deleted in Headline since: import it again
            row.delete()
            return None, None
        return row, target

    def save_new_rows(self):
        """Write the rows of the pages made since the last call, in one insert."""
        ImportedObject.objects.bulk_create(self.new_rows)
        self.new_rows = []

    def remember(self, kind, wp_id, obj, source="", state=""):
        ImportedObject.objects.update_or_create(
            **self.key,
            kind=kind,
            wp_id=str(wp_id),
            defaults={
                "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
                "object_id": obj.pk,
                "source_digest": source,
                "state": state,
                "imported_at": timezone.now(),
            },
        )

    # Authors -------------------------------------------------------------------------------

    def author(self, login, record=None):
        """The Author for a login, made from its `wp:author` record or, undeclared, its login."""
        key = values.login_key(login)
        if key in self.authors:
            return self.authors[key]
        fields = record.fields if record else {}
        full_name = " ".join(
            filter(None, (fields.get("wp:author_first_name"), fields.get("wp:author_last_name")))
        )
        name = values.text(fields.get("wp:author_display_name") or full_name or login, 120) or key
        source = values.digest(key, name)
        row, author = self.mapped(Kind.AUTHOR, key)
        if author is None:
            author = Author.objects.create(
                name=name, slug=self.free_author_slug(values.slug(key, name))
            )
            self.remember(Kind.AUTHOR, key, author, source, values.digest(author.name))
            self.report.count("author", "created")
        elif row.source_digest == source:
            self.report.count("author", "unchanged")
        elif row.state != values.digest(author.name) and not self.overwrite:
            self.report.skip("author", key, author.name, self.EDITED)
        else:
            author.name = name
            author.save()
            self.remember(Kind.AUTHOR, key, author, source, values.digest(author.name))
            self.report.count("author", "updated")
        self.authors[key] = author
        # Archive at /author/<nicename>/ (WordPress makes the nicename from the login) and ?author=ID.
        archive = [self.redirects.archive("author", values.slug(key, name))]
        if fields.get("wp:author_id"):
            archive.append(self.redirects.query("author", fields["wp:author_id"].strip()))
        self.redirects.add(archive, link=f"/authors/{author.slug}/")
        return author

    def free_author_slug(self, slug):
        taken = set(Author.objects.filter(slug__startswith=slug).values_list("slug", flat=True))
        return next(
            s for s in (slug, *(f"{slug}-{n}" for n in range(2, len(taken) + 3))) if s not in taken
        )

    # Categories and tags -------------------------------------------------------------------

    def category(self, record):
        nicename = record.get("wp:category_nicename").strip()
        name = values.text(record.get("wp:cat_name"), 255) or nicename
        parent = record.get("wp:category_parent").strip()
        if not nicename:
            self.report.skip("category", record.get("wp:term_id"), name, "no slug")
            return
        self.category_parents[nicename] = parent
        if parent:
            tag, created = self.tag_named(name)
            self.categories[nicename] = (None, tag)
            self.subcategory_tags[record.get("wp:term_id").strip()] = tag.name
            self.report.count("category", "created" if created else "unchanged")
            self.report.note(
                "category",
                record.get("wp:term_id"),
                name,
                f"a sub-category: kept as the tag “{tag.name}”",
            )
            target = f"/tags/{tag.slug}/"
        else:
            section = self.section(
                record.get("wp:term_id"), nicename, name, record.get("wp:category_description")
            )
            self.categories[nicename] = (section, None)
            target = None
        path = self.category_path(nicename)
        paths = [self.redirects.archive("category", *path)]
        if record.get("wp:term_id"):
            paths.append(self.redirects.query("cat", record.get("wp:term_id").strip()))
        if parent:
            self.redirects.add(paths, link=target)
        else:
            self.redirects.add(paths, page=self.categories[nicename][0])

    def category_path(self, nicename):
        """The nicenames from the top-level category down (WordPress's archive address)."""
        path, seen = [nicename], {nicename}
        while (parent := self.category_parents.get(path[0])) and parent not in seen:
            path.insert(0, parent)
            seen.add(parent)
        return path

    def section(self, term_id, nicename, name, description="", declared=True):
        """The section for a top-level category. One a post uses without the export declaring
        it is made too, but not counted among the export's categories (a note says so)."""
        count = self.report.count if declared else lambda kind, outcome: None
        row, section = self.mapped(Kind.CATEGORY, term_id or nicename)
        if section is None:
            slug = values.slug(nicename, name)
            section = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
            if section is None:
                slug = self.free_slug(self.home, slug)
                section = SectionPage(
                    title=values.title(name),
                    slug=slug,
                    intro=values.text(description, 500),
                    show_in_menus=False,  # `menus` decides at the end, once every item is read
                )
                self.add_child(self.home, section)
                section.save_revision(log_action=False).publish(log_action=False)
                self.new_sections[section.pk] = ((term_id or "").strip() or None, section)
                count("category", "created")
                if not declared:
                    self.report.note("category", nicename, name, "used by a post, not declared")
            else:
                count("category", "unchanged")
                self.report.note(
                    "category", term_id, name, f"filed in the existing section “{section.title}”"
                )
            self.remember(Kind.CATEGORY, term_id or nicename, section)
        else:
            count("category", "unchanged")
        return section

    def tag_named(self, name):
        """(taggit Tag, created) for `name`, the same tag for the same name."""
        name = values.text(name, 100)
        tag = self.tags_by_name.get(name) or Tag.objects.filter(name=name).first()
        created = tag is None
        if created:
            tag = Tag.objects.create(name=name)
        self.tags_by_name[name] = tag
        return tag, created

    def tag(self, record):
        name = record.get("wp:tag_name") or record.get("wp:tag_slug")
        tag, created = self.tag_named(name)
        self.report.count("tag", "created" if created else "unchanged")
        paths = [self.redirects.archive("tag", values.slug(record.get("wp:tag_slug"), name))]
        paths.append(self.redirects.query("tag", record.get("wp:tag_slug").strip()))
        self.redirects.add(paths, link=f"/tags/{tag.slug}/")

    def placement(self, item):
        """(home section, extra sections, tag names) of a post from its `category` elements."""
        sections, tags = [], []
        for domain, nicename, name in item.categories:
            nicename = (nicename or values.slug("", name)).strip()
            if domain == "category":
                if nicename not in self.categories:  # used but not defined at the top
                    self.categories[nicename] = (
                        self.section(None, nicename, name, declared=False),
                        None,
                    )
                section, tag = self.categories[nicename]
                if tag:
                    tags.append(tag)
                    section = self.categories.get(self.category_path(nicename)[0], (None,))[0]
                if section and section not in sections:
                    sections.append(section)
            elif domain == "post_tag":
                # A tag not declared is found or made by the tag manager, inside the post's
                # savepoint (so undone with it).
                name = values.text(name, 100)
                tags.append(self.tags_by_name.get(name, name))
        if not sections:
            sections.append(self.uncategorized_section())
        self.section_posts.update(section.pk for section in sections)
        return sections[0], sections[1:], tags

    def uncategorized_section(self):
        """WordPress files a post without category under "Uncategorized"; so do we."""
        section = self.categories.get("uncategorized", (None,))[0]
        if section is None:
            section = self.section(None, "uncategorized", "Uncategorized", declared=False)
            self.categories.setdefault("uncategorized", (section, None))
        return section

    # Menus ---------------------------------------------------------------------------------

    def menu_item(self, item):
        """Remember the category a WordPress menu item links. Headline's menu lists sections, so
        an item linking anything else (a sub-category, now a tag; a page; a link) gets a note."""
        meta = item.postmeta
        linked, linked_id = meta.get("_menu_item_object", ""), meta.get("_menu_item_object_id", "")
        title = values.title(item.get("title"))
        if meta.get("_menu_item_type") == "taxonomy" and linked == "category":
            self.menu_term_ids.add(linked_id.strip())
            tag = self.subcategory_tags.get(linked_id.strip())
            if tag is None:
                return
            what = f"the sub-category now kept as the tag “{tag}”"
        elif meta.get("_menu_item_type") == "custom":
            what = f"the address {values.text(meta.get('_menu_item_url'), 200)}"
        else:
            what = f"a {linked or 'item'} ({linked_id.strip() or 'no ID'})"
        self.report.note(
            "nav_menu_item",
            item.get("wp:post_id").strip(),
            title,
            f"links {what}: the menu lists sections only, so it is not in it",
        )

    def menus(self):
        """Which of the sections made by this import go in the site's menus: those the export's
        menus link; without such links, on a site with no section in its menus yet, the busiest
        (at most FRESH_MENU_SECTIONS); else none. Sections that existed before keep theirs."""
        made = list(self.new_sections.values())
        if not made:
            return
        if self.menu_term_ids:
            shown = [section for term_id, section in made if term_id in self.menu_term_ids]
        elif SectionPage.objects.descendant_of(self.home).live().in_menu().exists():
            shown = []
        else:
            busiest = sorted(  # stable: equal counts keep the file's order
                (section for _, section in made if self.section_posts[section.pk]),
                key=lambda section: -self.section_posts[section.pk],
            )
            shown = busiest[:FRESH_MENU_SECTIONS]
        Page.objects.filter(pk__in=[section.pk for section in shown]).update(show_in_menus=True)
        for section in shown:
            # The published revision too, or the editor's form would show it unticked.
            revision = section.latest_revision
            revision.content["show_in_menus"] = True
            revision.save(update_fields=["content"])
        self.report.menu_sections(
            [section.title for section in shown],
            [section.title for _, section in made if section not in shown],
        )

    # Attachments ---------------------------------------------------------------------------

    def attachment(self, item):
        wp_id = item.get("wp:post_id").strip()
        address = item.get("wp:attachment_url") or item.get("guid")
        title = values.title(item.get("title"))
        alt = values.text(item.postmeta.get("_wp_attachment_image_alt"), 250)
        parent = item.get("wp:post_parent").strip()
        self.attachment_parents[wp_id] = (parent, item.get("link"))
        order = values.integer(item.get("wp:menu_order"))
        self.attached.setdefault(parent, []).append((order, values.integer(wp_id)))
        row, obj = self.mapped(Kind.ATTACHMENT, wp_id)
        if obj is not None:
            ref = media.stored_ref(obj, alt)
            self.report.count("attachment", "unchanged")
        else:
            found = media.find(self.media_dir, item.postmeta.get("_wp_attached_file"), address)
            if found is None:
                self.report.skip_kind("attachment")
                self.report.missing(address)
                self.missing_files.add(wp_id, address, address)
                return
            try:
                obj, ref = media.store(found, title, alt)
            except ValueError as error:
                self.report.skip("attachment", wp_id, title, str(error))
                return
            self.created_files.append(obj.file)
            self.remember(Kind.ATTACHMENT, wp_id, obj)
            self.report.count("attachment", "created")
        ref = replace(ref, caption=values.text(item.get("excerpt:encoded"), 300))
        self.media.add(wp_id, address, ref)

    def attachment_redirects(self):
        """`?attachment_id=ID` and the attachment page → the post it belongs to, else the file."""
        for wp_id, (parent, link) in self.attachment_parents.items():
            paths = [
                self.redirects.query("attachment_id", wp_id),
                on_site(link, self.redirects.hosts),
            ]
            page_id = self.posts.get(parent)
            ref = self.media.by_id.get(wp_id)
            if page_id:
                self.redirects.add(paths, page=Page.objects.get(pk=page_id))
            elif ref is not None and ref.url:
                self.redirects.add(paths, link=ref.url)
            elif ref is not None:
                self.redirects.add(
                    paths, link=get_image_model().objects.get(pk=ref.image_id).file.url
                )

    # Posts and pages -----------------------------------------------------------------------

    def item(self, item, post_type):
        wp_id = item.get("wp:post_id").strip()
        status = item.get("wp:status").strip()
        title = values.title(item.get("title"))
        if status in SKIPPED_STATUSES:
            self.report.skip(post_type, wp_id, title, SKIPPED_STATUSES[status])
            return
        if wp_id in self.unwritten:  # given twice: the second copy updates the first
            self.write_articles()
        try:
            with transaction.atomic():
                self.store_page(item, post_type, wp_id, status, title)
        except ValidationError as error:
            messages = (
                "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
                if hasattr(error, "error_dict")
                else " ".join(error.messages)
            )
            self.report.skip(post_type, wp_id, title, f"not valid in Headline ({messages})")
            return
        if self.new_articles.full:
            self.write_articles()
        if len(self.threads) >= articles.BATCH:
            self.import_threads()

    def write_articles(self):
        self.new_articles.flush()
        self.unwritten.clear()
        self.save_new_rows()

    def import_threads(self):
        """The comments of the articles and pages placed since the last call, in one go."""
        threads, self.threads = self.threads, []
        if threads:
            import_comments(self, threads)

    def placed(self, item, post_type, wp_id, title, page):
        """What follows a page stored or left as it was: its old addresses, its comments."""
        self.posts[wp_id] = page.pk
        query = "p" if post_type == "post" else "page_id"
        paths = [self.redirects.query(query, wp_id)]
        paths += [on_site(item.get(field), self.redirects.hosts) for field in ("link", "guid")]
        self.redirects.add(paths, page=page)
        self.threads.append((item, page))

    def store_page(self, item, post_type, wp_id, status, title):
        kind = Kind.POST if post_type == "post" else Kind.PAGE
        source = values.digest(item.fields, item.categories, item.postmeta)
        row, page = self.mapped(kind, wp_id)
        if page is not None:
            page = page.specific
            if row.source_digest == source:
                self.report.count(post_type, "unchanged")
                self.placed(item, post_type, wp_id, title, page)
                return
            if row.state != str(page.latest_revision_id) and not self.overwrite:
                self.report.skip(post_type, wp_id, title, self.EDITED)
                self.placed(item, post_type, wp_id, title, page)
                return
        converted = convert(
            item.get("content:encoded"),
            self.media.get,
            site_url=self.site_url,
            attachments=[wp_id for _, wp_id in sorted(self.attached.get(wp_id, []))],
            reusable=self.reusable,
        )
        self.report.unknown_shortcodes.update(converted.unknown_shortcodes)
        self.report.unrendered_blocks.update(converted.unrendered_blocks)
        for address in converted.missing_media:
            # A size variant or `?attachment_id=N` of an attachment not found: its file, once.
            self.report.missing(self.missing_files.get(address) or address)
        notes = []
        if converted.as_paragraphs:
            notes.append(as_paragraphs_note(converted.as_paragraphs))
        if not values.has_title(item.get("title")):
            title = values.headline(converted.body)
            notes.append(
                "no title and no text in WordPress: write a headline for it, or unpublish it"
                if title == values.UNTITLED
                else "no title in WordPress: headlined with its first words; write a headline"
            )
        published = values.moment(item.get("wp:post_date_gmt"), item.get("wp:post_date"))
        modified = values.moment(item.get("wp:post_modified_gmt"), item.get("wp:post_modified"))
        now = timezone.now()
        if status not in ("publish", "private", "future"):
            published = None  # a draft's date is when it was last saved, not a publication
        elif published and published > now and status != "future":
            published = now  # published "in the future" by a clock: readers saw it now
        fields = {
            "title": title,
            "body": converted.body,
            "go_live_at": published
            if status == "future" and published and published > now
            else None,
        }
        if page is None or not page.first_published_at:
            fields["first_published_at"] = published if status != "future" else None
        # WordPress's "Allow comments" box, on posts and pages alike.
        fields["comments_enabled"] = item.get("wp:comment_status").strip() != "closed"
        if post_type == "post":
            home, extra, tags = self.placement(item)
            fields.update(
                standfirst=values.standfirst(item.get("excerpt:encoded"), converted.body, title),
                published_at=published,
                updated_at=modified
                if modified and published and published < modified <= now
                else None,
                top_story=item.get("wp:is_sticky").strip() == "1",
                lead_image_id=self.lead_image(item),
            )
            parent = home
        else:
            # Under its parent when that came first in the file; else moved there at the end.
            parent_page = self.posts.get(item.get("wp:post_parent").strip())
            parent = Page.objects.get(pk=parent_page).specific if parent_page else self.home
            if not isinstance(parent, StandardPage):
                parent = self.home
        created = page is None
        if created:
            model = ArticlePage if post_type == "post" else StandardPage
            page = model(
                slug=self.free_slug(parent, values.slug(item.get("wp:post_name"), title)),
                live=False,
                **fields,
            )
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        if post_type == "post":
            author = self.author(item.get("dc:creator")) if item.get("dc:creator").strip() else None
            page.article_authors = [ArticleAuthor(author=author, sort_order=0)] if author else []
            page.tags.set(tags)
            page.extra_sections = extra
        password = item.get("wp:post_password")

        def stored(page):
            if post_type == "page":
                self.page_parents[page.pk] = item.get("wp:post_parent").strip()
            if not created or status == "private" or (password or "").strip():
                self.restrict(page, status, password)
            revision_id = str(page.latest_revision_id)
            if created:  # no row left for it (see `mapped`)
                self.new_rows.append(self.mapping(kind, wp_id, page, source, revision_id))
                self.imported[kind].add(wp_id)
            else:
                self.remember(kind, wp_id, page, source, revision_id)
            self.report.count(post_type, "created" if created else "updated")
            if status == "private":
                notes.append("private in WordPress: only signed-in staff can open it")
            for note in notes:
                self.report.note(post_type, wp_id, title, note)
            self.placed(item, post_type, wp_id, title, page)

        if created and status in ("publish", "private") and post_type == "post":
            self.new_articles.add(parent, page, now, stored)
            self.child_slugs(parent).add(page.slug)
            self.unwritten.add(wp_id)
            return
        if created:
            self.add_child(parent, page)
        revision = page.save_revision(log_action=False)
        if status in ("publish", "private", "future"):
            revision.publish(log_action=False)
        elif page.live:
            page.unpublish(log_action=False)
        page.refresh_from_db(fields=["latest_revision"])
        stored(page)

    def add_child(self, parent, page):
        parent.add_child(instance=page)
        self.child_slugs(parent).add(page.slug)

    def child_slugs(self, parent):
        """The slugs taken under `parent`: read once, then kept as the import adds pages."""
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(
                Page.objects.child_of(parent).values_list("slug", flat=True)
            )
        return self.slugs[parent.pk]

    def free_slug(self, parent, slug):
        """`slug`, or the first of `slug-2`, `slug-3`… not taken under `parent`."""
        taken = self.child_slugs(parent)
        return next(
            s for s in (slug, *(f"{slug}-{n}" for n in range(2, len(taken) + 3))) if s not in taken
        )

    def lead_image(self, item):
        ref = self.media.by_id.get(item.postmeta.get("_thumbnail_id", "").strip())
        return ref.image_id if ref else None

    def restrict(self, page, status, password):
        """Private posts are for the newsroom (signed in); a post password is Wagtail's."""
        PageViewRestriction.objects.filter(page=page).delete()
        if status == "private":
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
        elif (password or "").strip():
            PageViewRestriction.objects.create(
                page=page,
                restriction_type=PageViewRestriction.PASSWORD,
                password=password.strip()[:255],
            )

    def nest_pages(self):
        """Pages whose WordPress parent is a page move under it (parents may come later in the
        file, so this waits for all of them)."""
        for page_id, parent_id in self.page_parents.items():
            target = self.posts.get(parent_id)
            if not target or target == page_id:
                continue
            page = Page.objects.get(pk=page_id)
            parent = Page.objects.get(pk=target)
            if (
                page.get_parent().pk != parent.pk
                and not parent.is_descendant_of(page)
                and isinstance(parent.specific, StandardPage)
            ):
                page.move(parent, pos="last-child")
