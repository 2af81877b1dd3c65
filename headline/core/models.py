"""Site-wide settings the newsroom edits in the admin (Settings › Site identity)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from . import freshness

# The content version (see `freshness`) of the site identity and Wagtail's Site records.
SITE = "site"
freshness.READ_AHEAD.add(SITE)


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """The publication's name and description, used by the header, feeds and search metadata."""

    name = models.CharField(max_length=100, default="Headline")
    tagline = models.CharField(max_length=200, blank=True, default="News you can trust")
    description = models.TextField(
        blank=True,
        default="Headline reports the news from home and abroad.",
        help_text="Used as the home page's meta description and feed description.",
    )
    language = models.CharField(max_length=10, default="en")

    panels = [
        FieldPanel("name"),
        FieldPanel("tagline"),
        FieldPanel("description"),
        FieldPanel("language"),
    ]

    class Meta:
        verbose_name = "site identity"

    @classmethod
    def for_site(cls, site):
        """The site's identity, from the shared cache while the `site` version holds: every
        page shows it, and it changes rarely."""
        if site is None:
            return super().for_site(site)  # Wagtail's error
        read = super().for_site
        return freshness.cached("site-identity", (SITE,), lambda: read(site), vary=(site.pk,))
