"""The newsroom's admin: dashboard panels to start and follow articles, and the tag list.

- "New article in …": one button per section the user may add articles to.
- "Scheduled": articles waiting for their go-live time and live ones waiting for their expiry,
  each with its time in the newsroom's zone; one whose time has passed and has not happened is
  flagged overdue (the task worker is not running, or is behind); the article's editor warns too.
- Tags are taggit's; reporters create them by typing them on an article, Editors rename, correct
  and delete them. A tag keeps its slug (and so its /tags/<slug>/ address and feed) when renamed.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.utils import formats, timezone
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.models import Revision
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ArticlePage, SectionPage


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = "Tags"
    menu_name = "tags"
    menu_order = 210
    add_to_admin_menu = True
    panels = [FieldPanel("name")]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]


register_snippet(TagViewSet)


class NewArticlePanel(Component):
    name = "new_article"
    template_name = "news/admin/new_article_panel.html"
    order = 50

    def __init__(self, sections):
        self.sections = sections

    def get_context_data(self, parent_context):
        return {"sections": self.sections}


class ScheduledPanel(Component):
    name = "scheduled"
    template_name = "news/admin/scheduled_panel.html"
    order = 150

    def __init__(self, going_live, expiring):
        self.going_live = going_live
        self.expiring = expiring

    def get_context_data(self, parent_context):
        overdue = [rev for rev, _page in self.going_live if rev.overdue]
        overdue += [page for page in self.expiring if page.overdue]
        return {"going_live": self.going_live, "expiring": self.expiring, "overdue": overdue}


def scheduled_items(user):
    """([(revision, article)] waiting to go live, [article] live with an expiry), soonest first.

    Only articles `user` may edit; each item is flagged `overdue` once its time has passed.
    """
    now = timezone.now()
    revisions = list(
        Revision.objects.filter(
            approved_go_live_at__isnull=False,
            content_type=ContentType.objects.get_for_model(ArticlePage),
        ).order_by("approved_go_live_at")
    )
    scheduled = ArticlePage.objects.filter(pk__in=[int(rev.object_id) for rev in revisions])
    expiring = ArticlePage.objects.live().filter(expire_at__isnull=False).order_by("expire_at")
    pages = {page.pk: page for page in [*scheduled, *expiring]}
    allowed = {pk for pk, page in pages.items() if page.permissions_for_user(user).can_edit()}
    going_live = []
    for revision in revisions:
        if int(revision.object_id) in allowed:
            revision.overdue = revision.approved_go_live_at <= now
            going_live.append((revision, pages[int(revision.object_id)]))
    expiring = [pages[page.pk] for page in expiring if page.pk in allowed]
    for page in expiring:
        page.overdue = page.expire_at <= now
    return going_live, expiring


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    sections = [
        section
        for section in SectionPage.objects.order_by("path")
        if ArticlePage.can_create_at(section)
        and section.permissions_for_user(request.user).can_add_subpage()
    ]
    if sections:
        panels.append(NewArticlePanel(sections))
    going_live, expiring = scheduled_items(request.user)
    if going_live or expiring:
        panels.append(ScheduledPanel(going_live, expiring))


@hooks.register("before_edit_page")
def warn_of_overdue_schedule(request, page):
    """Wagtail's status panel keeps saying a page "will go live" after its time has passed."""
    revision = page.scheduled_revision if request.method == "GET" else None
    if revision is not None and revision.approved_go_live_at <= timezone.now():
        when = formats.date_format(
            timezone.localtime(revision.approved_go_live_at), "DATETIME_FORMAT"
        )
        messages.warning(
            request,
            f"Overdue: this page was scheduled to go live at {when} and is not live yet. "
            "Check that the task worker (manage.py db_worker) is running.",
        )
