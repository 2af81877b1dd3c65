"""Admin-wide rules: the Wagtail admin offers no link to another host; bulk deletes are logged.

Wagtail's Help menu points at its online Editor Guide and release notes on guide.wagtail.org;
a newsroom's admin, like its public pages, stays on its own host (and every menu entry must open
for the user who sees it), so entries that leave the site are dropped. The keyboard shortcuts
entry stays.

Snippets deleted in bulk are logged here: Wagtail 8 logs a snippet's own delete view, not its
bulk delete.
"""

from urllib.parse import urlsplit

from wagtail import hooks
from wagtail.log_actions import log


@hooks.register("construct_help_menu")
def keep_help_on_this_site(request, menu_items):
    menu_items[:] = [item for item in menu_items if not urlsplit(item.url).netloc]


@hooks.register("before_delete_snippet")
def log_bulk_delete(request, instances):
    if request.resolver_match and request.resolver_match.url_name == "wagtail_bulk_action":
        for instance in instances:
            log(instance, "wagtail.delete")
