"""The default Site's address from SITE_URL.

Wagtail keeps the site's public address in the default Site (hostname and port, edited under
*Settings › Sites*); canonical links, structured data, feed links, edge-cache purges and every email
to a reader are built from it. A deployment configured by environment variables sets SITE_URL, and
after each `migrate` the default Site follows it (a receiver in `signals`): the address is then
the same in the admin's emails (WAGTAILADMIN_BASE_URL) and in readers' emails. Without SITE_URL the
Site keeps what the newsroom set in the admin.
"""

from urllib.parse import urlsplit

from wagtail.models import Site


def point_default_site(url):
    """Give the default Site the host and port of `url` (`scheme://host[:port]`; the port
    defaults to the scheme's, 443 for https, 80 otherwise). Returns the Site; saves it only if
    something changed (a save moves the `site` content version, which drops cached pages)."""
    parts = urlsplit(url)
    site = Site.objects.get(is_default_site=True)
    address = (parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    if (site.hostname, site.port) != address:
        site.hostname, site.port = address
        site.save()
    return site
