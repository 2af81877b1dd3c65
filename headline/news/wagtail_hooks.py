"""The newsroom's tag list in the admin: Editors rename, correct and delete tags.

Tags are taggit's; reporters create them by typing them on an article. A tag keeps its slug
(and so its /tags/<slug>/ address and feed) when renamed.
"""

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet


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
