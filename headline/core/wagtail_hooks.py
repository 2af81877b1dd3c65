"""Admin-wide rules: the Wagtail admin offers no link to another host.

Wagtail's Help menu points at its online Editor Guide and release notes on guide.wagtail.org;
a newsroom's admin, like its public pages, stays on its own host (and every menu entry must open
for the user who sees it), so entries that leave the site are dropped. The keyboard shortcuts
entry stays.
"""

from urllib.parse import urlsplit

from wagtail import hooks


@hooks.register("construct_help_menu")
def keep_help_on_this_site(request, menu_items):
    menu_items[:] = [item for item in menu_items if not urlsplit(item.url).netloc]
